"""The Visits tab: what is next, whether it is ready, and the visits already behind.

The list puts the next planned visit first with a countdown, then the other planned visits,
then the past ones. The pane on the right (``ui.visits.detail``) shows the chosen visit with
its readiness checklist, where every cross opens the place in the app where it gets fixed.
Everything shown is the case layer's ``VisitsBoard``, read through the operations runner.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
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

from second_opinion.case import questions as case_questions
from second_opinion.case import visits as case_visits
from second_opinion.case.changes import Area, Changes
from second_opinion.case.visits import VisitFormChoices, VisitListRow, VisitsBoard
from second_opinion.services.errors import NotFound, ServiceError
from second_opinion.services.visits import SaveResult, VisitInput, VisitRow, VisitTiming
from second_opinion.ui import palette, prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.doctor_needs_form import open_doctor_needs
from second_opinion.ui.empty_state import EmptyState
from second_opinion.ui.focus_frame import mark_primary
from second_opinion.ui.icons import icon
from second_opinion.ui.ops import Pending, run_in_steps, service_error_text
from second_opinion.ui.search_proxy import SearchFilterProxy, show_row
from second_opinion.ui.table_model import Column, RowTableModel
from second_opinion.ui.tabs.base import CaseTab, Navigator
from second_opinion.ui.visit_form import VisitForm
from second_opinion.ui.visits import texts
from second_opinion.ui.visits.detail import VisitDetail

log = logging.getLogger(__name__)

#: "Where": the one column that may be long; it stretches and elides.
PLACE_COLUMN = 3
#: what a screen showing visits (and their readiness) reloads on
SHOWN_AREAS = (
    Area.VISITS,
    Area.RECORDS,
    Area.QUESTIONS,
    Area.CONTACTS,
    Area.PEOPLE,
    Area.INSURANCE,  # a plan that needs a referral or prior authorization changes readiness
)


class VisitsTab(CaseTab):
    key = "visits"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        #: the clock; tests replace it to make "next" and countdowns deterministic
        self.now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
        self.form: VisitForm | None = None
        self._board = VisitsBoard([])
        self._last_title = ""
        self._columns_resized_by_user = False
        self._fitting_columns = False
        self._select_after_load: int | None = None
        self._build()
        ctx.sig_changed.connect(self._on_changed)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)

        self.banner = QFrame(self)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner_layout = QHBoxLayout(self.banner)
        banner_icon = QLabel(self.banner)
        banner_icon.setPixmap(
            icon("fa5s.calendar-check", color=palette.accent(palette.INFO)).pixmap(24, 24)
        )
        banner_layout.addWidget(banner_icon)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_text.setWordWrap(True)
        self.banner_text.setAccessibleName(self.tr("Next visit"))
        font = QFont(self.banner_text.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.banner_text.setFont(font)
        banner_layout.addWidget(self.banner_text, 1)
        layout.addWidget(self.banner)

        toolbar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search visits…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search visits"))
        self.search.textChanged.connect(self.proxy_search)
        toolbar.addWidget(self.search, 1)
        self.show_past = QCheckBox(self.tr("Show past visits"), self)
        self.show_past.setChecked(True)
        self.show_past.setAccessibleName(self.tr("Show past visits"))
        self.show_past.toggled.connect(self._apply_past_filter)
        toolbar.addWidget(self.show_past)
        toolbar.addStretch(1)
        self.add_button = QPushButton(icon("fa5s.plus"), self.tr("Add visit…"), self)
        self.add_button.setAccessibleName(self.tr("Add visit"))
        mark_primary(self.add_button)
        self.add_button.clicked.connect(self.new_item)
        toolbar.addWidget(self.add_button)
        layout.addLayout(toolbar)

        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)

        empty_button = QPushButton(icon("fa5s.plus"), self.tr("Add the first visit…"))
        empty_button.setAccessibleName(self.tr("Add the first visit"))
        empty_button.clicked.connect(self.new_item)
        empty = EmptyState(
            icon("fa5s.calendar-alt"),
            self.tr(
                "No visits yet. Add the visit with your second-opinion doctor, and this tab "
                "will tell you what is still missing before it."
            ),
            [empty_button],
            self.stack,
        )
        self.empty_label = empty.text
        self.stack.addWidget(empty)

        splitter = QSplitter(Qt.Orientation.Horizontal, self.stack)
        self.model: RowTableModel[VisitListRow] = RowTableModel(
            self._columns(),
            row_id=lambda item: item.visit.id,
            search_text=texts.search_text,
            parent=self,
        )
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(splitter)
        # Tab leaves the list (the arrows move in it) instead of walking its cells.
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Visits"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Sized to their contents once per reload (_fit_columns), not ResizeToContents: that
        # mode makes Qt ask every cell for its size each time the tab is shown.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Measuring some rows is enough (the texts of a column are alike).
        header.setResizeContentsPrecision(50)
        header.setSectionResizeMode(PLACE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._on_section_resized)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        # Enter or a double click, whichever the platform uses to "open" an item.
        self.table.activated.connect(lambda _index: self.edit_current())
        splitter.addWidget(self.table)

        self.detail = VisitDetail(self.navigator, splitter)
        self.readiness_view = self.detail.readiness_view
        self.edit_button = self.detail.edit_button
        self.done_button = self.detail.done_button
        self.delete_button = self.detail.delete_button
        self.ical_button = self.detail.ical_button
        self.packet_button = self.detail.packet_button
        self.edit_button.clicked.connect(self.edit_current)
        self.done_button.clicked.connect(self.mark_current_done)
        self.delete_button.clicked.connect(self.delete_current)
        self.ical_button.clicked.connect(self.export_current_to_calendar)
        self.packet_button.clicked.connect(self.prepare_packet)
        self.readiness_view.sig_fix_in_place.connect(self._fix_in_place)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 480])
        self.stack.addWidget(splitter)

        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.activated.connect(self.delete_current)

    def _columns(self) -> list[Column[VisitListRow]]:
        def when_key(item: VisitListRow) -> tuple[int, float]:
            stamp = item.visit.starts_at.timestamp()
            # Past visits read latest first; everything ahead reads soonest first.
            return (
                int(item.visit.timing),
                -stamp if item.visit.timing is VisitTiming.PAST else stamp,
            )

        return [
            Column(
                self.tr("When"),
                lambda item: texts.format_start(item.visit),
                sort_key=when_key,
                tooltip=lambda item: texts.format_start(item.visit, long=True),
            ),
            Column(
                self.tr("Countdown / status"),
                lambda item: texts.countdown_text(item.visit),
                sort_key=when_key,
                icon=lambda item: texts.timing_icon(item.visit),
            ),
            Column(self.tr("Doctor"), lambda item: item.visit.doctor_name),
            Column(
                self.tr("Where"),
                lambda item: texts.place_text(item.visit),
                tooltip=lambda item: item.visit.place,
            ),
            Column(
                self.tr("Readiness"),
                texts.readiness_text,
                sort_key=lambda item: (
                    item.readiness is None,
                    item.readiness.done_count - item.readiness.total if item.readiness else 0,
                ),
                icon=texts.readiness_icon,
            ),
        ]

    # ------------------------------------------------------------------ CaseTab
    def title(self) -> str:
        upcoming = self._board.next_visit
        if upcoming is None or upcoming.visit.days_until is None:
            return self.tr("Visits")
        # The countdown on the tab itself, so it shows from every other tab too.
        return self.tr("Visits (%1)").replace("%1", texts.countdown_text(upcoming.visit).lower())

    def reload(self, select: int | None = None) -> None:
        if select is not None:
            self._select_after_load = select
        now = self.now()
        self.ctx.ops.query(lambda case: case_visits.visits_board(case, now), owner=self).success(
            self._show_board
        ).run()

    def _show_board(self, board: VisitsBoard) -> None:
        selected = self._select_after_load or self.current_visit_id()
        self._select_after_load = None
        self._board = board
        self.model.set_rows(board.rows)
        self._apply_past_filter()
        self.stack.setCurrentIndex(1 if board.rows else 0)
        # In a turn of the event loop of its own: measuring the columns in the same turn as
        # filling the list and the detail held the window still for twice as long.
        run_in_steps(self, [self._fit_columns])
        self.banner.setVisible(bool(board.rows))
        self.banner_text.setText(texts.banner_text(board.next_visit))
        title = self.title()
        if title != self._last_title:
            self._last_title = title
            self.sig_title_changed.emit(title)
        if (selected is None or not self._select(selected)) and self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        self._show_current()

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return  # this tab reloads after its own changes itself
        if changes.touches(*SHOWN_AREAS):
            self.reload_after(changes)

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        visit_id = kwargs.get("visit_id")
        if action == "new":
            self.new_item()
        elif action in ("open", "edit") and isinstance(visit_id, int):
            self.show_past.setChecked(True)
            if not self._select(visit_id):
                self._select_after_load = visit_id
        if action == "edit":
            self._open_form(visit_id if isinstance(visit_id, int) else self.current_visit_id())
        elif action == "doctor_needs" and isinstance(visit_id, int):
            open_doctor_needs(self, self.ctx, visit_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        self._open_form(None)

    # ------------------------------------------------------------------ state
    def current_row(self) -> VisitListRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        if not source.isValid():
            return None
        return self.model.row_at(source.row())

    def current_visit_id(self) -> int | None:
        row = self.current_row()
        return row.visit.id if row is not None else None

    def _select(self, visit_id: int) -> bool:
        position = self.model.position_of(visit_id)
        if position is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if not index.isValid():
            return False
        show_row(self.table, index)
        return True

    def _fit_columns(self) -> None:
        """Size the columns to what they show, unless the user has set widths of their own."""
        if self._columns_resized_by_user or not self._board.rows:
            return
        self._fitting_columns = True
        try:
            for column in range(self.model.columnCount()):
                if column != PLACE_COLUMN:  # it stretches into what is left
                    self.table.resizeColumnToContents(column)
        finally:
            self._fitting_columns = False

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        # Only a drag by the user counts; our own fitting and the stretching place do not.
        if column != PLACE_COLUMN and not self._fitting_columns and self.table.isVisible():
            self._columns_resized_by_user = True

    def proxy_search(self, text: str) -> None:
        self.proxy.set_search(text)

    def _apply_past_filter(self) -> None:
        if self.show_past.isChecked():
            self.proxy.set_predicate("past", None)
        else:
            self.proxy.set_predicate("past", lambda item: item.visit.timing is not VisitTiming.PAST)

    def _show_current(self, *_args: object) -> None:
        self.detail.show_visit(self.current_row())

    # ------------------------------------------------------------------ add / edit
    def _open_form(self, visit_id: int | None) -> None:
        if self.form is not None and self.form.isVisible():
            # Never throw away what is being typed: bring the open form forward instead.
            self.form.raise_()
            self.form.activateWindow()
            return
        now = self.now()
        self.ctx.ops.query(
            lambda case: case_visits.form_choices(case, visit_id, now),
            owner=self,
            title=self.tr("Visit"),
        ).success(self._show_form).failure(lambda _exc: self.reload()).run()

    def _show_form(self, choices: VisitFormChoices) -> None:
        if self.form is not None and self.form.isVisible():
            return
        visit_id = choices.existing.id if choices.existing is not None else None

        def submit(data: VisitInput) -> Pending[SaveResult]:
            now = self.now()
            return self.ctx.ops.change(
                lambda case: case_visits.save_visit(case, data, visit_id, now),
                owner=self,
                title=self.tr("Save visit"),
            )

        form = VisitForm(submit, choices, self.now, self)
        form.accepted.connect(lambda: self._after_save(form))
        form.finished.connect(lambda _result: self._forget_form(form))
        self.form = form
        form.open()

    def _forget_form(self, form: VisitForm) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def edit_current(self) -> None:
        visit_id = self.current_visit_id()
        if visit_id is not None:
            self._open_form(visit_id)

    def _after_save(self, form: VisitForm) -> None:
        if form.saved is None:
            return
        self.reload(select=form.saved.id)
        self.ctx.sig_status.emit(self.tr("Visit saved."))
        if form.saved.candidate_doctor is not None:
            self._offer_to_choose(*form.saved.candidate_doctor)

    def _offer_to_choose(self, doctor_id: int, name: str) -> None:
        question = self.tr(
            "{doctor} is still a candidate. Make them your chosen second-opinion doctor?"
        ).format(doctor=name)
        if prompts.ask_confirm(self, self.tr("Chosen doctor"), question, self.tr("Make chosen")):
            self.ctx.ops.change(
                lambda case: case_visits.choose_doctor(case, doctor_id),
                owner=self,
                title=self.tr("Chosen doctor"),
            ).failure(self._refused).run()

    # ------------------------------------------------------------------ other actions
    def mark_current_done(self) -> None:
        visit_id = self.current_visit_id()
        if visit_id is None:
            return
        self.ctx.ops.change(
            lambda case: case_visits.mark_done(case, visit_id),
            owner=self,
            title=self.tr("Mark visit done"),
        ).success(lambda _none: self.reload(select=visit_id)).failure(self._refused).run()

    def delete_current(self) -> None:
        item = self.current_row()
        if item is None:
            return
        visit = item.visit
        self.ctx.ops.query(
            lambda case: case_visits.linked_questions(case, visit.id),
            owner=self,
            title=self.tr("Delete visit"),
        ).success(lambda count: self._confirm_delete(visit, count)).failure(self._refused).run()

    def _confirm_delete(self, visit: VisitRow, question_count: int) -> None:
        text = self.tr("Delete the visit with {doctor} on {when}?").format(
            doctor=visit.doctor_name, when=texts.format_start(visit, with_zone=False)
        )
        if question_count:
            text += " " + self.tr(
                "Its {n} questions stay in your list, no longer tied to a visit."
            ).format(n=question_count)
        if not prompts.ask_confirm(self, self.tr("Delete visit"), text, self.tr("Delete")):
            return
        self.ctx.ops.change(
            lambda case: case_visits.delete_visit(case, visit.id),
            owner=self,
            title=self.tr("Delete visit"),
        ).success(lambda _unlinked: self._deleted()).failure(self._refused).run()

    def _fix_in_place(self, target: str, kwargs: dict[str, Any]) -> None:
        visit_id = kwargs.get("visit_id")
        if target == "questions.use_open" and isinstance(visit_id, int):
            self.ctx.ops.change(
                lambda case: case_questions.use_open_questions(case, visit_id),
                owner=self,
                title=self.tr("Use open questions"),
            ).success(lambda _n: self.reload(select=visit_id)).failure(self._refused).run()

    def _deleted(self) -> None:
        self.reload()
        self.ctx.sig_status.emit(self.tr("Visit deleted."))

    def _refused(self, exc: ServiceError) -> None:
        """A visit gone meanwhile: show the list as it is now; anything else, say why."""
        if not isinstance(exc, NotFound):
            prompts.show_error(self, self.tr("Visit"), service_error_text(exc))
        self.reload()

    def export_current_to_calendar(self) -> None:
        item = self.current_row()
        if item is not None:
            from second_opinion.ui.calendar_actions import export_visit

            export_visit(self, self.ctx, item.visit)

    def prepare_packet(self) -> None:
        visit_id = self.current_visit_id()
        if visit_id is not None:
            from second_opinion.ui.export_actions import prepare_packet

            prepare_packet(self, self.ctx, visit_id)
