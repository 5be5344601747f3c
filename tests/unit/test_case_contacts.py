"""Saving a contact tells the screen whose independence verdicts the save changed."""

from __future__ import annotations

from second_opinion.case import contacts as case_contacts
from second_opinion.case.case import Case
from second_opinion.domain.enums import ContactRole
from second_opinion.services.contacts import ContactData
from second_opinion.services.people import add_person
from second_opinion.vault.vault import Vault

CANDIDATE = ContactRole.SECOND_OPINION_CANDIDATE


def _save(case: Case, name: str, role: ContactRole, organization: str) -> int:
    data = ContactData(name=name, role=role, organization=organization)
    return int(case_contacts.save_contact(case, data).value.row.id)


def test_a_new_first_opinion_doctor_changes_the_verdict_of_candidates_at_their_clinic(
    vault: Vault,
) -> None:
    with vault.session() as session:
        case = Case(vault, add_person(session, "Ada"))
    _save(case, "Dr. First", ContactRole.FIRST_OPINION, "Lakeside Clinic")
    same = _save(case, "Dr. Same", CANDIDATE, "Lakeside Clinic")
    later = _save(case, "Dr. Later", CANDIDATE, "Harbor Medical Group")
    _save(case, "Dr. Elsewhere", CANDIDATE, "Hillcrest Hospital")
    shown = case_contacts.contacts_board(case).findings
    assert set(shown) == {same}

    data = ContactData(
        name="Dr. Second", role=ContactRole.FIRST_OPINION, organization="Harbor Medical Group"
    )
    saved = case_contacts.save_contact(case, data, shown=shown).value
    assert saved.changed == {later}
    # The screen takes the save's answer, which is the one it would work out itself.
    assert case_contacts.changed_findings(shown, saved.findings, known=saved) == {later}
    assert case_contacts.changed_findings(shown, saved.findings) == {later}
    # Compared with findings the save was not given, the screen works it out itself.
    assert case_contacts.changed_findings({}, saved.findings, known=saved) == {same, later}
