"""The whole case as one calendar file: visits, records due, follow-up calls, slides due back.

Each event's UID comes from the vault's id, the kind of event and the row's id, so importing a
newer file updates the events an older one added instead of doubling them. As with a single
visit (``services.ical``), events hold only what is needed to act: who, when, where; never a
diagnosis or a note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from icalendar import Alarm, Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from second_opinion.domain.enums import RequestState
from second_opinion.domain.models import Person
from second_opinion.services import ical, tracking
from second_opinion.services import record_requests as rules
from second_opinion.services import visits as visit_service

#: An all-day reminder goes off at 9 in the morning: the evening before and on the day.
_MORNING = dt.timedelta(hours=9)
_DAY_BEFORE = -dt.timedelta(hours=15)

VISIT = "visit"
DUE = "request-due"
CALL = "follow-up"
RETURN = "return-by"


def _all_day(
    uid: str, day: dt.date, summary: str, stamp: dt.datetime, alarms: tuple[dt.timedelta, ...]
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("class", "PRIVATE")
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
    for trigger in alarms:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", trigger)
        alarm.add("description", summary)
        event.add_component(alarm)
    return event


def build_calendar(
    session: Session,
    vault_id: str,
    now: dt.datetime,
    person_id: int | None = None,
    step: Callable[[int, int, str], None] | None = None,
) -> bytes:
    """Every visit, open request's due date, planned follow-up call and return-by date of
    ``person_id`` (everyone in the vault when None), as .ics bytes.

    ``step(done, total, "")`` is called every hundred requests (and may raise to stop): a
    case with thousands of open requests takes seconds to write.
    """
    stamp = now.astimezone(dt.UTC)
    today = now.astimezone().date()
    people = (
        [person_id]
        if person_id is not None
        else list(session.scalars(select(Person.id).order_by(Person.id)))
    )
    calendar: Calendar = ical.new_calendar()
    calendar.add("x-wr-calname", "Second opinion")
    years: list[int] = []
    for pid in people:
        for row in visit_service.list_visits(session, pid, now):
            event = ical.visit_event(row, stamp=stamp, uid=ical.uid_for(VISIT, row.id, vault_id))
            calendar.add_component(event)
            years.append(row.starts_at.year)
        follow_ups = tracking.follow_ups(session, pid)
        requests = rules.list_requests(session, pid, today)
        for done, request in enumerate(requests):
            if step is not None and done % 100 == 0:
                step(done, len(requests), "")
            if request.state is RequestState.RECEIVED:
                continue
            due = request.effective_due_on
            if due is not None and request.state.is_open:
                calendar.add_component(
                    _all_day(
                        ical.uid_for(DUE, request.id, vault_id),
                        due,
                        f"Records due from {request.holder_name}",
                        stamp,
                        (_DAY_BEFORE, _MORNING),
                    )
                )
            follow_up = follow_ups.get(request.id)
            if follow_up is None or follow_up.next_call_on is None:
                continue
            for day, plan_day in zip(
                rules.planned_calls(follow_up.requested_on, follow_up.plan),
                sorted(follow_up.plan),
                strict=True,
            ):
                if day < follow_up.next_call_on:
                    continue  # covered by a call already made
                calendar.add_component(
                    _all_day(
                        ical.uid_for(CALL, f"{request.id}:{plan_day}", vault_id),
                        day,
                        f"Call {request.holder_name} about the records request",
                        stamp,
                        (_MORNING,),
                    )
                )
        for material in tracking.list_materials(session, pid):
            loan = material.data
            if loan.return_by is None or loan.return_confirmed_on is not None:
                continue
            calendar.add_component(
                _all_day(
                    ical.uid_for(RETURN, material.item_id, vault_id),
                    loan.return_by,
                    f"Slides due back at {material.holder_name or 'the lab'}",
                    stamp,
                    (-dt.timedelta(days=3) + _MORNING, _MORNING),
                )
            )
    if years:
        calendar.add_missing_timezones(
            first_date=dt.date(min(years) - 1, 1, 1), last_date=dt.date(max(years) + 2, 1, 1)
        )
    data: bytes = calendar.to_ical()
    return data


def suggested_file_name(today: dt.date) -> str:
    return f"second-opinion-{today:%Y-%m-%d}.ics"
