"""Tracking records as they move: slides on loan, discs, parcels, and follow-up calls.

Every change here names ``Area.RECORDS`` and ``Area.VISITS`` (a visit's readiness and packet
say what a pathology consult still lacks), so the Records, Visits and Today screens reload.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.case.progress import Progress
from second_opinion.domain.models import Person
from second_opinion.services import tracking as service
from second_opinion.services.disc_check import DiscReport, scan_folder
from second_opinion.services.errors import NotFound, ServiceError
from second_opinion.services.tracking import (
    CallData,
    FollowUp,
    InventoryRow,
    MaterialData,
    ShipmentData,
    ShipmentRow,
)


def _changed(*ids: int) -> Changes:
    return Changes.of(Area.RECORDS, *ids, also=(Area.VISITS,))


# ------------------------------------------------------------------ a request's tracking


@dataclass(frozen=True)
class RequestTracking:
    """What the Records screen shows under a request: the follow-up plan and calls, parcels."""

    follow_up: FollowUp
    shipments: tuple[ShipmentRow, ...]


def request_tracking(case: Case, request_id: int) -> RequestTracking:
    with case.reading() as session:
        follow_up = service.follow_up(session, request_id)
        shipments = tuple(
            s for s in service.list_shipments(session, case.person_id) if s.request_id == request_id
        )
    return RequestTracking(follow_up, shipments)


def log_call(case: Case, request_id: int, data: CallData) -> Outcome[int]:
    with case.unit() as session:
        call_id = service.log_call(session, request_id, data)
    return Outcome(call_id, _changed(request_id))


def delete_call(case: Case, call_id: int) -> Changes:
    with case.unit() as session:
        request_id = service.delete_call(session, call_id)
    return _changed(request_id)


def set_follow_up_plan(
    case: Case, request_id: int, days: str, holder_received_on: dt.date | None
) -> Outcome[int]:
    """The days to call on and, when known, the day the holder received the request."""
    with case.unit() as session:
        service.set_follow_up_plan(session, request_id, days)
        service.set_holder_received_on(session, request_id, holder_received_on)
    return Outcome(request_id, _changed(request_id))


def save_shipment(
    case: Case, request_id: int, data: ShipmentData, shipment_id: int | None = None
) -> Outcome[int]:
    with case.unit() as session:
        shipment_id = service.save_shipment(session, request_id, data, shipment_id)
    return Outcome(shipment_id, _changed(request_id))


def delete_shipment(case: Case, shipment_id: int) -> Changes:
    with case.unit() as session:
        request_id = service.delete_shipment(session, shipment_id)
    return _changed(request_id)


# ------------------------------------------------------------------ pathology material


def material(case: Case, item_id: int) -> MaterialData | None:
    with case.reading() as session:
        return service.get_material(session, item_id)


def save_material(case: Case, item_id: int, data: MaterialData) -> Outcome[int]:
    with case.unit() as session:
        service.save_material(session, item_id, data)
    return Outcome(item_id, _changed(item_id))


# ------------------------------------------------------------------ discs


def inventory(case: Case, item_id: int) -> InventoryRow | None:
    with case.reading() as session:
        return service.get_inventory(session, item_id)


def check_disc(
    case: Case, item_id: int, folder: Path, progress: Progress | None = None
) -> Outcome[DiscReport]:
    """Read the disc in ``folder`` and keep its inventory on the record ``item_id``.

    The disc is read outside any unit of work (it may take minutes and must not hold the
    vault); only the finished inventory is written. Cancelling, or a disc pulled out, leaves
    the earlier inventory as it was.
    """
    with case.reading() as session:
        service.check_disc_item(session, item_id)
        person = session.get(Person, case.person_id)
        if person is None:
            raise NotFound("This person no longer exists.")
        name = person.name
    report = scan_folder(folder, name, progress.step if progress is not None else None)
    if progress is not None and progress.cancelled:
        progress.step(report.file_count, report.file_count)  # raises Cancelled
    with case.unit() as session:
        service.store_inventory(session, item_id, report)
    return Outcome(report, _changed(item_id))


# ------------------------------------------------------------------ the calendar


def write_calendar(
    case: Case, path: Path, now: dt.datetime, progress: Progress | None = None
) -> Path:
    """Write the person's dates as one .ics file (private to the user); returns where."""
    from second_opinion.private_files import write_private_atomically
    from second_opinion.services.calendar_export import build_calendar

    with case.reading() as session:
        data = build_calendar(
            session,
            case.vault.vault_id,
            now,
            case.person_id,
            progress.step if progress is not None else None,
        )
    try:
        return Path(write_private_atomically(path, data))
    except OSError as exc:
        raise ServiceError(
            "The calendar could not be saved there ({reason}). Choose another folder.",
            reason=exc.strerror or type(exc).__name__,
        ) from None
