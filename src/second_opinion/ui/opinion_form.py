"""Forms for an opinion received and for a decision taken after the opinions.

Fields, problems, Save and Cancel behave as every form's do (``form_base``); each stores what
was typed through the operation it is given. Opened with ``open()``, never ``exec()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from second_opinion.services import opinions
from second_opinion.services.errors import ValidationError
from second_opinion.services.opinions import OpinionInput
from second_opinion.ui.dates import from_qdate
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.typed_dates import date_field

if TYPE_CHECKING:
    from second_opinion.case.opinions import OpinionFormChoices
    from second_opinion.ui.ops import Pending


def _text_box(name: str, placeholder: str = "", height: int = 56) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class OpinionForm(FormDialog):
    """Add (no ``existing`` in ``choices``) or edit an opinion; ``saved`` is then its id."""

    def __init__(
        self,
        submit: Callable[[OpinionInput], Pending[int]],
        choices: OpinionFormChoices,
        parent: QWidget | None = None,
    ) -> None:
        existing = choices.existing
        super().__init__(
            QCoreApplication.translate("OpinionForm", "Edit opinion")
            if existing
            else QCoreApplication.translate("OpinionForm", "Add an opinion"),
            parent,
        )
        self._submit = submit
        self.opinion_id = existing.id if existing is not None else None
        self.saved: int | None = None
        self.setMinimumWidth(600)

        self.doctor = QComboBox()
        self.doctor.setAccessibleName(self.tr("Doctor"))
        self.add_field("doctor_id", self.doctor, self.tr("&Doctor:"))
        self.given_on = date_field(
            None, self.tr("Date of the opinion"), opinions.EARLIEST, opinions.LATEST
        )
        self.add_field("given_on", self.given_on, self.tr("D&ate:"))
        self.diagnosis = _text_box(self.tr("Diagnosis"), self.tr("In the doctor's words"))
        self.add_field("diagnosis", self.diagnosis, self.tr("Dia&gnosis:"))
        self.stage = _line(self.tr("Stage or severity"), self.tr("If the doctor gave one"))
        self.add_field("stage", self.stage, self.tr("&Stage or severity:"))
        self.treatment = _text_box(self.tr("Recommended treatment"))
        self.add_field("recommended_treatment", self.treatment, self.tr("Recommended &treatment:"))
        self.alternatives = _text_box(self.tr("Alternatives"))
        self.add_field("alternatives", self.alternatives, self.tr("A&lternatives:"))
        self.benefits = _text_box(self.tr("Benefits"))
        self.add_field("benefits", self.benefits, self.tr("&Benefits:"))
        self.risks = _text_box(self.tr("Risks"))
        self.add_field("risks", self.risks, self.tr("&Risks:"))
        self.urgency = _line(self.tr("Urgency"), self.tr("e.g. start within 4 weeks"))
        self.add_field("urgency", self.urgency, self.tr("&Urgency:"))
        self.confidence = _line(
            self.tr("How sure the doctor was"), self.tr("e.g. very sure; wants one more test")
        )
        self.add_field("confidence", self.confidence, self.tr("How sure the d&octor was:"))
        self.notes = _text_box(self.tr("Notes"), height=70)
        self.add_field("notes", self.notes, self.tr("&Notes:"))

        with self.loading():
            for choice in choices.doctors:
                self.doctor.addItem(choice.label, choice.id)
            if not choices.doctors:
                self.doctor.setPlaceholderText(
                    self.tr("Add the doctor in Doctors & contacts first")
                )
            if existing is not None:
                self.set_data(opinions.to_input(existing))
        self.resize(640, 760)
        self.doctor.setFocus()

    def select_doctor(self, contact_id: int) -> None:
        index = self.doctor.findData(contact_id)
        if index >= 0:
            self.doctor.setCurrentIndex(index)

    def set_data(self, data: OpinionInput) -> None:
        self.select_doctor(data.doctor_id)
        self.given_on.setDate(QDate(data.given_on.year, data.given_on.month, data.given_on.day))
        self.diagnosis.setPlainText(data.diagnosis)
        self.stage.setText(data.stage)
        self.treatment.setPlainText(data.recommended_treatment)
        self.alternatives.setPlainText(data.alternatives)
        self.benefits.setPlainText(data.benefits)
        self.risks.setPlainText(data.risks)
        self.urgency.setText(data.urgency)
        self.confidence.setText(data.confidence)
        self.notes.setPlainText(data.notes)

    def collect(self) -> OpinionInput:
        doctor_id = self.doctor.currentData()
        if doctor_id is None:
            raise ValidationError("Choose the doctor.", field="doctor_id")
        return OpinionInput(
            doctor_id=int(doctor_id),
            given_on=from_qdate(self.given_on.date()),
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

    def submit(self, data: OpinionInput) -> Pending[int]:
        return self._submit(data)


@dataclass(frozen=True)
class DecisionInput:
    decided_on: dt.date
    decision: str
    reasons: str


class DecisionForm(FormDialog):
    """Record a decision taken and why, for the decision log; ``saved`` is then its id."""

    def __init__(
        self, submit: Callable[[DecisionInput], Pending[int]], parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("DecisionForm", "Record a decision"), parent)
        self._submit = submit
        self.saved: int | None = None
        self.setMinimumWidth(480)
        self.decided_on = date_field(
            None, self.tr("Date of the decision"), opinions.EARLIEST, opinions.LATEST
        )
        self.add_field("decided_on", self.decided_on, self.tr("D&ate:"))
        self.decision = _line(
            self.tr("Decision"), self.tr("e.g. Go ahead with surgery at City Hospital")
        )
        self.add_field("decision", self.decision, self.tr("&Decision:"))
        self.reasons = _text_box(self.tr("Why"), self.tr("What made you decide"), 90)
        self.add_field("reasons", self.reasons, self.tr("&Why:"))
        self.decision.setFocus()

    def collect(self) -> DecisionInput:
        return DecisionInput(
            from_qdate(self.decided_on.date()), self.decision.text(), self.reasons.toPlainText()
        )

    def submit(self, data: DecisionInput) -> Pending[int]:
        return self._submit(data)
