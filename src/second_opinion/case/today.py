"""Today: what to do today and this week, across the whole case, each with its one action.

The board gathers what the other screens each know a part of: calls due on records requests,
requests past their due date, slides to send back, visits in the next seven days and how
ready they are, and questions still unanswered after a visit that took place. The rules come
from the services (overdue and the next call from ``record_requests``, readiness from
``readiness``); this module only decides what makes the list and in which order.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from second_opinion.case.case import Case
from second_opinion.domain.enums import VisitStatus
from second_opinion.services import questions as question_service
from second_opinion.services import readiness as readiness_service
from second_opinion.services import record_requests as request_service
from second_opinion.services import tracking as tracking_service
from second_opinion.services import visits as visit_service
from second_opinion.services.readiness import VisitReadiness
from second_opinion.services.tracking import FollowUp, MaterialRow
from second_opinion.services.visits import VisitRow, VisitTiming

#: how far ahead "this week" looks
WEEK_DAYS = 7


class Kind(enum.StrEnum):
    """What a line asks of the person; the order is the order within a day."""

    OVERDUE = "overdue"
    CALL = "call"
    RETURN = "return"
    VISIT = "visit"
    QUESTIONS = "questions"


class When(enum.StrEnum):
    TODAY = "today"  # due today or already late
    WEEK = "week"  # due in the next seven days


@dataclass(frozen=True)
class TodayLine:
    kind: Kind
    when: When
    #: the day it is due (for a visit: its day; for questions: the visit's day)
    on: dt.date
    #: who it is about: the records holder, the lab, the doctor
    who: str
    #: the row the action opens (request, record item, or visit id)
    row_id: int
    #: navigator target of the line's one action, and its keyword arguments
    target: str
    target_args: tuple[tuple[str, int], ...]
    days_late: int = 0
    #: a visit's readiness: checks done of total; questions: how many are unanswered
    done: int = 0
    total: int = 0

    @property
    def key(self) -> tuple[str, int]:
        return (str(self.kind), self.row_id)

    @property
    def target_kwargs(self) -> dict[str, int]:
        return dict(self.target_args)


@dataclass(frozen=True)
class TodayBoard:
    today: dt.date
    lines: tuple[TodayLine, ...]

    @property
    def is_empty(self) -> bool:
        return not self.lines

    def count(self, when: When | str) -> int:
        return sum(1 for line in self.lines if line.when == when)


def today_board(case: Case, now: dt.datetime) -> TodayBoard:
    today = now.astimezone().date() if now.tzinfo else now.date()
    # Only requests whose state can make them late or owe a call can put a line here, and
    # only visits within the week need their checklist: on a large case the rest is most
    # of what there is to read.
    can_make_a_line = request_service.CAN_BE_OVERDUE | request_service.FOLLOW_UP_STATES
    with case.reading() as session:
        requests = tracking_service.follow_ups(session, case.person_id, states=can_make_a_line)
        materials = tracking_service.list_materials(session, case.person_id)
        visits = visit_service.list_visits(session, case.person_id, now)
        soon = [visit.id for visit in visits if _within_the_week(visit)]
        readiness = (
            readiness_service.readiness_for_person(session, case.person_id, today, soon)
            if soon
            else {}
        )
        took_place = [visit.id for visit in visits if _took_place(visit)]
        unanswered = question_service.unanswered_by_visit(session, took_place)
    return build_today(today, requests, materials, visits, readiness, unanswered)


def _took_place(visit: VisitRow) -> bool:
    return visit.status is VisitStatus.DONE or (
        visit.status is VisitStatus.PLANNED and visit.timing is VisitTiming.PLANNED_PASSED
    )


def _within_the_week(visit: VisitRow) -> bool:
    return (
        visit.timing in (VisitTiming.NEXT, VisitTiming.UPCOMING)
        and visit.days_until is not None
        and visit.days_until <= WEEK_DAYS
    )


def _when(on: dt.date, today: dt.date) -> When:
    return When.TODAY if on <= today else When.WEEK


def build_today(
    today: dt.date,
    requests: dict[int, FollowUp],
    materials: Iterable[MaterialRow],
    visits: Iterable[VisitRow],
    readiness: dict[int, VisitReadiness],
    unanswered: dict[int, int],
) -> TodayBoard:
    """The board from what was read (separate so it can be tested from plain rows)."""
    week_end = today + dt.timedelta(days=WEEK_DAYS)
    lines: list[TodayLine] = []
    for request in requests.values():
        late = request.days_overdue(today)
        call_on = request.next_call_on
        if call_on is not None and call_on > week_end:
            call_on = None
        if call_on is not None and (late or call_on <= today):
            # One line for a request: when a call is due on a late request, the call is the
            # thing to do (and the line says it is late).
            lines.append(_call(request, call_on, today, late))
        elif late:
            lines.append(
                TodayLine(
                    Kind.OVERDUE,
                    When.TODAY,
                    request.effective_due_on or today,
                    request.holder_name,
                    request.request_id,
                    "records.open_request",
                    (("request_id", request.request_id),),
                    days_late=late,
                )
            )
        elif call_on is not None:
            lines.append(_call(request, call_on, today, 0))
    for material in materials:
        return_by = material.data.return_by
        if return_by is None or material.data.returned_on is not None or return_by > week_end:
            continue
        lines.append(
            TodayLine(
                Kind.RETURN,
                _when(return_by, today),
                return_by,
                material.holder_name,
                material.item_id,
                "records.material",
                (("item_id", material.item_id),),
                days_late=max(0, (today - return_by).days),
            )
        )
    for visit in visits:
        if not _within_the_week(visit) or visit.days_until is None:
            continue
        day = visit.local_start.date()
        checklist = readiness.get(visit.id)
        done = checklist.done_count if checklist else 0
        total = checklist.total if checklist else 0
        lines.append(
            TodayLine(
                Kind.VISIT,
                When.TODAY if visit.days_until <= 0 else When.WEEK,
                day,
                visit.doctor_name,
                visit.id,
                "today.packet" if checklist is None or checklist.ready else "visits.open",
                (("visit_id", visit.id),),
                done=done,
                total=total,
            )
        )
    lines.extend(_unanswered(unanswered, visits, today))
    order = list(Kind)

    def rank(line: TodayLine) -> tuple[bool, int, dt.date]:
        # Today's lines by what they ask (late things first), the week's by their day.
        first = order.index(line.kind)
        if line.when is When.TODAY:
            return (False, first, line.on)
        return (True, line.on.toordinal(), dt.date.min + dt.timedelta(days=first))

    lines.sort(key=rank)
    return TodayBoard(today, tuple(lines))


def _call(request: FollowUp, on: dt.date, today: dt.date, late: int) -> TodayLine:
    return TodayLine(
        Kind.CALL,
        _when(on, today),
        on,
        request.holder_name,
        request.request_id,
        "records.log_call",
        (("request_id", request.request_id),),
        days_late=late,
    )


def _unanswered(
    unanswered: dict[int, int], visits: Iterable[VisitRow], today: dt.date
) -> list[TodayLine]:
    """One line per visit that took place and left questions without an answer."""
    lines = []
    for visit in visits:
        count = unanswered.get(visit.id, 0)
        if not count or not _took_place(visit):
            continue
        lines.append(
            TodayLine(
                Kind.QUESTIONS,
                When.TODAY,
                min(visit.local_start.date(), today),
                visit.doctor_name,
                visit.id,
                "questions.visit",
                (("visit_id", visit.id),),
                total=count,
            )
        )
    return lines
