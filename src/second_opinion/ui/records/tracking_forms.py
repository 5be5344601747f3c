"""The tracking forms of the Records screen: a follow-up call, the follow-up plan, a parcel,
and the details of pathology material (slides and blocks on loan).

Each is a ``FormDialog`` like the other records forms: the typed data goes to ``submit`` (an
operation through the runner), a refusal lands beside its field, success closes the form.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QWidget

from second_opinion.domain.enums import Carrier, MaterialForm, ShipmentDirection, StainKind
from second_opinion.services.tracking import CallData, MaterialData, ShipmentData, Stain
from second_opinion.ui.dates import from_qdate, make_date_edit, to_qdate
from second_opinion.ui.records.common import OptionalDateEdit, legal_deadline_note, tr
from second_opinion.ui.records.forms import (
    RecordsForm,
    Submit,
    line_edit,
    notes_edit,
    select_data,
)

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending


def carrier_label(carrier: Carrier) -> str:
    return {
        Carrier.USPS: tr("USPS"),
        Carrier.UPS: tr("UPS"),
        Carrier.FEDEX: tr("FedEx"),
        Carrier.DHL: tr("DHL"),
        Carrier.COURIER: tr("Courier"),
        Carrier.OTHER: tr("Other"),
    }[carrier]


def direction_label(direction: ShipmentDirection) -> str:
    if direction is ShipmentDirection.RETURN:
        return tr("Return to the lab")
    return tr("To the recipient")


class CallForm(RecordsForm):
    """Log a follow-up call: when, who, what they said, what happens next."""

    def __init__(self, submit: Submit, holder: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("Log a call"), parent)
        self._submit = submit
        intro = QLabel(tr("Your call to %1 about this request.").replace("%1", holder), self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.called_on = make_date_edit(self, tr("Day of the call"))
        self.spoke_with = line_edit(self, tr("Spoke with"), tr("e.g. records desk, Ms. Ortiz"))
        self.said = notes_edit(self, tr("What they said"))
        self.next_step = line_edit(self, tr("Next step"), tr("e.g. call again Friday"))
        self.add_field("called_on", self.called_on, tr("&Day:"))
        self.add_field("spoke_with", self.spoke_with, tr("&Spoke with:"))
        self.add_field("what_they_said", self.said, tr("&What they said:"))
        self.add_field("next_step", self.next_step, tr("&Next step:"))
        with self.loading():
            self.called_on.setDate(to_qdate(dt.date.today()))
        self.resize(460, self.sizeHint().height())

    def collect(self) -> CallData:
        return CallData(
            called_on=from_qdate(self.called_on.date()),
            spoke_with=self.spoke_with.text(),
            what_they_said=self.said.toPlainText(),
            next_step=self.next_step.text(),
        )

    def submit(self, data: CallData) -> Pending[int]:
        return self._submit(data)


class PlanForm(RecordsForm):
    """The days to call on, and the day the holder received the request (when known)."""

    def __init__(
        self,
        submit: Submit,
        days: tuple[int, ...],
        holder_received_on: dt.date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Follow-up plan"), parent)
        self._submit = submit
        self.days = line_edit(self, tr("Call after these days"), tr("e.g. 10, 20, 30"))
        self.days.setToolTip(tr("Days after the request was sent, separated by commas."))
        self.received = OptionalDateEdit(
            tr("Known"), tr("Day the holder received the request"), self
        )
        self.received.setToolTip(legal_deadline_note())
        self.add_field("follow_up_days", self.days, tr("&Call after (days):"))
        self.add_field("holder_received_on", self.received, tr("&Holder received it:"))
        hint = QLabel(
            tr(
                "For a mailed request, the 30 days run from the day the holder received it; "
                "otherwise from the day you sent it."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)
        with self.loading():
            self.days.setText(", ".join(str(d) for d in days))
            self.received.set_value(holder_received_on)
        self.watch_date(self.received)
        self.resize(460, self.sizeHint().height())

    def collect(self) -> tuple[str, dt.date | None]:
        return (self.days.text(), self.received.value())

    def submit(self, data: tuple[str, dt.date | None]) -> Pending[int]:
        return self._submit(*data)


class ShipmentForm(RecordsForm):
    def __init__(
        self,
        submit: Submit,
        shipment: ShipmentData | None = None,
        direction: ShipmentDirection = ShipmentDirection.OUTBOUND,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Edit shipment") if shipment else tr("New shipment"), parent)
        self._submit = submit
        self.direction = QComboBox(self)
        self.direction.setAccessibleName(tr("Direction"))
        for d in ShipmentDirection:
            self.direction.addItem(direction_label(d), d)
        self.carrier = QComboBox(self)
        self.carrier.setAccessibleName(tr("Carrier"))
        for c in Carrier:
            self.carrier.addItem(carrier_label(c), c)
        self.tracking_number = line_edit(self, tr("Tracking number"), tr("as printed on the label"))
        self.shipped_on = OptionalDateEdit(tr("Shipped"), tr("Ship date"), self)
        self.delivered_on = OptionalDateEdit(tr("Delivered"), tr("Delivery date"), self)
        self.signed_for_by = line_edit(self, tr("Signed for by"))
        self.add_field("direction", self.direction, tr("&Going:"))
        self.add_field("carrier", self.carrier, tr("&Carrier:"))
        self.add_field("tracking_number", self.tracking_number, tr("&Tracking number:"))
        self.add_field("shipped_on", self.shipped_on, tr("&Shipped on:"))
        self.add_field("delivered_on", self.delivered_on, tr("&Delivered on:"))
        self.add_field("signed_for_by", self.signed_for_by, tr("Si&gned for by:"))
        with self.loading():
            data = shipment or ShipmentData(direction=direction, shipped_on=dt.date.today())
            select_data(self.direction, data.direction)
            select_data(self.carrier, data.carrier)
            self.tracking_number.setText(data.tracking_number)
            self.shipped_on.set_value(data.shipped_on)
            self.delivered_on.set_value(data.delivered_on)
            self.signed_for_by.setText(data.signed_for_by)
        for edit in (self.shipped_on, self.delivered_on):
            self.watch_date(edit)
        self.resize(460, self.sizeHint().height())

    def collect(self) -> ShipmentData:
        return ShipmentData(
            direction=ShipmentDirection(self.direction.currentData()),
            carrier=Carrier(self.carrier.currentData()),
            tracking_number=self.tracking_number.text(),
            shipped_on=self.shipped_on.value(),
            delivered_on=self.delivered_on.value(),
            signed_for_by=self.signed_for_by.text(),
        )

    def submit(self, data: ShipmentData) -> Pending[int]:
        return self._submit(data)


def _count(parent: QWidget, name: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setAccessibleName(name)
    spin.setRange(0, 999)
    return spin


class MaterialDetailsForm(RecordsForm):
    """Which case, blocks and slides; the stains; the question; the loan and its return."""

    def __init__(
        self, submit: Submit, material: MaterialData | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("Slides and blocks"), parent)
        self._submit = submit
        data = material or MaterialData()
        self.accession = line_edit(self, tr("Accession number"), tr("e.g. S26-04417"))
        self.blocks = line_edit(self, tr("Block IDs"), tr("e.g. A1, A2"))
        self.slides = line_edit(self, tr("Slide IDs"), tr("e.g. A1-1 to A1-6"))
        self.form_kind = QComboBox(self)
        self.form_kind.setAccessibleName(tr("Originals or recuts"))
        self.form_kind.addItem(tr("Original slides (on loan)"), MaterialForm.ORIGINALS)
        self.form_kind.addItem(tr("Recuts (new slides cut from the blocks)"), MaterialForm.RECUTS)
        self.he = _count(self, tr("H&E slides"))
        self.unstained = _count(self, tr("Unstained recuts"))
        self.ihc = line_edit(self, tr("IHC markers"), tr("e.g. ER, PR, HER2 (one slide each)"))
        self.question = notes_edit(self, tr("Consult question"))
        self.question.setPlaceholderText(tr("What should the consulting pathologist answer?"))
        self.return_by = OptionalDateEdit(tr("Set"), tr("Return by"), self)
        self.returned_on = OptionalDateEdit(tr("Sent back"), tr("Sent back on"), self)
        self.confirmed_on = OptionalDateEdit(tr("Confirmed"), tr("Received back, confirmed"), self)
        self.add_field("accession_number", self.accession, tr("&Accession number:"))
        self.add_field("block_ids", self.blocks, tr("&Block IDs:"))
        self.add_field("slide_ids", self.slides, tr("S&lide IDs:"))
        self.add_field("form", self.form_kind, tr("&Originals or recuts:"))
        self.add_field("stains", self.he, tr("&H&&E slides:"))
        self.add_field("unstained", self.unstained, tr("&Unstained recuts:"))
        self.add_field("ihc", self.ihc, tr("&IHC markers:"))
        self.add_field("consult_question", self.question, tr("Consult &question:"))
        self.add_field("return_by", self.return_by, tr("&Return by:"))
        self.add_field("returned_on", self.returned_on, tr("Sent bac&k on:"))
        self.add_field("return_confirmed_on", self.confirmed_on, tr("Back at the lab, &confirmed:"))
        with self.loading():
            self.accession.setText(data.accession_number)
            self.blocks.setText(data.block_ids)
            self.slides.setText(data.slide_ids)
            select_data(self.form_kind, data.form)
            markers = []
            for stain in data.stains:
                if stain.kind is StainKind.HE:
                    self.he.setValue(self.he.value() + stain.count)
                elif stain.kind is StainKind.UNSTAINED:
                    self.unstained.setValue(self.unstained.value() + stain.count)
                else:
                    label = stain.marker or tr("IHC")
                    markers.append(label if stain.count == 1 else f"{label} ×{stain.count}")
            self.ihc.setText(", ".join(markers))
            self.question.setPlainText(data.consult_question)
            self.return_by.set_value(data.return_by)
            self.returned_on.set_value(data.returned_on)
            self.confirmed_on.set_value(data.return_confirmed_on)
        for edit in (self.return_by, self.returned_on, self.confirmed_on):
            self.watch_date(edit)
        self.resize(520, self.sizeHint().height())

    def _stains(self) -> tuple[Stain, ...]:
        stains = []
        if self.he.value():
            stains.append(Stain(StainKind.HE, self.he.value()))
        for part in self.ihc.text().split(","):
            marker, _, times = part.strip().partition("×")
            if marker.strip():
                count = int(times) if times.strip().isdigit() else 1
                stains.append(Stain(StainKind.IHC, count, marker.strip()))
        if self.unstained.value():
            stains.append(Stain(StainKind.UNSTAINED, self.unstained.value()))
        return tuple(stains)

    def collect(self) -> MaterialData:
        return MaterialData(
            accession_number=self.accession.text(),
            block_ids=self.blocks.text(),
            slide_ids=self.slides.text(),
            form=MaterialForm(self.form_kind.currentData()),
            stains=self._stains(),
            consult_question=self.question.toPlainText(),
            return_by=self.return_by.value(),
            returned_on=self.returned_on.value(),
            return_confirmed_on=self.confirmed_on.value(),
        )

    def submit(self, data: MaterialData) -> Pending[int]:
        return self._submit(data)
