"""The packet's and the letters' plain data, gathered through the case layer."""

from __future__ import annotations

import datetime as dt

import pytest

from second_opinion.case import exports
from second_opinion.case.case import Case
from second_opinion.services.demo import build_demo
from second_opinion.services.errors import NotFound
from second_opinion.services.packet_data import ALL_SECTIONS, LetterKind, Paper
from second_opinion.vault.vault import Vault


def test_packet_and_letter_data_for_the_current_person(vault: Vault) -> None:
    with vault.session() as session:
        person_id = build_demo(session, dt.date.today())
    case = Case(vault, person_id)
    visits = exports.packet_visits(case)
    assert visits
    data = exports.packet_data(case, visits[0].id, ALL_SECTIONS, Paper.LETTER)
    assert data.paper is Paper.LETTER
    letter = exports.letter_data(case, 1, LetterKind.REQUEST, Paper.A4)
    assert letter.kind is LetterKind.REQUEST
    with pytest.raises(NotFound):
        exports.letter_data(case, 4242, LetterKind.REQUEST, Paper.A4)


def test_someone_without_visits_has_no_packet_to_make(vault: Vault) -> None:
    from second_opinion.case import people

    person_id = people.add_person(Case(vault, 0), "Ben").value
    assert exports.packet_visits(Case(vault, person_id)) == []
