"""The people whose cases a vault holds (a caregiver may organize several)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from second_opinion.domain.models import (
    Opinion,
    Person,
    Question,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.services.errors import ValidationError, must_exist

MAX_NAME_LENGTH = 200


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str


@dataclass(frozen=True)
class PersonFootprint:
    """What deleting a person would delete with them, to say so before asking."""

    records: int
    requests: int
    questions: int
    visits: int
    opinions: int


def clean_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise ValidationError("A name is needed.", field="name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValidationError(f"A name can be at most {MAX_NAME_LENGTH} characters.", field="name")
    return cleaned


def list_people(session: Session) -> list[PersonRow]:
    rows = session.execute(select(Person.id, Person.name).order_by(Person.id)).all()
    return [PersonRow(id=r.id, name=r.name) for r in rows]


def add_person(session: Session, name: str) -> int:
    person = Person(name=clean_name(name))
    session.add(person)
    session.flush()
    return person.id


def rename_person(session: Session, person_id: int, name: str) -> None:
    person = must_exist(session, Person, person_id, "This person no longer exists.")
    person.name = clean_name(name)


def footprint(session: Session, person_id: int) -> PersonFootprint:
    def count(model: type) -> int:
        stmt = select(func.count()).select_from(model).where(model.person_id == person_id)  # type: ignore[attr-defined]
        return int(session.scalar(stmt) or 0)

    return PersonFootprint(
        records=count(RecordItem),
        requests=count(RecordRequest),
        questions=count(Question),
        visits=count(Visit),
        opinions=count(Opinion),
    )


def delete_person(session: Session, person_id: int) -> None:
    """Delete a person and everything of their case; shared contacts stay."""
    person = must_exist(session, Person, person_id, "This person no longer exists.")
    if len(list_people(session)) <= 1:
        raise ValidationError("The last person in a vault cannot be deleted.")
    session.delete(person)
