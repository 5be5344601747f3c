"""The Opinions screen's case functions, without a QApplication."""

from __future__ import annotations

import datetime as dt

import pytest

from second_opinion.case import opinions as case_opinions
from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.domain.enums import ContactRole
from second_opinion.services.errors import ValidationError
from second_opinion.services.opinions import OpinionInput
from tests.factories import make_contact, make_person


@pytest.fixture
def case(vault):
    with vault.session() as s:
        person = make_person(s, "Maria Lopez")
        first = make_contact(s, "Dr. Helen Ward", ContactRole.FIRST_OPINION)
        second = make_contact(s, "Dr. Aiko Tanaka", ContactRole.SECOND_OPINION_CHOSEN)
        friend = make_contact(s, "Sam Rivera", ContactRole.SUPPORT_PERSON)
        ids = {"first": first.id, "second": second.id, "friend": friend.id}
    return Case(vault, person.id), ids


def test_board_carries_the_comparison_and_its_verdict(case) -> None:
    c, ids = case
    board = case_opinions.opinions_board(c)
    assert board.opinions == [] and board.comparison is None
    a = case_opinions.save_opinion(
        c,
        OpinionInput(ids["first"], dt.date(2026, 9, 1), "Lymphoma", recommended_treatment="Chemo"),
        None,
    )
    assert a.changes.areas == {Area.OPINIONS} and a.changes.ids_in(Area.OPINIONS) == {a.value}
    assert case_opinions.opinions_board(c).comparison is None  # one opinion: nothing to compare
    case_opinions.save_opinion(
        c,
        OpinionInput(
            ids["second"], dt.date(2026, 9, 9), "lymphoma.", recommended_treatment="Radiation"
        ),
        None,
    )
    comparison = case_opinions.opinions_board(c).comparison
    assert comparison is not None
    assert comparison.differs and comparison.treatment_differs
    assert not comparison.diagnosis_differs


def test_form_choices_list_doctors_first(case) -> None:
    c, _ids = case
    choices = case_opinions.form_choices(c, None)
    assert [d.name for d in choices.doctors][-1] == "Sam Rivera"
    assert choices.existing is None


def test_decisions_and_deletes(case) -> None:
    c, ids = case
    with pytest.raises(ValidationError):
        case_opinions.add_decision(c, dt.date(2026, 11, 3), " ", "")
    decided = case_opinions.add_decision(c, dt.date(2026, 11, 3), "Third opinion", "They differ")
    assert decided.changes.areas == {Area.OPINIONS}
    opinion_id = case_opinions.save_opinion(
        c, OpinionInput(ids["first"], dt.date(2026, 9, 1), "Lymphoma"), None
    ).value
    board = case_opinions.opinions_board(c)
    assert [d.decision for d in board.decisions] == ["Third opinion"]
    assert case_opinions.delete_opinion(c, opinion_id).areas == {Area.OPINIONS}
    assert case_opinions.delete_decision(c, decided.value).areas == {Area.OPINIONS}
    board = case_opinions.opinions_board(c)
    assert board.opinions == [] and board.decisions == []
