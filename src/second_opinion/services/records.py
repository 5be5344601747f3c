"""Record items (what exists, who holds it) and the "who has what" answer.

Requests that move items between holders and recipients live in ``record_requests``; signed
authorizations in ``authorizations``. Everything handed out is a frozen dataclass.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVarTuple

from sqlalchemy import Result, Select, func, select
from sqlalchemy.orm import Session

from second_opinion.domain.enums import RecordKind, RequestState
from second_opinion.domain.models import (
    Contact,
    Person,
    RecordItem,
    RecordRequest,
    VaultSetting,
    record_request_item,
)
from second_opinion.services.errors import NotFound, ValidationError, must_exist
from second_opinion.services.pacing import fetch_all, paced

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)
#: Far above any real note, low enough that a pasted file cannot bloat the vault unnoticed.
MAX_TEXT = 100_000

REQUEST_DUE_DAYS_KEY = "request_due_days"
#: HIPAA gives a covered entity 30 days to act on a right-of-access request.
DEFAULT_REQUEST_DUE_DAYS = 30


# ------------------------------------------------------------------ validation


def check_date(value: dt.date | None, field: str, label: str) -> None:
    """Refuse dates no real record has: a typo of 1026 or 2206 would hide a request."""
    if value is not None and not (EARLIEST <= value <= LATEST):
        raise ValidationError(f"{label} must be between 1900 and 2100.", field=field)


#: said when a record's date of service is still to come (the form asks before saving it)
FUTURE_SERVICE = (
    "The date of service, {date}, is still to come. A record holds what was already done: "
    "check the date, or keep it for a test that is planned."
)


def is_future_service(data: ItemData, today: dt.date) -> bool:
    """A date of service after today: most likely a typo, worth asking about (not refused:
    a planned scan may be noted ahead)."""
    return data.date_of_service is not None and data.date_of_service > today


def check_not_future(value: dt.date, today: dt.date, field: str) -> None:
    """Refuse a date for something that happened (sent, received, requested) after today."""
    if value > today:
        raise ValidationError(
            f"{value.isoformat()} is still to come: use today's date or the day it happened.",
            field=field,
        )


def check_text(value: str, field: str) -> None:
    if len(value) > MAX_TEXT:
        raise ValidationError(
            f"This text is too long (at most {MAX_TEXT:,} characters).", field=field
        )


# ------------------------------------------------------------------ settings


def get_request_due_days(session: Session) -> int:
    """Days from a request to its due date; a vault setting so every computer agrees."""
    setting = session.get(VaultSetting, REQUEST_DUE_DAYS_KEY)
    if setting is None:
        return DEFAULT_REQUEST_DUE_DAYS
    try:
        days = int(setting.value)
    except ValueError:
        return DEFAULT_REQUEST_DUE_DAYS
    return days if 1 <= days <= 365 else DEFAULT_REQUEST_DUE_DAYS


def set_request_due_days(session: Session, days: int) -> None:
    if not 1 <= days <= 365:
        raise ValidationError("Choose between 1 and 365 days.", field="request_due_days")
    setting = session.get(VaultSetting, REQUEST_DUE_DAYS_KEY)
    if setting is None:
        session.add(VaultSetting(key=REQUEST_DUE_DAYS_KEY, value=str(days)))
    else:
        setting.value = str(days)
    session.flush()


# ------------------------------------------------------------------ who has what


class CellState(enum.IntEnum):
    """How far an item got to a recipient; higher is further, so the best is the max."""

    NOTHING = 0
    REQUESTED = 1
    SENT = 2
    CONFIRMED = 3


def cell_state_of(state: RequestState) -> CellState:
    """What one request in ``state`` says about each of its items at the recipient.

    A request still "to request" has not moved anything. "Partly received" does not say which
    items arrived, so it claims no more than "requested": better to chase than to assume.
    """
    if state is RequestState.RECEIVED:
        return CellState.CONFIRMED
    if state is RequestState.SENT:
        return CellState.SENT
    if state is RequestState.TO_REQUEST:
        return CellState.NOTHING
    return CellState.REQUESTED


@dataclass(frozen=True, slots=True)  # thousands are kept: no __dict__ each
class Destination:
    """Where one item stands with one recipient."""

    recipient_id: int
    recipient_name: str
    state: CellState
    #: the request that got it furthest, and the date of that step (received/sent/requested)
    request_id: int
    on: dt.date | None
    request_count: int


@dataclass(frozen=True, slots=True)  # thousands are kept: no __dict__ each
class ItemRow:
    id: int
    kind: RecordKind
    description: str
    date_of_service: dt.date | None
    holder_id: int | None
    holder_name: str
    notes: str
    request_count: int
    #: per recipient, best state first
    destinations: tuple[Destination, ...]


@dataclass(frozen=True)
class MatrixRecipient:
    id: int
    name: str


@dataclass(frozen=True)
class WhoHasWhat:
    items: tuple[ItemRow, ...]
    recipients: tuple[MatrixRecipient, ...]
    cells: Mapping[tuple[int, int], Destination]

    def cell(self, item_id: int, recipient_id: int) -> CellState:
        found = self.cells.get((item_id, recipient_id))
        return found.state if found else CellState.NOTHING


#: One link of a request to an item, as the matrix needs it: item id, request id, recipient
#: id and name, request state, and the request's requested / sent / received dates.
Link = tuple[int, int, int, str, RequestState, dt.date | None, dt.date | None, dt.date | None]

_Ts = TypeVarTuple("_Ts")

#: What each request state says about its items at the recipient (see ``cell_state_of``).
_CELL_OF_STATE = {state: cell_state_of(state) for state in RequestState}


def read_rows(session: Session, stmt: Select[*_Ts]) -> Result[*_Ts]:
    """Run a read-only ``select`` of plain columns through Core rather than the ORM.

    The ORM's result handling costs about as much as the query itself for 10 000 rows, and a
    select of columns gains nothing from it. Pending changes are flushed first, as the ORM
    would (autoflush), so a listing right after an edit in the same session sees the edit.
    """
    session.flush()
    return session.connection().execute(stmt)


def _links(session: Session, person_id: int) -> list[Link]:
    """Every (request, item) link of the person's requests, in request then item order."""
    stmt = (
        select(
            record_request_item.c.item_id,
            RecordRequest.id,
            RecordRequest.recipient_id,
            Contact.name,
            RecordRequest.state,
            RecordRequest.requested_on,
            RecordRequest.sent_on,
            RecordRequest.received_on,
        )
        .join(RecordRequest, RecordRequest.id == record_request_item.c.request_id)
        .join(Contact, Contact.id == RecordRequest.recipient_id)
        .where(RecordRequest.person_id == person_id)
        .order_by(RecordRequest.id, record_request_item.c.item_id)
    )
    return [tuple(row) for row in fetch_all(read_rows(session, stmt))]


def _destinations(
    links: Iterable[Link],
) -> tuple[dict[tuple[int, int], Destination], dict[int, str], dict[int, int]]:
    """Best state per (item, recipient) over the links; the earliest request wins a tie."""
    # [state, on, request id, count, recipient name] per cell, made into Destinations once at
    # the end: building a frozen dataclass per link costs more than the whole comparison.
    best: dict[tuple[int, int], list[Any]] = {}
    names: dict[int, str] = {}
    counts: dict[int, int] = {}
    minimum = dt.date.min
    confirmed, sent, requested = CellState.CONFIRMED, CellState.SENT, CellState.REQUESTED
    days: dict[dt.date, dt.date] = {}
    for item_id, request_id, recipient_id, name, state, requested_on, sent_on, received_on in paced(
        links
    ):
        # One object per recipient name and per day, not one per link (thousands of links).
        name = names.setdefault(recipient_id, name)
        counts[item_id] = counts.get(item_id, 0) + 1
        cell = _CELL_OF_STATE[state]
        if cell is confirmed:
            on = received_on
        elif cell is sent:
            on = sent_on
        elif cell is requested:
            on = requested_on
        else:
            on = None
        if on is not None:
            on = days.setdefault(on, on)
        key = (item_id, recipient_id)
        previous = best.get(key)
        if previous is None:
            best[key] = [cell, on, request_id, 1, name]
            continue
        previous[3] += 1
        if (cell, on or minimum) > (previous[0], previous[1] or minimum):
            previous[0], previous[1], previous[2] = cell, on, request_id
    cells = {
        key: Destination(key[1], name, cell, request_id, on, count)
        for key, (cell, on, request_id, count, name) in best.items()
    }
    return cells, names, counts


def _item_rows(
    session: Session,
    person_id: int,
    best: Mapping[tuple[int, int], Destination],
    counts: Mapping[int, int],
) -> list[ItemRow]:
    by_item: dict[int, list[Destination]] = {}
    for (item_id, _recipient), destination in best.items():
        by_item.setdefault(item_id, []).append(destination)
    stmt = (
        select(
            RecordItem.id,
            RecordItem.kind,
            RecordItem.description,
            RecordItem.date_of_service,
            RecordItem.holder_id,
            Contact.name,
            RecordItem.notes,
        )
        .outerjoin(Contact, Contact.id == RecordItem.holder_id)
        .where(RecordItem.person_id == person_id)
        .order_by(RecordItem.date_of_service.desc(), RecordItem.id)
    )
    rows = []
    for item_id, kind, description, served, holder_id, holder_name, notes in fetch_all(
        read_rows(session, stmt)
    ):
        destinations = by_item.get(item_id, ())
        if len(destinations) > 1:
            destinations = sorted(
                destinations, key=lambda d: (-d.state, d.recipient_name.casefold())
            )
        rows.append(
            ItemRow(
                id=item_id,
                kind=kind,
                description=description,
                date_of_service=served,
                holder_id=holder_id,
                holder_name=holder_name or "",
                notes=notes,
                request_count=counts.get(item_id, 0),
                destinations=tuple(destinations),
            )
        )
    return rows


def list_items(session: Session, person_id: int) -> list[ItemRow]:
    best, _names, counts = _destinations(_links(session, person_id))
    return _item_rows(session, person_id, best, counts)


def who_has_what(session: Session, person_id: int) -> WhoHasWhat:
    """Record items down, recipients across, the furthest any request got in each cell."""
    return who_has_what_from_links(session, person_id, _links(session, person_id))


def who_has_what_from_links(session: Session, person_id: int, links: Iterable[Link]) -> WhoHasWhat:
    """``who_has_what`` from links already read (with the requests), so they are read once.

    ``links`` must be every link of the person's requests, ordered by request id then item id.
    """
    best, names, counts = _destinations(links)
    items = _item_rows(session, person_id, best, counts)
    # The recipient most records went to (usually the second-opinion doctor) comes first.
    reach: dict[int, int] = {}
    for _item_id, recipient_id in best:
        reach[recipient_id] = reach.get(recipient_id, 0) + 1
    recipients = tuple(
        MatrixRecipient(recipient_id, name)
        for recipient_id, name in sorted(
            names.items(), key=lambda kv: (-reach[kv[0]], kv[1].casefold(), kv[0])
        )
    )
    return WhoHasWhat(items=tuple(items), recipients=recipients, cells=best)


# ------------------------------------------------------------------ items


@dataclass(frozen=True)
class ItemData:
    """What a person fills in on the record item form."""

    kind: RecordKind
    description: str = ""
    date_of_service: dt.date | None = None
    holder_id: int | None = None
    notes: str = ""


def _validate_item(session: Session, data: ItemData) -> None:
    if not isinstance(data.kind, RecordKind):
        raise ValidationError("Choose what kind of record this is.", field="kind")
    check_text(data.description, "description")
    check_text(data.notes, "notes")
    check_date(data.date_of_service, "date_of_service", "The date of service")
    if data.holder_id is not None and session.get(Contact, data.holder_id) is None:
        raise ValidationError("Choose a holder from the list.", field="holder")


def add_item(session: Session, person_id: int, data: ItemData) -> int:
    if session.get(Person, person_id) is None:
        raise NotFound("This person no longer exists.")
    _validate_item(session, data)
    item = RecordItem(person_id=person_id, kind=data.kind)
    _apply_item(item, data)
    session.add(item)
    session.flush()
    return item.id


def _apply_item(item: RecordItem, data: ItemData) -> None:
    item.kind = data.kind
    item.description = data.description
    item.date_of_service = data.date_of_service
    item.holder_id = data.holder_id
    item.notes = data.notes


def _get_item(session: Session, item_id: int) -> RecordItem:
    return must_exist(session, RecordItem, item_id, "This record no longer exists.")


def update_item(session: Session, item_id: int, data: ItemData) -> None:
    item = _get_item(session, item_id)
    _validate_item(session, data)
    _apply_item(item, data)
    session.flush()


def get_item(session: Session, item_id: int) -> ItemRow:
    item = _get_item(session, item_id)
    for row in list_items(session, item.person_id):
        if row.id == item_id:
            return row
    raise NotFound("This record no longer exists.")  # pragma: no cover - just fetched


def requests_with_item(session: Session, item_id: int) -> int:
    """How many requests list the item: said before deleting it."""
    stmt = select(func.count()).where(record_request_item.c.item_id == item_id)
    return int(session.scalar(stmt) or 0)


def delete_item(session: Session, item_id: int) -> None:
    """Delete the item and take it off every request that listed it."""
    item = _get_item(session, item_id)
    session.delete(item)
    session.flush()
