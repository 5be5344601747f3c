"""Doctors and contacts: the contact book's read model and its changes.

Contacts are shared by every person in the vault, so these operations ignore the current
person. The board carries the independence findings with the rows, so the screen only shows
what the rule (``services.independence``) decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.domain.enums import ContactRole
from second_opinion.services import contacts as contact_service
from second_opinion.services import vcard as vcard_service
from second_opinion.services.contacts import ContactData, ContactReferences, ContactRow
from second_opinion.services.independence import IndependenceFinding, flag_dependent

#: the only roles the independence check reads
CHECKED_ROLES = [r for r in ContactRole if r == ContactRole.FIRST_OPINION or r.is_second_opinion]


@dataclass(frozen=True)
class ContactsBoard:
    """What the Doctors & contacts screen shows."""

    rows: list[ContactRow]
    findings: dict[int, list[IndependenceFinding]]


@dataclass(frozen=True)
class ContactSaved:
    row: ContactRow
    #: every contact's independence findings after the save (one save can change others')
    findings: dict[int, list[IndependenceFinding]]
    #: the findings the screen showed, as given to the save (None if none were given) ...
    shown: dict[int, list[IndependenceFinding]] | None = None
    #: ... and the contacts whose findings differ from them: compared here, on the worker,
    #: not on the GUI thread (with thousands of flagged contacts, a pause one would notice)
    changed: frozenset[int] = frozenset()


def contacts_board(case: Case) -> ContactsBoard:
    with case.reading() as session:
        rows = contact_service.list_contacts(session)
    return ContactsBoard(rows, flag_dependent(rows))


def independence_findings(case: Case) -> dict[int, list[IndependenceFinding]]:
    with case.reading() as session:
        return flag_dependent(contact_service.list_contacts(session, roles=CHECKED_ROLES))


def save_contact(
    case: Case,
    data: ContactData,
    contact_id: int | None = None,
    shown: dict[int, list[IndependenceFinding]] | None = None,
) -> Outcome[ContactSaved]:
    """Create (``contact_id`` None) or update a contact; refused with a ``ValidationError``.

    ``shown``: the findings on screen, to learn whose findings the save changed."""
    with case.unit() as session:
        if contact_id is None:
            row = contact_service.create_contact(session, data)
        else:
            row = contact_service.update_contact(session, contact_id, data)
        checked = contact_service.list_contacts(session, roles=CHECKED_ROLES)
    findings = flag_dependent(checked)
    changed = frozenset() if shown is None else changed_findings(shown, findings)
    return Outcome(ContactSaved(row, findings, shown, changed), Changes.of(Area.CONTACTS, row.id))


def changed_findings(
    before: dict[int, list[IndependenceFinding]],
    after: dict[int, list[IndependenceFinding]],
    known: ContactSaved | None = None,
) -> frozenset[int]:
    """The contacts whose independence findings differ between two readings.

    ``known``: a save that already compared the two (on the worker), whose answer is used.
    """
    if known is not None and known.shown is before and known.findings is after:
        return known.changed
    return frozenset(
        cid for cid in before.keys() | after.keys() if before.get(cid) != after.get(cid)
    )


def references(case: Case, contact_id: int) -> ContactReferences:
    """What refers to a contact (asked before deleting it); ``NotFound`` if it is gone."""
    with case.reading() as session:
        return contact_service.contact_references(session, contact_id)


def delete_contact(case: Case, contact_id: int) -> Outcome[ContactReferences]:
    with case.unit() as session:
        unlinked = contact_service.delete_contact(session, contact_id)
    also = [Area.RECORDS] if unlinked.record_items else []
    if unlinked.companions:
        also.append(Area.VISITS)
    return Outcome(unlinked, Changes.of(Area.CONTACTS, contact_id, also=also))


def import_vcard_file(case: Case, path: Path) -> Outcome[vcard_service.ImportSummary]:
    """Read a vCard file and add its cards; ``VCardFileError`` if the file cannot be read."""
    text = vcard_service.read_vcard_file(path)
    with case.unit() as session:
        summary = vcard_service.import_vcards(session, text)
    changes = Changes.of(Area.CONTACTS, *summary.imported) if summary.imported else Changes()
    return Outcome(summary, changes)


def export_vcard_file(path: Path, rows: list[ContactRow]) -> int:
    """Write ``rows`` as vCards to ``path`` (private, atomic); the count written."""
    vcard_service.write_private_file(path, vcard_service.export_vcards(rows))
    return len(rows)
