"""How records really move: pathology material on loan, discs, parcels and follow-up calls.

The rules that say *when* something is due (the next follow-up call, the legal clock, overdue)
live in ``record_requests``; this module keeps the details and checks what a person types.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from second_opinion.domain.enums import (
    Carrier,
    MaterialForm,
    RecordKind,
    RequestState,
    ShipmentDirection,
    StainKind,
)
from second_opinion.domain.models import (
    Contact,
    DiscInventory,
    DiscStudy,
    FollowUpCall,
    PathologyMaterial,
    PathologyStain,
    RecordItem,
    RecordRequest,
    Shipment,
    due_in_force,
    record_request_item,
)
from second_opinion.services import record_requests as rules
from second_opinion.services.disc_check import DiscReport
from second_opinion.services.errors import NotFound, ValidationError, must_exist
from second_opinion.services.pacing import selected
from second_opinion.services.phrases import Phrase, listed
from second_opinion.services.records import check_date, check_text

# ------------------------------------------------------------------ pathology material


@dataclass(frozen=True)
class Stain:
    kind: StainKind
    count: int = 1
    marker: str = ""


@dataclass(frozen=True)
class MaterialData:
    accession_number: str = ""
    block_ids: str = ""
    slide_ids: str = ""
    form: MaterialForm = MaterialForm.RECUTS
    stains: Sequence[Stain] = ()
    consult_question: str = ""
    return_by: dt.date | None = None
    returned_on: dt.date | None = None
    return_confirmed_on: dt.date | None = None


@dataclass(frozen=True)
class MaterialRow:
    item_id: int
    item_description: str
    holder_name: str
    data: MaterialData

    @property
    def lacks(self) -> tuple[str, ...]:
        return material_lacks(self.data)

    @property
    def out_on_loan(self) -> bool:
        """Lent material that is not confirmed back at the lab that lent it."""
        return self.data.return_by is not None and self.data.return_confirmed_on is None


_ACCESSION = Phrase("the accession number")
_SLIDE_IDS = Phrase("the block or slide IDs")
_QUESTION = Phrase("the consult question")


def material_lacks(data: MaterialData | None) -> tuple[str, ...]:
    """What a consulting pathologist cannot do without, in plain words; empty when complete."""
    if data is None:
        return (_ACCESSION, _SLIDE_IDS, _QUESTION)
    lacks = []
    if not data.accession_number.strip():
        lacks.append(_ACCESSION)
    if not (data.block_ids.strip() or data.slide_ids.strip()):
        lacks.append(_SLIDE_IDS)
    if not data.consult_question.strip():
        lacks.append(_QUESTION)
    return tuple(lacks)


def lacks_phrase(lacks: Sequence[str]) -> str:
    """ "the accession number and the consult question" """
    return listed(lacks)


def lacks_by_item(session: Session, item_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """What each pathology material record still lacks for a consult (by item id)."""
    found = {
        m.item_id: m
        for m in session.scalars(
            select(PathologyMaterial).where(PathologyMaterial.item_id.in_(list(item_ids)))
        )
    }
    return {
        item_id: material_lacks(_material_data(found[item_id]) if item_id in found else None)
        for item_id in item_ids
    }


def _outbound_shipped_on(session: Session, item_id: int) -> dt.date | None:
    """The earliest day a parcel carrying the item left (through any request that lists it)."""
    stmt = (
        select(Shipment.shipped_on)
        .join(record_request_item, record_request_item.c.request_id == Shipment.request_id)
        .where(
            record_request_item.c.item_id == item_id,
            Shipment.direction == ShipmentDirection.OUTBOUND,
            Shipment.shipped_on.is_not(None),
        )
        .order_by(Shipment.shipped_on)
        .limit(1)
    )
    return session.scalars(stmt).first()


def _check_material(session: Session, item: RecordItem, data: MaterialData) -> None:
    if item.kind is not RecordKind.PATHOLOGY_MATERIAL:
        raise ValidationError("Slides and blocks are recorded on a pathology material record.")
    for value, name in (
        (data.accession_number, "accession_number"),
        (data.block_ids, "block_ids"),
        (data.slide_ids, "slide_ids"),
        (data.consult_question, "consult_question"),
    ):
        check_text(value, name)
    if not isinstance(data.form, MaterialForm):
        raise ValidationError("Choose originals or recuts.", field="form")
    for stain in data.stains:
        if not 1 <= stain.count <= 999:
            raise ValidationError("A stain's slide count is between 1 and 999.", field="stains")
    check_date(data.return_by, "return_by", "The return-by date")
    check_date(data.returned_on, "returned_on", "The date sent back")
    check_date(data.return_confirmed_on, "return_confirmed_on", "The date confirmed back")
    shipped = _outbound_shipped_on(session, item.id)
    if data.return_by is not None and shipped is not None and data.return_by < shipped:
        raise ValidationError(
            "The return-by date cannot be before the slides were shipped ({shipped}).",
            field="return_by",
            shipped=shipped.isoformat(),
        )
    if (
        data.returned_on
        and data.return_confirmed_on
        and data.return_confirmed_on < data.returned_on
    ):
        raise ValidationError(
            "The lab cannot confirm the return before it was sent back.",
            field="return_confirmed_on",
        )


def save_material(session: Session, item_id: int, data: MaterialData) -> None:
    item = must_exist(session, RecordItem, item_id, "This record no longer exists.")
    _check_material(session, item, data)
    material = session.scalars(
        select(PathologyMaterial).where(PathologyMaterial.item_id == item_id)
    ).first()
    if material is None:
        material = PathologyMaterial(item_id=item_id)
        session.add(material)
    material.accession_number = data.accession_number.strip()
    material.block_ids = data.block_ids.strip()
    material.slide_ids = data.slide_ids.strip()
    material.form = data.form
    material.consult_question = data.consult_question.strip()
    material.return_by = data.return_by
    material.returned_on = data.returned_on
    material.return_confirmed_on = data.return_confirmed_on
    material.stains = [
        PathologyStain(kind=s.kind, count=s.count, marker=s.marker.strip()) for s in data.stains
    ]
    session.flush()


def _material_data(material: PathologyMaterial) -> MaterialData:
    return MaterialData(
        accession_number=material.accession_number,
        block_ids=material.block_ids,
        slide_ids=material.slide_ids,
        form=material.form,
        stains=tuple(Stain(s.kind, s.count, s.marker) for s in material.stains),
        consult_question=material.consult_question,
        return_by=material.return_by,
        returned_on=material.returned_on,
        return_confirmed_on=material.return_confirmed_on,
    )


def get_material(session: Session, item_id: int) -> MaterialData | None:
    must_exist(session, RecordItem, item_id, "This record no longer exists.")
    material = session.scalars(
        select(PathologyMaterial)
        .where(PathologyMaterial.item_id == item_id)
        .options(selectinload(PathologyMaterial.stains))
    ).first()
    return None if material is None else _material_data(material)


def list_materials(session: Session, person_id: int) -> list[MaterialRow]:
    """Every pathology material record of a person, with its details (None: none entered)."""
    stmt = (
        select(RecordItem, PathologyMaterial, Contact.name)
        .outerjoin(PathologyMaterial, PathologyMaterial.item_id == RecordItem.id)
        .outerjoin(Contact, Contact.id == RecordItem.holder_id)
        .where(
            RecordItem.person_id == person_id,
            RecordItem.kind == RecordKind.PATHOLOGY_MATERIAL,
        )
        .options(selectinload(PathologyMaterial.stains))
        .order_by(RecordItem.id)
    )
    return [
        MaterialRow(
            item.id,
            item.description,
            holder or "",
            _material_data(material) if material is not None else MaterialData(),
        )
        for item, material, holder in session.execute(stmt)
    ]


# ------------------------------------------------------------------ shipments

#: Public tracking pages; the app never opens them itself, the person clicks the link.
_TRACKING_PAGES = {
    Carrier.USPS: "https://tools.usps.com/go/TrackConfirmAction?tLabels={number}",
    Carrier.UPS: "https://www.ups.com/track?tracknum={number}",
    Carrier.FEDEX: "https://www.fedex.com/fedextrack/?trknbr={number}",
    Carrier.DHL: "https://www.dhl.com/en/express/tracking.html?AWB={number}",
}
_TRACKING_CHARS = re.compile(r"^[A-Z0-9-]*$")


def normalize_tracking_number(text: str) -> str:
    """What the carrier prints, as its site wants it: no spaces, capital letters."""
    return "".join(text.split()).upper()


def tracking_url(carrier: Carrier, number: str) -> str | None:
    page = _TRACKING_PAGES.get(carrier)
    number = normalize_tracking_number(number)
    if page is None or not number:
        return None
    return page.format(number=number)


@dataclass(frozen=True)
class ShipmentData:
    direction: ShipmentDirection = ShipmentDirection.OUTBOUND
    carrier: Carrier = Carrier.OTHER
    tracking_number: str = ""
    shipped_on: dt.date | None = None
    delivered_on: dt.date | None = None
    signed_for_by: str = ""


@dataclass(frozen=True)
class ShipmentRow:
    id: int
    request_id: int
    data: ShipmentData

    @property
    def url(self) -> str | None:
        return tracking_url(self.data.carrier, self.data.tracking_number)


def _material_return_by(session: Session, request_id: int) -> dt.date | None:
    stmt = (
        select(PathologyMaterial.return_by)
        .join(record_request_item, record_request_item.c.item_id == PathologyMaterial.item_id)
        .where(
            record_request_item.c.request_id == request_id,
            PathologyMaterial.return_by.is_not(None),
        )
        .order_by(PathologyMaterial.return_by)
        .limit(1)
    )
    return session.scalars(stmt).first()


def _check_shipment(session: Session, request_id: int, data: ShipmentData) -> ShipmentData:
    number = normalize_tracking_number(data.tracking_number)
    if not _TRACKING_CHARS.match(number):
        raise ValidationError(
            "A tracking number has only letters, digits and dashes.", field="tracking_number"
        )
    if len(number) > 60:
        raise ValidationError("This tracking number is too long.", field="tracking_number")
    if not isinstance(data.carrier, Carrier):
        raise ValidationError("Choose the carrier.", field="carrier")
    check_date(data.shipped_on, "shipped_on", "The ship date")
    check_date(data.delivered_on, "delivered_on", "The delivery date")
    check_text(data.signed_for_by, "signed_for_by")
    if data.shipped_on and data.delivered_on and data.delivered_on < data.shipped_on:
        raise ValidationError(
            "A parcel cannot be delivered before it was shipped.", field="delivered_on"
        )
    if data.direction is ShipmentDirection.OUTBOUND and data.shipped_on is not None:
        return_by = _material_return_by(session, request_id)
        if return_by is not None and return_by < data.shipped_on:
            raise ValidationError(
                "The slides are due back by {return_by}; they cannot ship after that. "
                "Correct the ship date, or the return-by date on the slides.",
                field="shipped_on",
                return_by=return_by.isoformat(),
            )
    return ShipmentData(
        data.direction,
        data.carrier,
        number,
        data.shipped_on,
        data.delivered_on,
        data.signed_for_by.strip(),
    )


def save_shipment(
    session: Session, request_id: int, data: ShipmentData, shipment_id: int | None = None
) -> int:
    must_exist(session, RecordRequest, request_id, "This request no longer exists.")
    clean = _check_shipment(session, request_id, data)
    if shipment_id is None:
        shipment = Shipment(request_id=request_id)
        session.add(shipment)
    else:
        shipment = must_exist(session, Shipment, shipment_id, "This shipment no longer exists.")
    shipment.direction = clean.direction
    shipment.carrier = clean.carrier
    shipment.tracking_number = clean.tracking_number
    shipment.shipped_on = clean.shipped_on
    shipment.delivered_on = clean.delivered_on
    shipment.signed_for_by = clean.signed_for_by
    session.flush()
    return shipment.id


def delete_shipment(session: Session, shipment_id: int) -> int:
    """Delete a shipment; returns the request it belonged to."""
    shipment = must_exist(session, Shipment, shipment_id, "This shipment no longer exists.")
    request_id = shipment.request_id
    session.delete(shipment)
    session.flush()
    return request_id


def _shipment_row(s: Shipment) -> ShipmentRow:
    return ShipmentRow(
        s.id,
        s.request_id,
        ShipmentData(
            s.direction, s.carrier, s.tracking_number, s.shipped_on, s.delivered_on, s.signed_for_by
        ),
    )


def list_shipments(session: Session, person_id: int) -> list[ShipmentRow]:
    stmt = (
        select(Shipment)
        .join(RecordRequest, RecordRequest.id == Shipment.request_id)
        .where(RecordRequest.person_id == person_id)
        .order_by(Shipment.id)
    )
    return [_shipment_row(s) for s in session.scalars(stmt)]


# ------------------------------------------------------------------ follow-up calls


@dataclass(frozen=True)
class CallData:
    called_on: dt.date
    spoke_with: str = ""
    what_they_said: str = ""
    next_step: str = ""


@dataclass(frozen=True)
class CallRow:
    id: int
    request_id: int
    data: CallData


@dataclass(frozen=True)
class FollowUp:
    """A request's follow-up plan, the calls made, and when the next one is due."""

    request_id: int
    holder_name: str
    state: RequestState
    requested_on: dt.date | None
    holder_received_on: dt.date | None
    plan: tuple[int, ...]
    calls: tuple[CallRow, ...] = field(default=())
    next_call_on: dt.date | None = None
    #: the last day of the first 30 of the legal clock (whether or not the law applies)
    clock_due_on: dt.date | None = None
    #: the due date in force (``due_in_force``)
    effective_due_on: dt.date | None = None
    sent_on: dt.date | None = None

    def days_overdue(self, on: dt.date) -> int:
        """The one overdue rule (``record_requests.days_overdue``), for this request."""
        return rules.days_overdue(self.state, self.effective_due_on, self.sent_on, on)


def log_call(session: Session, request_id: int, data: CallData) -> int:
    must_exist(session, RecordRequest, request_id, "This request no longer exists.")
    if data.called_on is None:
        raise ValidationError("Enter the day of the call.", field="called_on")
    check_date(data.called_on, "called_on", "The day of the call")
    for value, name in (
        (data.spoke_with, "spoke_with"),
        (data.what_they_said, "what_they_said"),
        (data.next_step, "next_step"),
    ):
        check_text(value, name)
    call = FollowUpCall(
        request_id=request_id,
        called_on=data.called_on,
        spoke_with=data.spoke_with.strip(),
        what_they_said=data.what_they_said.strip(),
        next_step=data.next_step.strip(),
    )
    session.add(call)
    session.flush()
    return call.id


def delete_call(session: Session, call_id: int) -> int:
    call = must_exist(session, FollowUpCall, call_id, "This call is no longer in the log.")
    request_id = call.request_id
    session.delete(call)
    session.flush()
    return request_id


def set_follow_up_plan(session: Session, request_id: int, days: str) -> tuple[int, ...]:
    """Change the days to call on ("10, 20, 30"); a plan with no days is refused."""
    request = must_exist(session, RecordRequest, request_id, "This request no longer exists.")
    plan = rules.parse_follow_up_days(days)
    request.follow_up_days = rules.format_follow_up_days(plan)
    session.flush()
    return plan


def set_holder_received_on(session: Session, request_id: int, on: dt.date | None) -> None:
    request = must_exist(session, RecordRequest, request_id, "This request no longer exists.")
    check_date(on, "holder_received_on", "The day the holder received it")
    if on is not None and request.requested_on is not None and on < request.requested_on:
        raise ValidationError(
            "The holder cannot receive the request before it was sent.",
            field="holder_received_on",
        )
    request.holder_received_on = on
    session.flush()


def _plan(text: str) -> tuple[int, ...]:
    try:
        return rules.parse_follow_up_days(text)
    except ValidationError:  # stored before a rule change: fall back rather than fail a screen
        return rules.DEFAULT_FOLLOW_UP_DAYS


def follow_ups(
    session: Session,
    person_id: int,
    request_id: int | None = None,
    states: Collection[RequestState] | None = None,
) -> dict[int, FollowUp]:
    """Every request of a person (or only ``request_id``, or only those in ``states``) with
    its plan, calls and next call (two queries in all)."""
    only_request = [] if request_id is None else [RecordRequest.id == request_id]
    if states is not None:
        only_request.append(RecordRequest.state.in_(states))
    requests = selected(
        session,
        select(
            RecordRequest.id,
            Contact.name,
            RecordRequest.state,
            RecordRequest.requested_on,
            RecordRequest.holder_received_on,
            RecordRequest.follow_up_days,
            RecordRequest.due_on,
            RecordRequest.extended_due_on,
            RecordRequest.sent_on,
        )
        .join(Contact, Contact.id == RecordRequest.holder_id)
        .where(RecordRequest.person_id == person_id, *only_request)
        .order_by(RecordRequest.id),
    )
    calls: dict[int, list[CallRow]] = {}
    stmt = (
        select(FollowUpCall)
        .join(RecordRequest, RecordRequest.id == FollowUpCall.request_id)
        .where(RecordRequest.person_id == person_id, *only_request)
        .order_by(FollowUpCall.called_on, FollowUpCall.id)
    )
    for call in session.scalars(stmt):
        calls.setdefault(call.request_id, []).append(
            CallRow(
                call.id,
                call.request_id,
                CallData(call.called_on, call.spoke_with, call.what_they_said, call.next_step),
            )
        )
    result = {}
    plans: dict[str, tuple[int, ...]] = {}  # most requests share the default plan's text
    for (
        one_id,
        holder,
        state,
        requested_on,
        received_on,
        plan_text,
        due_on,
        extended_due_on,
        sent_on,
    ) in requests:
        plan = plans.get(plan_text)
        if plan is None:
            plan = plans[plan_text] = _plan(plan_text)
        made = tuple(calls.get(one_id, ()))
        result[one_id] = FollowUp(
            request_id=one_id,
            holder_name=holder,
            state=state,
            requested_on=requested_on,
            holder_received_on=received_on,
            plan=plan,
            calls=made,
            next_call_on=rules.next_follow_up(
                state, requested_on, plan, [c.data.called_on for c in made]
            ),
            clock_due_on=rules.legal_due_on(requested_on, received_on),
            effective_due_on=due_in_force(due_on, extended_due_on),
            sent_on=sent_on,
        )
    return result


def follow_up(session: Session, request_id: int) -> FollowUp:
    request = must_exist(session, RecordRequest, request_id, "This request no longer exists.")
    # Only this request: the whole case's follow-ups took a few hundred milliseconds on the
    # worker each time a request was selected.
    found = follow_ups(session, request.person_id, request_id).get(request_id)
    if found is None:
        raise NotFound("This request no longer exists.")
    return found


# ------------------------------------------------------------------ disc inventories


@dataclass(frozen=True)
class InventoryRow:
    item_id: int
    checked_at: dt.datetime
    report: DiscReport


def check_disc_item(session: Session, item_id: int) -> None:
    """Refuse, before a long scan, a record that is gone or is not imaging files."""
    item = must_exist(session, RecordItem, item_id, "This record no longer exists.")
    if item.kind is not RecordKind.IMAGING_FILES:
        raise ValidationError("A disc is checked on an imaging files record.")


def store_inventory(session: Session, item_id: int, report: DiscReport) -> None:
    """Keep what a disc check found (replacing an earlier check of the same disc)."""
    check_disc_item(session, item_id)
    old = session.scalars(select(DiscInventory).where(DiscInventory.item_id == item_id)).first()
    if old is not None:
        session.delete(old)
        session.flush()
    inventory = DiscInventory(
        item_id=item_id,
        file_count=report.file_count,
        image_count=report.image_count,
        unreadable_count=report.unreadable_count,
        has_dicomdir=report.has_dicomdir,
        viewer_only=report.viewer_only,
        has_viewer=report.has_viewer,
        patient_names="\n".join(report.patient_names),
        name_mismatch=report.name_mismatch,
        studies=[
            DiscStudy(
                study_date=s.study_date,
                description=s.description,
                modalities=", ".join(s.modalities),
                series_count=s.series_count,
                image_count=s.image_count,
            )
            for s in report.studies
        ],
    )
    session.add(inventory)
    session.flush()


def get_inventory(session: Session, item_id: int) -> InventoryRow | None:
    from second_opinion.services.disc_check import StudySummary

    inventory = session.scalars(
        select(DiscInventory)
        .where(DiscInventory.item_id == item_id)
        .options(selectinload(DiscInventory.studies))
    ).first()
    if inventory is None:
        return None
    report = DiscReport(
        file_count=inventory.file_count,
        image_count=inventory.image_count,
        unreadable_count=inventory.unreadable_count,
        has_dicomdir=inventory.has_dicomdir,
        has_viewer=inventory.has_viewer,
        patient_names=tuple(n for n in inventory.patient_names.split("\n") if n),
        name_mismatch=inventory.name_mismatch,
        studies=tuple(
            StudySummary(
                study_date=s.study_date,
                description=s.description,
                modalities=tuple(m for m in s.modalities.split(", ") if m),
                series_count=s.series_count,
                image_count=s.image_count,
            )
            for s in inventory.studies
        ),
    )
    return InventoryRow(item_id, inventory.checked_at, report)
