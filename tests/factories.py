"""Small builders for test data, so each test states only what it is about."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from second_opinion.domain.enums import ContactRole
from second_opinion.domain.models import Contact, Person


def make_person(session: Session, name: str = "Test Person", **fields: Any) -> Person:
    person = Person(name=name, **fields)
    session.add(person)
    session.flush()
    return person


def make_contact(
    session: Session, name: str = "Dr. Test", role: ContactRole = ContactRole.OTHER, **fields: Any
) -> Contact:
    contact = Contact(name=name, role=role, **fields)
    session.add(contact)
    session.flush()
    return contact
