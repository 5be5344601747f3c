"""Starter questions in Spanish: stored as text in the person's language when added."""

from __future__ import annotations

import pytest

from second_opinion.case.case import Case
from second_opinion.case.questions import add_starter, add_starter_category
from second_opinion.domain.enums import QuestionCategory as C
from second_opinion.services import starter_questions as sq
from second_opinion.vault.vault import Vault
from tests.factories import make_person


@pytest.fixture
def case(vault: Vault) -> Case:
    with vault.session() as session:
        person = make_person(session)
        session.flush()
        person_id = person.id
    return Case(vault, person_id)


def test_every_starter_has_a_spanish_wording() -> None:
    assert set(sq.SPANISH) == {s.key for s in sq.STARTERS}
    for starter in sq.STARTERS:
        spanish = starter.text_in("es_US")
        assert spanish != starter.text
        assert spanish.startswith("¿") or "¿" in spanish, starter.key
        assert spanish.endswith("?"), starter.key
        assert starter.text_in("en") == starter.text == starter.text_in("de_DE")


def test_a_starter_added_in_spanish_is_stored_in_spanish_and_only_once(case: Case) -> None:
    first = sq.starters(C.DIAGNOSIS)[0]
    added = add_starter(case, first.key, "es").value
    assert [r.text for r in added] == [sq.SPANISH[first.key]]
    # the same starter in the other language is the same question: not added twice
    assert add_starter(case, first.key, "en").value == []
    rest = add_starter_category(case, C.DIAGNOSIS, language="es").value
    assert [r.text for r in rest] == [s.text_in("es") for s in sq.starters(C.DIAGNOSIS)[1:]]


def test_english_stays_the_default(case: Case) -> None:
    first = sq.starters(C.COSTS)[0]
    assert [r.text for r in add_starter(case, first.key).value] == [first.text]
