"""Under the selected request: when to call next, the calls made, and the parcels on the way.

The next call and the legal clock come from the case (``case.tracking``); this panel only
shows them and opens the forms. A tracking number is copied with one click (concealed from
clipboard histories) and the carrier's page opens in the browser only when the person clicks
"Open tracking page": the app itself never goes online.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import tracking as case_tracking
from second_opinion.case.tracking import RequestTracking
from second_opinion.domain.enums import ShipmentDirection
from second_opinion.services.record_requests import RequestRow
from second_opinion.services.tracking import CallData, CallRow, ShipmentData, ShipmentRow
from second_opinion.ui import prompts
from second_opinion.ui.clipboard import copy_concealed
from second_opinion.ui.dates import format_date
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.records.common import tr
from second_opinion.ui.records.host import RecordsHost
from second_opinion.ui.records.tables import action_button, make_table, selected_row
from second_opinion.ui.records.tracking_forms import (
    CallForm,
    PlanForm,
    ShipmentForm,
    carrier_label,
    direction_label,
)
from second_opinion.ui.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending


def next_call_text(tracking: RequestTracking | None, today: dt.date) -> str:
    follow_up = tracking.follow_up if tracking else None
    if follow_up is None or follow_up.next_call_on is None:
        return tr("No call planned")
    on = follow_up.next_call_on
    if on < today:
        return tr("%1 (since %n days)", (today - on).days).replace("%1", format_date(on))
    if on == today:
        return tr("Today")
    return format_date(on)


class TrackingPanel(QWidget):
    def __init__(self, host: RecordsHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.request: RequestRow | None = None
        self.tracking: RequestTracking | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QGridLayout()  # as in the details above: wrapped values get their lines
        form.setColumnStretch(1, 1)
        self.next_call = QLabel(self)
        self.next_call.setWordWrap(True)
        self.next_call.setAccessibleName(tr("Next follow-up call"))
        self.clock = QLabel(self)
        self.clock.setAccessibleName(tr("Legal clock"))
        self.clock.setWordWrap(True)
        self.clock.setToolTip(tr("30 days from the day the holder received the request, if known."))
        for row, (label, value) in enumerate(
            ((tr("Next call:"), self.next_call), (tr("30 days end:"), self.clock))
        ):
            name = QLabel(label, self)
            name.setWordWrap(True)
            form.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            form.addWidget(value, row, 1)
        layout.addLayout(form)
        buttons = FlowLayout()  # a long translation moves a button to a line of its own
        self.log_call_button = action_button(
            self, tr("&Log a call…"), "fa5s.phone", lambda: self.log_call()
        )
        self.plan_button = action_button(
            self, tr("Follow-up &plan…"), "fa5s.calendar-alt", self.edit_plan
        )
        buttons.addWidget(self.log_call_button)
        buttons.addWidget(self.plan_button)
        layout.addLayout(buttons)

        self.call_model: RowTableModel[CallRow] = RowTableModel(
            [
                Column(tr("On"), lambda c: format_date(c.data.called_on)),
                Column(tr("Spoke with"), lambda c: c.data.spoke_with),
                Column(
                    tr("What they said"),
                    lambda c: c.data.what_they_said,
                    tooltip=lambda c: c.data.what_they_said,
                ),
                Column(tr("Next step"), lambda c: c.data.next_step),
            ],
            row_id=lambda c: c.id,
            parent=self,
        )
        self.shipment_model: RowTableModel[ShipmentRow] = RowTableModel(
            [
                Column(tr("Going"), lambda s: direction_label(s.data.direction)),
                Column(tr("Carrier"), lambda s: carrier_label(s.data.carrier)),
                Column(tr("Tracking number"), lambda s: s.data.tracking_number),
                Column(tr("Shipped"), lambda s: format_date(s.data.shipped_on)),
                Column(tr("Delivered"), lambda s: format_date(s.data.delivered_on)),
                Column(tr("Signed for by"), lambda s: s.data.signed_for_by),
            ],
            row_id=lambda s: s.id,
            parent=self,
        )
        self.pages = QTabWidget(self)
        self.pages.setAccessibleName(tr("Calls and shipments"))
        self.calls_view = make_table(self, self.call_model, tr("Calls about this request"))
        self.pages.addTab(self.calls_view, tr("Calls"))
        self.pages.addTab(self._shipments_page(), tr("Shipments"))
        for view in (self.calls_view, self.shipments_view):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.pages, 1)
        self.show_request(None)

    def _shipments_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = FlowLayout()
        self.add_shipment_button = action_button(
            page, tr("Add &shipment…"), "fa5s.plus", self.add_shipment
        )
        self.copy_button = action_button(
            page, tr("&Copy tracking number"), "fa5s.copy", self.copy_tracking_number
        )
        self.open_page_button = action_button(
            page, tr("&Open tracking page"), "fa5s.external-link-alt", self.open_tracking_page
        )
        self.open_page_button.setToolTip(tr("Opens the carrier's page in your web browser."))
        self.edit_shipment_button = action_button(
            page, tr("Edit…"), "fa5s.edit", self.edit_shipment
        )
        self.delete_shipment_button = action_button(
            page, tr("Delete…"), "fa5s.trash-alt", self.delete_shipment
        )
        for button in (
            self.add_shipment_button,
            self.copy_button,
            self.open_page_button,
            self.edit_shipment_button,
            self.delete_shipment_button,
        ):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.shipments_view = make_table(page, self.shipment_model, tr("Shipments of this request"))
        self.shipments_view.selectionModel().selectionChanged.connect(self._shipment_selected)
        self.shipments_view.activated.connect(lambda _i: self.edit_shipment())
        layout.addWidget(self.shipments_view, 1)
        return page

    # ---------------------------------------------------------------- loading
    def show_request(self, row: RequestRow | None) -> None:
        self.request = row
        self.tracking = None
        self.call_model.clear()
        self.shipment_model.clear()
        for button in (self.log_call_button, self.plan_button, self.add_shipment_button):
            button.setEnabled(row is not None)
        self.next_call.setText("")
        self.clock.setText("")
        self._shipment_selected()
        if row is None:
            return
        request_id = row.id
        self.host.ctx.ops.query(
            lambda case: case_tracking.request_tracking(case, request_id), owner=self
        ).success(self._show_tracking).failure(lambda _exc: None).run()

    def _show_tracking(self, tracking: RequestTracking) -> None:
        if self.request is None or self.request.id != tracking.follow_up.request_id:
            return  # the selection moved on meanwhile
        self.tracking = tracking
        today = self.host.board.today
        self.next_call.setText(next_call_text(tracking, today))
        due = tracking.follow_up.clock_due_on
        self.clock.setText(format_date(due) if due else tr("not sent yet"))
        self.call_model.set_rows(list(reversed(tracking.follow_up.calls)))
        self.shipment_model.set_rows(list(tracking.shipments))
        self._shipment_selected()

    def _saved(self, _value: object = None) -> None:
        request = self.request
        self.host.reload(select_request=request.id if request else None)

    # ---------------------------------------------------------------- calls and plan
    def log_call(self, request: RequestRow | None = None) -> None:
        """Open the call form for ``request`` (default: the one shown)."""
        request = request or self.request
        if request is None:
            return
        request_id = request.id

        def submit(data: CallData) -> Pending[int]:
            return self.host.ctx.ops.change(
                lambda case: case_tracking.log_call(case, request_id, data),
                owner=self.host.owner,
                title=tr("Log a call"),
            )

        form = CallForm(submit, request.holder_name, parent=self)
        form.accepted.connect(self._saved)
        self.host.show_form(form)

    def edit_plan(self) -> None:
        request, tracking = self.request, self.tracking
        if request is None or tracking is None:
            return
        request_id = request.id

        def submit(days: str, received: dt.date | None) -> Pending[int]:
            return self.host.ctx.ops.change(
                lambda case: case_tracking.set_follow_up_plan(case, request_id, days, received),
                owner=self.host.owner,
                title=tr("Follow-up plan"),
            )

        follow_up = tracking.follow_up
        form = PlanForm(submit, follow_up.plan, follow_up.holder_received_on, parent=self)
        form.accepted.connect(self._saved)
        self.host.show_form(form)

    # ---------------------------------------------------------------- shipments
    def selected_shipment(self) -> ShipmentRow | None:
        row = selected_row(self.shipments_view)
        return row if isinstance(row, ShipmentRow) else None

    def _shipment_selected(self, *_args: object) -> None:
        shipment = self.selected_shipment()
        self.copy_button.setEnabled(bool(shipment and shipment.data.tracking_number))
        self.open_page_button.setEnabled(bool(shipment and shipment.url))
        self.edit_shipment_button.setEnabled(shipment is not None)
        self.delete_shipment_button.setEnabled(shipment is not None)

    def copy_tracking_number(self) -> None:
        shipment = self.selected_shipment()
        if shipment and shipment.data.tracking_number:
            copy_concealed(shipment.data.tracking_number)
            self.host.ctx.sig_status.emit(tr("Tracking number copied."))

    def open_tracking_page(self) -> None:
        shipment = self.selected_shipment()
        if shipment and shipment.url:
            QDesktopServices.openUrl(QUrl(shipment.url))

    def add_shipment(self, direction: ShipmentDirection = ShipmentDirection.OUTBOUND) -> None:
        self._shipment_form(None, direction)

    def edit_shipment(self) -> None:
        shipment = self.selected_shipment()
        if shipment is not None:
            self._shipment_form(shipment, shipment.data.direction)

    def _shipment_form(self, shipment: ShipmentRow | None, direction: ShipmentDirection) -> None:
        request = self.request
        if request is None:
            return
        request_id = request.id
        shipment_id = shipment.id if shipment else None

        def submit(data: ShipmentData) -> Pending[int]:
            return self.host.ctx.ops.change(
                lambda case: case_tracking.save_shipment(case, request_id, data, shipment_id),
                owner=self.host.owner,
                title=tr("Save shipment"),
            )

        form = ShipmentForm(
            submit, shipment.data if shipment else None, direction=direction, parent=self
        )
        form.accepted.connect(self._saved)
        self.host.show_form(form)

    def delete_shipment(self) -> None:
        shipment = self.selected_shipment()
        if shipment is None:
            return
        title = tr("Delete shipment")
        number = shipment.data.tracking_number or carrier_label(shipment.data.carrier)
        text = tr("Delete the shipment %1 from this request?").replace("%1", number)
        if not prompts.ask_confirm(self, title, text, tr("Delete")):
            return
        shipment_id = shipment.id
        self.host.ctx.ops.change(
            lambda case: case_tracking.delete_shipment(case, shipment_id),
            owner=self.host.owner,
            title=title,
        ).success(self._saved).run()
