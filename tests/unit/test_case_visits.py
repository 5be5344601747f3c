"""The Visits screen's case functions, without a QApplication."""

from __future__ import annotations

import datetime as dt

import pytest

from second_opinion.case import visits as case_visits
from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.domain.enums import ContactRole, QuestionCategory, VisitStatus
from second_opinion.services import questions
from second_opinion.services.errors import NotFound, ValidationError
from second_opinion.services.visits import VisitInput, VisitTiming
from tests.factories import make_contact, make_person

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def case(vault):
    with vault.session() as s:
        person = make_person(s, "Maria Lopez")
        doctor = make_contact(s, "Dr. Lena Park", ContactRole.SECOND_OPINION_CHOSEN)
        friend = make_contact(s, "Sam Rivera", ContactRole.SUPPORT_PERSON)
        nurse = make_contact(s, "Ann Nurse", ContactRole.RECORDS_DEPARTMENT)
        ids = {"doctor": doctor.id, "friend": friend.id, "nurse": nurse.id}
    return Case(vault, person.id), ids


def test_board_lists_next_visit_first_with_readiness_for_planned_ones(case) -> None:
    c, ids = case
    later = case_visits.save_visit(
        c, VisitInput(ids["doctor"], NOW + dt.timedelta(days=30), "UTC"), None, NOW
    )
    done = case_visits.save_visit(
        c,
        VisitInput(ids["doctor"], NOW - dt.timedelta(days=3), "UTC", status=VisitStatus.DONE),
        None,
        NOW,
    )
    soon = case_visits.save_visit(
        c, VisitInput(ids["doctor"], NOW + dt.timedelta(days=2), "UTC"), None, NOW
    )
    assert soon.changes.areas == {Area.VISITS}
    assert soon.changes.ids_in(Area.VISITS) == {soon.value.id}

    board = case_visits.visits_board(c, NOW)
    assert [r.visit.id for r in board.rows] == [soon.value.id, later.value.id, done.value.id]
    assert board.next_visit is not None and board.next_visit.visit.timing is VisitTiming.NEXT
    assert board.rows[0].readiness is not None and board.rows[0].readiness.checks
    assert board.rows[2].readiness is None  # a done visit needs no preparing


def test_save_refusal_keeps_nothing(case) -> None:
    c, ids = case
    with pytest.raises(ValidationError) as refused:
        case_visits.save_visit(c, VisitInput(ids["doctor"], NOW, "Atlantis/Capital"), None, NOW)
    assert refused.value.field == "time_zone"
    assert case_visits.visits_board(c, NOW).rows == []


def test_form_choices_put_doctors_first_and_keep_the_current_companion(case) -> None:
    c, ids = case
    saved = case_visits.save_visit(
        c,
        VisitInput(ids["doctor"], NOW + dt.timedelta(days=2), "UTC", companion_id=ids["nurse"]),
        None,
        NOW,
    )
    choices = case_visits.form_choices(c, None, NOW)
    assert choices.doctors[0].name == "Dr. Lena Park"
    assert [p.name for p in choices.companions] == ["Sam Rivera"]
    assert choices.existing is None
    edited = case_visits.form_choices(c, saved.value.id, NOW)
    assert edited.existing is not None and edited.existing.companion_id == ids["nurse"]
    assert {p.name for p in edited.companions} == {"Sam Rivera", "Ann Nurse"}


def test_mark_done_and_delete_name_what_they_change(case) -> None:
    c, ids = case
    visit_id = case_visits.save_visit(
        c, VisitInput(ids["doctor"], NOW + dt.timedelta(days=2), "UTC"), None, NOW
    ).value.id
    assert case_visits.mark_done(c, visit_id).areas == {Area.VISITS}
    assert case_visits.visits_board(c, NOW).rows[0].visit.status is VisitStatus.DONE

    with c.unit() as s:
        questions.create_question(
            s,
            c.person_id,
            questions.QuestionData(
                "Is surgery needed?", next(iter(QuestionCategory)), visit_id=visit_id
            ),
        )
    assert case_visits.linked_questions(c, visit_id) == 1
    deleted = case_visits.delete_visit(c, visit_id)
    assert deleted.value == 1
    assert deleted.changes.areas == {Area.VISITS, Area.QUESTIONS}
    with pytest.raises(NotFound):
        case_visits.delete_visit(c, visit_id)
