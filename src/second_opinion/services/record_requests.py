"""Requests for records: what was asked of whom, for whom, and where each one stands.

A request moves along a fixed path (to request -> requested -> extended -> partly received ->
sent -> received), with "waiting on me" and "refused / problem" reachable from any open state
and left again the same way. Every move appends a ``RequestStateChange`` so the history reads
back, and the last move can be undone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from second_opinion.domain.enums import ContactRole, RecordKind, RequestState, TransferMethod
from second_opinion.domain.models import (
    Authorization,
    Contact,
    Person,
    RecordItem,
    RecordRequest,
    RequestStateChange,
    due_in_force,
    record_request_item,
)
from second_opinion.services.authorizations import AuthorizationProblem, authorization_problem
from second_opinion.services.errors import InvalidTransition, NotFound, ValidationError, must_exist
from second_opinion.services.labels import REQUEST_STATE
from second_opinion.services.legal_basis import basis_for, has_access_deadline
from second_opinion.services.pacing import fetch_all, paced
from second_opinion.services.records import (
    WhoHasWhat,
    check_date,
    check_text,
    get_request_due_days,
    read_rows,
    who_has_what_from_links,
)

S = RequestState

_SIDE_STATES = frozenset({S.WAITING_ON_ME, S.PROBLEM})

#: Where each state may go next. "Back" from a side state goes to any open state, since the
#: person knows best where the request stands once the form is signed or the fax resent.
ALLOWED: dict[RequestState, frozenset[RequestState]] = {
    S.TO_REQUEST: frozenset({S.REQUESTED, S.WAITING_ON_ME, S.PROBLEM}),
    S.REQUESTED: frozenset(
        {S.EXTENDED, S.PARTLY_RECEIVED, S.SENT, S.RECEIVED, S.WAITING_ON_ME, S.PROBLEM}
    ),
    S.EXTENDED: frozenset(
        {S.EXTENDED, S.PARTLY_RECEIVED, S.SENT, S.RECEIVED, S.WAITING_ON_ME, S.PROBLEM}
    ),
    S.PARTLY_RECEIVED: frozenset({S.EXTENDED, S.SENT, S.RECEIVED, S.WAITING_ON_ME, S.PROBLEM}),
    S.SENT: frozenset({S.PARTLY_RECEIVED, S.RECEIVED, S.WAITING_ON_ME, S.PROBLEM}),
    S.WAITING_ON_ME: frozenset(
        {S.TO_REQUEST, S.REQUESTED, S.EXTENDED, S.PARTLY_RECEIVED, S.SENT, S.RECEIVED, S.PROBLEM}
    ),
    S.PROBLEM: frozenset(
        {
            S.TO_REQUEST,
            S.REQUESTED,
            S.EXTENDED,
            S.PARTLY_RECEIVED,
            S.SENT,
            S.RECEIVED,
            S.WAITING_ON_ME,
        }
    ),
    # Confirmed is the end; a mistaken "received" is put right with undo.
    S.RECEIVED: frozenset(),
}


def allowed_next_states(state: RequestState) -> frozenset[RequestState]:
    return ALLOWED[state]


def can_move(state: RequestState, target: RequestState) -> bool:
    return target in ALLOWED[state]


# ------------------------------------------------------------------ rows


@dataclass(frozen=True, slots=True)  # thousands are kept: no __dict__ each
class RequestItem:
    id: int
    kind: RecordKind
    description: str


@dataclass(frozen=True, slots=True)  # thousands are kept: no __dict__ each
class RequestRow:
    id: int
    state: RequestState
    holder_id: int
    holder_name: str
    recipient_id: int
    recipient_name: str
    method: TransferMethod
    requested_on: dt.date | None
    due_on: dt.date | None
    extended_due_on: dt.date | None
    sent_on: dt.date | None
    received_on: dt.date | None
    fee_cents: int | None
    reference_number: str
    notes: str
    authorization_id: int | None
    #: set when the linked authorization has expired or was revoked (as of the listing date)
    authorization_problem: AuthorizationProblem | None
    items: tuple[RequestItem, ...]

    @property
    def effective_due_on(self) -> dt.date | None:
        return due_in_force(self.due_on, self.extended_due_on)

    @property
    def item_ids(self) -> tuple[int, ...]:
        return tuple(i.id for i in self.items)

    def is_overdue(self, on: dt.date) -> bool:
        return is_overdue(self.state, self.effective_due_on, self.sent_on, on)

    def days_overdue(self, on: dt.date) -> int:
        return days_overdue(self.state, self.effective_due_on, self.sent_on, on)


# ------------------------------------------------------------------ the overdue rule

#: States in which the holder still owes the records, so a passed due date is theirs to answer
#: for. "To request" has not been asked yet, "waiting on me" waits on the person (never the
#: holder's delay), and "received" is done.
CAN_BE_OVERDUE = frozenset({S.REQUESTED, S.EXTENDED, S.PARTLY_RECEIVED, S.SENT, S.PROBLEM})


def is_overdue(
    state: RequestState, due: dt.date | None, sent_on: dt.date | None, on: dt.date
) -> bool:
    """The one "overdue" rule (Records tab, visit readiness, visit packet, command line).

    Past its due date (the extended one, if any) while the holder still owes the records. Due
    today is not overdue: the holder has until the end of the day. Records sent on or before
    the due date are not overdue either: the holder kept the deadline, and what is left (the
    recipient confirming) is not theirs to chase.
    """
    if state not in CAN_BE_OVERDUE or due is None or due >= on:
        return False
    return not (state is S.SENT and sent_on is not None and sent_on <= due)


def days_overdue(
    state: RequestState, due: dt.date | None, sent_on: dt.date | None, on: dt.date
) -> int:
    """How many days past due an overdue request is on ``on``; 0 when it is not overdue."""
    if due is None or not is_overdue(state, due, sent_on, on):
        return 0
    return (on - due).days


# ------------------------------------------------------------------ the legal clock

#: Days a holder has to act on a right-of-access request (45 CFR 164.524(b)(2)) ...
ACCESS_DAYS = 30
#: ... and the most its one extension may add, announced in writing within those 30 days.
MAX_EXTENSION_DAYS = 30


def clock_starts_on(
    requested_on: dt.date | None, holder_received_on: dt.date | None
) -> dt.date | None:
    """The day the 30 days start: when the holder received the request, if that is known (a
    mailed request arrives days after it was sent), else the day it was sent."""
    return holder_received_on or requested_on


def legal_due_on(
    requested_on: dt.date | None, holder_received_on: dt.date | None
) -> dt.date | None:
    """The last day of the first 30, on which the holder must act or announce an extension."""
    start = clock_starts_on(requested_on, holder_received_on)
    return None if start is None else start + dt.timedelta(days=ACCESS_DAYS)


def check_extension(
    requested_on: dt.date | None,
    holder_received_on: dt.date | None,
    extensions_so_far: int,
    announced_on: dt.date,
    new_due_on: dt.date,
) -> None:
    """Refuse an extension the right of access does not allow, saying why.

    One extension only, of at most 30 days past the first 30, announced (in writing) on or
    before the 30th day. Applies to requests that rest on the right of access
    (``legal_basis.has_access_deadline``); a holder's own policy sets its own terms.
    """
    if extensions_so_far >= 1:
        raise ValidationError(
            "The law allows the holder one extension only, and this request already has one. "
            "Record what they said as a note, or mark the request as a problem."
        )
    first = legal_due_on(requested_on, holder_received_on)
    if first is None:
        return
    if announced_on > first:
        raise ValidationError(
            "An extension must be announced in writing within the first 30 days (by {first}). "
            "This one came later: the request is overdue, not extended.",
            field="on",
            first=first.isoformat(),
        )
    latest = first + dt.timedelta(days=MAX_EXTENSION_DAYS)
    if new_due_on > latest:
        raise ValidationError(
            "An extension adds at most 30 days: the latest due date the law allows is {latest}.",
            field="new_due_on",
            latest=latest.isoformat(),
        )


# ------------------------------------------------------------------ the follow-up plan

#: Call the holder 10, 20 and 30 days after the request was sent, unless the person changes it.
DEFAULT_FOLLOW_UP_DAYS: tuple[int, ...] = (10, 20, 30)
#: A planned call this soon after a call already made is skipped: that call covered it.
MIN_DAYS_BETWEEN_CALLS = 5
#: States in which the holder still owes the records and has not sent them: worth a call.
FOLLOW_UP_STATES = frozenset({S.REQUESTED, S.EXTENDED, S.PARTLY_RECEIVED, S.PROBLEM})
_MAX_PLAN_DAY = 365


def parse_follow_up_days(text: str) -> tuple[int, ...]:
    """ "10, 20,30" -> (10, 20, 30), sorted, each once; refuses an empty or odd plan."""
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    if not parts:
        raise ValidationError(
            "A follow-up plan needs at least one day to call on (for example 10, 20, 30).",
            field="follow_up_days",
        )
    days: set[int] = set()
    for part in parts:
        try:
            day = int(part.strip())
        except ValueError:
            raise ValidationError(
                "Give the days as numbers separated by commas (for example 10, 20, 30).",
                field="follow_up_days",
            ) from None
        if not 1 <= day <= _MAX_PLAN_DAY:
            raise ValidationError(
                "Each day must be between 1 and 365 days after the request was sent.",
                field="follow_up_days",
            )
        days.add(day)
    return tuple(sorted(days))


def format_follow_up_days(days: Iterable[int]) -> str:
    return ",".join(str(d) for d in sorted(days))


def planned_calls(requested_on: dt.date | None, plan: Sequence[int]) -> list[dt.date]:
    if requested_on is None:
        return []
    return [requested_on + dt.timedelta(days=d) for d in sorted(plan)]


def next_follow_up(
    state: RequestState,
    requested_on: dt.date | None,
    plan: Sequence[int],
    calls: Iterable[dt.date],
) -> dt.date | None:
    """The day of the next planned call, or None (nothing owed, no plan left, not sent yet).

    The planned days count from the day the request was sent. Calls already made cover every
    planned day up to ``MIN_DAYS_BETWEEN_CALLS`` after the latest of them; a day that has
    passed without a call stays due (it is the next one) until a call is logged.
    """
    if state not in FOLLOW_UP_STATES:
        return None
    last = max(calls, default=None)
    for day in planned_calls(requested_on, plan):
        if last is None or day >= last + dt.timedelta(days=MIN_DAYS_BETWEEN_CALLS):
            return day
    return None


def overdue_requests(requests: Iterable[RequestRow], on: dt.date) -> list[RequestRow]:
    """The overdue ones of ``requests`` on ``on``, most overdue first."""
    late = [r for r in requests if r.is_overdue(on)]
    return sorted(late, key=lambda r: (-r.days_overdue(on), r.id))


def waiting_on_me(requests: Iterable[RequestRow]) -> list[RequestRow]:
    """Requests that cannot move until the person does something (sign, pay, send ID)."""
    return [r for r in requests if r.state is S.WAITING_ON_ME]


def flagged_authorization_requests(requests: Iterable[RequestRow]) -> list[RequestRow]:
    """Requests not yet received whose authorization has expired or been revoked."""
    return [r for r in requests if r.authorization_problem and r.state is not S.RECEIVED]


#: Where a request stands in "most urgent first" after the overdue ones: what the person must
#: do, then what went wrong, then what is not asked yet, then what the holder is working on.
_URGENCY = {
    state: rank
    for rank, state in enumerate(
        (
            S.WAITING_ON_ME,
            S.PROBLEM,
            S.TO_REQUEST,
            S.REQUESTED,
            S.EXTENDED,
            S.PARTLY_RECEIVED,
            S.SENT,
            S.RECEIVED,
        ),
        start=1,
    )
}


def urgency(row: RequestRow, overdue: bool) -> tuple[int, dt.date]:
    """Sort key for "most urgent first": overdue, then by state, earliest due first."""
    return (0 if overdue else _URGENCY[row.state], row.effective_due_on or dt.date.max)


@dataclass(frozen=True)
class StateChangeRow:
    id: int
    state: RequestState
    on: dt.date
    recorded_at: dt.datetime
    note: str
    #: the due date an extension moved to, when this change is an extension
    new_due_on: dt.date | None


def _rows(
    session: Session,
    where: Sequence[ColumnElement[bool]],
    today: dt.date,
    person_id: int | None = None,
) -> list[RequestRow]:
    """Requests and their items in two queries, however many there are (no query per row).

    With ``person_id`` (listing all of a person's requests) the items are read by person;
    otherwise by the ids of the requests found, chunked under SQLite's variable limit.
    """
    holder = aliased(Contact)
    recipient = aliased(Contact)
    # Plain columns rather than ORM objects: building 10 000 objects costs more than the query.
    stmt = (
        select(
            RecordRequest.id,
            RecordRequest.state,
            RecordRequest.holder_id,
            holder.name,
            RecordRequest.recipient_id,
            recipient.name,
            RecordRequest.method,
            RecordRequest.requested_on,
            RecordRequest.due_on,
            RecordRequest.extended_due_on,
            RecordRequest.sent_on,
            RecordRequest.received_on,
            RecordRequest.fee_cents,
            RecordRequest.reference_number,
            RecordRequest.notes,
            RecordRequest.authorization_id,
            Authorization.expires_on,
            Authorization.revoked_on,
        )
        .join(holder, holder.id == RecordRequest.holder_id)
        .join(recipient, recipient.id == RecordRequest.recipient_id)
        .outerjoin(Authorization, Authorization.id == RecordRequest.authorization_id)
        .where(*where)
        .order_by(RecordRequest.id)
    )
    fetched = fetch_all(read_rows(session, stmt))
    if not fetched:
        return []
    item_stmt = (
        select(
            record_request_item.c.request_id,
            RecordItem.id,
            RecordItem.kind,
            RecordItem.description,
        )
        .join(RecordItem, RecordItem.id == record_request_item.c.item_id)
        .order_by(record_request_item.c.request_id, RecordItem.id)
    )
    if person_id is not None:
        mine = select(RecordRequest.id).where(RecordRequest.person_id == person_id)
        item_stmt = item_stmt.where(record_request_item.c.request_id.in_(mine))
        return _build_rows(fetched, [fetch_all(read_rows(session, item_stmt))], today)
    ids = [r[0] for r in fetched]
    chunks = [
        fetch_all(
            read_rows(
                session,
                item_stmt.where(record_request_item.c.request_id.in_(ids[at : at + 5000])),
            )
        )
        for at in range(0, len(ids), 5000)
    ]
    return _build_rows(fetched, chunks, today)


def _build_rows(
    fetched: Sequence[Sequence[Any]],
    item_results: Iterable[Iterable[Sequence[Any]]],
    today: dt.date,
) -> list[RequestRow]:
    items: dict[int, list[RequestItem]] = {}
    # One RequestItem per record, shared by every request that lists it.
    shared: dict[int, RequestItem] = {}
    for result in item_results:
        for request_id, item_id, kind, description in result:
            item = shared.get(item_id)
            if item is None:
                item = shared[item_id] = RequestItem(item_id, kind, description)
            items.setdefault(request_id, []).append(item)
    # A busy case names the same few dozen holders and days thousands of times: one object
    # each (``one``) instead of one per row keeps a 10 000-row list megabytes smaller.
    seen: dict[Any, Any] = {}

    def one(value: Any) -> Any:
        return seen.setdefault(value, value)

    return [
        RequestRow(
            id=r[0],
            state=r[1],
            holder_id=r[2],
            holder_name=one(r[3]),
            recipient_id=r[4],
            recipient_name=one(r[5]),
            method=r[6],
            requested_on=one(r[7]),
            due_on=one(r[8]),
            extended_due_on=one(r[9]),
            sent_on=one(r[10]),
            received_on=one(r[11]),
            fee_cents=r[12],
            reference_number=r[13],
            notes=r[14],
            authorization_id=r[15],
            authorization_problem=(
                authorization_problem(r[16], r[17], today) if r[15] is not None else None
            ),
            items=tuple(items.get(r[0], ())),
        )
        for r in paced(fetched)
    ]


def list_requests(
    session: Session, person_id: int, today: dt.date | None = None
) -> list[RequestRow]:
    return _rows(
        session, [RecordRequest.person_id == person_id], today or dt.date.today(), person_id
    )


@dataclass(frozen=True)
class RecordsOverview:
    """Everything the records tab lists, read together so nothing is read twice."""

    requests: list[RequestRow]
    matrix: WhoHasWhat


def records_overview(
    session: Session, person_id: int, today: dt.date | None = None
) -> RecordsOverview:
    """``list_requests`` and ``records.who_has_what`` in one go.

    The matrix is worked out from the requests just read (their state, dates, recipient and
    items) instead of a second pass over every request and its items.
    """
    requests = list_requests(session, person_id, today)
    links = [
        (
            item.id,
            r.id,
            r.recipient_id,
            r.recipient_name,
            r.state,
            r.requested_on,
            r.sent_on,
            r.received_on,
        )
        for r in requests  # in request id order, items in id order: as ``_links`` reads them
        for item in r.items
    ]
    return RecordsOverview(requests, who_has_what_from_links(session, person_id, links))


def get_request(session: Session, request_id: int, today: dt.date | None = None) -> RequestRow:
    rows = _rows(session, [RecordRequest.id == request_id], today or dt.date.today())
    if not rows:
        raise NotFound("This request no longer exists.")
    return rows[0]


def request_history(session: Session, request_id: int) -> list[StateChangeRow]:
    _get(session, request_id)
    stmt = (
        select(RequestStateChange)
        .where(RequestStateChange.request_id == request_id)
        .order_by(RequestStateChange.id)
    )
    return [_change_row(c) for c in session.scalars(stmt)]


def _change_row(change: RequestStateChange) -> StateChangeRow:
    new_due = change.due_on if change.state is S.EXTENDED else None
    return StateChangeRow(
        change.id, change.state, change.on, change.recorded_at, change.note, new_due
    )


# ------------------------------------------------------------------ create, edit, delete


@dataclass(frozen=True)
class RequestData:
    """What a person fills in on the request form.

    ``due_on`` left empty becomes ``requested_on`` plus the vault's "request_due_days".
    """

    item_ids: Sequence[int]
    holder_id: int
    recipient_id: int
    method: TransferMethod = TransferMethod.PORTAL
    requested_on: dt.date | None = None
    due_on: dt.date | None = None
    sent_on: dt.date | None = None
    received_on: dt.date | None = None
    fee_cents: int | None = None
    reference_number: str = ""
    notes: str = ""
    authorization_id: int | None = None


def default_due_on(session: Session, requested_on: dt.date) -> dt.date:
    return requested_on + dt.timedelta(days=get_request_due_days(session))


def _validate(session: Session, person_id: int, data: RequestData) -> list[RecordItem]:
    if not data.item_ids:
        raise ValidationError("Choose at least one record for this request.", field="items")
    items = list(
        session.scalars(
            select(RecordItem).where(
                RecordItem.id.in_(list(data.item_ids)), RecordItem.person_id == person_id
            )
        )
    )
    if len(items) != len(set(data.item_ids)):
        raise ValidationError("One of the chosen records no longer exists.", field="items")
    for contact_id, field in ((data.holder_id, "holder"), (data.recipient_id, "recipient")):
        if session.get(Contact, contact_id) is None:
            raise ValidationError("Choose a contact from the list.", field=field)
    if data.holder_id == data.recipient_id:
        raise ValidationError(
            "The records cannot be sent to the one who holds them: choose another recipient.",
            field="recipient",
        )
    if not isinstance(data.method, TransferMethod):
        raise ValidationError("Choose how the records travel.", field="method")
    check_date(data.requested_on, "requested_on", "The request date")
    check_date(data.due_on, "due_on", "The due date")
    check_date(data.sent_on, "sent_on", "The date sent")
    check_date(data.received_on, "received_on", "The date received")
    if data.due_on and data.requested_on and data.due_on < data.requested_on:
        raise ValidationError(
            "The due date cannot be before the date of the request.", field="due_on"
        )
    if data.fee_cents is not None and not 0 <= data.fee_cents <= 100_000_000:
        raise ValidationError("The fee must be between 0 and 1,000,000.", field="fee")
    check_text(data.reference_number, "reference_number")
    check_text(data.notes, "notes")
    if data.authorization_id is not None:
        auth = session.get(Authorization, data.authorization_id)
        if auth is None or auth.person_id != person_id:
            raise ValidationError("Choose an authorization from the list.", field="authorization")
    return items


def add_request(
    session: Session, person_id: int, data: RequestData, today: dt.date | None = None
) -> int:
    """Create a request: "requested" when a request date is given, else "to request"."""
    if session.get(Person, person_id) is None:
        raise NotFound("This person no longer exists.")
    items = _validate(session, person_id, data)
    req = RecordRequest(person_id=person_id)
    session.add(req)
    with session.no_autoflush:  # half-filled until _apply is done
        _apply(session, req, data, items)
    if data.requested_on is not None:
        req.state = S.REQUESTED
        req.history.append(
            RequestStateChange(state=S.REQUESTED, on=data.requested_on, due_on=req.due_on)
        )
    else:
        req.state = S.TO_REQUEST
        req.history.append(RequestStateChange(state=S.TO_REQUEST, on=today or dt.date.today()))
    session.flush()
    return req.id


def _apply(
    session: Session, req: RecordRequest, data: RequestData, items: list[RecordItem]
) -> None:
    req.items = items
    req.holder_id = data.holder_id
    req.recipient_id = data.recipient_id
    req.method = data.method
    req.requested_on = data.requested_on
    if data.due_on is None and data.requested_on is not None:
        req.due_on = default_due_on(session, data.requested_on)
    else:
        req.due_on = data.due_on
    if req.extended_due_on is not None and req.due_on and req.extended_due_on <= req.due_on:
        # The new due date already covers the extension; keeping it would hide the change.
        req.extended_due_on = None
    req.sent_on = data.sent_on
    req.received_on = data.received_on
    req.fee_cents = data.fee_cents
    req.reference_number = data.reference_number
    req.notes = data.notes
    req.authorization_id = data.authorization_id


def update_request(session: Session, request_id: int, data: RequestData) -> None:
    """Change the details; the state only moves through the ``mark_...`` functions."""
    req = _get(session, request_id)
    items = _validate(session, req.person_id, data)
    _apply(session, req, data, items)
    session.flush()


def delete_request(session: Session, request_id: int) -> None:
    req = _get(session, request_id)
    session.delete(req)
    session.flush()


def _get(session: Session, request_id: int) -> RecordRequest:
    return must_exist(session, RecordRequest, request_id, "This request no longer exists.")


# ------------------------------------------------------------------ moving along the path


def _move(
    session: Session,
    request_id: int,
    target: RequestState,
    on: dt.date,
    note: str,
    due_on: dt.date | None = None,
) -> RecordRequest:
    req = _get(session, request_id)
    check_date(on, "on", "The date")
    check_text(note, "note")
    if not can_move(req.state, target):
        raise InvalidTransition(
            f"A request that is “{REQUEST_STATE[req.state]}” cannot be marked "
            f"“{REQUEST_STATE[target]}”."
        )
    req.state = target
    req.history.append(RequestStateChange(state=target, on=on, note=note, due_on=due_on))
    return req


def mark_requested(
    session: Session,
    request_id: int,
    on: dt.date,
    due_on: dt.date | None = None,
    note: str = "",
) -> None:
    check_date(due_on, "due_on", "The due date")
    if due_on is not None and due_on < on:
        raise ValidationError(
            "The due date cannot be before the date of the request.", field="due_on"
        )
    new_due = due_on or default_due_on(session, on)
    req = _move(session, request_id, S.REQUESTED, on, note, due_on=new_due)
    # Asking again (after a problem, or once the form is signed) starts the clock again.
    req.requested_on = on
    req.due_on = new_due
    if req.extended_due_on is not None and req.extended_due_on <= req.due_on:
        req.extended_due_on = None
    session.flush()


def record_extension(
    session: Session, request_id: int, new_due_on: dt.date, on: dt.date, note: str = ""
) -> None:
    """The holder said it needs more time: the due date moves to ``new_due_on``."""
    req = _get(session, request_id)
    check_date(new_due_on, "new_due_on", "The new due date")
    basis = basis_for(req.recipient.role is ContactRole.SELF, req.method)
    if has_access_deadline(basis):
        check_extension(
            req.requested_on,
            req.holder_received_on,
            sum(1 for c in req.history if c.state is S.EXTENDED),
            on,
            new_due_on,
        )
    current = req.effective_due_on
    if current is not None and new_due_on <= current:
        raise ValidationError(
            "An extension must move the due date later than the current one "
            f"({current.isoformat()}).",
            field="new_due_on",
        )
    if req.requested_on is not None and new_due_on < req.requested_on:
        raise ValidationError(
            "The new due date cannot be before the date of the request.", field="new_due_on"
        )
    req = _move(session, request_id, S.EXTENDED, on, note, due_on=new_due_on)
    req.extended_due_on = new_due_on
    session.flush()


def mark_partly_received(session: Session, request_id: int, on: dt.date, note: str = "") -> None:
    _move(session, request_id, S.PARTLY_RECEIVED, on, note)
    session.flush()


def mark_sent(session: Session, request_id: int, on: dt.date, note: str = "") -> None:
    """The holder sent the records (to the recipient); not yet confirmed as received."""
    req = _get(session, request_id)
    if req.requested_on is not None and on < req.requested_on:
        raise ValidationError("Records cannot be sent before they were requested.", field="sent_on")
    req = _move(session, request_id, S.SENT, on, note)
    req.sent_on = on
    session.flush()


def mark_received(session: Session, request_id: int, on: dt.date, note: str = "") -> None:
    """The recipient confirmed they have the records: the request is done."""
    req = _get(session, request_id)
    if req.requested_on is not None and on < req.requested_on:
        raise ValidationError(
            "Records cannot arrive before they were requested.", field="received_on"
        )
    req = _move(session, request_id, S.RECEIVED, on, note)
    req.received_on = on
    session.flush()


def mark_waiting_on_me(session: Session, request_id: int, on: dt.date, note: str = "") -> None:
    _move(session, request_id, S.WAITING_ON_ME, on, note)
    session.flush()


def mark_problem(session: Session, request_id: int, on: dt.date, note: str = "") -> None:
    _move(session, request_id, S.PROBLEM, on, note)
    session.flush()


def undo_last_state_change(session: Session, request_id: int) -> RequestState:
    """Take back the latest move; the dates it set go back to what they were before.

    The first entry (how the request started) cannot be undone: delete the request instead.
    """
    req = _get(session, request_id)
    history = list(req.history)
    if len(history) < 2:
        raise InvalidTransition("There is no change of state to undo for this request.")
    last = history[-1]
    remaining = history[:-1]

    def latest(state: RequestState) -> RequestStateChange | None:
        return next((c for c in reversed(remaining) if c.state is state), None)

    if last.state is S.REQUESTED:
        earlier = latest(S.REQUESTED)
        req.requested_on = earlier.on if earlier else None
        if earlier is None:
            req.due_on = None
        else:
            req.due_on = earlier.due_on or default_due_on(session, earlier.on)
    elif last.state is S.EXTENDED:
        earlier_ext = latest(S.EXTENDED)
        req.extended_due_on = earlier_ext.due_on if earlier_ext else None
    elif last.state is S.SENT:
        earlier = latest(S.SENT)
        req.sent_on = earlier.on if earlier else None
    elif last.state is S.RECEIVED:
        earlier = latest(S.RECEIVED)
        req.received_on = earlier.on if earlier else None
    req.history.remove(last)
    req.state = remaining[-1].state
    session.flush()
    return req.state
