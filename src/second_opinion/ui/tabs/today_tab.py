"""The Today tab: what to do today and this week, across the whole case.

One list (the Today board of ``case.today``), today's lines first, each with its one action:
log the call, open the request, send the slides back, prepare the packet, write down the
answers. Enter (or a double click, or the button under the list) does the selected line's
action through the navigator. With nothing to do, the page says so kindly.

Start-up: this tab can be the first screen after unlocking, which is painted before
SQLAlchemy is imported (see ``services.first_screen``). So this module imports nothing that
loads it, and the first load is a query on the runner's worker, started only once the tab
has been painted: the worker imports the ORM while the person already sees the window.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case.changes import Area, Changes
from second_opinion.ui import icons, palette
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import format_date, to_qdate
from second_opinion.ui.empty_state import EmptyState
from second_opinion.ui.focus_frame import mark_primary
from second_opinion.ui.search_proxy import SearchFilterProxy
from second_opinion.ui.table_model import ROW_ROLE, Column, RowTableModel
from second_opinion.ui.tabs.base import CaseTab, Navigator

if TYPE_CHECKING:
    from second_opinion.case.case import Case
    from second_opinion.case.today import TodayBoard, TodayLine

log = logging.getLogger(__name__)

#: the values of ``case.today.When`` (a StrEnum, equal to these), without importing it here
_TODAY, _WEEK = "today", "week"

SHOWN_AREAS = (Area.RECORDS, Area.VISITS, Area.QUESTIONS, Area.CONTACTS, Area.PEOPLE)

# (icon, accent) by the line's kind; every icon is paired with words
_ICONS = {
    "overdue": ("fa5s.exclamation-triangle", palette.PROBLEM),
    "call": ("fa5s.phone", palette.WARN),
    "return": ("fa5s.undo", palette.WARN),
    "visit": ("fa5s.calendar-check", palette.INFO),
    "questions": ("fa5s.question-circle", palette.INFO),
}


def _load_board(now: dt.datetime) -> Callable[[Case], TodayBoard]:
    def load(case: Case) -> TodayBoard:
        from second_opinion.case.today import today_board  # on the worker: loads the ORM

        return today_board(case, now)

    return load


def tr(text: str, n: int = -1) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("today", text, None, n)


def _day(day: dt.date) -> str:
    return format_date(day)


def what_text(line: TodayLine) -> str:
    who = line.who
    if line.kind == "overdue":
        return (
            tr("Records from %1 are 1 day overdue")
            if line.days_late == 1
            else tr("Records from %1 are %n days overdue", line.days_late)
        ).replace("%1", who)
    if line.kind == "call":
        text = tr("Call %1 about the records request").replace("%1", who)
        if line.days_late:
            text += " " + (
                tr("(1 day overdue)")
                if line.days_late == 1
                else tr("(%n days overdue)", line.days_late)
            )
        return text
    if line.kind == "return":
        return tr("Send the slides back to %1").replace("%1", who or tr("the lab"))
    if line.kind == "visit":
        if line.total and line.done == line.total:
            readiness = tr("ready")
        else:
            readiness = tr("%1 of %2 ready").replace("%1", str(line.done))
            readiness = readiness.replace("%2", str(line.total))
        return tr("Visit with %1 (%2)").replace("%1", who).replace("%2", readiness)
    return (
        tr("1 question unanswered after the visit with %1")
        if line.total == 1
        else tr("%n questions unanswered after the visit with %1", line.total)
    ).replace("%1", who)


def action_text(line: TodayLine) -> str:
    return {
        "overdue": tr("Open the request"),
        "call": tr("Log the call…"),
        "return": tr("Open the slides…"),
        "questions": tr("Write down the answers"),
    }.get(str(line.kind)) or (
        tr("Prepare the packet…") if line.target == "today.packet" else tr("See what is missing")
    )


class TodayTab(CaseTab):
    key = "today"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        #: what "now" is; replaceable so a test or a screenshot can fix the date
        self.now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
        self.board: TodayBoard | None = None
        self._title = ""
        self._painted = False
        self._waiting_for_paint = False

        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setAccessibleName(tr("Today's summary"))
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)

        self.model: RowTableModel[TodayLine] = RowTableModel(
            [
                Column(tr("When"), self._when_text, icon=self._icon),
                Column(tr("What to do"), what_text, tooltip=what_text),
                Column(tr("Action"), action_text),
            ],
            row_id=lambda line: line.key,
            parent=self,
        )
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        # Tab leaves the list (the arrows move in it) instead of walking its cells.
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(tr("What to do today and this week"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # Sized to a sample of rows once per board (show_board), not ResizeToContents: that
        # mode measured the sample again each time the tab was shown.
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.do_button = QPushButton(self)
        self.do_button.setAccessibleName(tr("Do the selected task"))
        mark_primary(self.do_button)
        self.do_button.clicked.connect(lambda: self.do(self.current_line()))
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.do_button)

        list_page = QWidget(self)
        page_layout = QVBoxLayout(list_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.table, 1)
        page_layout.addLayout(actions)
        # A new case has nothing to do yet either: the guide is where its first step is.
        open_guide = QPushButton(icons.icon("fa5s.map-signs"), tr("Open the guide"))
        open_guide.setAccessibleName(tr("Open the guide: getting a second opinion, step by step"))
        open_guide.clicked.connect(lambda: self.navigator.navigate("guide"))
        self.nothing = EmptyState(
            icons.icon("fa5s.calendar-check"),
            tr(
                "Nothing needs you today or this week. Calls, records running late, slides to "
                "send back and coming visits will show here when they do. Just starting? The "
                "guide takes you through getting a second opinion, step by step."
            ),
            [open_guide],
            self,
        )
        self.nothing.setAccessibleName(tr("Nothing to do"))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.nothing)
        layout.addWidget(self.pages, 1)
        self.heading.setText(tr("Looking at your case…"))
        self._current_changed()
        self.installEventFilter(self)
        ctx.sig_changed.connect(self._on_changed)

    # ---------------------------------------------------------------- CaseTab
    def title(self) -> str:
        return self._title or tr("Today")

    def reload(self) -> None:
        container = self.parentWidget()
        if not self._painted and container is not None and container.isVisible():
            # The first screen: paint first, then load (the ORM loads on the worker).
            self._waiting_for_paint = True
            return
        self._load()

    def _load(self) -> None:
        self.ctx.ops.query(
            _load_board(self.now()), owner=self, title=tr("Could not look at today's tasks")
        ).success(self.show_board).run()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.removeEventFilter(self)
            if self._waiting_for_paint:
                self._waiting_for_paint = False
                QTimer.singleShot(0, self, self._load)
        return super().eventFilter(watched, event)

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        if action == "packet":
            from second_opinion.ui.export_actions import prepare_packet

            visit_id = kwargs.get("visit_id")
            prepare_packet(self, self.ctx, visit_id if isinstance(visit_id, int) else None)

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(*SHOWN_AREAS) and self.board is not None:
            self.reload_after(changes, self._load)

    # ---------------------------------------------------------------- showing
    def show_board(self, board: TodayBoard) -> None:
        self.board = board
        current = self.current_line()
        self.model.set_rows(list(board.lines))
        for column in (0, 2):
            self.table.resizeColumnToContents(column)
        self.pages.setCurrentIndex(1 if board.is_empty else 0)
        today, week = board.count(_TODAY), board.count(_WEEK)
        if board.is_empty:
            self.heading.setText(tr("All clear for now."))
        else:
            self.heading.setText(
                (tr("1 thing to do today") if today == 1 else tr("%n things to do today", today))
                + " · "
                + tr("%n later this week", week)
            )
        if board.lines:
            self._select(current.key if current else board.lines[0].key)
        title = tr("Today (%n)", today) if today else tr("Today")
        if title != self._title:
            self._title = title
            self.sig_title_changed.emit(title)
        log.debug("today tab: %d lines", len(board.lines))

    def _when_text(self, line: TodayLine) -> str:
        today = self.board.today if self.board else dt.date.today()
        if line.when == "week":
            return QLocale().toString(to_qdate(line.on), "ddd") + " " + _day(line.on)
        if line.on >= today:
            return tr("Today")
        return tr("Since %1").replace("%1", _day(line.on))

    def _icon(self, line: TodayLine) -> QIcon:
        name, accent = _ICONS[str(line.kind)]
        return icons.cell_icon(name, palette.accent(accent))

    def _select(self, key: object) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            line = index.data(ROW_ROLE)
            if line is not None and line.key == key:
                self.table.setCurrentIndex(index)
                return
        self.table.setCurrentIndex(self.proxy.index(0, 0))

    # ---------------------------------------------------------------- acting
    def current_line(self) -> TodayLine | None:
        index = self.table.currentIndex()
        line = index.data(ROW_ROLE) if index.isValid() else None
        return line

    def _current_changed(self, *_args: object) -> None:
        line = self.current_line()
        self.do_button.setEnabled(line is not None)
        self.do_button.setText(action_text(line) if line else tr("Select a task"))

    def _activated(self, index: QModelIndex) -> None:
        self.do(index.data(ROW_ROLE))

    def do(self, line: TodayLine | None) -> None:
        """The line's one action, through the navigator."""
        if line is not None:
            self.navigator.navigate(line.target, **line.target_kwargs)
