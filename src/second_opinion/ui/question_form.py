"""The form to add or change a question, and to write down the answer after a visit.

Like the contact form it saves through a callback when accepted, keeps what was typed when
the service refuses, and is opened with ``open()`` so tests can fill it and call ``accept()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from second_opinion.domain.enums import Priority, QuestionCategory, VisitStatus
from second_opinion.services import labels
from second_opinion.services import questions as question_service
from second_opinion.services.errors import ServiceError
from second_opinion.services.questions import QuestionData, QuestionRow, VisitChoice
from second_opinion.ui.contact_form import label_of
from second_opinion.ui.dates import format_date
from second_opinion.ui.dialog_buttons import save_cancel_buttons


def format_when(moment: dt.datetime | None) -> str:
    """A visit's date in the user's locale and local time, e.g. "12 June 2026"."""
    if moment is None:
        return ""
    return format_date(moment.astimezone().date())  # the computer's own time zone


def visit_label(doctor: str, starts_at: dt.datetime | None, status: VisitStatus | None) -> str:
    text = f"{doctor} — {format_when(starts_at)}" if starts_at else doctor
    if status is not None and status != VisitStatus.PLANNED:
        text += f" ({label_of(labels.VISIT_STATUS, status)})"
    return text


def choice_label(choice: VisitChoice) -> str:
    return visit_label(choice.doctor, choice.starts_at, choice.status)


# TRANSITION: the old per-form error lines, until this form moves to form_base.FormDialog.
PROBLEM_COLOR = "#c9302c"


class FieldErrors:
    """A message under each field of a QFormLayout, shown only while the field has a problem."""

    def __init__(self, form: QFormLayout) -> None:
        self._form = form
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}

    def add(self, field: str, widget: QWidget, caption: str) -> None:
        """Add ``widget`` as a row of the form with an (empty) error line beneath it."""
        self._form.addRow(caption, widget)
        error = QLabel()
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setWordWrap(True)
        error.setObjectName(f"error_{field}")
        error.setAccessibleName(
            QCoreApplication.translate("forms", "Problem with {field}").format(
                field=caption.replace("&", "").rstrip(":")
            )
        )
        palette = error.palette()
        palette.setColor(QPalette.ColorRole.WindowText, PROBLEM_COLOR)
        error.setPalette(palette)
        error.hide()
        self._form.addRow("", error)
        self._labels[field] = error
        self._widgets[field] = widget

    def show(self, field: str | None, message: str) -> bool:
        """Show ``message`` under ``field``; False when the form has no such field."""
        if field is None or field not in self._labels:
            return False
        label = self._labels[field]
        label.setText("⚠ " + message)
        label.show()
        widget = self._widgets[field]
        widget.setAccessibleDescription(message)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def clear(self, field: str | None = None) -> None:
        for name, label in self._labels.items():
            if field is None or name == field:
                label.clear()
                label.hide()
                self._widgets[name].setAccessibleDescription("")

    def message(self, field: str) -> str:
        label = self._labels.get(field)
        if label is None or label.isHidden():
            return ""
        return label.text().removeprefix("⚠ ")


class QuestionForm(QDialog):
    """Add or edit one question; ``focus_answer`` opens it ready to type what was said."""

    def __init__(
        self,
        save: Callable[[QuestionData], QuestionRow],
        visits: Sequence[VisitChoice] = (),
        existing: QuestionRow | None = None,
        category: QuestionCategory | None = None,
        visit_id: int | None = None,
        focus_answer: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.existing = existing
        self.saved: QuestionRow | None = None
        if focus_answer:
            self.setWindowTitle(self.tr("Record the answer"))
        else:
            self.setWindowTitle(self.tr("Edit question") if existing else self.tr("Add a question"))
        self.setAccessibleName(self.windowTitle())
        self.setSizeGripEnabled(True)

        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Question"))
        self.text.setPlaceholderText(self.tr("What do you want to ask?"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(110)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        for cat in QuestionCategory:
            self.category.addItem(label_of(labels.QUESTION_CATEGORY, cat), cat)
        self.priority = QComboBox()
        self.priority.setAccessibleName(self.tr("Priority"))
        for prio in Priority:
            self.priority.addItem(label_of(labels.PRIORITY, prio), prio)
        self.priority.setCurrentIndex(self.priority.findData(Priority.NORMAL))
        self.visit = QComboBox()
        self.visit.setAccessibleName(self.tr("For which visit"))
        self.visit.addItem(self.tr("No particular visit"), None)
        for choice in visits:
            self.visit.addItem(choice_label(choice), choice.id)
        self.asked = QCheckBox(self.tr("I asked this question"))
        self.asked.setAccessibleName(self.tr("Asked"))
        self.answer = QPlainTextEdit()
        self.answer.setAccessibleName(self.tr("Answer"))
        self.answer.setPlaceholderText(self.tr("What the doctor said, in your own words"))
        self.answer.setTabChangesFocus(True)
        # Writing down an answer means the question was asked.
        self.answer.textChanged.connect(
            lambda: self.asked.setChecked(True) if self.answer.toPlainText().strip() else None
        )

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add("text", self.text, self.tr("&Question:"))
        self.errors.add("category", self.category, self.tr("&Category:"))
        self.errors.add("priority", self.priority, self.tr("&Priority:"))
        self.errors.add("visit_id", self.visit, self.tr("For &visit:"))
        self.errors.add("asked", self.asked, "")
        self.errors.add("answer", self.answer, self.tr("&Answer:"))

        self.buttons = save_cancel_buttons(self)

        layout = QVBoxLayout(self)
        if focus_answer and existing is not None:
            # Answering after the visit: the question is what matters, editing it is not.
            heading = QLabel(existing.text)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            heading.setWordWrap(True)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            layout.addWidget(heading)
            self.text.setMaximumHeight(60)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        if existing is not None:
            self.set_data(existing.to_data())
        else:
            if category is not None:
                self.category.setCurrentIndex(self.category.findData(category))
            if visit_id is not None:
                self.visit.setCurrentIndex(max(0, self.visit.findData(visit_id)))
        self.text.textChanged.connect(lambda: self.errors.clear("text"))
        self.resize(560, 480)
        if focus_answer:
            self.answer.setFocus()
        else:
            self.text.setFocus()

    def data(self) -> QuestionData:
        return QuestionData(
            text=self.text.toPlainText(),
            category=self.category.currentData(),
            priority=self.priority.currentData(),
            visit_id=self.visit.currentData(),
            asked=self.asked.isChecked(),
            answer=self.answer.toPlainText(),
        )

    def set_data(self, data: QuestionData) -> None:
        self.text.setPlainText(data.text)
        self.category.setCurrentIndex(self.category.findData(data.category))
        self.priority.setCurrentIndex(self.priority.findData(data.priority))
        index = self.visit.findData(data.visit_id) if data.visit_id is not None else 0
        self.visit.setCurrentIndex(max(0, index))
        self.answer.setPlainText(data.answer)
        self.asked.setChecked(data.asked)

    def accept(self) -> None:
        self.errors.clear()
        data = self.data()
        try:
            question_service.validate(data)
            self.saved = self._save(data)
        except ServiceError as exc:
            message = QCoreApplication.translate("service", exc.message)
            if not self.errors.show(exc.field, message):
                self.errors.show("text", message)
            return
        super().accept()
