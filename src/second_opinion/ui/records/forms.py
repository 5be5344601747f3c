"""The forms of the Records tab: a record item, a request, an authorization, a change of state.

Each form saves itself through the services when accepted and stays open with the message next
to the field when the service refuses, so nothing typed is lost. They are opened with
``open()`` (window-modal, not blocking), so tests fill them and call ``accept()``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from second_opinion.domain.enums import RecordKind, TransferMethod
from second_opinion.services import authorizations as auth_service
from second_opinion.services import record_requests as request_service
from second_opinion.services import records as record_service
from second_opinion.services.authorizations import AuthorizationData, AuthorizationRow
from second_opinion.services.contacts import ContactChoice
from second_opinion.services.errors import ServiceError
from second_opinion.services.record_requests import RequestData, RequestRow
from second_opinion.services.records import ItemData, ItemRow
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import format_date, from_qdate, make_date_edit, to_qdate
from second_opinion.ui.dialog_buttons import save_cancel_buttons
from second_opinion.ui.records.common import (
    OptionalDateEdit,
    authorization_problem_label,
    kind_label,
    method_label,
    tr,
)
from second_opinion.vault.errors import VaultError

AnyIndex = QModelIndex | QPersistentModelIndex


class RecordsForm(QDialog):
    """A form dialog that saves through ``_save`` and shows a refusal next to its field.

    Signals:
        sig_saved(int): saved; the id of what was created or changed.
    """

    sig_saved = Signal(int)

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(tr("Problem with this form"))
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fields: dict[str, QWidget] = {}
        self._ordered = False

    def add_row(
        self, label: str, widget: QWidget, field: str, accessible: str | None = None
    ) -> None:
        if not widget.accessibleName():
            widget.setAccessibleName(accessible or label.replace("&", "").rstrip(":"))
        self.form.addRow(label, widget)
        self._fields[field] = widget

    def showEvent(self, event: QShowEvent) -> None:
        if not self._ordered:
            self._ordered = True
            self._order_tabs()
        super().showEvent(event)

    def _order_tabs(self) -> None:
        """Tab through the fields in reading order, then the buttons.

        Qt's default order is creation order, which here would start at the buttons (built by
        this base class before any field) and put late-built rows at the end.
        """
        chain: list[QWidget] = []
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is None:
                item = self.form.itemAt(row, QFormLayout.ItemRole.SpanningRole)
            widget = item.widget() if item is not None else None
            if widget is None:
                continue
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                chain.append(widget)  # a spin box or date edit: one stop, not its parts
                continue
            chain.extend(  # a row made of several controls (check box and date, search)
                w
                for w in widget.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.parent() is widget
            )
        chain.extend(b for b in self.buttons.buttons() if b.focusPolicy() & Qt.FocusPolicy.TabFocus)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        if chain:
            chain[0].setFocus()

    def accept(self) -> None:
        try:
            with self.ctx.session() as session:
                saved_id = self._save(session)
        except ServiceError as exc:
            self.show_problem(exc.message, exc.field)
            return
        except VaultError as exc:  # disk full, vault locked: keep what was typed on screen
            self.show_problem(str(exc), None)
            return
        self.sig_saved.emit(saved_id)
        super().accept()

    def show_problem(self, message: str, field: str | None) -> None:
        self.error.setText("⚠ " + message)
        self.error.show()
        widget = self._fields.get(field or "")
        if widget is not None:
            label = self.form.labelForField(widget)
            name = label.text().replace("&", "").rstrip(":") if isinstance(label, QLabel) else ""
            self.error.setText("⚠ " + (f"{name}: " if name else "") + message)
            widget.setFocus()

    def _save(self, session: Session) -> int:  # pragma: no cover - interface
        raise NotImplementedError


def _contact_combo(
    parent: QWidget, choices: Sequence[ContactChoice], empty: str | None
) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(False)
    # Sized by a typical name, not by measuring every contact (10 000 took a third of a
    # second each time a form opened); the list shows long names in full.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(32)
    view = combo.view()
    if isinstance(view, QListView):
        view.setUniformItemSizes(True)  # one row height for all: the list opens at once
    if empty is not None:
        combo.addItem(empty, None)
    for choice in choices:
        organization = choice.organization
        show_org = organization and organization.casefold() != choice.name.casefold()
        text = choice.name + (f" — {organization}" if show_org else "")
        combo.addItem(text, choice.id)
    return combo


def _select_data(combo: QComboBox, value: object) -> None:
    position = combo.findData(value)
    if position >= 0:
        combo.setCurrentIndex(position)


def _notes_edit(parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(70)
    return edit


# ------------------------------------------------------------------ item


class ItemForm(RecordsForm):
    def __init__(
        self,
        ctx: AppContext,
        contacts: Sequence[ContactChoice],
        item: ItemRow | None = None,
        kind: RecordKind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, tr("Edit record") if item else tr("New record"), parent)
        self.item = item
        self.kind = QComboBox(self)
        for k in RecordKind:
            self.kind.addItem(kind_label(k), k)
        self.description = QLineEdit(self)
        self.description.setPlaceholderText(tr("e.g. CT chest report, March"))
        self.date_of_service = OptionalDateEdit(tr("Known"), tr("Date of service"), self)
        self.holder = _contact_combo(self, contacts, tr("— not known yet —"))
        self.holder.setToolTip(tr("Who has this record now (hospital records department, lab…)"))
        self.notes = _notes_edit(self)
        self.add_row(tr("&Kind:"), self.kind, "kind")
        self.add_row(tr("&Description:"), self.description, "description")
        self.add_row(tr("Date of &service:"), self.date_of_service, "date_of_service")
        self.add_row(tr("&Held by:"), self.holder, "holder")
        self.add_row(tr("&Notes:"), self.notes, "notes")
        if item is not None:
            _select_data(self.kind, item.kind)
            self.description.setText(item.description)
            self.date_of_service.set_value(item.date_of_service)
            _select_data(self.holder, item.holder_id)
            self.notes.setPlainText(item.notes)
        elif kind is not None:
            _select_data(self.kind, kind)
        self.resize(480, self.sizeHint().height())

    def data(self) -> ItemData:
        return ItemData(
            kind=RecordKind(self.kind.currentData()),
            description=self.description.text(),
            date_of_service=self.date_of_service.value(),
            holder_id=self.holder.currentData(),
            notes=self.notes.toPlainText(),
        )

    def _save(self, session: Session) -> int:
        if self.item is None:
            return record_service.add_item(session, self.ctx.person_id, self.data())
        record_service.update_item(session, self.item.id, self.data())
        return self.item.id


# ------------------------------------------------------------------ request


class _PickModel(QAbstractTableModel):
    """Record items with a check box each: which ones this request is for."""

    def __init__(self, items: Sequence[ItemRow], checked: set[int], parent: QWidget) -> None:
        super().__init__(parent)
        self._items = list(items)
        self.checked = set(checked)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Record"), tr("Held by"))[section] if 0 <= section < 2 else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return item_text(item)
            return item.holder_name
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if item.id in self.checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        item_id = self._items[index.row()].id
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if checked:
            self.checked.add(item_id)
        else:
            self.checked.discard(item_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def item_ids(self) -> list[int]:
        return [i.id for i in self._items if i.id in self.checked]

    def holder_of(self, item_id: int) -> int | None:
        return next((i.holder_id for i in self._items if i.id == item_id), None)


def item_text(item: ItemRow) -> str:
    when = format_date(item.date_of_service)
    text = item.description or kind_label(item.kind)
    return f"{text} ({when})" if when else text


class RequestForm(RecordsForm):
    def __init__(
        self,
        ctx: AppContext,
        contacts: Sequence[ContactChoice],
        items: Sequence[ItemRow],
        authorizations: Sequence[AuthorizationRow],
        due_days: int,
        request: RequestRow | None = None,
        item_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, tr("Edit request") if request else tr("New request"), parent)
        self.request = request
        self.due_days = due_days
        self._due_touched = request is not None
        checked = set(request.item_ids if request else item_ids)
        self.pick_model = _PickModel(items, checked, self)
        self.pick_proxy = QSortFilterProxyModel(self)
        self.pick_proxy.setSourceModel(self.pick_model)
        self.pick_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.pick_proxy.setFilterKeyColumn(-1)
        self.pick_search = QLineEdit(self)
        self.pick_search.setPlaceholderText(tr("Find a record…"))
        self.pick_search.setAccessibleName(tr("Find a record to include"))
        self.pick_search.textChanged.connect(self.pick_proxy.setFilterFixedString)
        self.pick_view = QTableView(self)
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

        self.holder = _contact_combo(self, contacts, tr("— choose —"))
        self.recipient = _contact_combo(self, contacts, tr("— choose —"))
        self.recipient.setToolTip(tr("Who should get the records: usually the second doctor"))
        self.method = QComboBox(self)
        for m in TransferMethod:
            self.method.addItem(method_label(m), m)
        self.requested_on = OptionalDateEdit(tr("Requested"), tr("Date requested"), self)
        self.due_on = OptionalDateEdit(tr("Due"), tr("Due date"), self)
        self.due_on.setToolTip(
            tr("By law a holder has 30 days to answer a request for your records.")
        )
        self.fee = QDoubleSpinBox(self)
        self.fee.setRange(0, 1_000_000)
        self.fee.setDecimals(2)
        self.fee.setSpecialValueText(tr("none"))
        self.fee.setPrefix(ctx_currency())
        self.reference = QLineEdit(self)
        self.authorization = QComboBox(self)
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
        self.notes = _notes_edit(self)
        self.add_row(tr("&Records:"), picker, "items")
        self.add_row(tr("&From (holder):"), self.holder, "holder", tr("From (holder)"))
        self.add_row(tr("&To (recipient):"), self.recipient, "recipient", tr("To (recipient)"))
        self.add_row(tr("&Method:"), self.method, "method")
        self.add_row(tr("Re&quested on:"), self.requested_on, "requested_on")
        self.add_row(tr("D&ue on:"), self.due_on, "due_on")
        self.sent_on: OptionalDateEdit | None = None
        self.received_on: OptionalDateEdit | None = None
        if request is not None:
            self.sent_on = OptionalDateEdit(tr("Sent"), tr("Date sent"), self)
            self.received_on = OptionalDateEdit(tr("Received"), tr("Date received"), self)
            self.add_row(tr("Sent on:"), self.sent_on, "sent_on")
            self.add_row(tr("Received on:"), self.received_on, "received_on")
        self.add_row(tr("F&ee:"), self.fee, "fee")
        self.add_row(tr("Reference &number:"), self.reference, "reference_number")
        self.add_row(tr("&Authorization:"), self.authorization, "authorization")
        self.add_row(tr("N&otes:"), self.notes, "notes")

        if request is not None:
            _select_data(self.holder, request.holder_id)
            _select_data(self.recipient, request.recipient_id)
            _select_data(self.method, request.method)
            self.requested_on.set_value(request.requested_on)
            self.due_on.set_value(request.due_on)
            assert self.sent_on is not None and self.received_on is not None
            self.sent_on.set_value(request.sent_on)
            self.received_on.set_value(request.received_on)
            self.fee.setValue((request.fee_cents or 0) / 100)
            self.reference.setText(request.reference_number)
            _select_data(self.authorization, request.authorization_id)
            self.notes.setPlainText(request.notes)
        else:
            holders = {self.pick_model.holder_of(i) for i in checked} - {None}
            if len(holders) == 1:
                _select_data(self.holder, holders.pop())
            # Most requests are written down the day they are made.
            self.requested_on.set_value(dt.date.today())
            self.due_on.set_value(dt.date.today() + dt.timedelta(days=due_days))
        self.requested_on.sig_changed.connect(self._follow_request_date)
        self.due_on.edit.dateChanged.connect(self._mark_due_touched)
        self.pick_model.dataChanged.connect(self._guess_holder)
        self.resize(620, 640)

    def _mark_due_touched(self) -> None:
        if not self._following:
            self._due_touched = True

    _following = False

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

    def _guess_holder(self) -> None:
        if self.holder.currentData() is not None:
            return
        holders = {self.pick_model.holder_of(i) for i in self.pick_model.checked} - {None}
        if len(holders) == 1:
            _select_data(self.holder, holders.pop())

    def set_items_checked(self, item_ids: Sequence[int]) -> None:
        for row in range(self.pick_model.rowCount()):
            index = self.pick_model.index(row, 0)
            item_id = self.pick_model._items[row].id
            if item_id in item_ids:
                self.pick_model.setData(
                    index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
                )

    def data(self) -> RequestData:
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

    def _save(self, session: Session) -> int:
        data = self.data()
        if self.request is None:
            return request_service.add_request(session, self.ctx.person_id, data)
        request_service.update_request(session, self.request.id, data)
        return self.request.id


def ctx_currency() -> str:
    symbol = QLocale().currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
    return f"{symbol} " if symbol else ""


# ------------------------------------------------------------------ authorization


class AuthorizationForm(RecordsForm):
    def __init__(
        self,
        ctx: AppContext,
        contacts: Sequence[ContactChoice],
        authorization: AuthorizationRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = tr("Edit authorization") if authorization else tr("New authorization")
        super().__init__(ctx, title, parent)
        self.authorization = authorization
        self.holder = _contact_combo(self, contacts, tr("— choose —"))
        self.recipient = _contact_combo(self, contacts, tr("— choose —"))
        self.scope = QLineEdit(self)
        self.scope.setPlaceholderText(tr("e.g. all records about the diagnosis since January"))
        self.purpose = QLineEdit(self)
        self.purpose.setPlaceholderText(tr("e.g. second opinion"))
        self.signed_on = OptionalDateEdit(tr("Signed"), tr("Date signed"), self)
        self.expires_on = OptionalDateEdit(tr("Expires"), tr("Expiry date"), self)
        self.expiry_event = QLineEdit(self)
        self.expiry_event.setPlaceholderText(tr("or an event, e.g. end of the second opinion"))
        self.revoked_on = OptionalDateEdit(tr("Revoked"), tr("Date revoked"), self)
        self.add_row(tr("&From (holder):"), self.holder, "holder", tr("From (holder)"))
        self.add_row(tr("&To (recipient):"), self.recipient, "recipient", tr("To (recipient)"))
        self.add_row(tr("&What records:"), self.scope, "scope")
        self.add_row(tr("&Purpose:"), self.purpose, "purpose")
        self.add_row(tr("&Signed on:"), self.signed_on, "signed_on")
        self.add_row(tr("&Expires on:"), self.expires_on, "expires_on")
        self.add_row(tr("Expiry e&vent:"), self.expiry_event, "expiry_event")
        self.add_row(tr("&Revoked on:"), self.revoked_on, "revoked_on")
        if authorization is not None:
            _select_data(self.holder, authorization.holder_id)
            _select_data(self.recipient, authorization.recipient_id)
            self.scope.setText(authorization.scope)
            self.purpose.setText(authorization.purpose)
            self.signed_on.set_value(authorization.signed_on)
            self.expires_on.set_value(authorization.expires_on)
            self.expiry_event.setText(authorization.expiry_event)
            self.revoked_on.set_value(authorization.revoked_on)
        else:
            self.signed_on.set_value(dt.date.today())
        self.resize(520, self.sizeHint().height())

    def data(self) -> AuthorizationData:
        return AuthorizationData(
            holder_id=self.holder.currentData() or 0,
            recipient_id=self.recipient.currentData() or 0,
            scope=self.scope.text(),
            purpose=self.purpose.text(),
            signed_on=self.signed_on.value(),
            expires_on=self.expires_on.value(),
            expiry_event=self.expiry_event.text(),
            revoked_on=self.revoked_on.value(),
        )

    def _save(self, session: Session) -> int:
        if self.authorization is None:
            return auth_service.add_authorization(session, self.ctx.person_id, self.data())
        auth_service.update_authorization(session, self.authorization.id, self.data())
        return self.authorization.id


# ------------------------------------------------------------------ the due-date rule


class DueDaysForm(RecordsForm):
    """How many days after a request it falls due (a vault setting, 30 by default)."""

    def __init__(self, ctx: AppContext, days: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, tr("Default due time"), parent)
        self.days = QSpinBox(self)
        self.days.setRange(1, 365)
        self.days.setValue(days)
        self.days.setSuffix(tr(" days"))
        self.days.setToolTip(
            tr("US law (HIPAA) gives a records holder 30 days to answer a request.")
        )
        self.add_row(tr("&Due after:"), self.days, "request_due_days", tr("Due after, in days"))
        hint = QLabel(tr("New requests fall due this many days after the request date."), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def _save(self, session: Session) -> int:
        record_service.set_request_due_days(session, self.days.value())
        return self.days.value()


# ------------------------------------------------------------------ change of state


class StateChangeForm(RecordsForm):
    """The date (and, for an extension, the new due date) of one move of a request."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        request_id: int,
        apply: Callable[[Session, int, dt.date, str, dt.date | None], None],
        new_due_default: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, title, parent)
        self.request_id = request_id
        self._apply = apply
        self.on = make_date_edit(self, tr("Date"))
        self.add_row(tr("&Date:"), self.on, "on")
        self.new_due = None
        if new_due_default is not None:
            self.new_due = make_date_edit(self, tr("New due date"))
            self.new_due.setDate(to_qdate(new_due_default))
            self.add_row(tr("&New due date:"), self.new_due, "new_due_on")
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(tr("optional, e.g. who you spoke to"))
        self.add_row(tr("N&ote:"), self.note, "note")
        # The services name the date they refuse after what it means for the request.
        for name in ("sent_on", "received_on"):
            self._fields[name] = self.on
        self.resize(420, self.sizeHint().height())

    def _save(self, session: Session) -> int:
        new_due = from_qdate(self.new_due.date()) if self.new_due is not None else None
        self._apply(session, self.request_id, from_qdate(self.on.date()), self.note.text(), new_due)
        return self.request_id
