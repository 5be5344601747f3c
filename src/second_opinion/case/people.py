"""The people whose cases a vault holds: the person switcher's list and its changes.

A person is added, renamed and deleted here; the rules (a name is needed, the last person
stays) live in ``services.people``. Deleting asks first: ``footprint`` says what would go.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.services import people as people_service
from second_opinion.services.people import PersonFootprint, PersonRow

if TYPE_CHECKING:
    from second_opinion.vault.vault import Vault

#: everything a person owns: deleting one changes every case-bound screen
_WHOLE_CASE = (
    Area.PROFILE,
    Area.INSURANCE,
    Area.RECORDS,
    Area.QUESTIONS,
    Area.VISITS,
    Area.OPINIONS,
    Area.GUIDE,
    Area.DOCUMENTS,
)


@dataclass(frozen=True)
class PersonDeleted:
    #: who is left, oldest first (never empty: the last person cannot be deleted)
    remaining: list[PersonRow]


def people(case: Case) -> list[PersonRow]:
    """Everyone in the vault, oldest first."""
    with case.reading() as session:
        return people_service.list_people(session)


def add_person(case: Case, name: str) -> Outcome[int]:
    """Add a person (``ValidationError`` for an empty or too long name); their id."""
    with case.unit() as session:
        new_id = people_service.add_person(session, name)
    return Outcome(new_id, Changes.of(Area.PEOPLE, new_id))


def rename_person(case: Case, person_id: int, name: str) -> Changes:
    with case.unit() as session:
        people_service.rename_person(session, person_id, name)
    return Changes.of(Area.PEOPLE, person_id, also=[Area.PROFILE])


def footprint(case: Case, person_id: int) -> PersonFootprint:
    """What deleting ``person_id`` would delete with them (asked before deleting)."""
    with case.reading() as session:
        return people_service.footprint(session, person_id)


def delete_person(case: Case, person_id: int) -> Outcome[PersonDeleted]:
    """Delete a person and their whole case; refused for the last person in the vault."""
    with case.unit() as session:
        people_service.delete_person(session, person_id)
        remaining = people_service.list_people(session)
    return Outcome(PersonDeleted(remaining), Changes.of(Area.PEOPLE, person_id, also=_WHOLE_CASE))


def create_vault_for(folder: Path, passphrase: str, name: str) -> Vault:
    """A new vault in ``folder`` holding one person, ``name``, whose case it starts."""
    from second_opinion.vault.vault import Vault

    vault = Vault.create(folder, passphrase)
    try:
        with vault.session() as session:
            people_service.add_person(session, name)
    except BaseException:
        vault.lock()
        raise
    return vault
