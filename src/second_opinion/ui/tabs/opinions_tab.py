"""The Opinions tab: each opinion received, two or three side by side, and the decisions taken.

Where the diagnosis or the recommended treatment differ, a banner says so in plain words and
offers the guide's step on what to do after the second opinion (including a third one).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from second_opinion.services import opinions
from second_opinion.services.errors import ServiceError
from second_opinion.services.opinions import Comparison, DecisionRow, OpinionRow
from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import format_date
from second_opinion.ui.empty_state import EmptyState
from second_opinion.ui.icons import icon
from second_opinion.ui.opinion_form import DecisionForm, OpinionForm
from second_opinion.ui.table_model import Column, RowTableModel, SearchFilterProxy
from second_opinion.ui.tabs.base import CaseTab, Navigator

log = logging.getLogger(__name__)

DIFFERS = "#e0a800"
AGREES = "#2e9d5b"
#: Longer cell text is cut in the grid (the full text is in the tooltip and the form).
CELL_LIMIT = 600

AnyIndex = QModelIndex | QPersistentModelIndex


_icon = icon


def one_line(text: str) -> str:
    return " ".join(text.split())


class ComparisonModel(QAbstractTableModel):
    """A read-only grid over a ``Comparison``: one row per aspect, one column per opinion."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self.endResetModel()

    def comparison(self) -> Comparison | None:
        return self._comparison

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._comparison.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._comparison.opinions)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        comparison = self._comparison
        if comparison is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(comparison.opinions):
                return None
            opinion = comparison.opinions[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{opinion.doctor_name}\n{format_date(opinion.given_on)}"
            return None
        if not 0 <= section < len(comparison.rows):
            return None
        row = comparison.rows[section]
        label = QCoreApplication.translate("opinions", row.label)
        if role == Qt.ItemDataRole.DisplayRole:
            if row.flagged:
                return QCoreApplication.translate("opinions", "{label}\n(differs)").format(
                    label=label
                )
            return label
        if role == Qt.ItemDataRole.DecorationRole and row.flagged:
            return _icon("fa5s.exclamation-triangle", DIFFERS)
        if role == Qt.ItemDataRole.FontRole and row.flagged:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        comparison = self._comparison
        if comparison is None or not index.isValid():
            return None
        if not (0 <= index.row() < len(comparison.rows)):
            return None
        row = comparison.rows[index.row()]
        if not (0 <= index.column() < len(row.values)):
            return None
        value = row.values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if not value.strip():
                return QCoreApplication.translate("opinions", "(not recorded)")
            return value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return value or None
        if role == Qt.ItemDataRole.FontRole:
            if not value.strip():
                font = QFont()
                font.setItalic(True)
                return font
            if row.flagged:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class OpinionsTab(CaseTab):
    key = "opinions"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        self.form: OpinionForm | DecisionForm | None = None
        self._build()
        ctx.sig_data_changed.connect(self._on_data_changed)
        # Data loads in reload(), which the main window calls once the tab is built.

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        toolbar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search opinions…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search opinions"))
        self.search.textChanged.connect(self._on_search)
        toolbar.addWidget(self.search, 1)
        toolbar.addStretch(1)
        self.add_button = QPushButton(_icon("fa5s.plus"), self.tr("Add opinion…"), self)
        self.add_button.setAccessibleName(self.tr("Add opinion"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.new_item)
        toolbar.addWidget(self.add_button)
        layout.addLayout(toolbar)

        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        empty_add = QPushButton(_icon("fa5s.plus"), self.tr("Add the first opinion…"))
        empty_add.setAccessibleName(self.tr("Add the first opinion"))
        empty_add.clicked.connect(self.new_item)
        self.empty_state = EmptyState(
            _icon("fa5s.balance-scale"),
            self.tr(
                "No opinions yet. After each visit, write down what the doctor said; with two "
                "or more, this tab shows them side by side and says where they differ."
            ),
            [empty_add],
            self.pages,
        )
        self.pages.addWidget(self.empty_state)
        splitter = QSplitter(Qt.Orientation.Horizontal, self.pages)
        self.pages.addWidget(splitter)
        splitter.addWidget(self._build_left(splitter))
        splitter.addWidget(self._build_comparison(splitter))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([500, 760])

    def _build_left(self, parent: QWidget) -> QWidget:
        left = QWidget(parent)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)

        self.model: RowTableModel[OpinionRow] = RowTableModel(
            [
                Column(self.tr("Doctor"), lambda o: o.doctor_name),
                Column(
                    self.tr("Date"),
                    lambda o: format_date(o.given_on),
                    sort_key=lambda o: (o.given_on, o.id),
                ),
                Column(
                    self.tr("Diagnosis"),
                    lambda o: one_line(o.diagnosis)[:200],
                    tooltip=lambda o: o.diagnosis,
                ),
                Column(
                    self.tr("Treatment"),
                    lambda o: one_line(o.recommended_treatment)[:200],
                    tooltip=lambda o: o.recommended_treatment,
                ),
            ],
            row_id=lambda o: o.id,
            search_text=lambda o: " ".join(
                (o.doctor_name, o.diagnosis, o.stage, o.recommended_treatment, o.notes)
            ),
            parent=self,
        )
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.list_stack = QStackedWidget(left)
        empty = QLabel(
            self.tr(
                "No opinions yet. After each visit, write down what the doctor said: "
                "the diagnosis, the treatment they recommend, and why."
            ),
            self.list_stack,
        )
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_stack.addWidget(empty)
        self.table = QTableView(self.list_stack)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Opinions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._refresh_comparison)
        # Enter or a double click, whichever the platform uses to "open" an item.
        self.table.activated.connect(lambda _index: self.edit_current())
        self.list_stack.addWidget(self.table)
        layout.addWidget(self.list_stack, 2)

        self.select_hint = QLabel(
            self.tr("Select two or three opinions (Ctrl+click) to compare them side by side."),
            left,
        )
        self.select_hint.setWordWrap(True)
        layout.addWidget(self.select_hint)

        buttons = QHBoxLayout()
        self.edit_button = QPushButton(_icon("fa5s.edit"), self.tr("Edit…"), left)
        self.edit_button.setAccessibleName(self.tr("Edit opinion"))
        self.edit_button.clicked.connect(self.edit_current)
        buttons.addWidget(self.edit_button)
        self.delete_button = QPushButton(_icon("fa5s.trash-alt"), self.tr("Delete…"), left)
        self.delete_button.setAccessibleName(self.tr("Delete opinion"))
        self.delete_button.clicked.connect(self.delete_current)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.activated.connect(self.delete_current)

        decisions = QGroupBox(self.tr("Decision log"), left)
        decisions_layout = QVBoxLayout(decisions)
        self.decision_model: RowTableModel[DecisionRow] = RowTableModel(
            [
                Column(
                    self.tr("Date"),
                    lambda d: format_date(d.decided_on),
                    sort_key=lambda d: (d.decided_on, d.id),
                ),
                Column(
                    self.tr("Decision"),
                    lambda d: one_line(d.decision)[:200],
                    tooltip=lambda d: d.decision,
                ),
                Column(
                    self.tr("Why"), lambda d: one_line(d.reasons)[:300], tooltip=lambda d: d.reasons
                ),
            ],
            row_id=lambda d: d.id,
            parent=self,
        )
        self.decision_proxy = SearchFilterProxy(self)
        self.decision_proxy.setSourceModel(self.decision_model)
        self.decision_table = QTableView(decisions)
        self.decision_table.setModel(self.decision_proxy)
        self.decision_table.setAccessibleName(self.tr("Decision log"))
        self.decision_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.decision_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.decision_table.setSortingEnabled(True)
        self.decision_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.decision_table.verticalHeader().hide()
        dheader = self.decision_table.horizontalHeader()
        dheader.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        dheader.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        dheader.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        decisions_layout.addWidget(self.decision_table)
        decision_buttons = QHBoxLayout()
        self.decide_button = QPushButton(
            _icon("fa5s.gavel"), self.tr("Record a decision…"), decisions
        )
        self.decide_button.setAccessibleName(self.tr("Record a decision"))
        self.decide_button.clicked.connect(self.record_decision)
        decision_buttons.addWidget(self.decide_button)
        self.delete_decision_button = QPushButton(
            _icon("fa5s.trash-alt"), self.tr("Delete…"), decisions
        )
        self.delete_decision_button.setAccessibleName(self.tr("Delete decision"))
        self.delete_decision_button.clicked.connect(self.delete_decision)
        decision_buttons.addWidget(self.delete_decision_button)
        decision_buttons.addStretch(1)
        decisions_layout.addLayout(decision_buttons)
        layout.addWidget(decisions, 1)
        return left

    def _build_comparison(self, parent: QWidget) -> QWidget:
        right = QWidget(parent)
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Side by side"), right)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        layout.addWidget(heading)

        self.banner = QFrame(right)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner_layout = QHBoxLayout(self.banner)
        self.banner_icon = QLabel(self.banner)
        self.banner_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        banner_layout.addWidget(self.banner_icon)
        banner_text = QVBoxLayout()
        self.banner_word = QLabel(self.banner)
        word_font = QFont(self.banner_word.font())
        word_font.setBold(True)
        self.banner_word.setFont(word_font)
        banner_text.addWidget(self.banner_word)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_text.setAccessibleName(self.tr("Comparison summary"))
        banner_text.addWidget(self.banner_text)
        self.third_opinion_button = QPushButton(
            _icon("fa5s.map-signs"), self.tr("What to do when opinions differ…"), self.banner
        )
        self.third_opinion_button.setAccessibleName(
            self.tr("Open the guide step on differing opinions and a third opinion")
        )
        self.third_opinion_button.clicked.connect(self.open_third_opinion_step)
        row = QHBoxLayout()
        row.addWidget(self.third_opinion_button)
        row.addStretch(1)
        banner_text.addLayout(row)
        banner_layout.addLayout(banner_text, 1)
        layout.addWidget(self.banner)

        self.comparison_model = ComparisonModel(self)
        self.comparison_view = QTableView(right)
        self.comparison_view.setModel(self.comparison_model)
        self.comparison_view.setAccessibleName(self.tr("Opinions side by side"))
        self.comparison_view.setWordWrap(True)
        self.comparison_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.comparison_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.comparison_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.comparison_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.comparison_view.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        )
        self.comparison_empty = QLabel(right)
        self.comparison_empty.setWordWrap(True)
        self.comparison_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.comparison_stack = QStackedWidget(right)
        self.comparison_stack.addWidget(self.comparison_empty)
        self.comparison_stack.addWidget(self.comparison_view)
        layout.addWidget(self.comparison_stack, 1)
        return right

    # ------------------------------------------------------------------ CaseTab
    def title(self) -> str:
        return self.tr("Opinions")

    def reload(self) -> None:
        selected = self.selected_ids()
        try:
            with self.ctx.session() as session:
                rows = opinions.list_opinions(session, self.ctx.person_id)
                decisions = opinions.list_decisions(session, self.ctx.person_id)
        except (ServiceError, SQLAlchemyError):
            log.exception("could not load opinions for person %s", self.ctx.person_id)
            rows, decisions = [], []
        self.model.set_rows(rows)
        self.decision_model.set_rows(decisions)
        self.list_stack.setCurrentIndex(1 if rows else 0)
        self.pages.setCurrentIndex(1 if rows or decisions else 0)
        self.select_ids([i for i in selected if self.model.position_of(i) is not None])
        self._refresh_comparison()

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        if action == "new":
            self.new_item()
        elif action == "decide":
            self.record_decision()
        elif action == "open":
            opinion_id = kwargs.get("opinion_id")
            if isinstance(opinion_id, int):
                self.select_ids([opinion_id])

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        self._open(OpinionForm(self.ctx, None, parent=self))

    # ------------------------------------------------------------------ selection
    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        ids = []
        for index in sorted(rows, key=lambda i: i.row()):
            source = self.proxy.mapToSource(index)
            ids.append(self.model.row_at(source.row()).id)
        return ids

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for opinion_id in ids:
            position = self.model.position_of(opinion_id)
            if position is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(position, 0))
            if index.isValid():
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def compared_ids(self) -> list[int]:
        """What the grid shows: the 2-3 selected, else the (up to 3) most recent opinions."""
        selected = self.selected_ids()
        if 2 <= len(selected) <= opinions.MAX_COMPARED:
            return selected
        latest = sorted(self.model.rows(), key=lambda o: (o.given_on, o.id))
        return [o.id for o in latest[-opinions.MAX_COMPARED :]]

    # ------------------------------------------------------------------ comparing
    def _refresh_comparison(self, *_args: object) -> None:
        selected = self.selected_ids()
        self.edit_button.setEnabled(len(selected) == 1)
        self.delete_button.setEnabled(len(selected) == 1)
        self.delete_decision_button.setEnabled(self.decision_model.rowCount() > 0)
        count = self.model.rowCount()
        if len(selected) > opinions.MAX_COMPARED:
            self.select_hint.setText(
                self.tr("At most three opinions fit side by side; showing the three latest.")
            )
        elif count >= 2 and len(selected) < 2:
            self.select_hint.setText(
                self.tr(
                    "Showing the latest opinions side by side. Select two or three "
                    "(Ctrl+click) to choose others."
                )
            )
        else:
            self.select_hint.setText(
                self.tr("Select two or three opinions (Ctrl+click) to compare them.")
            )
        ids = self.compared_ids()
        comparison: Comparison | None = None
        if len(ids) >= 2:
            try:
                with self.ctx.session() as session:
                    comparison = opinions.compare(session, ids)
            except (ServiceError, SQLAlchemyError):
                log.exception("comparing %d opinions failed", len(ids))
        self.comparison_model.set_comparison(comparison)
        if comparison is None:
            self.banner.hide()
            self.comparison_empty.setText(
                self.tr("Add a second opinion to see both side by side.")
                if count == 1
                else self.tr("Opinions you add will show here side by side.")
            )
            self.comparison_stack.setCurrentIndex(0)
            return
        self.comparison_stack.setCurrentIndex(1)
        self.banner.show()
        if comparison.differs:
            self.banner_icon.setPixmap(_icon("fa5s.exclamation-triangle", DIFFERS).pixmap(24, 24))
            self.banner_word.setText(self.tr("The opinions differ"))
        else:
            self.banner_icon.setPixmap(_icon("fa5s.check-circle", AGREES).pixmap(24, 24))
            self.banner_word.setText(self.tr("No difference found"))
        self.banner_text.setText(QCoreApplication.translate("opinions", comparison.summary))
        self.third_opinion_button.setVisible(comparison.differs)
        self.comparison_view.resizeRowsToContents()

    def comparison(self) -> Comparison | None:
        return self.comparison_model.comparison()

    def open_third_opinion_step(self) -> None:
        self.navigator.navigate("guide.step", step="after")

    # ------------------------------------------------------------------ actions
    def _open(self, form: OpinionForm | DecisionForm) -> None:
        if self.form is not None:
            self.form.close()
            self.form.deleteLater()
        self.form = form
        form.sig_saved.connect(self._after_save)
        form.setModal(True)
        form.open()

    def _after_save(self, _saved_id: int) -> None:
        self.reload()
        self.ctx.sig_status.emit(self.tr("Saved."))

    def edit_current(self) -> None:
        selected = self.selected_ids()
        if len(selected) == 1:
            self._open(OpinionForm(self.ctx, selected[0], parent=self))

    def delete_current(self) -> None:
        selected = self.selected_ids()
        if len(selected) != 1:
            return
        position = self.model.position_of(selected[0])
        if position is None:
            return
        row = self.model.row_at(position)
        text = self.tr("Delete the opinion of {doctor} from {date}?").format(
            doctor=row.doctor_name, date=format_date(row.given_on)
        )
        if not prompts.ask_confirm(self, self.tr("Delete opinion"), text, self.tr("Delete")):
            return
        try:
            with self.ctx.session() as session:
                opinions.delete_opinion(session, row.id)
        except (ServiceError, SQLAlchemyError):
            log.exception("could not delete opinion %s", row.id)
            prompts.show_error(
                self, self.tr("Delete opinion"), self.tr("The opinion could not be deleted.")
            )
            return
        self.ctx.notify_changed("opinions")
        self.reload()

    def record_decision(self) -> None:
        self._open(DecisionForm(self.ctx, parent=self))

    def delete_decision(self) -> None:
        index = self.decision_table.selectionModel().currentIndex()
        if not index.isValid():
            index = self.decision_proxy.index(0, 0)
        if not index.isValid():
            return
        row = self.decision_model.row_at(self.decision_proxy.mapToSource(index).row())
        text = self.tr("Delete the decision “{decision}” from {date}?").format(
            decision=one_line(row.decision)[:80], date=format_date(row.decided_on)
        )
        if not prompts.ask_confirm(self, self.tr("Delete decision"), text, self.tr("Delete")):
            return
        try:
            with self.ctx.session() as session:
                opinions.delete_decision(session, row.id)
        except (ServiceError, SQLAlchemyError):
            log.exception("could not delete decision %s", row.id)
            return
        self.ctx.notify_changed("opinions")
        self.reload()

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)

    def _on_data_changed(self, area: str) -> None:
        # Doctor names shown here change with contacts.
        if area in ("opinions", "contacts", "people"):
            self.reload()
