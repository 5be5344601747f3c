"""The Opinions tab: each opinion received, two or three side by side, and the decisions taken.

Where the diagnosis or the recommended treatment differ, a banner says so in plain words and
offers the guide's step on what to do after the second opinion (including a third one). The
lists and the comparison's verdict come from the case layer (``case.opinions``) and
``services.opinions`` through the operations runner; the comparison pane lives in
``ui.opinions.comparison``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from second_opinion.case import opinions as case_opinions
from second_opinion.case.changes import Area, Changes
from second_opinion.case.opinions import OpinionFormChoices, OpinionsBoard
from second_opinion.domain.enums import Verdict
from second_opinion.services import opinions
from second_opinion.services.errors import NotFound, ServiceError
from second_opinion.services.opinions import Comparison, DecisionRow, OpinionInput, OpinionRow
from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import format_date
from second_opinion.ui.empty_state import EmptyState
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.focus_frame import mark_primary
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.icons import icon
from second_opinion.ui.opinion_form import DecisionForm, DecisionInput, OpinionForm
from second_opinion.ui.opinions.comparison import ComparisonPane
from second_opinion.ui.opinions.decision_log import DecisionLog, one_line
from second_opinion.ui.ops import Pending, service_error_text
from second_opinion.ui.search_proxy import SearchFilterProxy, show_row
from second_opinion.ui.table_model import Column, RowTableModel
from second_opinion.ui.tabs.base import CaseTab, Navigator

#: what the screen shows: doctors' names come from contacts
SHOWN_AREAS = (Area.OPINIONS, Area.CONTACTS, Area.PEOPLE)


class OpinionsTab(CaseTab):
    key = "opinions"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        self.form: FormDialog | None = None
        self._select_after_load: list[int] | None = None
        self._decision_after_load: int | None = None
        self._verdicts: dict[tuple[int, int, str], Verdict] = {}
        self._build()
        ctx.sig_changed.connect(self._on_changed)

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
        self.add_button = QPushButton(icon("fa5s.plus"), self.tr("Add opinion…"), self)
        self.add_button.setAccessibleName(self.tr("Add opinion"))
        mark_primary(self.add_button)
        self.add_button.clicked.connect(self.new_item)
        toolbar.addWidget(self.add_button)
        layout.addLayout(toolbar)

        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        empty_add = QPushButton(icon("fa5s.plus"), self.tr("Add the first opinion…"))
        empty_add.setAccessibleName(self.tr("Add the first opinion"))
        empty_add.clicked.connect(self.new_item)
        self.empty_state = EmptyState(
            icon("fa5s.balance-scale"),
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
        self.comparison_pane = ComparisonPane(splitter)
        self.comparison_pane.sig_third_opinion.connect(self.open_third_opinion_step)
        self.comparison_pane.sig_verdict.connect(self.mark_verdict)
        self.comparison_model = self.comparison_pane.model
        self.banner_word = self.comparison_pane.banner_word
        self.banner_text = self.comparison_pane.banner_text
        self.third_opinion_button = self.comparison_pane.third_opinion_button
        self.comparison_empty = self.comparison_pane.empty
        splitter.addWidget(self.comparison_pane)
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
        # Tab leaves the list (the arrows move in it) instead of walking its cells.
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Opinions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # ResizeToContents over thousands of rows measures a sample, not every row.
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._refresh_comparison)
        # Enter or a double click, whichever the platform uses to "open" an item.
        self.table.activated.connect(lambda _index: self.edit_current())
        self.list_stack.addWidget(self.table)
        # The list keeps its header and about three opinions in view; the decision log
        # below gives way first on a short window.
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        layout.addWidget(self.list_stack, 2)

        self.select_hint = QLabel(
            self.tr("Select two or three opinions (Ctrl+click) to compare them side by side."),
            left,
        )
        self.select_hint.setWordWrap(True)
        layout.addWidget(self.select_hint)

        buttons = FlowLayout()  # a long translation wraps rather than squeezing a button
        self.edit_button = QPushButton(icon("fa5s.edit"), self.tr("Edit…"), left)
        self.edit_button.setAccessibleName(self.tr("Edit opinion"))
        self.edit_button.clicked.connect(self.edit_current)
        buttons.addWidget(self.edit_button)
        self.delete_button = QPushButton(icon("fa5s.trash-alt"), self.tr("Delete…"), left)
        self.delete_button.setAccessibleName(self.tr("Delete opinion"))
        self.delete_button.clicked.connect(self.delete_current)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.activated.connect(self.delete_current)

        decisions = DecisionLog(left)
        self.decision_model = decisions.model
        self.decision_proxy = decisions.proxy
        self.decision_table = decisions.table
        self.decide_button = decisions.decide_button
        self.decide_button.clicked.connect(self.record_decision)
        self.delete_decision_button = decisions.delete_button
        self.delete_decision_button.clicked.connect(self.delete_decision)
        layout.addWidget(decisions, 1)
        return left

    # ------------------------------------------------------------------ CaseTab
    def title(self) -> str:
        return self.tr("Opinions")

    def reload(self, select: list[int] | None = None) -> None:
        if select is not None:
            self._select_after_load = select
        self.ctx.ops.query(case_opinions.opinions_board, owner=self).success(self._show_board).run()

    def _show_board(self, board: OpinionsBoard) -> None:
        selected = self._select_after_load or self.selected_ids()
        self._select_after_load = None
        self._verdicts = board.verdicts
        self.model.set_rows(board.opinions)
        self.decision_model.set_rows(board.decisions)
        pending, self._decision_after_load = self._decision_after_load, None
        if pending is not None:
            self._select_decision(pending)
        self.list_stack.setCurrentIndex(1 if board.opinions else 0)
        self.pages.setCurrentIndex(1 if board.opinions or board.decisions else 0)
        self.select_ids([i for i in selected if self.model.position_of(i) is not None])
        self._refresh_comparison()

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return  # this tab reloads after its own changes itself
        if changes.touches(*SHOWN_AREAS):
            self.reload_after(changes)

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        if action == "new":
            self.new_item()
        elif action == "decide":
            self.record_decision()
        elif action == "open":
            opinion_id = kwargs.get("opinion_id")
            if isinstance(opinion_id, int):
                if self.model.position_of(opinion_id) is None:
                    self._select_after_load = [opinion_id]
                self.select_ids([opinion_id])
        elif action == "open_decision":
            decision_id = kwargs.get("decision_id")
            if isinstance(decision_id, int) and not self._select_decision(decision_id):
                self._decision_after_load = decision_id

    def _select_decision(self, decision_id: int) -> bool:
        position = self.decision_model.position_of(decision_id)
        if position is None:
            return False
        index = self.decision_proxy.mapFromSource(self.decision_model.index(position, 0))
        if index.isValid():
            show_row(self.decision_table, index)
        return index.isValid()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        self._open_opinion_form(None)

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
        comparison = opinions.compare_chosen(self.model.rows(), selected, self._verdicts)
        self.comparison_pane.show_comparison(comparison, count)

    def comparison(self) -> Comparison | None:
        return self.comparison_model.comparison()

    def mark_verdict(self, field: str, verdict: Verdict | None) -> None:
        """The person judges a row of the comparison the same or different; kept."""
        comparison = self.comparison()
        if comparison is None:
            return
        ids = [o.id for o in comparison.opinions]
        self.ctx.ops.change(
            lambda case: case_opinions.set_verdict(case, ids, field, verdict),
            owner=self,
            title=self.tr("Compare opinions"),
        ).success(lambda _none: self.reload()).failure(self._refused).run()

    def open_third_opinion_step(self) -> None:
        self.navigator.navigate("guide.step", step="after")

    # ------------------------------------------------------------------ forms
    def _form_open(self) -> bool:
        if self.form is not None and self.form.isVisible():
            # Never throw away what is being typed: bring the open form forward instead.
            self.form.raise_()
            self.form.activateWindow()
            return True
        return False

    def _show(self, form: FormDialog) -> None:
        form.accepted.connect(lambda: self._after_save(form))
        form.finished.connect(lambda _result: self._forget_form(form))
        self.form = form
        form.open()

    def _forget_form(self, form: FormDialog) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def _after_save(self, form: FormDialog) -> None:
        select = [form.saved] if isinstance(form, OpinionForm) and form.saved else None
        self.reload(select=select)
        self.ctx.sig_status.emit(self.tr("Saved."))

    def _open_opinion_form(self, opinion_id: int | None) -> None:
        if self._form_open():
            return
        self.ctx.ops.query(
            lambda case: case_opinions.form_choices(case, opinion_id),
            owner=self,
            title=self.tr("Opinion"),
        ).success(self._show_opinion_form).failure(self._refused).run()

    def _show_opinion_form(self, choices: OpinionFormChoices) -> None:
        if self._form_open():
            return
        opinion_id = choices.existing.id if choices.existing is not None else None

        def submit(data: OpinionInput) -> Pending[int]:
            return self.ctx.ops.change(
                lambda case: case_opinions.save_opinion(case, data, opinion_id),
                owner=self,
                title=self.tr("Save opinion"),
            )

        self._show(OpinionForm(submit, choices, self))

    def edit_current(self) -> None:
        selected = self.selected_ids()
        if len(selected) == 1:
            self._open_opinion_form(selected[0])

    def record_decision(self) -> None:
        if self._form_open():
            return

        def submit(data: DecisionInput) -> Pending[int]:
            return self.ctx.ops.change(
                lambda case: case_opinions.add_decision(
                    case, data.decided_on, data.decision, data.reasons
                ),
                owner=self,
                title=self.tr("Record a decision"),
            )

        self._show(DecisionForm(submit, self))

    # ------------------------------------------------------------------ deleting
    def delete_current(self) -> None:
        selected = self.selected_ids()
        if len(selected) != 1:
            return
        position = self.model.position_of(selected[0])
        if position is None:
            return
        row = self.model.row_at(position)
        title = self.tr("Delete opinion")
        text = self.tr("Delete the opinion of {doctor} from {date}?").format(
            doctor=row.doctor_name, date=format_date(row.given_on)
        )
        if not prompts.ask_confirm(self, title, text, self.tr("Delete")):
            return
        self.ctx.ops.change(
            lambda case: case_opinions.delete_opinion(case, row.id), owner=self, title=title
        ).success(lambda _none: self.reload()).failure(self._refused).run()

    def delete_decision(self) -> None:
        index = self.decision_table.selectionModel().currentIndex()
        if not index.isValid():
            index = self.decision_proxy.index(0, 0)
        if not index.isValid():
            return
        row: DecisionRow = self.decision_model.row_at(self.decision_proxy.mapToSource(index).row())
        title = self.tr("Delete decision")
        text = self.tr("Delete the decision “{decision}” from {date}?").format(
            decision=one_line(row.decision)[:80], date=format_date(row.decided_on)
        )
        if not prompts.ask_confirm(self, title, text, self.tr("Delete")):
            return
        self.ctx.ops.change(
            lambda case: case_opinions.delete_decision(case, row.id), owner=self, title=title
        ).success(lambda _none: self.reload()).failure(self._refused).run()

    def _refused(self, exc: ServiceError) -> None:
        """Gone meanwhile: show the lists as they are now; anything else, say why."""
        if not isinstance(exc, NotFound):
            prompts.show_error(self, self.tr("Opinions"), service_error_text(exc))
        self.reload()

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
