"""What the Questions screen does with the questions chosen: mark asked, delete, add
starters, and carry a visit's unanswered questions to the next visit.

A mixin of ``QuestionsTab``: it uses the tab's model, proxy, table and selection. Every
change runs through the operations runner and the case layer (``case.questions``); the
screen shows the result when it comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QTableView, QToolButton, QWidget

from second_opinion.case import questions as case_questions
from second_opinion.case.questions import Carried
from second_opinion.domain.enums import QuestionCategory
from second_opinion.services.questions import QuestionRow, VisitChoice
from second_opinion.services.starter_questions import ConditionGroup
from second_opinion.ui import prompts
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.questions.labels import choice_label, first_line
from second_opinion.ui.questions.model import QuestionTableModel
from second_opinion.ui.search_proxy import SearchFilterProxy
from second_opinion.ui.starter_questions_dialog import StarterQuestionsDialog

if TYPE_CHECKING:
    from second_opinion.ui.context import AppContext
    from second_opinion.ui.ops import Pending

NO_VISIT = -1  # the visit filter's "no particular visit"

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object  # a mixin: the tab brings the widget


class QuestionActions(_Base):
    """The actions on chosen questions; see the module's docstring."""

    ctx: AppContext
    model: QuestionTableModel
    proxy: SearchFilterProxy
    table: QTableView
    visit_filter: QComboBox
    starter_dialog: StarterQuestionsDialog | None
    _visits: list[VisitChoice]

    if TYPE_CHECKING:  # provided by the tab and its other parts

        def selected_rows(self) -> list[QuestionRow]: ...
        def reload(self) -> None: ...
        def _show_page(self) -> None: ...
        def _update_buttons(self, *_args: object) -> None: ...
        def _icon(self, name: str, color: str | None = None) -> QIcon: ...
        def move_up(self) -> None: ...
        def move_down(self) -> None: ...
        def edit_current(self) -> object: ...
        def answer_current(self) -> object: ...

    # ---------------------------------------------------------------- the action row
    def _action_row(self) -> FlowLayout:
        """The second row of the screen: what to do with the chosen questions."""

        def tool(icon: str, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
            button = QToolButton(self)
            button.setIcon(self._icon(icon))
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(lambda _c=False: slot())
            return button

        self.up_button = tool(
            "fa5s.arrow-up", self.tr("Move up"), self.tr("Ask earlier (Alt+Up)"), self.move_up
        )
        self.down_button = tool(
            "fa5s.arrow-down",
            self.tr("Move down"),
            self.tr("Ask later (Alt+Down)"),
            self.move_down,
        )
        self.answer_button = tool(
            "fa5s.comment-dots",
            self.tr("Record answer…"),
            self.tr("After the visit: mark it asked and write down the answer"),
            self.answer_current,
        )
        self.asked_button = tool(
            "fa5s.check",
            self.tr("Mark asked"),
            self.tr("Mark the question asked, or not asked"),
            self.toggle_asked,
        )
        self.edit_button = tool(
            "fa5s.pen", self.tr("Edit"), self.tr("Edit (Enter)"), self.edit_current
        )
        self.delete_button = tool(
            "fa5s.trash-alt", self.tr("Delete"), self.tr("Delete (Del)"), self.delete_current
        )
        self.carry_button = tool(
            "fa5s.share",
            self.tr("Carry unanswered to next visit"),
            self.tr(
                "Move the questions of the chosen visit that got no answer "
                "to the next planned visit"
            ),
            self.carry_unanswered,
        )
        actions = FlowLayout()  # wraps onto a second line rather than squeezing a button
        for button in (
            self.up_button,
            self.down_button,
            self.edit_button,
            self.answer_button,
            self.asked_button,
            self.delete_button,
        ):
            actions.addWidget(button)
        actions.add_stretch()
        actions.addWidget(self.carry_button)
        return actions

    # ---------------------------------------------------------------- asked
    def toggle_asked(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        asked = not all(r.asked for r in rows)
        ids = [r.id for r in rows]
        self.ctx.ops.change(
            lambda case: case_questions.set_asked(case, ids, asked),
            owner=self,
            title=self.tr("Mark asked"),
        ).success(self._show_rows).failure(lambda _exc: self.reload()).run()

    def _show_rows(self, rows: list[QuestionRow]) -> None:
        for row in rows:
            self.model.upsert(row)
        self._update_buttons()

    # ---------------------------------------------------------------- delete
    def delete_current(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if len(rows) == 1:
            text = self.tr("Delete the question “{0}”?").format(first_line(rows[0].text, 120))
        else:
            text = self.tr("Delete these {0} questions?").format(len(rows))
        title = self.tr("Delete question")
        if not prompts.ask_confirm(self, title, text, self.tr("Delete")):
            return
        first_proxy_row = min(self._proxy_row(r.id) for r in rows)
        ids = [r.id for r in rows]
        self.ctx.ops.change(
            lambda case: case_questions.delete_questions(case, ids), owner=self, title=title
        ).success(lambda fresh: self._show_deleted(ids, fresh, first_proxy_row)).run()

    def _proxy_row(self, question_id: int) -> int:
        position = self.model.position_of(question_id)
        if position is None:
            return 0
        return self.proxy.mapFromSource(self.model.index(position, 0)).row()

    def _show_deleted(self, ids: list[int], fresh: list[QuestionRow], first_row: int) -> None:
        for question_id in ids:
            self.model.remove(question_id)
        # Positions closed up behind the deleted rows; refresh the rows whose number changed.
        for row in fresh:
            position = self.model.position_of(row.id)
            if position is not None and self.model.row_at(position).position != row.position:
                self.model.upsert(row)
        self._show_page()
        if self.proxy.rowCount():
            index = self.proxy.index(min(max(first_row, 0), self.proxy.rowCount() - 1), 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.ctx.sig_status.emit(self.tr("Question deleted"))

    # ---------------------------------------------------------------- starters
    def open_starters(self, category: QuestionCategory | None = None) -> StarterQuestionsDialog:
        if self.starter_dialog is not None and self.starter_dialog.isVisible():
            self.starter_dialog.raise_()
            return self.starter_dialog
        title = self.tr("Starter questions")
        # Stored as text in the language the person reads the app in.
        language = QLocale().name()

        def add_one(key: str) -> Pending[list[QuestionRow]]:
            return self.ctx.ops.change(
                lambda case: case_questions.add_starter(case, key, language),
                owner=self,
                title=title,
            ).success(self._show_added)

        def add_category(
            cat: QuestionCategory, condition: ConditionGroup | None
        ) -> Pending[list[QuestionRow]]:
            return self.ctx.ops.change(
                lambda case: case_questions.add_starter_category(case, cat, condition, language),
                owner=self,
                title=title,
            ).success(self._show_added)

        dialog = StarterQuestionsDialog(add_one, add_category, category, self)
        dialog.finished.connect(lambda _r: self._forget_starters(dialog))
        self.starter_dialog = dialog
        dialog.open()
        self.ctx.ops.query(case_questions.starter_keys, owner=dialog, title=title).success(
            dialog.set_added
        ).run()
        return dialog

    def _forget_starters(self, dialog: StarterQuestionsDialog) -> None:
        if self.starter_dialog is dialog:
            self.starter_dialog = None
        dialog.deleteLater()

    def _show_added(self, rows: list[QuestionRow]) -> None:
        for row in rows:
            self.model.upsert(row)
        self._show_page()

    # ---------------------------------------------------------------- after a visit
    def carry_unanswered(self) -> None:
        visit_id = self.visit_filter.currentData()
        if not isinstance(visit_id, int) or visit_id == NO_VISIT:
            return
        self.ctx.ops.change(
            lambda case: case_questions.carry_unanswered(case, visit_id),
            owner=self,
            title=self.tr("Carry unanswered questions"),
        ).success(self._show_carried).failure(lambda _exc: self.reload()).run()

    def _show_carried(self, carried: Carried) -> None:
        title = self.tr("Carry unanswered questions")
        if carried.to_visit_id is None:
            prompts.show_info(
                self,
                title,
                self.tr(
                    "There is no later planned visit to carry them to. Plan the next visit in "
                    "the Visits tab first."
                ),
            )
            return
        if carried.moved:
            self.reload()
        choice = next((c for c in self._visits if c.id == carried.to_visit_id), None)
        where = choice_label(choice) if choice else ""
        if carried.moved == 0:
            text = self.tr("Every question of this visit has an answer; nothing to carry.")
        elif carried.moved == 1:
            text = self.tr("Moved 1 unanswered question to the visit: {0}.").format(where)
        else:
            text = self.tr("Moved {0} unanswered questions to the visit: {1}.").format(
                carried.moved, where
            )
        prompts.show_info(self, title, text)
