"""The demo case's slides, disc, parcels and calls (all invented; dates relative to today).

Kept beside ``demo`` so the example case shows every part of tracking: slides on loan with a
return date this week, a checked disc with one warning, parcels with tracking numbers, and a
follow-up call due today.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from second_opinion.domain.enums import Carrier, MaterialForm, ShipmentDirection, StainKind
from second_opinion.domain.models import (
    DiscInventory,
    DiscStudy,
    FollowUpCall,
    PathologyMaterial,
    PathologyStain,
    RecordItem,
    RecordRequest,
    Shipment,
)


def add_tracking(
    session: Session,
    today: dt.date,
    *,
    slides: RecordItem,
    slides_request: RecordRequest,
    discs: RecordItem,
    discs_request: RecordRequest,
    extended: RecordRequest,
    mailed: RecordRequest,
) -> None:
    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    session.add(
        PathologyMaterial(
            item_id=slides.id,
            accession_number="S26-04417",
            block_ids="A1",
            slide_ids="A1-1 to A1-6",
            form=MaterialForm.ORIGINALS,
            consult_question="Please confirm the grade, and the HER2 status (IHC 2+ here).",
            return_by=today + dt.timedelta(days=5),
            stains=[
                PathologyStain(kind=StainKind.HE, count=2),
                PathologyStain(kind=StainKind.IHC, marker="ER", count=1),
                PathologyStain(kind=StainKind.IHC, marker="PR", count=1),
                PathologyStain(kind=StainKind.IHC, marker="HER2", count=1),
                PathologyStain(kind=StainKind.UNSTAINED, count=4),
            ],
        )
    )
    # The slides went ahead of the reports, which the lab still owes.
    slides_request.shipments.append(
        Shipment(
            direction=ShipmentDirection.OUTBOUND,
            carrier=Carrier.FEDEX,
            tracking_number="771234567890",
            shipped_on=ago(8),
            delivered_on=ago(6),
            signed_for_by="J. Tanaka",
        )
    )
    discs_request.shipments.append(
        Shipment(
            direction=ShipmentDirection.OUTBOUND,
            carrier=Carrier.UPS,
            tracking_number="1Z999AA10123456784",
            shipped_on=ago(3),
        )
    )
    session.add(
        DiscInventory(
            item_id=discs.id,
            file_count=412,
            image_count=406,
            unreadable_count=2,
            has_dicomdir=True,
            has_viewer=True,
            patient_names="Maria Example",
            name_mismatch=False,
            studies=[
                DiscStudy(
                    study_date=ago(35),
                    description="MRI BREAST BILATERAL W/WO CONTRAST",
                    modalities="MR",
                    series_count=7,
                    image_count=398,
                ),
                DiscStudy(
                    study_date=ago(35),
                    description="CAD REPORT",
                    modalities="SR",
                    series_count=1,
                    image_count=8,
                ),
            ],
        )
    )
    for days, who, said, step in (
        (30, "Records desk", "Received the request; it is in the queue.", "Call in 10 days"),
        (20, "Records desk", "Slides are being pulled; reports need sign-off.", "Call again"),
        (10, "Supervisor, Ms. Ortiz", "Reports go out this week.", "Check with Dr. Tanaka"),
    ):
        slides_request.calls.append(
            FollowUpCall(called_on=ago(days), spoke_with=who, what_they_said=said, next_step=step)
        )
    # A call planned halfway through the extension: due today.
    extended.follow_up_days = "10,20,30,45"
    for days in (35, 25, 15):
        extended.calls.append(
            FollowUpCall(
                called_on=ago(days),
                spoke_with="Imaging library",
                what_they_said="Backlog on disc copies.",
                next_step="Call again",
            )
        )
    mailed.holder_received_on = ago(10)
    session.flush()
