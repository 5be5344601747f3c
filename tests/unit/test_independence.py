"""The independence check: a second opinion from the same organization is flagged, with why."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from second_opinion.domain.enums import ContactRole
from second_opinion.services import contacts, independence
from second_opinion.services.contacts import ContactData
from second_opinion.services.independence import check, flag_dependent, normalize_organization

FIRST = ContactRole.FIRST_OPINION
CANDIDATE = ContactRole.SECOND_OPINION_CANDIDATE
CHOSEN = ContactRole.SECOND_OPINION_CHOSEN


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("St. Mary's Health", "st marys health"),
        ("St Mary’s  Health", "ST. MARYS HEALTH"),
        ("Hôpital Saint-Louis", "hopital saint louis"),
        ("Mercy Health & Clinics", "Mercy Health and Clinics"),
        ("  Lakeside, Inc.", "lakeside inc"),
        ("Saint Mary's Health", "St. Marys Health"),
        ("The Lakeside Clinic, LLC", "lakeside clinic"),
        ("Mount Sinai Cancer Centre", "Mt. Sinai Cancer Center"),
    ],
)
def test_spelling_variants_normalise_alike(a, b):
    assert normalize_organization(a) == normalize_organization(b)


def test_different_organizations_stay_different():
    assert normalize_organization("St. Mary's Health") != normalize_organization(
        "St. Mark's Health"
    )
    assert normalize_organization("") == ""
    assert normalize_organization("The Clinic") != normalize_organization("Clinic Inc of Boston")
    assert normalize_organization("Inc") == "inc"  # a name is never reduced to nothing


def _c(name, role, organization="", health_system=""):
    return ContactData(name=name, role=role, organization=organization, health_system=health_system)


def test_check_finds_a_shared_organization_with_a_reason():
    first = _c("Dr. Kim", FIRST, "St. Mary's Health")
    finding = check(first, _c("Dr. Rao", CANDIDATE, "st marys health"))
    assert finding is not None
    assert finding.shared_name == "st marys health"
    assert finding.first_opinion_field == "organization"
    assert "Dr. Kim" in finding.reason and "organization" in finding.reason


def test_check_matches_organization_against_health_system_either_way():
    first = _c("Dr. Kim", FIRST, "Riverside Clinic", "Mercy Health")
    finding = check(first, _c("Dr. Rao", CANDIDATE, "Mercy Health"))
    assert finding is not None
    assert (finding.candidate_field, finding.first_opinion_field) == (
        "organization",
        "health_system",
    )
    assert "health system" in finding.reason
    assert check(first, _c("Dr. Ng", CANDIDATE, "Lakeside", "Riverside clinic")) is not None


def test_independent_or_blank_affiliations_are_not_flagged():
    first = _c("Dr. Kim", FIRST, "St. Mary's Health")
    assert check(first, _c("Dr. Rao", CANDIDATE, "Lakeside Cancer Center")) is None
    assert check(_c("Dr. Kim", FIRST), _c("Dr. Rao", CANDIDATE)) is None


def test_flag_dependent_marks_only_second_opinion_doctors(session):
    def add(name, role, org="", system=""):
        return contacts.create_contact(session, _c(name, role, org, system)).id

    add("Dr. Kim", FIRST, "St. Mary's Health")
    add("Dr. Ortiz", FIRST, "Valley Oncology", "North Star Health")
    same = add("Dr. Rao", CANDIDATE, "st marys health")
    system = add("Dr. Chen", CHOSEN, "Hillside Hospital", "North-Star Health")
    free = add("Dr. Ng", CANDIDATE, "Lakeside Cancer Center")
    colleague = add("Dr. Lee", ContactRole.PRIMARY_CARE, "St. Mary's Health")

    flagged = independence.independence_findings(session)
    assert set(flagged) == {same, system}
    assert flagged[same][0].first_opinion_name == "Dr. Kim"
    assert flagged[system][0].first_opinion_name == "Dr. Ortiz"
    assert free not in flagged and colleague not in flagged


def test_no_first_opinion_doctor_means_nothing_to_flag():
    assert flag_dependent([]) == {}


@dataclass(frozen=True)
class _Contact:
    id: int | None
    name: str
    role: ContactRole
    organization: str
    health_system: str


def _pairwise_flag_dependent(contacts):
    """The check as it was before it was made fast: each candidate against the index, one
    finding built per pair. The fast version must give exactly these findings, in this order."""
    index = {}
    for contact in contacts:
        if contact.role != FIRST:
            continue
        for field, _shown, key in independence._names(contact):
            index.setdefault(key, []).append((contact, field))
    flagged = {}
    for contact in contacts:
        if not ContactRole(contact.role).is_second_opinion:
            continue
        found, seen = [], set()
        for candidate_field, shown, key in independence._names(contact):
            for first, first_field in index.get(key, []):
                if first.id == contact.id or id(first) in seen:
                    continue
                seen.add(id(first))
                found.append(
                    independence.IndependenceFinding(
                        first.id, first.name, shown, candidate_field, first_field
                    )
                )
        if found:
            flagged[contact.id] = found
    return flagged


# The same few places typed in the ways people type them, plus blanks.
_SPELLINGS = (
    ("St. Mary's Health", "st marys health", "Saint Mary’s Health, Inc."),
    ("Riverbend Medical Center", "RIVERBEND MEDICAL CENTRE", "The Riverbend Medical Center"),
    ("Lakeshore Cancer Institute", "lakeshore cancer institute llc"),
    ("North-Star Health", "North Star Health"),
    ("Hôpital Saint-Louis", "hopital st louis"),
    ("Valley Oncology",),
    ("",),
    ("   ",),
)


def _generated(seed: int, n: int = 400) -> list[_Contact]:
    rng = random.Random(seed)
    roles = [FIRST, CANDIDATE, CHOSEN, ContactRole.SPECIALIST, ContactRole.OTHER]

    def place() -> str:
        return rng.choice(rng.choice(_SPELLINGS))

    contacts = [
        _Contact(n_, f"Dr. {n_}", rng.choice(roles), place(), place()) for n_ in range(1, n + 1)
    ]
    # Inconsistent input the check still has to survive: a candidate carrying the id of a
    # first-opinion doctor, and contacts without an id.
    first = next(c for c in contacts if c.role == FIRST)
    contacts.append(_Contact(first.id, "Dr. Twin", CANDIDATE, first.organization, place()))
    contacts.append(_Contact(None, "Dr. Unsaved", FIRST, place(), place()))
    return contacts


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_flag_dependent_gives_the_pairwise_findings(seed):
    contacts = _generated(seed)
    expected = _pairwise_flag_dependent(contacts)
    assert len(expected) > 50  # the data really exercises the check
    assert flag_dependent(contacts) == expected


def test_flagged_contacts_do_not_share_one_list():
    first = _Contact(1, "Dr. Kim", FIRST, "Valley Oncology", "")
    a = _Contact(2, "Dr. Rao", CANDIDATE, "Valley Oncology", "")
    b = _Contact(3, "Dr. Ng", CANDIDATE, "Valley Oncology", "")
    flagged = flag_dependent([first, a, b])
    flagged[2].clear()
    assert [f.first_opinion_name for f in flagged[3]] == ["Dr. Kim"]
