"""Questions: order that survives, the rules for text and answers, starter questions, and
what happens after a visit."""

from __future__ import annotations

import datetime as dt

import pytest

from second_opinion.domain.enums import ContactRole, Priority, QuestionCategory, VisitStatus
from second_opinion.domain.models import Visit
from second_opinion.services import questions as qs
from second_opinion.services import starter_questions as sq
from second_opinion.services.errors import ValidationError
from second_opinion.services.questions import QuestionData
from tests.factories import make_contact, make_person

C = QuestionCategory


def add(session, person_id, text, category=C.DIAGNOSIS, **kw):
    return qs.create_question(session, person_id, QuestionData(text=text, category=category, **kw))


def texts(session, person_id):
    return [q.text for q in qs.list_questions(session, person_id)]


@pytest.fixture
def person_id(session):
    return make_person(session).id


def test_new_questions_go_to_the_end_and_keep_their_fields(session, person_id):
    a = add(session, person_id, "  Is it benign?  ", priority=Priority.TOP)
    add(session, person_id, "What does it cost?", C.COSTS)
    assert texts(session, person_id) == ["Is it benign?", "What does it cost?"]
    assert a.priority == Priority.TOP and not a.asked and a.answer == ""


def test_blank_question_is_refused_on_its_field(session, person_id):
    with pytest.raises(ValidationError) as err:
        add(session, person_id, " \n ")
    assert err.value.field == "text"


def test_bad_input_is_stored_exactly(session, person_id):
    weird = "<b>Is “T2” & N0 right?</b> 🩺 هل هذا صحيح؟"
    q = add(session, person_id, weird, answer="y" * 50_000)
    assert qs.get_question(session, q.id).text == weird
    assert len(qs.get_question(session, q.id).answer) == 50_000


def test_move_before_is_what_a_drop_does(session, person_id):
    ids = [add(session, person_id, t).id for t in "ABCDE"]
    qs.move_before(session, person_id, [ids[3], ids[1]], ids[0])
    assert texts(session, person_id) == list("BDACE")
    qs.move_before(session, person_id, [ids[0]], None)
    assert texts(session, person_id) == list("BDCEA")


def test_move_before_refuses_a_question_that_is_gone(session, person_id):
    ids = [add(session, person_id, t).id for t in "AB"]
    qs.delete_question(session, ids[0])
    with pytest.raises(ValidationError):
        qs.move_before(session, person_id, [ids[0]], None)
    assert texts(session, person_id) == ["B"]


def test_an_answer_means_the_question_was_asked(session, person_id):
    row = add(session, person_id, "Stage?", answer="II", asked=False)
    assert row.asked
    assert not add(session, person_id, "Cost?", answer="  ").asked
    with pytest.raises(ValidationError) as err:
        add(session, person_id, "x" * (qs.MAX_TEXT_LENGTH + 1))
    assert err.value.field == "text" and "10,000" in str(err.value)


def test_delete_keeps_positions_dense(session, person_id):
    ids = [add(session, person_id, t).id for t in "ABC"]
    qs.delete_question(session, ids[1])
    assert [(q.text, q.position) for q in qs.list_questions(session, person_id)] == [
        ("A", 0),
        ("C", 1),
    ]


def test_each_person_has_their_own_list(session, person_id):
    other = make_person(session, "Other").id
    add(session, person_id, "Mine")
    add(session, other, "Theirs")
    assert texts(session, person_id) == ["Mine"]
    assert qs.list_questions(session, other)[0].position == 0


def _visit(session, person_id, doctor, days, status=VisitStatus.PLANNED):
    when = dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC) + dt.timedelta(days=days)
    v = Visit(person_id=person_id, doctor_id=doctor.id, starts_at=when, status=status)
    session.add(v)
    session.flush()
    return v.id


def test_rows_carry_their_visit_and_the_visits_to_pick(session, person_id):
    doctor = make_contact(session, "Dr. Rao", ContactRole.SECOND_OPINION_CANDIDATE)
    visit = _visit(session, person_id, doctor, 0)
    add(session, person_id, "Is the stage right?", visit_id=visit)
    add(session, person_id, "Will insurance pay?", C.COSTS, answer="Yes, 80 %")
    first, second = qs.list_questions(session, person_id)
    assert first.visit_doctor == "Dr. Rao" and first.visit_status == VisitStatus.PLANNED
    assert second.visit_id is None and second.visit_doctor == "" and second.answered
    choices = qs.list_visit_choices(session, person_id)
    assert [(c.id, c.doctor) for c in choices] == [(visit, "Dr. Rao")]


def test_a_visit_of_another_person_is_refused(session, person_id):
    other = make_person(session, "Other").id
    doctor = make_contact(session)
    visit = _visit(session, other, doctor, 0)
    with pytest.raises(ValidationError) as err:
        add(session, person_id, "Q", visit_id=visit)
    assert err.value.field == "visit_id"


def test_mark_asked_with_an_answer_and_carry_the_rest_to_the_next_visit(session, person_id):
    doctor = make_contact(session, "Dr. Rao", ContactRole.SECOND_OPINION_CANDIDATE)
    past = _visit(session, person_id, doctor, 0, VisitStatus.DONE)
    _visit(session, person_id, doctor, 5, VisitStatus.CANCELLED)
    later = _visit(session, person_id, doctor, 30)
    nearer = _visit(session, person_id, doctor, 10)
    answered = add(session, person_id, "Stage?", visit_id=past)
    asked_only = add(session, person_id, "Trials?", visit_id=past)
    not_asked = add(session, person_id, "Cost?", visit_id=past)

    row = qs.update_question(
        session,
        answered.id,
        QuestionData(text="Stage?", category=C.DIAGNOSIS, visit_id=past, answer="Stage II"),
    )
    assert row.asked and row.answered
    assert qs.mark_asked(session, answered.id, False).asked  # an answered question was asked
    qs.mark_asked(session, asked_only.id)

    now = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)
    target, moved = qs.carry_unanswered(session, past, now)
    assert (target, moved) == (nearer, 2)
    assert [q.text for q in qs.list_questions(session, person_id) if q.visit_id == nearer] == [
        "Trials?",
        "Cost?",
    ]
    assert all(not q.asked for q in qs.list_questions(session, person_id) if q.visit_id == nearer)
    assert [q.text for q in qs.list_questions(session, person_id) if q.visit_id == past] == [
        "Stage?"
    ]
    assert qs.carry_unanswered(session, later, now) == (None, 0)
    assert qs.get_question(session, not_asked.id).visit_id == nearer


def test_starter_catalogue_has_at_least_five_per_category_and_unique_keys():
    keys = [s.key for s in sq.STARTERS]
    assert len(keys) == len(set(keys))
    assert all(len(k) <= 64 for k in keys)
    for category in QuestionCategory:
        assert len(sq.starters(category)) >= 5, category


def test_adding_starters_twice_adds_nothing_even_after_rewording(session, person_id):
    first = sq.starters(C.RISKS)[0]
    assert sq.add_starter(session, person_id, first.key).starter_key == first.key
    q = qs.list_questions(session, person_id)[0]
    qs.update_question(session, q.id, QuestionData(text="My own words", category=C.RISKS))
    assert sq.add_starter(session, person_id, first.key) is None
    added = sq.add_category(session, person_id, C.RISKS)
    assert [r.text for r in added] == [s.text for s in sq.starters(C.RISKS)[1:]]
    assert sq.add_category(session, person_id, C.RISKS) == []
    assert len(qs.list_questions(session, person_id)) == len(sq.starters(C.RISKS))
    assert texts(session, person_id)[0] == "My own words"
    assert sq.added_keys(session, person_id) == {s.key for s in sq.starters(C.RISKS)}


def test_carry_finds_a_planned_visit_at_the_same_time_or_later_but_not_one_passed(
    session, person_id
):
    now = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)
    doctor = make_contact(session, "Dr. Rao", ContactRole.SECOND_OPINION_CANDIDATE)
    done = _visit(session, person_id, doctor, -30, VisitStatus.DONE)
    _visit(session, person_id, doctor, -10)  # still "planned", but its time is over
    first = _visit(session, person_id, doctor, 7)
    same_slot = _visit(session, person_id, doctor, 7)  # booked for the very same time
    add(session, person_id, "Stage?", visit_id=done)
    add(session, person_id, "Cost?", visit_id=first)
    assert qs.carry_unanswered(session, done, now) == (first, 1)
    assert qs.carry_unanswered(session, first, now) == (same_slot, 2)
    assert qs.carry_unanswered(session, same_slot, now) == (None, 0)


def test_new_questions_default_to_the_next_planned_visit(session, person_id):
    now = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)
    doctor = make_contact(session, "Dr. Rao", ContactRole.SECOND_OPINION_CANDIDATE)
    assert qs.default_visit(session, person_id, now) is None
    _visit(session, person_id, doctor, -10)  # planned, passed
    later = _visit(session, person_id, doctor, 20)
    sooner = _visit(session, person_id, doctor, 5)
    _visit(session, person_id, doctor, 2, VisitStatus.CANCELLED)
    assert qs.default_visit(session, person_id, now) == sooner
    assert later != sooner
