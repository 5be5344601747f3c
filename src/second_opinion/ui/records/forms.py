"""The small forms of the Records screen: a record item, an authorization, the default due
time, and one move of a request. (The request form is in ``request_form``.)

Each is a ``FormDialog``: it hands the typed data to ``submit`` (an operation through the
runner, not yet run), a refusal lands beside its field and the form stays open, success
closes it. They are opened with ``open()``, so tests fill them in and call ``accept()``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from second_opinion.domain.enums import RecordKind
from second_opinion.services.authorizations import AuthorizationData, AuthorizationRow
from second_opinion.services.contacts import ContactChoice
from second_opinion.services.errors import ServiceError
from second_opinion.services.records import FUTURE_SERVICE, ItemData, ItemRow, is_future_service
from second_opinion.ui import prompts
from second_opinion.ui.dates import format_date, from_qdate, make_date_edit, to_qdate
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.records.common import OptionalDateEdit, kind_label, legal_deadline_note, tr

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending

#: what a form hands its typed data to: the operation that stores it, not yet run
Submit = Callable[..., "Pending[int]"]
#: opens the contact form for a new holder (parent, then); ``then`` gets the saved contact
NewHolder = Callable[[QWidget, Callable[[ContactChoice], None]], QDialog]


class RecordsForm(FormDialog):
    """A records form: tab order in reading order, optional dates count as typing."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._ordered = False

    def watch_date(self, edit: OptionalDateEdit) -> None:
        edit.sig_changed.connect(self._date_edited)

    def _date_edited(self) -> None:
        if not self._loading:
            self.mark_dirty()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._ordered:
            self._ordered = True
            order_tabs(self)
        super().showEvent(event)


def order_tabs(form: FormDialog) -> None:
    """Tab through the fields in reading order, then the buttons.

    Qt's default order is creation order, which here would start at the buttons (built by
    the base class before any field).
    """
    chain: list[QWidget] = []
    layout = form.form
    for row in range(layout.rowCount()):
        item = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
        holder = item.widget() if item is not None else None
        if holder is None:
            continue
        for widget in holder.findChildren(QWidget):
            if (
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisibleTo(form)
                and widget.focusProxy() is None
                and not _inside_focus_stop(widget, holder)
            ):
                chain.append(widget)
    chain.extend(b for b in form.buttons.buttons() if b.focusPolicy() & Qt.FocusPolicy.TabFocus)
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)
    if chain:
        chain[0].setFocus()


def _inside_focus_stop(widget: QWidget, holder: QWidget) -> bool:
    """A part of a spin box or date edit: the control itself is the one stop."""
    parent = widget.parentWidget()
    while parent is not None and parent is not holder:
        if parent.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(
            parent, OptionalDateEdit
        ):
            return True
        parent = parent.parentWidget()
    return False


def contact_combo(
    parent: QWidget, choices: Sequence[ContactChoice], empty: str | None, name: str
) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
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
        combo.addItem(choice.name + (f" — {organization}" if show_org else ""), choice.id)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    position = combo.findData(value)
    if position >= 0:
        combo.setCurrentIndex(position)


def notes_edit(parent: QWidget, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(70)
    return edit


def line_edit(parent: QWidget, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


# ------------------------------------------------------------------ item


class ItemForm(RecordsForm):
    def __init__(
        self,
        submit: Submit,
        contacts: Sequence[ContactChoice],
        item: ItemRow | None = None,
        kind: RecordKind | None = None,
        parent: QWidget | None = None,
        new_holder: NewHolder | None = None,
    ) -> None:
        super().__init__(tr("Edit record") if item else tr("New record"), parent)
        self._submit = submit
        self._new_holder = new_holder
        self.contact_form: QDialog | None = None
        self.item = item
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(tr("Kind"))
        for k in RecordKind:
            self.kind.addItem(kind_label(k), k)
        self.description = line_edit(self, tr("Description"), tr("e.g. CT chest report, March"))
        self.date_of_service = OptionalDateEdit(tr("Known"), tr("Date of service"), self)
        self.holder = contact_combo(self, contacts, tr("— not known yet —"), tr("Held by"))
        self.holder.setToolTip(tr("Who has this record now (hospital records department, lab…)"))
        self.new_holder_button = QPushButton(tr("New…"), self)
        self.new_holder_button.setAccessibleName(tr("New holder"))
        self.new_holder_button.setToolTip(tr("Add the holder to your contacts and choose it"))
        self.new_holder_button.clicked.connect(self._add_holder)
        self.new_holder_button.setVisible(new_holder is not None)
        holder_row = QWidget(self)
        holder_layout = QHBoxLayout(holder_row)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.holder, 1)
        holder_layout.addWidget(self.new_holder_button)
        holder_row.setFocusProxy(self.holder)
        self.notes = notes_edit(self, tr("Notes"))
        self.add_field("kind", self.kind, tr("&Kind:"))
        self.add_field("description", self.description, tr("&Description:"))
        self.add_field("date_of_service", self.date_of_service, tr("Date of &service:"))
        self.add_field("holder", holder_row, tr("&Held by:"), watch=(self.holder,))
        self.add_field("notes", self.notes, tr("&Notes:"))
        with self.loading():
            if item is not None:
                select_data(self.kind, item.kind)
                self.description.setText(item.description)
                self.date_of_service.set_value(item.date_of_service)
                select_data(self.holder, item.holder_id)
                self.notes.setPlainText(item.notes)
            elif kind is not None:
                select_data(self.kind, kind)
        self.watch_date(self.date_of_service)
        self.resize(480, self.sizeHint().height())

    def _add_holder(self) -> None:
        if self._new_holder is not None:
            self.contact_form = self._new_holder(self, self._holder_added)

    def _holder_added(self, choice: ContactChoice) -> None:
        if self.holder.findData(choice.id) < 0:
            self.holder.addItem(choice.label, choice.id)
        select_data(self.holder, choice.id)

    def accept(self) -> None:
        """A date of service still to come is asked about before it is saved."""
        if not self.is_saving:
            try:
                data = self.collect()
            except ServiceError:
                data = None
            if data is not None and is_future_service(data, dt.date.today()):
                question = tr(FUTURE_SERVICE).format(date=format_date(data.date_of_service))
                if not prompts.ask_confirm(
                    self, tr("Date of service"), question, tr("Save with this date")
                ):
                    self.errors.show("date_of_service", question)
                    return
        super().accept()

    def collect(self) -> ItemData:
        return ItemData(
            kind=RecordKind(self.kind.currentData()),
            description=self.description.text(),
            date_of_service=self.date_of_service.value(),
            holder_id=self.holder.currentData(),
            notes=self.notes.toPlainText(),
        )

    def submit(self, data: ItemData) -> Pending[int]:
        return self._submit(data)


# ------------------------------------------------------------------ authorization


class AuthorizationForm(RecordsForm):
    def __init__(
        self,
        submit: Submit,
        contacts: Sequence[ContactChoice],
        authorization: AuthorizationRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = tr("Edit authorization") if authorization else tr("New authorization")
        super().__init__(title, parent)
        self._submit = submit
        self.authorization = authorization
        self.holder = contact_combo(self, contacts, tr("— choose —"), tr("From (holder)"))
        self.recipient = contact_combo(self, contacts, tr("— choose —"), tr("To (recipient)"))
        self.scope = line_edit(
            self, tr("What records"), tr("e.g. all records about the diagnosis since January")
        )
        self.purpose = line_edit(self, tr("Purpose"), tr("e.g. second opinion"))
        self.signed_on = OptionalDateEdit(tr("Signed"), tr("Date signed"), self)
        self.expires_on = OptionalDateEdit(tr("Expires"), tr("Expiry date"), self)
        self.expiry_event = line_edit(
            self, tr("Expiry event"), tr("or an event, e.g. end of the second opinion")
        )
        self.revoked_on = OptionalDateEdit(tr("Revoked"), tr("Date revoked"), self)
        self.add_field("holder", self.holder, tr("&From (holder):"))
        self.add_field("recipient", self.recipient, tr("&To (recipient):"))
        self.add_field("scope", self.scope, tr("&What records:"))
        self.add_field("purpose", self.purpose, tr("&Purpose:"))
        self.add_field("signed_on", self.signed_on, tr("&Signed on:"))
        self.add_field("expires_on", self.expires_on, tr("&Expires on:"))
        self.add_field("expiry_event", self.expiry_event, tr("Expiry e&vent:"))
        self.add_field("revoked_on", self.revoked_on, tr("&Revoked on:"))
        with self.loading():
            if authorization is not None:
                select_data(self.holder, authorization.holder_id)
                select_data(self.recipient, authorization.recipient_id)
                self.scope.setText(authorization.scope)
                self.purpose.setText(authorization.purpose)
                self.signed_on.set_value(authorization.signed_on)
                self.expires_on.set_value(authorization.expires_on)
                self.expiry_event.setText(authorization.expiry_event)
                self.revoked_on.set_value(authorization.revoked_on)
            else:
                self.signed_on.set_value(dt.date.today())
        for edit in (self.signed_on, self.expires_on, self.revoked_on):
            self.watch_date(edit)
        self.resize(520, self.sizeHint().height())

    def collect(self) -> AuthorizationData:
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

    def submit(self, data: AuthorizationData) -> Pending[int]:
        return self._submit(data)


# ------------------------------------------------------------------ the due-date setting


class DueDaysForm(RecordsForm):
    """How many days after a request it falls due (a vault setting, 30 by default)."""

    def __init__(self, submit: Submit, days: int, parent: QWidget | None = None) -> None:
        super().__init__(tr("Default due time"), parent)
        self._submit = submit
        self.days = QSpinBox(self)
        self.days.setAccessibleName(tr("Due after, in days"))
        self.days.setRange(1, 365)
        self.days.setSuffix(tr(" days"))
        with self.loading():
            self.days.setValue(days)
        self.days.setToolTip(legal_deadline_note())
        self.add_field("request_due_days", self.days, tr("&Due after:"))
        hint = QLabel(tr("New requests fall due this many days after the request date."), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def collect(self) -> int:
        return self.days.value()

    def submit(self, data: int) -> Pending[int]:
        return self._submit(data)


# ------------------------------------------------------------------ one move of a request


class StateChangeForm(RecordsForm):
    """The date (and, for an extension, the new due date) of one move of a request.

    ``submit(on, note, new_due_on)`` is the operation that makes the move.
    """

    def __init__(
        self,
        title: str,
        submit: Submit,
        new_due_default: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._submit = submit
        self.on = make_date_edit(self, tr("Date"))
        self.add_field("on", self.on, tr("&Date:"))
        self.new_due = None
        if new_due_default is not None:
            self.new_due = make_date_edit(self, tr("New due date"))
            with self.loading():
                self.new_due.setDate(to_qdate(new_due_default))
            self.add_field("new_due_on", self.new_due, tr("&New due date:"))
        self.note = line_edit(self, tr("Note"), tr("optional, e.g. who you spoke to"))
        self.add_field("note", self.note, tr("N&ote:"))
        self.resize(420, self.sizeHint().height())

    def collect(self) -> tuple[dt.date, str, dt.date | None]:
        new_due = from_qdate(self.new_due.date()) if self.new_due is not None else None
        return (from_qdate(self.on.date()), self.note.text(), new_due)

    def submit(self, data: tuple[dt.date, str, dt.date | None]) -> Pending[int]:
        return self._submit(*data)

    def show_service_error(self, exc: ServiceError) -> None:
        # The services name the date they refuse after what it means for the request.
        if exc.field in ("sent_on", "received_on"):
            exc.field = "on"
        super().show_service_error(exc)
