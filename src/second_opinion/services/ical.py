"""A visit as an iCalendar event, for the user's own calendar.

A calendar is often synced to a cloud service and shown on a lock screen, so the event holds
only what is needed to turn up: the doctor, the time, the place or the video link. No
diagnosis, no notes, no companion.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo

from icalendar import Alarm, Calendar, Event, vUri

from second_opinion import __version__
from second_opinion.domain.enums import VisitMode, VisitStatus
from second_opinion.services.visits import VisitRow

#: Reminders before the visit: the day before (to check papers) and two hours before.
DEFAULT_REMINDERS: tuple[dt.timedelta, ...] = (dt.timedelta(days=1), dt.timedelta(hours=2))

# A fixed namespace so exporting the same visit twice gives the same UID: importing the
# second file updates the event instead of adding a duplicate.
_UID_NAMESPACE = uuid.UUID("5b0c8f0e-3f0a-4d0e-9a55-0b9a1f2c7d61")

PRODID = f"-//Second Opinion//Second Opinion {__version__}//EN"


def summary_for(row: VisitRow) -> str:
    return f"Visit: {row.doctor_name}"


def _reminder_text(row: VisitRow, before: dt.timedelta) -> str:
    if before >= dt.timedelta(days=1):
        return f"Tomorrow: visit with {row.doctor_name}"
    return f"Soon: visit with {row.doctor_name}"


def uid_for(kind: str, row_id: int | str, vault_id: str = "") -> str:
    """A stable UID: the same row exported again updates its event instead of adding one."""
    key = f"{vault_id}:{kind}:{row_id}" if vault_id else f"{kind}:{row_id}"
    return f"{uuid.uuid5(_UID_NAMESPACE, key)}@second-opinion"


def new_calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    return calendar


def visit_event(
    row: VisitRow,
    *,
    reminders: tuple[dt.timedelta, ...] = DEFAULT_REMINDERS,
    stamp: dt.datetime | None = None,
    uid: str | None = None,
) -> Event:
    """One visit as an event with its reminders (``uid`` defaults to the visit's own)."""
    start = _local_start(row)
    event = Event()
    event.add("uid", uid or uid_for("visit", row.id))
    event.add("dtstamp", (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC))
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=row.duration_minutes))
    event.add("summary", summary_for(row))
    event.add("status", "CANCELLED" if row.status is VisitStatus.CANCELLED else "CONFIRMED")
    event.add("class", "PRIVATE")

    if row.mode is VisitMode.TELEMEDICINE:
        if row.telemedicine_url:
            # RFC 7986 CONFERENCE for clients that understand it; LOCATION, URL and the
            # description for the many that do not, so the link is one click away anywhere.
            event.add(
                "conference",
                vUri(row.telemedicine_url),
                parameters={"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": "Video visit"},
            )
            event.add("url", row.telemedicine_url)
            event.add("location", row.telemedicine_url)
            event.add("description", f"Video visit. Join: {row.telemedicine_url}")
        else:
            event.add("location", row.location or "Video visit (link to come)")
            event.add("description", "Video visit. The link is not known yet.")
    elif row.location:
        event.add("location", row.location)

    for before in reminders:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -before)
        alarm.add("description", _reminder_text(row, before))
        event.add_component(alarm)
    return event


def _local_start(row: VisitRow) -> dt.datetime:
    try:
        zone: dt.tzinfo = zoneinfo.ZoneInfo(row.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = dt.UTC
    return row.starts_at.astimezone(zone)


def visit_to_ical(
    row: VisitRow,
    *,
    reminders: tuple[dt.timedelta, ...] = DEFAULT_REMINDERS,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The .ics bytes for one visit; the caller writes them where the user chose."""
    start = _local_start(row)
    calendar = new_calendar()
    calendar.add_component(visit_event(row, reminders=reminders, stamp=stamp))
    # Only the years around the visit: a full zone history would make the file huge.
    calendar.add_missing_timezones(
        first_date=dt.date(start.year - 1, 1, 1), last_date=dt.date(start.year + 2, 1, 1)
    )
    data: bytes = calendar.to_ical()
    return data


def suggested_file_name(row: VisitRow) -> str:
    """A file name without the doctor's name, since file names leak into recent lists."""
    return f"visit-{row.local_start:%Y-%m-%d}.ics"
