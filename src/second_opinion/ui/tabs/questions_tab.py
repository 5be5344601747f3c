"""Questions: what to ask, in the order to ask it (the order the visit packet prints).

Rows are kept in the saved order. Dragging rows, Alt+Up / Alt+Down and the move buttons all
go through ``QuestionTableModel.move_ids``: the rows move at once, the move is saved through
the operations runner, and if saving fails the rows go back where they were. Everything shown
comes from the case layer (``case.questions``); the actions on chosen questions live in
``ui.questions.actions``.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import questions as case_questions
from second_opinion.case.changes import Area, Changes
from second_opinion.case.questions import QuestionsBoard
from second_opinion.domain.enums import QuestionCategory
from second_opinion.services import labels
from second_opinion.services.questions import QuestionData, QuestionRow, VisitChoice
from second_opinion.ui import icons
from second_opinion.ui.column_widths import ProportionalColumns
from second_opinion.ui.contact_form import label_of
from second_opinion.ui.context import AppContext
from second_opinion.ui.empty_state import EmptyState
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.focus_frame import mark_primary
from second_opinion.ui.ops import Pending
from second_opinion.ui.question_form import QuestionForm
from second_opinion.ui.questions.actions import NO_VISIT, QuestionActions
from second_opinion.ui.questions.labels import choice_label
from second_opinion.ui.questions.model import (
    COL_ASKED,
    COL_ORDER,
    COL_TEXT,
    QuestionTableModel,
    question_columns,
)
from second_opinion.ui.questions.reorder import QuestionReorder
from second_opinion.ui.search_proxy import SearchFilterProxy
from second_opinion.ui.starter_questions_dialog import StarterQuestionsDialog
from second_opinion.ui.table_model import ROW_ROLE
from second_opinion.ui.tabs.base import CaseTab, Navigator

log = logging.getLogger(__name__)

__all__ = ["COL_ASKED", "COL_ORDER", "COL_TEXT", "QuestionsTab"]


class QuestionsTab(QuestionReorder, QuestionActions, CaseTab):
    key = "questions"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        self._visits: list[VisitChoice] = []
        self._default_visit_id: int | None = None
        self._select_after_load: list[int] | None = None
        self.form: QuestionForm | None = None
        self.starter_dialog: StarterQuestionsDialog | None = None

        self.model = QuestionTableModel(
            question_columns(self._cell_icon), self._persist_move, self._in_saved_order, self
        )
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        # ---- toolbar: find and filter, then the primary action
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search questions and answers…"))
        self.search.setAccessibleName(self.tr("Search questions"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)

        self.category_filter = QComboBox(self)
        self.category_filter.setAccessibleName(self.tr("Show questions of this category"))
        self.category_filter.addItem(self.tr("All categories"), None)
        for cat in QuestionCategory:
            self.category_filter.addItem(label_of(labels.QUESTION_CATEGORY, cat), cat)
        self.category_filter.currentIndexChanged.connect(self._apply_filters)

        self.visit_filter = QComboBox(self)
        self.visit_filter.setAccessibleName(self.tr("Show questions for this visit"))
        self.visit_filter.setMinimumContentsLength(18)
        self.visit_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.visit_filter.currentIndexChanged.connect(self._apply_filters)

        self.unanswered = QCheckBox(self.tr("Not yet answered"), self)
        self.unanswered.setAccessibleName(self.tr("Show only questions not yet answered"))
        self.unanswered.toggled.connect(self._apply_filters)

        self.starter_button = QPushButton(
            self._icon("fa5s.lightbulb"), self.tr("Starter questions…"), self
        )
        self.starter_button.setAccessibleName(self.tr("Starter questions"))
        self.starter_button.clicked.connect(lambda: self.open_starters())
        self.add_button = QPushButton(self._icon("fa5s.plus"), self.tr("Add question"), self)
        self.add_button.setAccessibleName(self.tr("Add question"))
        mark_primary(self.add_button)
        self.add_button.clicked.connect(lambda: self.open_new())

        # One line when it fits; otherwise the row wraps, and the search field takes the
        # room its line has left.
        bar = FlowLayout()
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 20)
        bar.addWidget(self.search)
        bar.addWidget(self.category_filter)
        bar.addWidget(self.visit_filter)
        bar.addWidget(self.unanswered)
        bar.addWidget(self.starter_button)
        bar.addWidget(self.add_button)

        actions = self._action_row()

        # ---- table
        self.table = QTableView(self)
        # Tab leaves the list (the arrows move in it) instead of walking its cells.
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Questions"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_ORDER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # #, question, category, priority, visit, asked, answer
        self.columns = ProportionalColumns(
            self.table, (4, 31, 13, 8, 18, 13, 13), (40, 160, 110, 85, 140, 140, 80)
        )
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Return), self.edit_current),
            (QKeySequence(Qt.Key.Key_Enter), self.edit_current),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_current),
            (QKeySequence("Alt+Up"), self.move_up),
            (QKeySequence("Alt+Down"), self.move_down),
        ):
            shortcut = QShortcut(keys, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self.no_match = QLabel(self.tr("No question matches this search or filter."), self)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.hide()
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_no_match)
            signal.connect(self._update_buttons)  # what is at the top and bottom changes
        self.proxy.rowsMoved.connect(self._update_buttons)

        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(bar)
        list_layout.addLayout(actions)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.no_match)

        # ---- designed empty state
        self.empty_starters = QPushButton(
            self._icon("fa5s.lightbulb"), self.tr("Choose starter questions…")
        )
        self.empty_starters.setAccessibleName(self.tr("Choose starter questions"))
        self.empty_starters.clicked.connect(lambda: self.open_starters())
        self.empty_add = QPushButton(self.tr("Write my own question"))
        self.empty_add.setAccessibleName(self.tr("Write my own question"))
        self.empty_add.clicked.connect(lambda: self.open_new())
        empty_page = EmptyState(
            self._icon("fa5s.question-circle"),
            self.tr(
                "No questions yet. Write down what you want to ask, or start from questions "
                "other patients found worth asking."
            ),
            [self.empty_starters, self.empty_add],
            self,
        )
        self.empty_text = empty_page.text

        self.pages = QStackedWidget(self)
        self.pages.addWidget(empty_page)
        self.pages.addWidget(list_page)
        self.empty_page, self.list_page = empty_page, list_page
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        # Keyboard order follows the screen: the filter row, the action row, then the table.
        chain = [
            self.search,
            self.category_filter,
            self.visit_filter,
            self.unanswered,
            self.starter_button,
            self.add_button,
            self.up_button,
            self.down_button,
            self.edit_button,
            self.answer_button,
            self.asked_button,
            self.delete_button,
            self.carry_button,
            self.table,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        ctx.sig_changed.connect(self._on_changed)
        self._fill_visit_filter()
        self._update_buttons()

    def _icon(self, name: str, color: str | None = None) -> QIcon:
        # Plain icons take the palette's text color, so they stay visible in dark mode.
        color = color or self.palette().color(QPalette.ColorRole.WindowText).name()
        return icons.icon(name, color)

    def _cell_icon(self, name: str, color: str | None = None) -> QIcon:
        color = color or self.palette().color(QPalette.ColorRole.WindowText).name()
        return icons.cell_icon(name, color)

    # ---------------------------------------------------------------- CaseTab
    def title(self) -> str:
        return self.tr("Questions")

    def reload(self) -> None:
        self.ctx.ops.query(case_questions.questions_board, owner=self).success(
            self._show_board
        ).run()

    def _show_board(self, board: QuestionsBoard) -> None:
        selected = self._select_after_load or self.selected_ids()
        self._select_after_load = None
        self._visits = board.visits
        self._default_visit_id = board.default_visit_id
        self.model.set_rows(board.rows)
        self._fill_visit_filter()
        self._show_page()
        if selected:
            self.select(selected)
        log.debug("questions tab loaded %d rows", len(board.rows))

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return  # this tab already shows its own change
        # Visit and doctor names show beside the questions.
        if changes.touches(Area.QUESTIONS, Area.VISITS, Area.CONTACTS, Area.PEOPLE):
            self.reload_after(changes)

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        if action == "new":
            category = kwargs.get("category")
            self.open_new(QuestionCategory(category) if category else None, kwargs.get("visit_id"))
        elif action == "starters":
            category = kwargs.get("category")
            self.open_starters(QuestionCategory(category) if category else None)
        elif action == "visit":
            # Show the questions prepared for one visit (from the Visits tab).
            visit_id = kwargs.get("visit_id")
            index = self.visit_filter.findData(visit_id)
            if index >= 0:
                self.visit_filter.setCurrentIndex(index)
        elif action == "open":
            question_id = kwargs.get("question_id")
            if isinstance(question_id, int):
                self._clear_filters()
                if self.select([question_id]):
                    self.edit_current()

        elif action == "select":  # the finder: show the row, open nothing
            question_id = kwargs.get("question_id")
            if isinstance(question_id, int):
                self._clear_filters()
                if not self.select([question_id]):
                    self._select_after_load = [question_id]

    def focus_search(self) -> None:
        if self.pages.currentWidget() is self.list_page:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()

    def new_item(self) -> None:
        self.open_new()

    # ---------------------------------------------------------------- selection
    def selected_rows(self) -> list[QuestionRow]:
        indexes = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ROW_ROLE) for i in indexes]

    def selected_ids(self) -> list[int]:
        return [r.id for r in self.selected_rows()]

    def current_row(self) -> QuestionRow | None:
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isSelected(index):
            row = index.data(ROW_ROLE)
            return row if isinstance(row, QuestionRow) else None
        rows = self.selected_rows()
        return rows[0] if rows else None

    def select(self, ids: Sequence[int]) -> bool:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = None
        for question_id in ids:
            position = self.model.position_of(question_id)
            if position is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(position, 0))
            if not index.isValid():
                continue
            selection.select(
                index,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
            first = first or index
        if first is None:
            return False
        selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.scrollTo(first)
        return True

    def _update_buttons(self, *_args: object) -> None:
        rows = self.selected_rows()
        one = len(rows) == 1
        for button in (self.edit_button, self.answer_button):
            button.setEnabled(one)
        for button in (self.asked_button, self.delete_button):
            button.setEnabled(bool(rows))
        up, down = self.movable()
        self.up_button.setEnabled(up)
        self.down_button.setEnabled(down)
        self.asked_button.setText(
            self.tr("Mark not asked")
            if rows and all(r.asked for r in rows)
            else self.tr("Mark asked")
        )
        self.carry_button.setEnabled(
            isinstance(self.visit_filter.currentData(), int)
            and self.visit_filter.currentData() != NO_VISIT
        )

    def _show_page(self) -> None:
        self.pages.setCurrentWidget(
            self.empty_page if self.model.rowCount() == 0 else self.list_page
        )
        self._update_no_match()
        self._update_buttons()

    def _update_no_match(self, *_args: object) -> None:
        visit = self.visit_filter.currentData()
        if isinstance(visit, int) and visit != NO_VISIT:
            self.no_match.setText(
                self.tr(
                    "No questions for this visit yet. Use “Add question”, or edit a question "
                    "and choose this visit."
                )
            )
        else:
            self.no_match.setText(self.tr("No question matches this search or filter."))
        self.no_match.setVisible(self.model.rowCount() > 0 and self.proxy.rowCount() == 0)

    # ---------------------------------------------------------------- filters
    def _fill_visit_filter(self) -> None:
        current = self.visit_filter.currentData()
        self.visit_filter.blockSignals(True)
        self.visit_filter.clear()
        self.visit_filter.addItem(self.tr("All visits"), None)
        self.visit_filter.addItem(self.tr("No particular visit"), NO_VISIT)
        for choice in self._visits:
            self.visit_filter.addItem(choice_label(choice), choice.id)
        self.visit_filter.setCurrentIndex(max(0, self.visit_filter.findData(current)))
        self.visit_filter.blockSignals(False)
        self._apply_filters()

    def _apply_filters(self, *_args: object) -> None:
        category = self.category_filter.currentData()
        self.proxy.set_predicate(
            "category", (lambda r: r.category == category) if category else None
        )
        visit = self.visit_filter.currentData()
        if visit is None:
            self.proxy.set_predicate("visit", None)
        elif visit == NO_VISIT:
            self.proxy.set_predicate("visit", lambda r: r.visit_id is None)
        else:
            self.proxy.set_predicate("visit", lambda r: r.visit_id == visit)
        self.proxy.set_predicate(
            "unanswered", (lambda r: not r.answered) if self.unanswered.isChecked() else None
        )
        self._update_no_match()
        self._update_buttons()

    def _clear_filters(self) -> None:
        self.search.clear()
        self.category_filter.setCurrentIndex(0)
        self.visit_filter.setCurrentIndex(0)
        self.unanswered.setChecked(False)

    # ---------------------------------------------------------------- add / edit / answer
    def open_new(
        self, category: QuestionCategory | None = None, visit_id: int | None = None
    ) -> QuestionForm:
        if category is None:
            category = self.category_filter.currentData()
        shown_visit = self.visit_filter.currentData()
        if visit_id is None and isinstance(shown_visit, int):
            visit_id = None if shown_visit == NO_VISIT else shown_visit
        elif visit_id is None:
            visit_id = self._default_visit_id  # the next planned visit, as the case says
        return self._open_form(None, category=category, visit_id=visit_id)

    def edit_current(self) -> QuestionForm | None:
        row = self.current_row()
        return self._open_form(row) if row else None

    def answer_current(self) -> QuestionForm | None:
        row = self.current_row()
        return self._open_form(row, focus_answer=True) if row else None

    def _open_form(
        self,
        existing: QuestionRow | None,
        category: QuestionCategory | None = None,
        visit_id: int | None = None,
        focus_answer: bool = False,
    ) -> QuestionForm:
        if self.form is not None and self.form.isVisible():
            self.form.raise_()
            self.form.activateWindow()
            return self.form

        question_id = existing.id if existing is not None else None

        def submit(data: QuestionData) -> Pending[QuestionRow]:
            return self.ctx.ops.change(
                lambda case: case_questions.save_question(case, data, question_id),
                owner=self,
                title=self.tr("Save question"),
            )

        form = QuestionForm(submit, self._visits, existing, category, visit_id, focus_answer, self)
        form.accepted.connect(lambda: self._after_save(form))
        form.finished.connect(lambda _r: self._forget_form(form))
        self.form = form
        form.open()
        return form

    def _forget_form(self, form: QuestionForm) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def _after_save(self, form: QuestionForm) -> None:
        if form.saved is None:
            return
        self.model.upsert(form.saved)
        self._show_page()
        if not self.select([form.saved.id]):
            self._clear_filters()
            self.select([form.saved.id])
        self.ctx.sig_status.emit(self.tr("Question saved"))
