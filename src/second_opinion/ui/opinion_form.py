"""Forms for an opinion received and for a decision taken after the opinions.

Both save themselves on OK through the opinions service; a refusal shows under its field and
the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from second_opinion.services import contacts, opinions
from second_opinion.services.errors import ServiceError, ValidationError
from second_opinion.services.opinions import OpinionInput
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import from_qdate, make_date_edit
from second_opinion.ui.dialog_buttons import save_cancel_buttons

log = logging.getLogger(__name__)

ERROR_COLOUR = "#d9534f"


def _date_edit(parent: QWidget, name: str) -> QDateEdit:
    return make_date_edit(parent, name)


def _py_date(edit: QDateEdit) -> dt.date:
    return from_qdate(edit.date())


def _text_box(
    parent: QWidget, name: str, placeholder: str = "", height: int = 56
) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class _SavingForm(QDialog):
    """A form dialog with an error line under each field and Save/Cancel buttons."""

    sig_saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: int | None = None
        self._errors: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QWidget(scroll)
        self.form = QFormLayout(self.body)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        self.general_error = self._error_label(self)
        outer.addWidget(self.general_error)
        self.buttons = save_cancel_buttons(self)
        outer.addWidget(self.buttons)

    @staticmethod
    def _error_label(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(f"color: {ERROR_COLOUR};")
        label.hide()
        return label

    def add_field(self, label: str, key: str, widget: QWidget) -> None:
        host = QWidget(self.body)
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = self._error_label(host)
        layout.addWidget(error)
        self._errors[key] = error
        self._widgets[key] = widget
        self.form.addRow(label, host)

    def error_text(self, field: str) -> str:
        label = self._errors.get(field, self.general_error)
        return label.text() if not label.isHidden() else ""

    def show_error(self, error: ValidationError) -> None:
        for label in (*self._errors.values(), self.general_error):
            label.hide()
        label = self._errors.get(error.field or "", self.general_error)
        label.setText(self.tr(error.message))
        label.show()
        widget = self._widgets.get(error.field or "")
        if widget is not None:
            widget.setFocus()

    def save(self) -> int:  # pragma: no cover - overridden
        raise NotImplementedError

    def accept(self) -> None:
        try:
            saved = self.save()
        except ValidationError as error:
            self.show_error(error)
            return
        except (ServiceError, SQLAlchemyError):
            log.exception("saving from %s failed", type(self).__name__)
            self.show_error(ValidationError(self.tr("Could not be saved. Please try again.")))
            return
        self.saved_id = saved
        self.ctx.notify_changed("opinions")
        self.sig_saved.emit(saved)
        super().accept()


class OpinionForm(_SavingForm):
    """Add (``opinion_id`` None) or edit an opinion of ``ctx.person_id``."""

    def __init__(
        self, ctx: AppContext, opinion_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.opinion_id = opinion_id
        self.setWindowTitle(self.tr("Edit opinion") if opinion_id else self.tr("Add an opinion"))
        self.setMinimumWidth(600)
        body = self.body

        self.doctor = QComboBox(body)
        self.doctor.setAccessibleName(self.tr("Doctor"))
        self.add_field(self.tr("&Doctor:"), "doctor_id", self.doctor)
        self.given_on = _date_edit(body, self.tr("Date of the opinion"))
        self.add_field(self.tr("D&ate:"), "given_on", self.given_on)
        self.diagnosis = _text_box(body, self.tr("Diagnosis"), self.tr("In the doctor's words"))
        self.add_field(self.tr("Dia&gnosis:"), "diagnosis", self.diagnosis)
        self.stage = QLineEdit(body)
        self.stage.setAccessibleName(self.tr("Stage or severity"))
        self.stage.setPlaceholderText(self.tr("If the doctor gave one"))
        self.add_field(self.tr("&Stage or severity:"), "stage", self.stage)
        self.treatment = _text_box(body, self.tr("Recommended treatment"))
        self.add_field(self.tr("Recommended &treatment:"), "recommended_treatment", self.treatment)
        self.alternatives = _text_box(body, self.tr("Alternatives"))
        self.add_field(self.tr("A&lternatives:"), "alternatives", self.alternatives)
        self.benefits = _text_box(body, self.tr("Benefits"))
        self.add_field(self.tr("&Benefits:"), "benefits", self.benefits)
        self.risks = _text_box(body, self.tr("Risks"))
        self.add_field(self.tr("&Risks:"), "risks", self.risks)
        self.urgency = QLineEdit(body)
        self.urgency.setAccessibleName(self.tr("Urgency"))
        self.urgency.setPlaceholderText(self.tr("e.g. start within 4 weeks"))
        self.add_field(self.tr("&Urgency:"), "urgency", self.urgency)
        self.confidence = QLineEdit(body)
        self.confidence.setAccessibleName(self.tr("How sure the doctor was"))
        self.confidence.setPlaceholderText(self.tr("e.g. very sure; wants one more test"))
        self.add_field(self.tr("How sure the &doctor was:"), "confidence", self.confidence)
        self.notes = _text_box(body, self.tr("Notes"), height=70)
        self.add_field(self.tr("&Notes:"), "notes", self.notes)
        self._load()

    def _load(self) -> None:
        row = None
        try:
            with self.ctx.session() as session:
                people = contacts.list_contact_choices(session)
                if self.opinion_id is not None:
                    row = opinions.get_opinion(session, self.opinion_id)
        except (ServiceError, SQLAlchemyError):
            log.exception("could not load the opinion form (opinion %s)", self.opinion_id)
            people = []
        for choice in sorted(people, key=lambda c: (not c.role.is_doctor, c.name.casefold())):
            self.doctor.addItem(choice.label, choice.id)
        if not people:
            self.doctor.setPlaceholderText(self.tr("Add the doctor in Doctors & contacts first"))
        if row is None:
            return
        self.select_doctor(row.doctor_id)
        self.given_on.setDate(QDate(row.given_on.year, row.given_on.month, row.given_on.day))
        self.diagnosis.setPlainText(row.diagnosis)
        self.stage.setText(row.stage)
        self.treatment.setPlainText(row.recommended_treatment)
        self.alternatives.setPlainText(row.alternatives)
        self.benefits.setPlainText(row.benefits)
        self.risks.setPlainText(row.risks)
        self.urgency.setText(row.urgency)
        self.confidence.setText(row.confidence)
        self.notes.setPlainText(row.notes)

    def select_doctor(self, contact_id: int) -> None:
        index = self.doctor.findData(contact_id)
        if index >= 0:
            self.doctor.setCurrentIndex(index)

    def input(self) -> OpinionInput:
        doctor_id = self.doctor.currentData()
        if doctor_id is None:
            raise ValidationError(self.tr("Choose the doctor."), field="doctor_id")
        return OpinionInput(
            doctor_id=int(doctor_id),
            given_on=_py_date(self.given_on),
            diagnosis=self.diagnosis.toPlainText(),
            stage=self.stage.text(),
            recommended_treatment=self.treatment.toPlainText(),
            alternatives=self.alternatives.toPlainText(),
            benefits=self.benefits.toPlainText(),
            risks=self.risks.toPlainText(),
            urgency=self.urgency.text(),
            confidence=self.confidence.text(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> int:
        data = self.input()
        with self.ctx.session() as session:
            if self.opinion_id is None:
                return opinions.add_opinion(session, self.ctx.person_id, data)
            opinions.update_opinion(session, self.opinion_id, data)
            return self.opinion_id


class DecisionForm(_SavingForm):
    """Record a decision taken and why, for the decision log."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Record a decision"))
        self.setMinimumWidth(480)
        self.decided_on = _date_edit(self.body, self.tr("Date of the decision"))
        self.add_field(self.tr("D&ate:"), "decided_on", self.decided_on)
        self.decision = QLineEdit(self.body)
        self.decision.setAccessibleName(self.tr("Decision"))
        self.decision.setPlaceholderText(self.tr("e.g. Go ahead with surgery at City Hospital"))
        self.add_field(self.tr("&Decision:"), "decision", self.decision)
        self.reasons = _text_box(self.body, self.tr("Why"), self.tr("What made you decide"), 90)
        self.add_field(self.tr("&Why:"), "reasons", self.reasons)
        self.decision.setFocus()

    def save(self) -> int:
        with self.ctx.session() as session:
            return opinions.add_decision(
                session,
                self.ctx.person_id,
                _py_date(self.decided_on),
                self.decision.text(),
                self.reasons.toPlainText(),
            )
