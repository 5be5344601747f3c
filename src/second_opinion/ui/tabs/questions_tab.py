"""Questions: what to ask, in the order to ask it (the order the visit packet prints).

Rows are kept in the saved order. Dragging rows, Alt+Up / Alt+Down and the move buttons all
go through ``QuestionTableModel.move_ids``, which saves the new order first and then moves
the rows with ``beginMoveRows``, so selection and scroll position survive a reorder.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QIcon, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from second_opinion.domain.enums import Priority, QuestionCategory
from second_opinion.services import labels
from second_opinion.services import questions as question_service
from second_opinion.services import starter_questions as starter_service
from second_opinion.services.errors import NotFound, ServiceError
from second_opinion.services.questions import QuestionData, QuestionRow, VisitChoice
from second_opinion.ui import icons, prompts
from second_opinion.ui.column_widths import ProportionalColumns
from second_opinion.ui.contact_form import label_of
from second_opinion.ui.context import AppContext
from second_opinion.ui.empty_state import EmptyState
from second_opinion.ui.question_form import QuestionForm, choice_label, visit_label
from second_opinion.ui.starter_questions_dialog import StarterQuestionsDialog
from second_opinion.ui.table_model import ROW_ROLE, Column, RowTableModel, SearchFilterProxy
from second_opinion.ui.tabs.base import CaseTab, Navigator

log = logging.getLogger(__name__)

MIME_TYPE = "application/x-second-opinion-question-ids"
GOOD = "#2e9d5b"
INFO = "#3d8bd9"
ALERT = "#d9534f"
COL_ORDER, COL_TEXT, COL_CATEGORY, COL_PRIORITY, COL_VISIT, COL_ASKED, COL_ANSWER = range(7)
NO_VISIT = -1  # the visit filter's "no particular visit"
AnyIndex = QModelIndex | QPersistentModelIndex


def first_line(text: str, limit: int = 200) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


class QuestionTableModel(RowTableModel[QuestionRow]):
    """The question rows in saved order, reorderable by drag and drop and by ``moveRows``.

    ``persist(ids, before_id)`` saves a move (``None`` = to the end) and says whether it
    could; only then are the rows moved on screen. Drags carry question ids only, never their text.
    """

    def __init__(
        self,
        columns: Sequence[Column[QuestionRow]],
        persist: Callable[[list[int], int | None], bool],
        can_reorder: Callable[[], bool] = lambda: True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, row_id=lambda r: r.id, search_text=self._search, parent=parent)
        self._persist = persist
        self._can_reorder = can_reorder

    @staticmethod
    def _search(row: QuestionRow) -> str:
        return f"{row.text} {row.answer} {row.visit_doctor}"

    # ---------------------------------------------------------------- drag and drop
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self.row_at(r).id for r in rows]
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode()))
        return mime

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            ids = [int(i) for i in json.loads(bytes(data.data(MIME_TYPE).data()).decode())]
        except (ValueError, TypeError):
            return False
        if row < 0:
            # Dropped onto a row rather than between rows: put the questions before it.
            row = parent.row() if parent.isValid() else self.rowCount()
        return self.move_ids(ids, row)

    def moveRows(
        self,
        source_parent: AnyIndex,
        source_row: int,
        count: int,
        destination_parent: AnyIndex,
        destination_child: int,
    ) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > self.rowCount():
            return False
        ids = [self.row_at(r).id for r in range(source_row, source_row + count)]
        return self.move_ids(ids, destination_child)

    # ---------------------------------------------------------------- the one way to move
    def move_ids(self, ids: Sequence[int], dest_row: int) -> bool:
        """Move the questions ``ids`` to just before the row now at ``dest_row``."""
        if not ids or not self._can_reorder():
            return False
        moving = [r.id for r in self._rows if r.id in set(ids)]
        if not moving:
            return False
        dest_row = max(0, min(dest_row, len(self._rows)))
        while dest_row < len(self._rows) and self._rows[dest_row].id in set(moving):
            dest_row += 1
        before_id = self._rows[dest_row].id if dest_row < len(self._rows) else None
        current = [r.id for r in self._rows]
        rest = [i for i in current if i not in set(moving)]
        at = rest.index(before_id) if before_id is not None else len(rest)
        target = rest[:at] + moving + rest[at:]
        if target == current:
            return False
        if not self._persist(list(moving), before_id):
            return False
        self._apply_order(target)
        return True

    def _apply_order(self, target: list[int]) -> None:
        root = QModelIndex()
        for final, row_id in enumerate(target):
            now = next(i for i in range(final, len(self._rows)) if self._rows[i].id == row_id)
            if now != final:
                # Rows before ``final`` are already in place, so each step is one clean move.
                self.beginMoveRows(root, now, now, root, final)
                self._rows.insert(final, self._rows.pop(now))
                self._search_cache.clear()
                self.endMoveRows()
        changed = [i for i, row in enumerate(self._rows) if row.position != i]
        for i in changed:
            self._rows[i] = dataclasses.replace(self._rows[i], position=i)
        if changed:
            self.dataChanged.emit(
                self.index(min(changed), 0),
                self.index(max(changed), self.columnCount() - 1),
            )


class QuestionsTab(CaseTab):
    key = "questions"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        self._visits: list[VisitChoice] = []
        self._saving = False
        self.form: QuestionForm | None = None
        self.starter_dialog: StarterQuestionsDialog | None = None

        self.model = QuestionTableModel(
            self._columns(), self._persist_move, self._in_saved_order, self
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
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(lambda: self.open_new())

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.category_filter, 1)
        bar.addWidget(self.visit_filter, 1)
        bar.addWidget(self.unanswered)
        bar.addWidget(self.starter_button)
        bar.addWidget(self.add_button)

        # ---- second row: what to do with the selected question
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
        actions = QHBoxLayout()
        for button in (
            self.up_button,
            self.down_button,
            self.edit_button,
            self.answer_button,
            self.asked_button,
            self.delete_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.carry_button)

        # ---- table
        self.table = QTableView(self)
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

        ctx.sig_data_changed.connect(self._on_data_changed)
        self._fill_visit_filter()
        self._update_buttons()

    # ---------------------------------------------------------------- columns
    def _icon(self, name: str, color: str | None = None) -> QIcon:
        color = color or self.palette().color(QPalette.ColorRole.WindowText).name()
        return icons.icon(name, color)

    def _columns(self) -> list[Column[QuestionRow]]:
        priority_icons = {
            Priority.TOP: ("fa5s.angle-double-up", ALERT),
            Priority.NORMAL: ("fa5s.minus", None),
            Priority.LOW: ("fa5s.angle-down", None),
        }
        return [
            Column(
                self.tr("#"),
                lambda r: str(r.position + 1),
                sort_key=lambda r: r.position,
                align_right=True,
            ),
            Column(
                self.tr("Question"),
                lambda r: first_line(r.text),
                sort_key=lambda r: r.text.casefold(),
                tooltip=lambda r: r.text[:2000],
            ),
            Column(
                self.tr("Category"),
                lambda r: label_of(labels.QUESTION_CATEGORY, r.category),
                sort_key=lambda r: (list(QuestionCategory).index(r.category), r.position),
            ),
            Column(
                self.tr("Priority"),
                lambda r: label_of(labels.PRIORITY, r.priority),
                sort_key=lambda r: (int(r.priority), r.position),
                icon=lambda r: self._icon(*priority_icons[r.priority]),
            ),
            Column(
                self.tr("For visit"),
                lambda r: (
                    visit_label(r.visit_doctor, r.visit_starts_at, r.visit_status)
                    if r.visit_id
                    else ""
                ),
                sort_key=lambda r: (r.visit_starts_at is None, r.visit_starts_at, r.position),
            ),
            Column(
                self.tr("Asked"),
                self._asked_text,
                sort_key=lambda r: (r.answered, r.asked, r.position),
                icon=self._asked_icon,
            ),
            Column(
                self.tr("Answer"),
                lambda r: first_line(r.answer),
                tooltip=lambda r: r.answer[:2000],
            ),
        ]

    def _asked_text(self, row: QuestionRow) -> str:
        if row.answered:
            return self.tr("Answered")
        return self.tr("Asked, no answer") if row.asked else self.tr("Not asked")

    def _asked_icon(self, row: QuestionRow) -> QIcon:
        if row.answered:
            return self._icon("fa5s.check-circle", GOOD)
        return self._icon("fa5s.comment-slash" if row.asked else "fa5.circle", INFO)

    # ---------------------------------------------------------------- CaseTab
    def title(self) -> str:
        return self.tr("Questions")

    def reload(self) -> None:
        selected = self.selected_ids()
        with self.ctx.session() as session:
            rows = question_service.list_questions(session, self.ctx.person_id)
            self._visits = question_service.list_visit_choices(session, self.ctx.person_id)
        self.model.set_rows(rows)
        self._fill_visit_filter()
        self._show_page()
        if selected:
            self.select(selected)
        log.debug("questions tab loaded %d rows", len(rows))

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
        for button in (self.up_button, self.down_button, self.asked_button, self.delete_button):
            button.setEnabled(bool(rows))
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

    # ---------------------------------------------------------------- order
    def _in_saved_order(self) -> bool:
        """A drop only means something when the rows show in the saved order."""
        if self.model.sort_state() == (COL_ORDER, Qt.SortOrder.AscendingOrder):
            return True
        self.ctx.sig_status.emit(self.tr("Sort by # to change the order of the questions"))
        return False

    def _ensure_saved_order(self) -> bool:
        """Reordering only makes sense in the saved order: switch back to it if sorted else."""
        if self.model.sort_state() != (COL_ORDER, Qt.SortOrder.AscendingOrder):
            self.table.sortByColumn(COL_ORDER, Qt.SortOrder.AscendingOrder)
            self.ctx.sig_status.emit(self.tr("Sorted by # again, so the new order shows"))
        return True

    def _persist_move(self, ids: list[int], before_id: int | None) -> bool:
        try:
            with self.ctx.session() as session:
                question_service.move_before(session, self.ctx.person_id, ids, before_id)
        except ServiceError:
            # The list changed underneath (another tab deleted a question): show the truth.
            # Reload later, not inside the model call that a drop is still running.
            QTimer.singleShot(0, self.reload)
            return False
        return True

    def _move(self, step: int) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        self._ensure_saved_order()
        proxy_rows = sorted(
            self.proxy.mapFromSource(self.model.index(self.model.position_of(r.id) or 0, 0)).row()
            for r in rows
        )
        if step < 0:
            neighbour = proxy_rows[0] - 1
            if neighbour < 0:
                return
            dest = self.proxy.mapToSource(self.proxy.index(neighbour, 0)).row()
        else:
            neighbour = proxy_rows[-1] + 1
            if neighbour >= self.proxy.rowCount():
                return
            dest = self.proxy.mapToSource(self.proxy.index(neighbour, 0)).row() + 1
        ids = [r.id for r in rows]
        if self.model.move_ids(ids, dest):
            self.select(ids)
            self._notify()

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    # ---------------------------------------------------------------- add / edit / answer
    def open_new(
        self, category: QuestionCategory | None = None, visit_id: int | None = None
    ) -> QuestionForm:
        if category is None:
            category = self.category_filter.currentData()
        if visit_id is None and isinstance(self.visit_filter.currentData(), int):
            visit_id = self.visit_filter.currentData()
            visit_id = None if visit_id == NO_VISIT else visit_id
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

        def save(data: QuestionData) -> QuestionRow:
            with self.ctx.session() as session:
                if existing is None:
                    return question_service.create_question(session, self.ctx.person_id, data)
                return question_service.update_question(session, existing.id, data)

        form = QuestionForm(save, self._visits, existing, category, visit_id, focus_answer, self)
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
        self._notify()
        self.ctx.sig_status.emit(self.tr("Question saved"))

    def toggle_asked(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        asked = not all(r.asked for r in rows)
        with self.ctx.session() as session:
            updated = [question_service.mark_asked(session, r.id, asked) for r in rows]
        for row in updated:
            self.model.upsert(row)
        self._update_buttons()
        self._notify()

    # ---------------------------------------------------------------- delete
    def delete_current(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if len(rows) == 1:
            text = self.tr("Delete the question “{0}”?").format(first_line(rows[0].text, 120))
        else:
            text = self.tr("Delete these {0} questions?").format(len(rows))
        if not prompts.ask_confirm(self, self.tr("Delete question"), text, self.tr("Delete")):
            return
        first_proxy_row = min(
            self.proxy.mapFromSource(self.model.index(self.model.position_of(r.id) or 0, 0)).row()
            for r in rows
        )
        with self.ctx.session() as session:
            for row in rows:
                with contextlib.suppress(NotFound):
                    question_service.delete_question(session, row.id)
            fresh = question_service.list_questions(session, self.ctx.person_id)
        for row in rows:
            self.model.remove(row.id)
        # Positions closed up behind the deleted rows; refresh the rows whose number changed.
        for row in fresh:
            position = self.model.position_of(row.id)
            if position is not None and self.model.row_at(position).position != row.position:
                self.model.upsert(row)
        self._show_page()
        if self.proxy.rowCount():
            index = self.proxy.index(min(first_proxy_row, self.proxy.rowCount() - 1), 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._notify()

    # ---------------------------------------------------------------- starters
    def open_starters(self, category: QuestionCategory | None = None) -> StarterQuestionsDialog:
        if self.starter_dialog is not None and self.starter_dialog.isVisible():
            self.starter_dialog.raise_()
            return self.starter_dialog
        with self.ctx.session() as session:
            added = starter_service.added_keys(session, self.ctx.person_id)

        def add_one(key: str) -> bool:
            with self.ctx.session() as session:
                done = starter_service.add_starter(session, self.ctx.person_id, key)
            self._after_starters()
            return done

        def add_category(cat: QuestionCategory) -> int:
            with self.ctx.session() as session:
                count = starter_service.add_category(session, self.ctx.person_id, cat)
            self._after_starters()
            return count

        dialog = StarterQuestionsDialog(added, add_one, add_category, category, self)
        dialog.finished.connect(lambda _r: self._forget_starters(dialog))
        self.starter_dialog = dialog
        dialog.open()
        return dialog

    def _forget_starters(self, dialog: StarterQuestionsDialog) -> None:
        if self.starter_dialog is dialog:
            self.starter_dialog = None
        dialog.deleteLater()

    def _after_starters(self) -> None:
        with self.ctx.session() as session:
            rows = question_service.list_questions(session, self.ctx.person_id)
        known = {r.id for r in self.model.rows()}
        for row in rows:
            if row.id not in known:
                self.model.upsert(row)
        self._show_page()
        self._notify()

    # ---------------------------------------------------------------- after a visit
    def carry_unanswered(self) -> None:
        visit_id = self.visit_filter.currentData()
        if not isinstance(visit_id, int) or visit_id == NO_VISIT:
            return
        title = self.tr("Carry unanswered questions")
        try:
            with self.ctx.session() as session:
                target, moved = question_service.carry_unanswered(session, visit_id)
        except ServiceError:
            self.reload()
            return
        if target is None:
            prompts.show_info(
                self,
                title,
                self.tr(
                    "There is no later planned visit to carry them to. Plan the next visit in "
                    "the Visits tab first."
                ),
            )
            return
        self.reload()
        choice = next((c for c in self._visits if c.id == target), None)
        where = choice_label(choice) if choice else ""
        if moved == 0:
            text = self.tr("Every question of this visit has an answer; nothing to carry.")
        elif moved == 1:
            text = self.tr("Moved 1 unanswered question to the visit: {0}.").format(where)
        else:
            text = self.tr("Moved {0} unanswered questions to the visit: {1}.").format(moved, where)
        prompts.show_info(self, title, text)
        if moved:
            self._notify()

    # ---------------------------------------------------------------- change notices
    def _notify(self) -> None:
        self._saving = True
        try:
            self.ctx.notify_changed("questions")
        finally:
            self._saving = False

    def _on_data_changed(self, area: str) -> None:
        if area in ("questions", "visits", "contacts") and not self._saving:
            self.reload()
