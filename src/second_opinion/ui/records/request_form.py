"""The request form: which records, from whom, to whom, how, and by when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from second_opinion.domain.enums import ContactRole, TransferMethod
from second_opinion.services.authorizations import AuthorizationRow, link_problems
from second_opinion.services.legal_basis import methods_for
from second_opinion.services.record_requests import RequestData, RequestRow
from second_opinion.services.records import ItemRow
from second_opinion.ui.authorization_fit import problem_lines
from second_opinion.ui.check_list_model import CheckListModel
from second_opinion.ui.dates import format_date
from second_opinion.ui.records.common import (
    OptionalDateEdit,
    authorization_problem_label,
    item_text,
    legal_deadline_note,
    method_label,
    tr,
)
from second_opinion.ui.records.forms import (
    RecordsForm,
    Submit,
    contact_combo,
    line_edit,
    notes_edit,
    select_data,
)
from second_opinion.ui.search_proxy import SearchFilterProxy
from second_opinion.ui.table_model import Column

if TYPE_CHECKING:
    from second_opinion.services.contacts import ContactChoice
    from second_opinion.ui.ops import Pending


class PickModel(CheckListModel[ItemRow]):
    """Record items with a check box each: which ones this request is for."""

    def __init__(self, items: Sequence[ItemRow], checked: set[int], parent: QWidget) -> None:
        super().__init__(
            [Column(tr("Record"), item_text), Column(tr("Held by"), lambda i: i.holder_name)],
            row_id=lambda i: i.id,
            parent=parent,
        )
        self.set_rows(items, checked=checked)

    def item_ids(self) -> list[int]:
        return [i.id for i in self.checked_rows()]

    def holder_of(self, item_id: int) -> int | None:
        return next((i.holder_id for i in self.rows() if i.id == item_id), None)


def currency_prefix() -> str:
    symbol = QLocale().currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
    return f"{symbol} " if symbol else ""


class RequestForm(RecordsForm):
    def __init__(
        self,
        submit: Submit,
        contacts: Sequence[ContactChoice],
        items: Sequence[ItemRow],
        authorizations: Sequence[AuthorizationRow],
        due_days: int,
        request: RequestRow | None = None,
        item_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Edit request") if request else tr("New request"), parent)
        self._submit = submit
        self.request = request
        self.due_days = due_days
        self._due_touched = request is not None
        self._following = False
        checked = set(request.item_ids if request else item_ids)
        self.pick_model = PickModel(items, checked, self)
        self.pick_proxy = SearchFilterProxy(self)
        self.pick_proxy.setSourceModel(self.pick_model)
        self.pick_search = line_edit(self, tr("Find a record to include"), tr("Find a record…"))
        self.pick_search.textChanged.connect(self.pick_proxy.set_search)
        self.pick_view = QTableView(self)
        # Tab leaves the list (the arrows move in it) instead of walking its cells.
        self.pick_view.setTabKeyNavigation(False)
        self.pick_view.setModel(self.pick_proxy)
        self.pick_view.verticalHeader().hide()
        self.pick_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.pick_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.pick_view.setMinimumHeight(130)
        self.pick_view.setWordWrap(False)
        self.pick_view.verticalHeader().setDefaultSectionSize(
            self.pick_view.fontMetrics().height() + 8
        )
        self.pick_view.setAccessibleName(tr("Records in this request"))
        picker = QWidget(self)
        picker_layout = QVBoxLayout(picker)
        picker_layout.setContentsMargins(0, 0, 0, 0)
        picker_layout.addWidget(self.pick_search)
        picker_layout.addWidget(self.pick_view)
        picker.setAccessibleName(tr("Records"))

        self.holder = contact_combo(self, contacts, tr("— choose —"), tr("From (holder)"))
        self.recipient = contact_combo(self, contacts, tr("— choose —"), tr("To (recipient)"))
        self.recipient.setToolTip(tr("Who should get the records: usually the second doctor"))
        self._roles = {c.id: c.role for c in contacts}
        self.method = QComboBox(self)
        self.method.setAccessibleName(tr("Method"))
        self._offer_methods()
        self.recipient.currentIndexChanged.connect(lambda _i: self._offer_methods())
        self.requested_on = OptionalDateEdit(tr("Requested"), tr("Date requested"), self)
        self.due_on = OptionalDateEdit(tr("Due"), tr("Due date"), self)
        self.due_on.setToolTip(legal_deadline_note())
        self.fee = QDoubleSpinBox(self)
        self.fee.setAccessibleName(tr("Fee"))
        self.fee.setRange(0, 1_000_000)
        self.fee.setDecimals(2)
        self.fee.setSpecialValueText(tr("none"))
        self.fee.setPrefix(currency_prefix())
        self.reference = line_edit(self, tr("Reference number"))
        self.authorization = QComboBox(self)
        self.authorization.setAccessibleName(tr("Authorization"))
        self.authorization.addItem(tr("— none —"), None)
        for a in authorizations:
            flag = f" ({authorization_problem_label(a.problem)})" if a.problem else ""
            signed = format_date(a.signed_on)
            self.authorization.addItem(
                f"{a.holder_name} → {a.recipient_name}"
                + (f", {tr('signed')} {signed}" if signed else "")
                + flag,
                a.id,
            )
        self.notes = notes_edit(self, tr("Notes"))
        self.add_field("items", picker, tr("&Records:"))
        self.add_field("holder", self.holder, tr("&From (holder):"))
        self.add_field("recipient", self.recipient, tr("&To (recipient):"))
        self.add_field("method", self.method, tr("&Method:"))
        self.add_field("requested_on", self.requested_on, tr("Re&quested on:"))
        self.add_field("due_on", self.due_on, tr("D&ue on:"))
        self.sent_on: OptionalDateEdit | None = None
        self.received_on: OptionalDateEdit | None = None
        if request is not None:
            self.sent_on = OptionalDateEdit(tr("Sent"), tr("Date sent"), self)
            self.received_on = OptionalDateEdit(tr("Received"), tr("Date received"), self)
            self.add_field("sent_on", self.sent_on, tr("Sent on:"))
            self.add_field("received_on", self.received_on, tr("Received on:"))
        self.add_field("fee", self.fee, tr("F&ee:"))
        self.add_field("reference_number", self.reference, tr("Reference &number:"))
        self.add_field("authorization", self.authorization, tr("&Authorization:"))
        self._authorizations = {a.id: a for a in authorizations}
        self.authorization_note = QLabel(self)
        self.authorization_note.setWordWrap(True)
        self.authorization_note.setAccessibleName(tr("Authorization warning"))
        self.authorization_note.hide()
        self.add_row("", self.authorization_note)
        self.add_field("notes", self.notes, tr("N&otes:"))

        with self.loading():
            if request is not None:
                self._fill(request)
            else:
                holders = {self.pick_model.holder_of(i) for i in checked} - {None}
                if len(holders) == 1:
                    select_data(self.holder, holders.pop())
                # Most requests are written down the day they are made.
                self.requested_on.set_value(dt.date.today())
                self.due_on.set_value(dt.date.today() + dt.timedelta(days=due_days))
        for edit in (self.requested_on, self.due_on, self.sent_on, self.received_on):
            if edit is not None:
                self.watch_date(edit)
        self.requested_on.sig_changed.connect(self._follow_request_date)
        for combo in (self.authorization, self.holder, self.recipient):
            combo.currentIndexChanged.connect(lambda _i: self._check_authorization())
        self._check_authorization()
        self.due_on.edit.dateChanged.connect(self._mark_due_touched)
        self.pick_model.sig_checked.connect(self._picked)
        self.resize(620, 640)

    def _fill(self, request: RequestRow) -> None:
        select_data(self.holder, request.holder_id)
        select_data(self.recipient, request.recipient_id)
        self._offer_methods(keep=request.method)
        select_data(self.method, request.method)
        self.requested_on.set_value(request.requested_on)
        self.due_on.set_value(request.due_on)
        assert self.sent_on is not None and self.received_on is not None
        self.sent_on.set_value(request.sent_on)
        self.received_on.set_value(request.received_on)
        self.fee.setValue((request.fee_cents or 0) / 100)
        self.reference.setText(request.reference_number)
        select_data(self.authorization, request.authorization_id)
        self.notes.setPlainText(request.notes)

    def _offer_methods(self, keep: TransferMethod | None = None) -> None:
        """Only the methods that fit the recipient (no patient portal to a doctor); ``keep``
        stays listed so opening an older request never changes its method unseen."""
        current = self.method.currentData()
        to_person = self._roles.get(self.recipient.currentData()) is ContactRole.SELF
        offered = methods_for(to_person)
        if keep is not None and keep not in offered:
            offered.append(keep)
        if [self.method.itemData(i) for i in range(self.method.count())] == offered:
            return
        self.method.blockSignals(True)
        self.method.clear()
        for m in offered:
            self.method.addItem(method_label(m), m)
        self.method.blockSignals(False)
        select_data(self.method, current if current in offered else offered[0])

    def _check_authorization(self) -> None:
        """Say so when the linked authorization names other parties or has lapsed."""
        auth = self._authorizations.get(self.authorization.currentData())
        problems = (
            link_problems(
                auth.holder_id,
                auth.recipient_id,
                auth.expires_on,
                auth.revoked_on,
                holder_id=self.holder.currentData(),
                recipient_id=self.recipient.currentData(),
                today=dt.date.today(),
            )
            if auth is not None
            else []
        )
        lines = (
            problem_lines(
                problems, auth.holder_name, auth.recipient_name, format_date(auth.expires_on)
            )
            if auth is not None
            else []
        )
        self.authorization_note.setText(" ".join(lines))
        self.authorization_note.setVisible(bool(lines))

    def _mark_due_touched(self) -> None:
        if not self._following:
            self._due_touched = True

    def _follow_request_date(self) -> None:
        """Keep the due date at "request + N days" until the person sets one themself."""
        requested = self.requested_on.value()
        if requested is None or self._due_touched:
            return
        self._following = True
        try:
            self.due_on.set_value(requested + dt.timedelta(days=self.due_days))
        finally:
            self._following = False

    def _picked(self) -> None:
        self.mark_dirty()
        self.errors.clear("items")
        if self.holder.currentData() is not None:
            return
        holders = {self.pick_model.holder_of(i) for i in self.pick_model.item_ids()} - {None}
        if len(holders) == 1:
            select_data(self.holder, holders.pop())

    def collect(self) -> RequestData:
        fee = round(self.fee.value() * 100)
        return RequestData(
            item_ids=self.pick_model.item_ids(),
            holder_id=self.holder.currentData() or 0,
            recipient_id=self.recipient.currentData() or 0,
            method=TransferMethod(self.method.currentData()),
            requested_on=self.requested_on.value(),
            due_on=self.due_on.value(),
            sent_on=self.sent_on.value() if self.sent_on else None,
            received_on=self.received_on.value() if self.received_on else None,
            fee_cents=fee or None,
            reference_number=self.reference.text(),
            notes=self.notes.toPlainText(),
            authorization_id=self.authorization.currentData(),
        )

    def submit(self, data: RequestData) -> Pending[int]:
        return self._submit(data)
