"""People in a vault: adding, renaming, and deleting one without touching anyone else."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from second_opinion.domain.enums import QuestionCategory, RecordKind
from second_opinion.domain.models import Contact, Question, RecordItem
from second_opinion.services.errors import ValidationError
from second_opinion.services.people import (
    add_person,
    delete_person,
    footprint,
    list_people,
    rename_person,
)
from tests.factories import make_contact


def test_names_are_stored_exactly_as_typed_apart_from_surrounding_space(session: Session):
    odd = "  Zoë <b>&amp; 李 שלום 🌼 "
    person_id = add_person(session, odd)
    assert list_people(session)[0].name == odd.strip()
    rename_person(session, person_id, "Ana")
    assert list_people(session)[0].name == "Ana"


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_blank_or_overlong_names_are_refused_on_the_name_field(session: Session, name: str):
    with pytest.raises(ValidationError) as err:
        add_person(session, name)
    assert err.value.field == "name"


def test_deleting_a_person_deletes_their_case_and_keeps_shared_contacts(session: Session):
    ada = add_person(session, "Ada")
    ben = add_person(session, "Ben")
    doctor = make_contact(session, "Dr. Shared")
    for person in (ada, ben):
        session.add(RecordItem(person_id=person, kind=RecordKind.LAB_RESULTS, holder_id=doctor.id))
        session.add(Question(person_id=person, text="Why?", category=QuestionCategory.DIAGNOSIS))
    session.flush()
    assert footprint(session, ada).records == 1
    delete_person(session, ada)
    session.flush()
    assert [p.name for p in list_people(session)] == ["Ben"]
    assert session.scalar(select(func.count()).select_from(RecordItem)) == 1
    assert session.scalar(select(func.count()).select_from(Question)) == 1
    assert session.get(Contact, doctor.id) is not None


def test_the_last_person_cannot_be_deleted(session: Session):
    only = add_person(session, "Only")
    with pytest.raises(ValidationError):
        delete_person(session, only)


def test_demo_case_has_what_the_app_needs_to_show(session: Session):
    from second_opinion.domain.enums import ContactRole, RequestState, VisitMode
    from second_opinion.domain.models import Opinion, Person, RecordRequest, Visit
    from second_opinion.services.demo import build_demo

    today = dt.date(2026, 11, 26)
    build_demo(session, today)
    assert session.scalar(select(func.count()).select_from(Person)) == 2
    roles = set(session.scalars(select(Contact.role)))
    assert roles >= {
        ContactRole.FIRST_OPINION,
        ContactRole.SECOND_OPINION_CANDIDATE,
        ContactRole.SECOND_OPINION_CHOSEN,
        ContactRole.PRIMARY_CARE,
        ContactRole.RECORDS_DEPARTMENT,
        ContactRole.INSURER,
        ContactRole.SUPPORT_PERSON,
    }
    states = set(session.scalars(select(RecordRequest.state)))
    assert states == set(RequestState)
    overdue = [
        r
        for r in session.scalars(select(RecordRequest))
        if r.state.is_open and r.effective_due_on is not None and r.effective_due_on < today
    ]
    assert overdue
    assert session.scalar(select(func.count()).select_from(Question)) >= 25
    modes = list(session.scalars(select(Visit.mode)))
    assert len(modes) >= 3 and VisitMode.TELEMEDICINE in modes
    diagnoses = {o.recommended_treatment for o in session.scalars(select(Opinion))}
    assert len(diagnoses) == 2


def test_demo_guide_progress_uses_the_guides_own_checklist_keys(session: Session):
    from second_opinion.domain.models import GuideProgress
    from second_opinion.services.demo import build_demo
    from second_opinion.services.guide import load_guide

    build_demo(session, dt.date(2026, 11, 26))
    known = {item.key for step in load_guide() for item in step.items}
    ticked = set(session.scalars(select(GuideProgress.item_key)))
    assert ticked and ticked <= known
