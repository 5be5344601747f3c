"""The form to add or change a question, and to write down the answer after a visit.

Fields, problems, Save and Cancel behave as every form's do (``form_base``). It is opened with
``open()``, never ``exec()``, so tests fill it in and call ``accept()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPlainTextEdit, QWidget

from second_opinion.domain.enums import Priority, QuestionCategory
from second_opinion.services import labels
from second_opinion.services import questions as question_service
from second_opinion.services.questions import QuestionData, QuestionRow, VisitChoice
from second_opinion.ui.contact_form import label_of
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.questions.labels import choice_label

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending


class QuestionForm(FormDialog):
    """Add or edit one question; ``focus_answer`` opens it ready to type what was said.

    ``submit`` turns the typed ``QuestionData`` into the operation that stores it.
    """

    def __init__(
        self,
        submit: Callable[[QuestionData], Pending[QuestionRow]],
        visits: Sequence[VisitChoice] = (),
        existing: QuestionRow | None = None,
        category: QuestionCategory | None = None,
        visit_id: int | None = None,
        focus_answer: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        if focus_answer:
            title = QCoreApplication.translate("QuestionForm", "Record the answer")
        elif existing is not None:
            title = QCoreApplication.translate("QuestionForm", "Edit question")
        else:
            title = QCoreApplication.translate("QuestionForm", "Add a question")
        super().__init__(title, parent)
        self._submit = submit
        self.existing = existing
        self.saved: QuestionRow | None = None

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
        self.answer.textChanged.connect(self._show_asked)

        if focus_answer and existing is not None:
            # Answering after the visit: the question is what matters, editing it is not.
            heading = QLabel(existing.text)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            heading.setWordWrap(True)
            heading.setAccessibleName(self.tr("The question"))
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.header.addWidget(heading)
            self.text.setMaximumHeight(60)

        self.add_field(
            "text",
            self.text,
            self.tr("&Question:"),
            lambda: question_service.check_text(self.text.toPlainText()),
        )
        self.add_field("category", self.category, self.tr("&Category:"))
        self.add_field("priority", self.priority, self.tr("&Priority:"))
        self.add_field("visit_id", self.visit, self.tr("For &visit:"))
        self.add_field("asked", self.asked, "")
        self.add_field(
            "answer",
            self.answer,
            self.tr("&Answer:"),
            lambda: question_service.check_answer(self.answer.toPlainText()),
        )

        with self.loading():
            if existing is not None:
                self.set_data(existing.to_data())
            else:
                self.set_data(
                    QuestionData(
                        text="",
                        category=category or QuestionCategory.DIAGNOSIS,
                        visit_id=visit_id,
                    )
                )
        self.resize(560, 520)
        if focus_answer:
            self.answer.setFocus()
        else:
            self.text.setFocus()

    def _show_asked(self) -> None:
        # The rule (an answer means it was asked) is the service's; show its verdict at once.
        if question_service.answered_means_asked(self.answer.toPlainText(), False):
            self.asked.setChecked(True)

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

    # ---------------------------------------------------------------- saving
    def collect(self) -> QuestionData:
        # Checked here as well as by the save, so a blank question is pointed out at once.
        return question_service.validate(self.data())

    def submit(self, data: QuestionData) -> Pending[QuestionRow]:
        return self._submit(data)
