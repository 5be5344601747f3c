"""The profile, the insurance plan and the insurance call log."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from second_opinion.domain.enums import TriState
from second_opinion.services import profile as svc
from second_opinion.services.errors import NotFound, ValidationError
from tests.factories import make_person

TODAY = dt.date(2026, 11, 26)


def test_profile_round_trip(session) -> None:
    pid = make_person(session, "Old").id
    saved = svc.save_profile(
        session,
        pid,
        svc.Profile(
            name="  Amira Haddad  ",
            date_of_birth=dt.date(1961, 4, 2),
            condition="Stage II <b>breast</b> cancer & more",
            medications="Letrozole 2.5 mg\nVitamin D",
            allergies="Penicillin 💊",
        ),
        today=TODAY,
    )
    assert saved.name == "Amira Haddad"
    again = svc.get_profile(session, pid)
    assert again == saved
    assert again.condition == "Stage II <b>breast</b> cancer & more"
    assert again.allergies == "Penicillin 💊"


@pytest.mark.parametrize(
    ("dob", "message"),
    [
        (dt.date(2026, 11, 27), "future"),
        (dt.date(1899, 12, 31), "1900"),
    ],
)
def test_date_of_birth_must_be_plausible(session, dob: dt.date, message: str) -> None:
    pid = make_person(session).id
    with pytest.raises(ValidationError, match=message) as caught:
        svc.save_profile(session, pid, svc.Profile(name="A", date_of_birth=dob), today=TODAY)
    assert caught.value.field == "date_of_birth"


def test_boundary_dates_are_accepted(session) -> None:
    pid = make_person(session).id
    for dob in (dt.date(1900, 1, 1), TODAY):
        svc.save_profile(session, pid, svc.Profile(name="A", date_of_birth=dob), today=TODAY)
        assert svc.get_profile(session, pid).date_of_birth == dob


def test_name_is_required_and_nothing_is_half_saved(session) -> None:
    pid = make_person(session, "Kept").id
    with pytest.raises(ValidationError) as caught:
        svc.save_profile(session, pid, svc.Profile(name="   ", condition="new"))
    assert caught.value.field == "name"
    assert svc.get_profile(session, pid).name == "Kept"
    assert svc.get_profile(session, pid).condition == ""


def test_long_text_is_kept_exactly_and_too_long_refused(session) -> None:
    pid = make_person(session).id
    note = "ملاحظة " * 7000 + "x"  # right-to-left, ~49 000 characters
    svc.save_profile(session, pid, svc.Profile(name="A", medications=note))
    assert svc.get_profile(session, pid).medications == note
    with pytest.raises(ValidationError) as caught:
        svc.save_profile(session, pid, svc.Profile(name="A", allergies="a" * 100_001))
    assert caught.value.field == "allergies"


def test_missing_person(session) -> None:
    with pytest.raises(NotFound):
        svc.get_profile(session, 12345)


def test_insurance_starts_unknown_and_round_trips(session) -> None:
    pid = make_person(session).id
    assert svc.get_insurance(session, pid) == svc.InsuranceDetails()
    details = svc.InsuranceDetails(
        insurer=" Blue Harbor Health ",
        plan_name="PPO Gold",
        member_id="XJH 44821-09",
        group_number="G-1200",
        phone="1-800-555-0199",
        second_opinion_covered=TriState.YES,
        referral_needed=TriState.NO,
        prior_authorization_needed=TriState.UNKNOWN,
        notes="Covered once per diagnosis & only in network",
    )
    svc.save_insurance(session, pid, details)
    got = svc.get_insurance(session, pid)
    assert got.insurer == "Blue Harbor Health"
    assert got.second_opinion_covered is TriState.YES
    assert got.referral_needed is TriState.NO
    # saving again updates the one plan rather than adding another
    svc.save_insurance(session, pid, svc.InsuranceDetails(insurer="Other"))
    assert svc.get_insurance(session, pid).insurer == "Other"
    assert svc.get_insurance(session, pid).member_id == ""


def test_insurance_is_per_person(session) -> None:
    a = make_person(session, "A").id
    b = make_person(session, "B").id
    svc.save_insurance(session, a, svc.InsuranceDetails(insurer="Mine"))
    assert svc.get_insurance(session, b).insurer == ""


@pytest.mark.parametrize(
    ("details", "field"),
    [
        (svc.InsuranceDetails(phone="call me"), "phone"),
        (svc.InsuranceDetails(member_id="1" * 201), "member_id"),
        (svc.InsuranceDetails(insurer="two\nlines"), "insurer"),
    ],
)
def test_bad_insurance_fields_are_named(session, details, field: str) -> None:
    pid = make_person(session).id
    with pytest.raises(ValidationError) as caught:
        svc.save_insurance(session, pid, details)
    assert caught.value.field == field


def test_vanity_phone_numbers_are_fine(session) -> None:
    pid = make_person(session).id
    svc.save_insurance(session, pid, svc.InsuranceDetails(phone="1-800-MEDICARE"))
    assert svc.get_insurance(session, pid).phone == "1-800-MEDICARE"


def test_call_log_add_list_update_delete(session) -> None:
    pid = make_person(session).id
    older = svc.add_call(
        session,
        pid,
        svc.CallInput(dt.date(2026, 11, 2), "Maria", "REF-1", "Needs referral"),
        today=TODAY,
    )
    newer = svc.add_call(
        session, pid, svc.CallInput(dt.date(2026, 11, 20), "Tom", "REF-2", "Covered"), today=TODAY
    )
    assert [c.id for c in svc.list_calls(session, pid)] == [newer.id, older.id]
    changed = svc.update_call(
        session,
        pid,
        older.id,
        svc.CallInput(dt.date(2026, 11, 3), " Maria K. ", "REF-1b", "Referral & auth"),
        today=TODAY,
    )
    assert changed.spoke_with == "Maria K."
    assert svc.list_calls(session, pid)[1] == changed
    svc.delete_call(session, pid, newer.id)
    assert [c.id for c in svc.list_calls(session, pid)] == [older.id]


def test_calls_are_private_to_their_person(session) -> None:
    a = make_person(session, "A").id
    b = make_person(session, "B").id
    call = svc.add_call(session, a, svc.CallInput(TODAY), today=TODAY)
    assert svc.list_calls(session, b) == []
    with pytest.raises(NotFound):
        svc.delete_call(session, b, call.id)
    with pytest.raises(NotFound):
        svc.update_call(session, b, call.id, svc.CallInput(TODAY), today=TODAY)


def test_call_date_cannot_be_in_the_future(session) -> None:
    pid = make_person(session).id
    with pytest.raises(ValidationError) as caught:
        svc.add_call(session, pid, svc.CallInput(TODAY + dt.timedelta(days=1)), today=TODAY)
    assert caught.value.field == "called_on"
    assert svc.list_calls(session, pid) == []


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_any_text_is_stored_exactly_or_refused_by_field(session, text: str) -> None:
    pid = make_person(session).id
    svc.save_profile(session, pid, svc.Profile(name="A", condition=text, medications=text))
    assert svc.get_profile(session, pid).condition == text
    try:
        svc.save_insurance(session, pid, svc.InsuranceDetails(insurer=text, notes=text))
    except ValidationError as refusal:
        assert refusal.field == "insurer"  # only the one-line field can refuse (a line break)
    else:
        got = svc.get_insurance(session, pid)
        assert (got.insurer, got.notes) == (text.strip(), text)


def test_address_phone_and_email_are_kept_for_letters(session) -> None:
    pid = make_person(session, "Amira").id
    saved = svc.save_profile(
        session,
        pid,
        svc.Profile(
            name="Amira",
            address="  8 Elm Street\nSpringfield, IL 62701  ",
            phone=" (555) 010-4477 ",
            email=" amira@example.org ",
        ),
        today=TODAY,
    )
    assert saved.address == "8 Elm Street\nSpringfield, IL 62701"
    assert svc.get_profile(session, pid) == saved
    assert (saved.phone, saved.email) == ("(555) 010-4477", "amira@example.org")
    for field, value, where in (
        ("email", "amira-at-example", "email"),
        ("phone", "call me", "own_phone"),
    ):
        with pytest.raises(ValidationError) as caught:
            svc.save_profile(session, pid, svc.Profile(name="Amira", **{field: value}))
        assert caught.value.field == where
