"""Profile, insurance and the call log through the case layer."""

from __future__ import annotations

import datetime as dt

import pytest

from second_opinion.case import people as people_case
from second_opinion.case import profile as profile_case
from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.services.errors import NotFound, ValidationError
from second_opinion.services.profile import CallInput, InsuranceDetails, Profile
from second_opinion.vault.vault import Vault


@pytest.fixture
def case(vault: Vault) -> Case:
    return Case(vault, people_case.add_person(Case(vault, 0), "Amira").value)


def test_profile_and_insurance_are_saved_together(case: Case) -> None:
    saved = profile_case.save_profile_and_insurance(
        case, case.person_id, Profile("Amira", allergies="Latex"), InsuranceDetails(insurer="X")
    )
    assert saved.changes.touches(Area.PROFILE, Area.INSURANCE)
    assert not saved.changes.touches(Area.PEOPLE)
    board = profile_case.profile_board(case, case.person_id)
    assert board.profile.allergies == "Latex" and board.insurance.insurer == "X"


def test_a_new_name_tells_the_person_switcher(case: Case) -> None:
    saved = profile_case.save_profile_and_insurance(
        case, case.person_id, Profile("Amira H."), InsuranceDetails()
    )
    assert saved.changes.touches(Area.PEOPLE)


def test_a_bad_insurance_field_keeps_the_profile_unsaved_too(case: Case) -> None:
    with pytest.raises(ValidationError) as refused:
        profile_case.save_profile_and_insurance(
            case, case.person_id, Profile("Amira B."), InsuranceDetails(phone="call me")
        )
    assert refused.value.field == "phone"
    assert profile_case.profile_board(case, case.person_id).profile.name == "Amira"


def test_calls_are_added_changed_and_deleted(case: Case) -> None:
    added = profile_case.save_call(case, case.person_id, CallInput(dt.date(2026, 1, 5), "Maria"))
    assert added.changes.touches(Area.INSURANCE)
    changed = profile_case.save_call(
        case, case.person_id, CallInput(dt.date(2026, 1, 5), "Maria K."), added.value.id
    )
    assert changed.value.spoke_with == "Maria K."
    profile_case.delete_call(case, case.person_id, added.value.id)
    assert profile_case.profile_board(case, case.person_id).calls == []
    with pytest.raises(NotFound):
        profile_case.delete_call(case, case.person_id, added.value.id)
