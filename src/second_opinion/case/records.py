"""Records: the board the Records screen shows, and every change made from it.

The board is worked out here, not in the screen: requests in urgency order, the "needs
attention" rows, what each chosen doctor has, and the counts on the tab and its views. The
rules it uses (overdue, waiting on me, a lapsed authorization, urgency) live once in
``services.record_requests``.

A change to a request or a record item also names ``Area.VISITS``: a visit's readiness and
its packet are worked out from them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.domain.enums import ContactRole, RequestState
from second_opinion.services import authorizations as auth_service
from second_opinion.services import record_requests as request_service
from second_opinion.services import records as record_service
from second_opinion.services import tracking as tracking_service
from second_opinion.services.authorizations import AuthorizationData, AuthorizationRow
from second_opinion.services.contacts import ContactChoice, list_contact_choices
from second_opinion.services.errors import InvalidTransition, ValidationError
from second_opinion.services.record_requests import RequestData, RequestRow, StateChangeRow
from second_opinion.services.records import CellState, ItemData, ItemRow, WhoHasWhat

S = RequestState

#: what a change to requests or items tells the other screens
_REQUEST_CHANGE = (Area.VISITS,)


class Reason(enum.StrEnum):
    """Why a request is in "needs attention", in the order the list shows them."""

    OVERDUE = "overdue"
    WAITING = "waiting"
    AUTHORIZATION = "authorization"


@dataclass(frozen=True)
class AttentionRow:
    """One line of "needs attention": a request and why it needs the person."""

    reason: Reason
    request: RequestRow
    days_overdue: int = 0

    @property
    def key(self) -> tuple[str, int]:
        return (str(self.reason), self.request.id)


@dataclass(frozen=True)
class RecipientSummary:
    """How far the records got to one doctor: "has 3 of 5 confirmed, 1 on the way…"."""

    recipient_id: int
    name: str
    total: int
    confirmed: int
    sent: int
    requested: int
    not_asked: int


@dataclass(frozen=True)
class RecordsCounts:
    """The counts on the tab's title and its views' labels."""

    overdue: int
    waiting_on_me: int
    open_requests: int
    items_not_requested: int
    flagged_authorizations: int


@dataclass(frozen=True)
class RecordsBoard:
    """What the Records screen shows, as of ``today``."""

    today: dt.date
    #: most urgent first
    requests: list[RequestRow]
    #: overdue request ids and by how many days
    overdue: dict[int, int]
    attention: list[AttentionRow]
    items: tuple[ItemRow, ...]
    matrix: WhoHasWhat
    authorizations: list[AuthorizationRow]
    summaries: list[RecipientSummary]
    counts: RecordsCounts
    #: days from a request to its due date (a vault setting)
    due_days: int
    #: the day of the next planned follow-up call, by request id (requests with one only)
    next_calls: dict[int, dt.date] = field(default_factory=dict)

    @classmethod
    def empty(cls, today: dt.date) -> RecordsBoard:
        return cls(
            today=today,
            requests=[],
            overdue={},
            attention=[],
            items=(),
            matrix=WhoHasWhat(items=(), recipients=(), cells={}),
            authorizations=[],
            summaries=[],
            counts=RecordsCounts(0, 0, 0, 0, 0),
            due_days=record_service.DEFAULT_REQUEST_DUE_DAYS,
        )


# ------------------------------------------------------------------ the board


def records_board(case: Case, today: dt.date | None = None) -> RecordsBoard:
    today = today or dt.date.today()
    with case.reading() as session:
        overview = request_service.records_overview(session, case.person_id, today)
        authorizations = auth_service.list_authorizations(session, case.person_id, today)
        chosen = list_contact_choices(session, roles=[ContactRole.SECOND_OPINION_CHOSEN])
        due_days = record_service.get_request_due_days(session)
        # Only these states owe a call: the others' next call is always none.
        follow_ups = tracking_service.follow_ups(
            session, case.person_id, states=request_service.FOLLOW_UP_STATES
        )
    board = build_board(
        overview.requests, overview.matrix, authorizations, {c.id for c in chosen}, due_days, today
    )
    next_calls = {i: f.next_call_on for i, f in follow_ups.items() if f.next_call_on is not None}
    return replace(board, next_calls=next_calls)


def build_board(
    requests: list[RequestRow],
    matrix: WhoHasWhat,
    authorizations: list[AuthorizationRow],
    chosen: set[int],
    due_days: int,
    today: dt.date,
) -> RecordsBoard:
    """The board from what was read (separate so it can be tested from plain rows)."""
    late = request_service.overdue_requests(requests, today)
    overdue = {r.id: r.days_overdue(today) for r in late}
    ordered = sorted(requests, key=lambda r: request_service.urgency(r, r.id in overdue))
    attention = needs_attention(requests, late, today)
    items = matrix.items
    counts = RecordsCounts(
        overdue=len(late),
        waiting_on_me=len(request_service.waiting_on_me(requests)),
        open_requests=sum(1 for r in requests if r.state is not S.RECEIVED),
        items_not_requested=sum(
            1 for i in items if not any(d.state > CellState.NOTHING for d in i.destinations)
        ),
        flagged_authorizations=sum(1 for a in authorizations if a.problem),
    )
    return RecordsBoard(
        today=today,
        requests=ordered,
        overdue=overdue,
        attention=attention,
        items=items,
        matrix=matrix,
        authorizations=authorizations,
        summaries=recipient_summaries(matrix, chosen),
        counts=counts,
        due_days=due_days,
    )


def needs_attention(
    requests: list[RequestRow], late: list[RequestRow], today: dt.date
) -> list[AttentionRow]:
    """Overdue first (most overdue on top), then waiting on me, then lapsed authorizations.

    A request is listed once, for its first reason.
    """
    rows = [AttentionRow(Reason.OVERDUE, r, r.days_overdue(today)) for r in late]
    listed = {r.id for r in late}
    for reason, found in (
        (Reason.WAITING, request_service.waiting_on_me(requests)),
        (Reason.AUTHORIZATION, request_service.flagged_authorization_requests(requests)),
    ):
        for request in found:
            if request.id not in listed:
                listed.add(request.id)
                rows.append(AttentionRow(reason, request))
    return rows


def recipient_summaries(matrix: WhoHasWhat, chosen: set[int]) -> list[RecipientSummary]:
    """The chosen second-opinion doctors (two at most); else whoever most records went to."""
    recipients = [r for r in matrix.recipients if r.id in chosen][:2]
    recipients = recipients or list(matrix.recipients[:1])
    summaries = []
    for recipient in recipients:
        counts = dict.fromkeys(CellState, 0)
        for item in matrix.items:
            counts[matrix.cell(item.id, recipient.id)] += 1
        summaries.append(
            RecipientSummary(
                recipient_id=recipient.id,
                name=recipient.name,
                total=len(matrix.items),
                confirmed=counts[CellState.CONFIRMED],
                sent=counts[CellState.SENT],
                requested=counts[CellState.REQUESTED],
                not_asked=counts[CellState.NOTHING],
            )
        )
    return summaries


def contact_choices(case: Case) -> list[ContactChoice]:
    """Every contact, for a form's pickers: read when a form opens, never kept by the board."""
    with case.reading() as session:
        return list_contact_choices(session)


def request_history(case: Case, request_id: int) -> list[StateChangeRow]:
    with case.reading() as session:
        return request_service.request_history(session, request_id)


# ------------------------------------------------------------------ items


def save_item(case: Case, data: ItemData, item_id: int | None = None) -> Outcome[int]:
    with case.unit() as session:
        if item_id is None:
            item_id = record_service.add_item(session, case.person_id, data)
        else:
            record_service.update_item(session, item_id, data)
    return Outcome(item_id, Changes.of(Area.RECORDS, item_id, also=_REQUEST_CHANGE))


def item_references(case: Case, item_id: int) -> int:
    """How many requests list the item (asked before deleting it); ``NotFound`` if gone."""
    with case.reading() as session:
        record_service.get_item(session, item_id)
        return record_service.requests_with_item(session, item_id)


def delete_item(case: Case, item_id: int) -> Changes:
    with case.unit() as session:
        record_service.delete_item(session, item_id)
    return Changes.of(Area.RECORDS, item_id, also=_REQUEST_CHANGE)


# ------------------------------------------------------------------ requests


def save_request(case: Case, data: RequestData, request_id: int | None = None) -> Outcome[int]:
    with case.unit() as session:
        if request_id is None:
            request_id = request_service.add_request(session, case.person_id, data)
        else:
            request_service.update_request(session, request_id, data)
    return Outcome(request_id, Changes.of(Area.RECORDS, request_id, also=_REQUEST_CHANGE))


def get_request(case: Case, request_id: int) -> RequestRow:
    """One request as stored now; ``NotFound`` if it is gone."""
    with case.reading() as session:
        return request_service.get_request(session, request_id)


def request_to_delete(case: Case, request_id: int) -> RequestRow:
    """The request as stored now (asked before deleting it); ``NotFound`` if it is gone."""
    with case.reading() as session:
        return request_service.get_request(session, request_id)


def delete_request(case: Case, request_id: int) -> Changes:
    with case.unit() as session:
        request_service.delete_request(session, request_id)
    return Changes.of(Area.RECORDS, request_id, also=_REQUEST_CHANGE)


_Move = Callable[..., None]

_MOVES: dict[RequestState, _Move] = {
    S.SENT: request_service.mark_sent,
    S.RECEIVED: request_service.mark_received,
    S.PARTLY_RECEIVED: request_service.mark_partly_received,
    S.WAITING_ON_ME: request_service.mark_waiting_on_me,
    S.PROBLEM: request_service.mark_problem,
}


def change_state(
    case: Case,
    request_id: int,
    target: RequestState,
    on: dt.date,
    note: str = "",
    new_due_on: dt.date | None = None,
    today: dt.date | None = None,
) -> Outcome[int]:
    """Move a request to ``target`` on ``on``; an extension needs ``new_due_on``.

    A move records something that happened, so ``on`` may not be after ``today``.
    """
    record_service.check_not_future(on, today or dt.date.today(), "on")
    with case.unit() as session:
        if target is S.REQUESTED:
            request_service.mark_requested(session, request_id, on, note=note)
        elif target is S.EXTENDED:
            if new_due_on is None:
                raise ValidationError("Enter the new due date.", field="new_due_on")
            request_service.record_extension(session, request_id, new_due_on, on=on, note=note)
        elif target in _MOVES:
            _MOVES[target](session, request_id, on, note)
        else:
            raise InvalidTransition("A request cannot be marked this way.")
    return Outcome(request_id, Changes.of(Area.RECORDS, request_id, also=_REQUEST_CHANGE))


@dataclass(frozen=True)
class UndoPreview:
    """What undoing the last move would do: said before it is done."""

    request_id: int
    undone: RequestState
    back_to: RequestState


def undo_preview(case: Case, request_id: int) -> UndoPreview | None:
    """The last move and the state it would go back to; None when there is nothing to undo."""
    with case.reading() as session:
        history = request_service.request_history(session, request_id)
    if len(history) < 2:
        return None
    return UndoPreview(request_id, history[-1].state, history[-2].state)


def undo_last_change(case: Case, request_id: int) -> Outcome[RequestState]:
    with case.unit() as session:
        state = request_service.undo_last_state_change(session, request_id)
    return Outcome(state, Changes.of(Area.RECORDS, request_id, also=_REQUEST_CHANGE))


# ------------------------------------------------------------------ authorizations and settings


def save_authorization(
    case: Case, data: AuthorizationData, authorization_id: int | None = None
) -> Outcome[int]:
    with case.unit() as session:
        if authorization_id is None:
            authorization_id = auth_service.add_authorization(session, case.person_id, data)
        else:
            auth_service.update_authorization(session, authorization_id, data)
    return Outcome(authorization_id, Changes.of(Area.RECORDS))


def authorization_references(case: Case, authorization_id: int) -> int:
    """How many requests rely on it (asked before deleting it); ``NotFound`` if it is gone."""
    with case.reading() as session:
        auth_service.get_authorization(session, authorization_id)
        return auth_service.requests_using(session, authorization_id)


def delete_authorization(case: Case, authorization_id: int) -> Changes:
    with case.unit() as session:
        auth_service.delete_authorization(session, authorization_id)
    return Changes.of(Area.RECORDS)


def set_due_days(case: Case, days: int) -> Outcome[int]:
    with case.unit() as session:
        record_service.set_request_due_days(session, days)
    return Outcome(days, Changes.of(Area.RECORDS))
