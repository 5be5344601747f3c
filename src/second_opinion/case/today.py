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
from second_opinion.services.questions import QuestionRow
from second_opinion.services.readiness import VisitReadiness
from second_opinion.services.record_requests import RequestRow
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
    with case.reading() as session:
        requests = request_service.list_requests(session, case.person_id, today)
        follow_ups = tracking_service.follow_ups(session, case.person_id)
        materials = tracking_service.list_materials(session, case.person_id)
        visits = visit_service.list_visits(session, case.person_id, now)
        readiness = readiness_service.readiness_for_person(session, case.person_id, today)
        questions = question_service.list_questions(session, case.person_id)
    return build_today(today, requests, follow_ups, materials, visits, readiness, questions)


def _when(on: dt.date, today: dt.date) -> When:
    return When.TODAY if on <= today else When.WEEK


def build_today(
    today: dt.date,
    requests: Iterable[RequestRow],
    follow_ups: dict[int, FollowUp],
    materials: Iterable[MaterialRow],
    visits: Iterable[VisitRow],
    readiness: dict[int, VisitReadiness],
    questions: Iterable[QuestionRow],
) -> TodayBoard:
    """The board from what was read (separate so it can be tested from plain rows)."""
    week_end = today + dt.timedelta(days=WEEK_DAYS)
    lines: list[TodayLine] = []
    calls_due = {
        f.request_id: f.next_call_on
        for f in follow_ups.values()
        if f.next_call_on is not None and f.next_call_on <= week_end
    }
    for request in requests:
        late = request.days_overdue(today)
        call_on = calls_due.get(request.id)
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
                    request.id,
                    "records.open_request",
                    (("request_id", request.id),),
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
        if visit.timing not in (VisitTiming.NEXT, VisitTiming.UPCOMING):
            continue
        day = visit.local_start.date()
        if visit.days_until is None or visit.days_until > WEEK_DAYS:
            continue
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
    lines.extend(_unanswered(questions, visits, today))
    order = list(Kind)

    def rank(line: TodayLine) -> tuple[bool, int, dt.date]:
        # Today's lines by what they ask (late things first), the week's by their day.
        first = order.index(line.kind)
        if line.when is When.TODAY:
            return (False, first, line.on)
        return (True, line.on.toordinal(), dt.date.min + dt.timedelta(days=first))

    lines.sort(key=rank)
    return TodayBoard(today, tuple(lines))


def _call(request: RequestRow, on: dt.date, today: dt.date, late: int) -> TodayLine:
    return TodayLine(
        Kind.CALL,
        _when(on, today),
        on,
        request.holder_name,
        request.id,
        "records.log_call",
        (("request_id", request.id),),
        days_late=late,
    )


def _unanswered(
    questions: Iterable[QuestionRow], visits: Iterable[VisitRow], today: dt.date
) -> list[TodayLine]:
    """One line per visit that took place and left questions without an answer."""
    took_place = {
        v.id: v
        for v in visits
        if v.status is VisitStatus.DONE
        or (v.status is VisitStatus.PLANNED and v.timing is VisitTiming.PLANNED_PASSED)
    }
    open_counts: dict[int, int] = {}
    for question in questions:
        if question.visit_id in took_place and not question.answered:
            open_counts[question.visit_id] = open_counts.get(question.visit_id, 0) + 1
    lines = []
    for visit_id, count in open_counts.items():
        visit = took_place[visit_id]
        lines.append(
            TodayLine(
                Kind.QUESTIONS,
                When.TODAY,
                min(visit.local_start.date(), today),
                visit.doctor_name,
                visit_id,
                "questions.visit",
                (("visit_id", visit_id),),
                total=count,
            )
        )
    return lines
