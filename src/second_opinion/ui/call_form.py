"""The form for one call to the insurer, in the call log of the Profile and insurance dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from second_opinion.services import profile as profiles
from second_opinion.ui.dates import from_qdate, make_date_edit, to_qdate
from second_opinion.ui.form_base import FormDialog

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending


def multiline(parent: QWidget, name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)  # Tab moves on through the form, as in every other field
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def line(parent: QWidget, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class CallDialog(FormDialog):
    """Add or change one call in the log; ``submit`` is the operation that stores it."""

    def __init__(
        self,
        parent: QWidget,
        submit: Callable[[profiles.CallInput], Pending[profiles.CallRow]],
        call: profiles.CallRow | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("CallDialog", "Change call")
            if call
            else QCoreApplication.translate("CallDialog", "Add a call"),
            parent,
        )
        self._submit = submit
        self.saved: profiles.CallRow | None = None
        self.setMinimumWidth(520)

        body = self.form_widget
        self.date_edit = make_date_edit(body, self.tr("Date of the call"), latest=dt.date.today())
        self.spoke_with = line(
            body, self.tr("Who you spoke to"), self.tr("e.g. Maria in member services")
        )
        self.reference = line(
            body, self.tr("Reference number"), self.tr("The number they gave for this call")
        )
        self.summary = multiline(
            body, self.tr("What was said"), self.tr("What they told you, in your own words"), 6
        )
        self.add_field("called_on", self.date_edit, self.tr("&Date:"))
        self.add_field("spoke_with", self.spoke_with, self.tr("&Spoke with:"))
        self.add_field("reference_number", self.reference, self.tr("&Reference number:"))
        self.add_field("summary", self.summary, self.tr("&What was said:"))
        if call is not None:
            with self.loading():
                self.date_edit.setDate(to_qdate(call.called_on))
                self.spoke_with.setText(call.spoke_with)
                self.reference.setText(call.reference_number)
                self.summary.setPlainText(call.summary)

    def collect(self) -> profiles.CallInput:
        return profiles.CallInput(
            called_on=from_qdate(self.date_edit.date()),
            spoke_with=self.spoke_with.text(),
            reference_number=self.reference.text(),
            summary=self.summary.toPlainText(),
        )

    def submit(self, data: profiles.CallInput) -> Pending[profiles.CallRow]:
        return self._submit(data)
