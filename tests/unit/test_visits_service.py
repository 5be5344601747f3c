"""Visits: stored in UTC with their zone, listed next-first, checked before saving."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from second_opinion.domain.enums import ContactRole, VisitMode, VisitStatus
from second_opinion.domain.models import Question, Visit
from second_opinion.services import visits
from second_opinion.services.errors import ValidationError
from second_opinion.services.visits import VisitInput, VisitTiming
from tests.factories import make_contact, make_person

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
NY = "America/New_York"


def at(day: int, hour: int = 10, month: int = 12, tz: str = NY, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, 0, tzinfo=ZoneInfo(tz))


def _next(session, person_id):
    rows = visits.list_visits(session, person_id, NOW)
    return rows[0] if rows and rows[0].timing is VisitTiming.NEXT else None


@pytest.fixture
def case(session):
    person = make_person(session)
    doctor = make_contact(session, "Dr. Amara Okafor", ContactRole.SECOND_OPINION_CHOSEN)
    return session, person.id, doctor.id


def test_visit_is_stored_in_utc_and_shown_in_its_own_zone(case) -> None:
    session, person_id, doctor_id = case
    result = visits.add_visit(session, person_id, VisitInput(doctor_id, at(3, 10), NY), now=NOW)
    stored = session.get(Visit, result.id)
    assert stored.starts_at == dt.datetime(2026, 12, 3, 15, 0, tzinfo=dt.UTC)
    assert stored.time_zone == NY
    row = visits.get_visit(session, result.id, now=NOW)
    assert (row.local_start.hour, row.local_start.minute) == (10, 0)
    assert row.doctor_name == "Dr. Amara Okafor"


def test_local_datetime_uses_the_named_zone_and_refuses_unknown_zones() -> None:
    moment = visits.local_datetime(dt.date(2026, 7, 1), dt.time(9, 30), "Europe/Berlin")
    assert moment.astimezone(dt.UTC).hour == 7
    with pytest.raises(ValidationError) as err:
        visits.local_datetime(dt.date(2026, 7, 1), dt.time(9, 30), "Mars/Olympus")
    assert err.value.field == "time_zone"


def test_list_shows_next_first_with_countdown_then_planned_then_past(case) -> None:
    session, person_id, doctor_id = case
    later = visits.add_visit(session, person_id, VisitInput(doctor_id, at(20), NY), now=NOW).id
    soon = visits.add_visit(session, person_id, VisitInput(doctor_id, at(3), NY), now=NOW).id
    old_done = visits.add_visit(
        session,
        person_id,
        VisitInput(doctor_id, at(1, month=10), NY, status=VisitStatus.DONE),
        now=NOW,
    ).id
    older_done = visits.add_visit(
        session,
        person_id,
        VisitInput(doctor_id, at(1, month=9), NY, status=VisitStatus.CANCELLED),
        now=NOW,
    ).id
    forgotten = visits.add_visit(
        session, person_id, VisitInput(doctor_id, at(20, month=11), NY), now=NOW
    ).id

    rows = visits.list_visits(session, person_id, NOW)
    assert [r.id for r in rows] == [soon, later, forgotten, old_done, older_done]
    assert [r.timing for r in rows] == [
        VisitTiming.NEXT,
        VisitTiming.UPCOMING,
        VisitTiming.PLANNED_PASSED,
        VisitTiming.PAST,
        VisitTiming.PAST,
    ]
    assert rows[0].days_until == 7
    assert rows[1].days_until == 24
    assert rows[3].days_until is None
    assert _next(session, person_id).id == soon


def test_countdown_counts_days_in_the_visits_zone(case) -> None:
    session, person_id, doctor_id = case
    # 23:30 in New York on the 26th is already the 27th in UTC: still "today" there.
    tonight = dt.datetime(2026, 11, 26, 23, 30, tzinfo=ZoneInfo(NY))
    visits.add_visit(session, person_id, VisitInput(doctor_id, tonight, NY), now=NOW)
    assert _next(session, person_id).days_until == 0


def test_no_next_visit_when_only_past_ones(case) -> None:
    session, person_id, doctor_id = case
    visits.add_visit(
        session,
        person_id,
        VisitInput(doctor_id, at(1, month=10), NY, status=VisitStatus.DONE),
        now=NOW,
    )
    assert _next(session, person_id) is None


@pytest.mark.parametrize("year", [1850, 1899, 2101, 2400])
def test_dates_outside_1900_to_2100_are_refused(case, year: int) -> None:
    session, person_id, doctor_id = case
    with pytest.raises(ValidationError) as err:
        visits.add_visit(session, person_id, VisitInput(doctor_id, at(3, year=year), NY), now=NOW)
    assert err.value.field == "starts_at"


def test_a_planned_visit_in_the_past_is_saved_with_a_warning(case) -> None:
    session, person_id, doctor_id = case
    result = visits.add_visit(
        session, person_id, VisitInput(doctor_id, at(1, month=11), NY), now=NOW
    )
    assert session.get(Visit, result.id) is not None
    assert any("past" in w for w in result.warnings)
    done = visits.add_visit(
        session,
        person_id,
        VisitInput(doctor_id, at(1, month=11), NY, status=VisitStatus.DONE),
        now=NOW,
    )
    assert done.warnings == ()


def test_telemedicine_without_a_link_warns_and_a_bad_link_is_refused(case) -> None:
    session, person_id, doctor_id = case
    no_link = visits.add_visit(
        session,
        person_id,
        VisitInput(doctor_id, at(3), NY, mode=VisitMode.TELEMEDICINE),
        now=NOW,
    )
    assert any("link" in w for w in no_link.warnings)
    with pytest.raises(ValidationError) as err:
        visits.add_visit(
            session,
            person_id,
            VisitInput(
                doctor_id, at(3), NY, mode=VisitMode.TELEMEDICINE, telemedicine_url="zoom me"
            ),
            now=NOW,
        )
    assert err.value.field == "telemedicine_url"
    ok = visits.add_visit(
        session,
        person_id,
        VisitInput(
            doctor_id,
            at(3),
            NY,
            mode=VisitMode.TELEMEDICINE,
            telemedicine_url=" https://video.example.org/room/42?pwd=a&b=1 ",
        ),
        now=NOW,
    )
    assert ok.warnings == ()
    assert visits.get_visit(session, ok.id, now=NOW).telemedicine_url == (
        "https://video.example.org/room/42?pwd=a&b=1"
    )


def test_odd_text_is_stored_exactly_and_huge_text_refused_on_its_field(case) -> None:
    session, person_id, doctor_id = case
    notes = "<b>bring scans</b> & ask 🩺 — مرحبا\n" * 1000
    result = visits.add_visit(
        session,
        person_id,
        VisitInput(doctor_id, at(3), NY, notes=notes, location="Suite 4 & <Annex>"),
        now=NOW,
    )
    row = visits.get_visit(session, result.id, now=NOW)
    assert row.notes == notes
    assert row.location == "Suite 4 & <Annex>"
    with pytest.raises(ValidationError) as err:
        visits.add_visit(
            session, person_id, VisitInput(doctor_id, at(3), NY, notes="x" * 100_001), now=NOW
        )
    assert err.value.field == "notes"


def test_unknown_doctor_zero_duration_and_negative_cost_are_refused(case) -> None:
    session, person_id, doctor_id = case
    bad = [
        (VisitInput(9999, at(3), NY), "doctor_id"),
        (VisitInput(doctor_id, at(3), NY, duration_minutes=0), "duration_minutes"),
        (VisitInput(doctor_id, at(3), NY, expected_cost_cents=-1), "expected_cost_cents"),
        (VisitInput(doctor_id, at(3), "Nowhere/Else"), "time_zone"),
    ]
    for data, field in bad:
        with pytest.raises(ValidationError) as err:
            visits.add_visit(session, person_id, data, now=NOW)
        assert err.value.field == field


def test_update_status_and_delete_keeps_questions(case) -> None:
    session, person_id, doctor_id = case
    visit_id = visits.add_visit(session, person_id, VisitInput(doctor_id, at(3), NY), now=NOW).id
    row = visits.get_visit(session, visit_id, now=NOW)
    changed = visits.to_input(row)
    visits.update_visit(
        session,
        visit_id,
        dataclasses.replace(changed, location="Main building", expected_cost_cents=25000),
        now=NOW,
    )
    row = visits.get_visit(session, visit_id, now=NOW)
    assert (row.location, row.expected_cost_cents) == ("Main building", 25000)
    assert row.local_start == at(3)

    visits.set_status(session, visit_id, VisitStatus.DONE)
    assert visits.get_visit(session, visit_id, now=NOW).timing is VisitTiming.PAST

    question = Question(person_id=person_id, text="Is surgery needed?", category="diagnosis")
    question.visit_id = visit_id
    session.add(question)
    session.flush()
    assert visits.linked_question_count(session, visit_id) == 1
    assert visits.delete_visit(session, visit_id) == 1
    session.refresh(question)
    assert question.visit_id is None
    assert visits.list_visits(session, person_id, NOW) == []


def test_pickers_put_doctors_first_and_offer_support_people_as_companions() -> None:
    from second_opinion.services.contacts import ContactChoice

    people = [
        ContactChoice(1, "amy", ContactRole.SUPPORT_PERSON, ""),
        ContactChoice(2, "Dr. Zed", ContactRole.FIRST_OPINION, ""),
        ContactChoice(3, "Billing", ContactRole.RECORDS_DEPARTMENT, ""),
    ]
    assert [c.id for c in visits.doctor_choices(people)] == [2, 1, 3]
    assert [c.id for c in visits.companion_choices(people)] == [1]
    assert [c.id for c in visits.companion_choices(people, keep=3)] == [1, 3]
