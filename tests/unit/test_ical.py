"""A visit exported to .ics reads back with the right time, zone, place or link and alarms."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from second_opinion.domain.enums import ContactRole, VisitMode, VisitStatus
from second_opinion.services import ical, visits
from second_opinion.services.visits import VisitInput
from tests.factories import make_contact, make_person

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
TOKYO = "Asia/Tokyo"


@pytest.fixture
def case(session):
    person = make_person(session)
    doctor = make_contact(session, "Dr. Kenji Sato", ContactRole.SECOND_OPINION_CHOSEN)
    return session, person.id, doctor.id


def exported(session, person_id, data: VisitInput):
    visit_id = visits.add_visit(session, person_id, data, now=NOW).id
    row = visits.get_visit(session, visit_id, now=NOW)
    calendar = Calendar.from_ical(ical.visit_to_ical(row, stamp=NOW))
    (event,) = calendar.walk("VEVENT")
    return row, calendar, event


def test_in_person_visit_reads_back_with_zone_place_and_two_alarms(case) -> None:
    session, person_id, doctor_id = case
    start = dt.datetime(2027, 1, 15, 9, 30, tzinfo=ZoneInfo(TOKYO))
    row, calendar, event = exported(
        session,
        person_id,
        VisitInput(
            doctor_id,
            start,
            TOKYO,
            duration_minutes=45,
            location="St. Luke's, 9-1 Akashi-cho",
            notes="private: ask about the biopsy",
            companion_id=None,
        ),
    )
    dtstart = event["DTSTART"].dt
    assert dtstart == start
    assert str(dtstart.tzinfo) == TOKYO
    assert event["DTSTART"].params["TZID"] == TOKYO
    assert event["DTEND"].dt - dtstart == dt.timedelta(minutes=45)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == [TOKYO]
    assert str(event["SUMMARY"]) == "Visit: Dr. Kenji Sato"
    assert str(event["LOCATION"]) == "St. Luke's, 9-1 Akashi-cho"
    assert "CONFERENCE" not in event
    triggers = sorted(alarm["TRIGGER"].dt for alarm in event.walk("VALARM"))
    assert triggers == [-dt.timedelta(days=1), -dt.timedelta(hours=2)]
    # The notes are the user's, not the calendar's.
    assert b"biopsy" not in ical.visit_to_ical(row, stamp=NOW)


def test_telemedicine_visit_has_rfc7986_conference_with_the_link(case) -> None:
    session, person_id, doctor_id = case
    link = "https://video.example.org/j/123?pwd=a&b=c"
    start = dt.datetime(2026, 12, 3, 16, 0, tzinfo=ZoneInfo("America/Chicago"))
    _, _, event = exported(
        session,
        person_id,
        VisitInput(
            doctor_id, start, "America/Chicago", mode=VisitMode.TELEMEDICINE, telemedicine_url=link
        ),
    )
    assert event["DTSTART"].dt.astimezone(dt.UTC) == dt.datetime(2026, 12, 3, 22, 0, tzinfo=dt.UTC)
    conference = event["CONFERENCE"]
    assert str(conference) == link
    assert conference.params["VALUE"] == "URI"
    assert conference.params["FEATURE"] == "VIDEO"
    assert str(event["LOCATION"]) == link
    assert str(event["URL"]) == link


def test_same_visit_exports_with_the_same_uid_and_cancelled_says_so(case) -> None:
    session, person_id, doctor_id = case
    start = dt.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo(TOKYO))
    visit_id = visits.add_visit(session, person_id, VisitInput(doctor_id, start, TOKYO), now=NOW).id
    row = visits.get_visit(session, visit_id, now=NOW)
    first = Calendar.from_ical(ical.visit_to_ical(row)).walk("VEVENT")[0]
    visits.set_status(session, visit_id, VisitStatus.CANCELLED)
    again = visits.get_visit(session, visit_id, now=NOW)
    second = Calendar.from_ical(ical.visit_to_ical(again)).walk("VEVENT")[0]
    assert str(first["UID"]) == str(second["UID"])
    assert str(second["STATUS"]) == "CANCELLED"
    assert ical.suggested_file_name(row) == "visit-2026-12-03.ics"
