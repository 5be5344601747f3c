"""Which records a doctor is expected to need: the one rule behind a visit's readiness and
the packet's "Still missing".

A doctor needs the records on requests addressed to them, and the kinds their specialty
works with: a pathologist reads slides and pathology reports, a radiologist images and
imaging reports. That mapping is kept small on purpose: it says nothing about what other
specialists need, who get what was requested for them. The person can mark any of these
"not needed for this doctor"; the mark is stored and the record is no longer listed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from second_opinion.domain.enums import RecordKind
from second_opinion.domain.models import (
    Contact,
    ItemNotNeeded,
    RecordItem,
    RecordRequest,
    record_request_item,
)
from second_opinion.services.errors import ValidationError, must_exist
from second_opinion.services.pacing import paced

#: words in a specialty (lower case) -> the kinds of records that specialty works with
_SPECIALTY_KINDS: tuple[tuple[str, frozenset[RecordKind]], ...] = (
    ("patholog", frozenset({RecordKind.PATHOLOGY_MATERIAL, RecordKind.PATHOLOGY_REPORT})),
    ("radiolog", frozenset({RecordKind.IMAGING_FILES, RecordKind.IMAGING_REPORT})),
)


def kinds_for_specialty(specialty: str) -> frozenset[RecordKind]:
    """The kinds of records a doctor of ``specialty`` works with; empty when not known."""
    text = specialty.casefold()
    kinds: set[RecordKind] = set()
    for word, fitting in _SPECIALTY_KINDS:
        if word in text:
            kinds |= fitting
    return frozenset(kinds)


@dataclass(frozen=True)
class Candidate:
    """A record a doctor is expected to need, and why; ``not_needed`` when the person said
    this doctor does not need it."""

    item_id: int
    kind: RecordKind
    description: str
    on_request: bool
    by_specialty: bool
    not_needed: bool


def _candidates(
    session: Session, person_id: int, doctor_ids: Iterable[int]
) -> dict[int, list[Candidate]]:
    doctors = list(dict.fromkeys(doctor_ids))
    if not doctors:
        return {}
    specialties = {
        contact_id: kinds_for_specialty(specialty)
        for contact_id, specialty in session.execute(
            select(Contact.id, Contact.specialty).where(Contact.id.in_(doctors))
        )
    }
    requested: dict[int, set[int]] = defaultdict(set)
    for recipient_id, item_id in session.execute(
        select(RecordRequest.recipient_id, record_request_item.c.item_id)
        .join(record_request_item, record_request_item.c.request_id == RecordRequest.id)
        .where(RecordRequest.person_id == person_id, RecordRequest.recipient_id.in_(doctors))
    ):
        requested[recipient_id].add(item_id)
    marked: dict[int, set[int]] = defaultdict(set)
    for contact_id, item_id in session.execute(
        select(ItemNotNeeded.contact_id, ItemNotNeeded.item_id)
        .join(RecordItem, RecordItem.id == ItemNotNeeded.item_id)
        .where(RecordItem.person_id == person_id, ItemNotNeeded.contact_id.in_(doctors))
    ):
        marked[contact_id].add(item_id)
    items = session.execute(
        select(RecordItem.id, RecordItem.kind, RecordItem.description)
        .where(RecordItem.person_id == person_id)
        .order_by(RecordItem.date_of_service.is_(None), RecordItem.date_of_service, RecordItem.id)
    ).all()
    found: dict[int, list[Candidate]] = {}
    for doctor in paced(doctors):
        kinds = specialties.get(doctor, frozenset())
        found[doctor] = [
            Candidate(
                item_id=item_id,
                kind=kind,
                description=description,
                on_request=item_id in requested[doctor],
                by_specialty=kind in kinds,
                not_needed=item_id in marked[doctor],
            )
            for item_id, kind, description in items
            if item_id in requested[doctor] or kind in kinds
        ]
    return found


def candidates(session: Session, person_id: int, doctor_id: int) -> list[Candidate]:
    """Every record ``doctor_id`` is expected to need, including those marked not needed."""
    return _candidates(session, person_id, [doctor_id])[doctor_id]


def expected_items(
    session: Session, person_id: int, doctor_ids: Iterable[int]
) -> dict[int, set[int]]:
    """For each doctor, the ids of the records they are expected to need, less the marks."""
    return {
        doctor: {c.item_id for c in found if not c.not_needed}
        for doctor, found in _candidates(session, person_id, doctor_ids).items()
    }


def set_not_needed(
    session: Session, person_id: int, doctor_id: int, item_ids: Iterable[int]
) -> None:
    """The person's marks for one doctor: exactly ``item_ids`` are not needed by them."""
    must_exist(session, Contact, doctor_id, "This doctor is no longer in your contacts.")
    wanted = set(item_ids)
    if wanted:
        mine = set(
            session.scalars(
                select(RecordItem.id).where(
                    RecordItem.id.in_(wanted), RecordItem.person_id == person_id
                )
            )
        )
        if mine != wanted:
            raise ValidationError("Choose records from this person's list.")
    person_items = select(RecordItem.id).where(RecordItem.person_id == person_id)
    session.execute(
        delete(ItemNotNeeded).where(
            ItemNotNeeded.contact_id == doctor_id,
            ItemNotNeeded.item_id.in_(person_items),
            ItemNotNeeded.item_id.not_in(wanted),
        )
    )
    have = set(
        session.scalars(
            select(ItemNotNeeded.item_id).where(
                ItemNotNeeded.contact_id == doctor_id, ItemNotNeeded.item_id.in_(wanted)
            )
        )
    )
    session.add_all(
        ItemNotNeeded(item_id=item_id, contact_id=doctor_id) for item_id in sorted(wanted - have)
    )
    session.flush()
