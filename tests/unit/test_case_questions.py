"""The Questions screen's case functions: its read model and what each change announces."""

from __future__ import annotations

import datetime as dt

import pytest

from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.case.questions import (
    add_starter,
    add_starter_category,
    carry_unanswered,
    delete_questions,
    move_questions,
    questions_board,
    save_question,
    set_asked,
    starter_keys,
    use_open_questions,
)
from second_opinion.domain.enums import ContactRole, QuestionCategory, VisitStatus
from second_opinion.domain.models import Visit
from second_opinion.services import starter_questions as sq
from second_opinion.services.errors import ValidationError
from second_opinion.services.questions import QuestionData
from tests.factories import make_contact, make_person

C = QuestionCategory


@pytest.fixture
def case(vault):
    with vault.session() as s:
        person_id = make_person(s).id
    return Case(vault, person_id)


def _visit(case, days, status=VisitStatus.PLANNED):
    with case.vault.session() as s:
        doctor = make_contact(s, f"Dr. Day{days}", ContactRole.SECOND_OPINION_CANDIDATE)
        visit = Visit(
            person_id=case.person_id,
            doctor_id=doctor.id,
            starts_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=days),
            status=status,
        )
        s.add(visit)
        s.flush()
        return visit.id


def _texts(case):
    return [r.text for r in questions_board(case).rows]


def test_the_board_has_the_questions_in_order_and_the_visits_to_pick(case):
    visit = _visit(case, 3)
    save_question(case, QuestionData(text="A", category=C.DIAGNOSIS, visit_id=visit))
    save_question(case, QuestionData(text="B", category=C.COSTS))
    board = questions_board(case)
    assert [r.text for r in board.rows] == ["A", "B"]
    assert [v.id for v in board.visits] == [visit]
    assert board.default_visit_id == visit  # new questions go to the next planned visit
    assert board.rows[0].visit_doctor == "Dr. Day3"


def test_saving_names_questions_and_visits_and_refuses_a_blank_question(case):
    outcome = save_question(case, QuestionData(text=" Stage? ", category=C.DIAGNOSIS))
    assert outcome.value.text == "Stage?"
    assert outcome.changes.areas == {Area.QUESTIONS, Area.VISITS}
    assert outcome.changes.ids_in(Area.QUESTIONS) == {outcome.value.id}
    edited = save_question(
        case, QuestionData(text="Grade?", category=C.DIAGNOSIS), outcome.value.id
    )
    assert edited.value.id == outcome.value.id and _texts(case) == ["Grade?"]
    with pytest.raises(ValidationError):
        save_question(case, QuestionData(text=" ", category=C.DIAGNOSIS))
    assert _texts(case) == ["Grade?"]  # nothing of the refused unit was kept


def test_a_move_names_only_questions_and_a_stale_move_is_refused(case):
    ids = [save_question(case, QuestionData(text=t, category=C.RISKS)).value.id for t in "ABC"]
    changes = move_questions(case, [ids[2]], ids[0])
    assert changes.areas == {Area.QUESTIONS}
    assert _texts(case) == list("CAB")
    delete_questions(case, [ids[0]])
    with pytest.raises(ValidationError):
        move_questions(case, [ids[0]], None)
    assert _texts(case) == list("CB")


def test_asked_and_delete_return_the_rows_to_show(case):
    ids = [save_question(case, QuestionData(text=t, category=C.RISKS)).value.id for t in "ABC"]
    rows = set_asked(case, ids[:2], True).value
    assert [r.asked for r in rows] == [True, True]
    outcome = delete_questions(case, [ids[0], ids[0]])  # twice: the second is already gone
    assert [(r.text, r.position) for r in outcome.value] == [("B", 0), ("C", 1)]
    assert Area.VISITS in outcome.changes.areas


def test_starters_return_the_new_rows_and_nothing_twice(case):
    first = sq.starters(C.PROGNOSIS)[0]
    assert [r.text for r in add_starter(case, first.key).value] == [first.text]
    again = add_starter(case, first.key)
    assert again.value == [] and not again.changes
    rest = add_starter_category(case, C.PROGNOSIS)
    assert len(rest.value) == len(sq.starters(C.PROGNOSIS)) - 1
    assert starter_keys(case) == {s.key for s in sq.starters(C.PROGNOSIS)}


def test_carry_moves_the_unanswered_questions_to_the_next_visit(case):
    past = _visit(case, -3, VisitStatus.DONE)
    upcoming = _visit(case, 10)
    save_question(case, QuestionData(text="Asked", category=C.RISKS, visit_id=past, answer="Yes"))
    save_question(case, QuestionData(text="Open", category=C.RISKS, visit_id=past))
    outcome = carry_unanswered(case, past)
    assert (outcome.value.to_visit_id, outcome.value.moved) == (upcoming, 1)
    assert outcome.changes.areas == {Area.QUESTIONS, Area.VISITS}
    by_text = {r.text: r.visit_id for r in questions_board(case).rows}
    assert by_text == {"Asked": past, "Open": upcoming}
    nothing = carry_unanswered(case, upcoming)
    assert nothing.value.to_visit_id is None and not nothing.changes


def test_use_open_questions_links_only_the_open_unlinked_ones_to_the_visit(case):
    visit = _visit(case, 3)
    other = _visit(case, 9)
    open_a = save_question(case, QuestionData(text="Open A", category=C.DIAGNOSIS)).value
    open_b = save_question(case, QuestionData(text="Open B", category=C.COSTS)).value
    save_question(case, QuestionData(text="Asked", category=C.COSTS, asked=True))
    save_question(case, QuestionData(text="Answered", category=C.COSTS, answer="Yes", asked=True))
    save_question(case, QuestionData(text="Elsewhere", category=C.COSTS, visit_id=other))

    outcome = use_open_questions(case, visit)

    assert outcome.value == 2
    assert outcome.changes.touches(Area.QUESTIONS)
    assert outcome.changes.touches(Area.VISITS)
    by_text = {r.text: r.visit_id for r in questions_board(case).rows}
    assert by_text == {
        "Open A": visit,
        "Open B": visit,
        "Asked": None,
        "Answered": None,
        "Elsewhere": other,
    }
    assert {open_a.id, open_b.id} <= outcome.changes.ids_in(Area.QUESTIONS)
    # Nothing left to link: a second click changes nothing.
    again = use_open_questions(case, visit)
    assert again.value == 0
    assert not again.changes.touches(Area.QUESTIONS)
