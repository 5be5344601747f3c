"""The Visits tab: what is next, whether it is ready, and the visits already behind.

The list puts the next planned visit first with a countdown, then the other planned visits,
then the past ones. The panel on the right shows the chosen visit with its readiness
checklist, where every cross opens the place in the app where it gets fixed.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime
from PySide6.QtGui import QFont, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from second_opinion.domain.enums import VisitMode, VisitStatus
from second_opinion.private_files import write_private_atomically
from second_opinion.services import ical, labels, readiness, visits
from second_opinion.services.errors import ServiceError
from second_opinion.services.readiness import VisitReadiness
from second_opinion.services.visits import VisitRow, VisitTiming
from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import short_date_format
from second_opinion.ui.empty_state import EmptyState
from second_opinion.ui.icons import cell_icon, icon
from second_opinion.ui.readiness_view import GOOD, MISSING, ReadinessView
from second_opinion.ui.table_model import Column, RowTableModel, SearchFilterProxy, show_row
from second_opinion.ui.tabs.base import CaseTab, Navigator
from second_opinion.ui.visit_form import VisitForm, system_time_zone

log = logging.getLogger(__name__)

QUIET = "#8a8f98"
INFO = "#3d8bd9"
WARN = "#e0a800"

#: "Where": the one column that may be long; it stretches and elides.
PLACE_COLUMN = 3


@dataclass(frozen=True)
class VisitListRow:
    visit: VisitRow
    readiness: VisitReadiness | None  # only for planned visits


_icon = icon
_cell_icon = cell_icon


def tr(text: str) -> str:
    return QCoreApplication.translate("visits", text)


def format_start(row: VisitRow, with_zone: bool = True, long: bool = False) -> str:
    """The visit's wall-clock start in the user's locale, and its zone when it is not theirs."""
    local = row.local_start
    locale = QLocale()
    day = QDate(local.year, local.month, local.day)
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if long:
        date = locale.toString(day, QLocale.FormatType.LongFormat)
    else:
        date = locale.toString(day, "ddd") + " " + locale.toString(day, short_date_format())
    text = f"{date}, {time}"
    if with_zone and row.time_zone != system_time_zone():
        # In the table the city is enough ("Chicago"); elsewhere the full zone name.
        zone = row.time_zone if long else row.time_zone.rsplit("/", 1)[-1].replace("_", " ")
        text += f" ({zone})"
    return text


def countdown_text(row: VisitRow) -> str:
    if row.timing is VisitTiming.PLANNED_PASSED:
        return tr("Date passed — mark as done?")
    if row.timing is VisitTiming.PAST:
        return QCoreApplication.translate("labels", labels.VISIT_STATUS[row.status])
    days = row.days_until
    if days is None:
        return ""
    if days == 0:
        return tr("Today")
    if days == 1:
        return tr("Tomorrow")
    return tr("In %n days").replace("%n", str(days))


def timing_icon(row: VisitRow) -> QIcon:
    if row.timing is VisitTiming.NEXT:
        return _cell_icon("fa5s.star", color=INFO)
    if row.timing is VisitTiming.UPCOMING:
        return _cell_icon("fa5s.calendar-alt", color=INFO)
    if row.timing is VisitTiming.PLANNED_PASSED:
        return _cell_icon("fa5s.exclamation-triangle", color=WARN)
    if row.status is VisitStatus.CANCELLED:
        return _cell_icon("fa5s.ban", color=QUIET)
    return _cell_icon("fa5s.check", color=QUIET)


def place_text(row: VisitRow) -> str:
    mode = QCoreApplication.translate("labels", labels.VISIT_MODE[row.mode])
    if row.mode is VisitMode.TELEMEDICINE:
        return mode if row.telemedicine_url else tr("Telemedicine (no link yet)")
    first_line = row.location.strip().splitlines()[0] if row.location.strip() else ""
    return f"{mode}: {first_line}" if first_line else mode


def readiness_text(item: VisitListRow) -> str:
    if item.readiness is None:
        return "—"
    if item.readiness.ready:
        return tr("Ready")
    return (
        tr("%1 of %2 ready")
        .replace("%1", str(item.readiness.done_count))
        .replace("%2", str(len(item.readiness.checks)))
    )


def readiness_icon(item: VisitListRow) -> QIcon | None:
    if item.readiness is None:
        return None
    if item.readiness.ready:
        return _cell_icon("fa5s.check-circle", color=GOOD)
    return _cell_icon("fa5s.times-circle", color=MISSING)


class VisitsTab(CaseTab):
    key = "visits"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        #: the clock; tests replace it to make "next" and countdowns deterministic
        self.now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
        self.form: VisitForm | None = None
        self._rows: list[VisitListRow] = []
        self._last_title = ""
        self._columns_resized_by_user = False
        self._fitting_columns = False
        self._build()
        ctx.sig_data_changed.connect(self._on_data_changed)
        # No reload here: the data loads in reload(), which the main window calls right after
        # building the tab (loading here too read everything twice).

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)

        self.banner = QFrame(self)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner_layout = QHBoxLayout(self.banner)
        banner_icon = QLabel(self.banner)
        banner_icon.setPixmap(_icon("fa5s.calendar-check", color=INFO).pixmap(24, 24))
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
        self.search.textChanged.connect(self._on_search)
        toolbar.addWidget(self.search, 1)
        self.show_past = QCheckBox(self.tr("Show past visits"), self)
        self.show_past.setChecked(True)
        self.show_past.setAccessibleName(self.tr("Show past visits"))
        self.show_past.toggled.connect(self._apply_past_filter)
        toolbar.addWidget(self.show_past)
        toolbar.addStretch(1)
        self.add_button = QPushButton(_icon("fa5s.plus"), self.tr("Add visit…"), self)
        self.add_button.setAccessibleName(self.tr("Add visit"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.new_item)
        toolbar.addWidget(self.add_button)
        layout.addLayout(toolbar)

        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)

        empty_button = QPushButton(_icon("fa5s.plus"), self.tr("Add the first visit…"))
        empty_button.setAccessibleName(self.tr("Add the first visit"))
        empty_button.clicked.connect(self.new_item)
        empty = EmptyState(
            _icon("fa5s.calendar-alt"),
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
            search_text=lambda item: " ".join(
                (
                    item.visit.doctor_name,
                    item.visit.location,
                    item.visit.companion_name,
                    place_text(item.visit),
                    countdown_text(item.visit),
                )
            ),
            parent=self,
        )
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(splitter)
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
        # Measuring some rows is enough (the texts of a column are alike) and keeps a reload
        # with hundreds of visits quick.
        header.setResizeContentsPrecision(50)
        # The place is the one column that may be long: it takes what is left and elides.
        header.setSectionResizeMode(PLACE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._on_section_resized)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        # Enter or a double click, whichever the platform uses to "open" an item.
        self.table.activated.connect(lambda _index: self.edit_current())
        splitter.addWidget(self.table)

        self.detail = self._build_detail(splitter)
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
                lambda item: format_start(item.visit),
                sort_key=when_key,
                tooltip=lambda item: format_start(item.visit, long=True),
            ),
            Column(
                self.tr("Countdown / status"),
                lambda item: countdown_text(item.visit),
                sort_key=when_key,
                icon=lambda item: timing_icon(item.visit),
            ),
            Column(self.tr("Doctor"), lambda item: item.visit.doctor_name),
            Column(
                self.tr("Where"),
                lambda item: place_text(item.visit),
                tooltip=lambda item: item.visit.place,
            ),
            Column(
                self.tr("Readiness"),
                readiness_text,
                sort_key=lambda item: (
                    item.readiness is None,
                    item.readiness.done_count - len(item.readiness.checks) if item.readiness else 0,
                ),
                icon=readiness_icon,
            ),
        ]

    def _build_detail(self, parent: QWidget) -> QWidget:
        scroll = QScrollArea(parent)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Everything in the panel wraps, so it never needs to scroll sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel = QWidget(scroll)
        layout = QVBoxLayout(panel)

        self.detail_title = QLabel(panel)
        title_font = QFont(self.detail_title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.detail_title.setFont(title_font)
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_title.setAccessibleName(self.tr("Visit title"))
        layout.addWidget(self.detail_title)

        self.detail_facts = QLabel(panel)
        self.detail_facts.setWordWrap(True)
        self.detail_facts.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_facts.setAccessibleName(self.tr("Visit details"))
        layout.addWidget(self.detail_facts)

        actions = QHBoxLayout()
        self.edit_button = QPushButton(_icon("fa5s.edit"), self.tr("Edit…"), panel)
        self.edit_button.setAccessibleName(self.tr("Edit visit"))
        self.edit_button.clicked.connect(self.edit_current)
        actions.addWidget(self.edit_button)
        self.done_button = QPushButton(_icon("fa5s.check"), self.tr("Mark done"), panel)
        self.done_button.setAccessibleName(self.tr("Mark visit done"))
        self.done_button.clicked.connect(self.mark_current_done)
        actions.addWidget(self.done_button)
        self.delete_button = QPushButton(_icon("fa5s.trash-alt"), self.tr("Delete…"), panel)
        self.delete_button.setAccessibleName(self.tr("Delete visit"))
        self.delete_button.clicked.connect(self.delete_current)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        exports = QHBoxLayout()
        self.ical_button = QPushButton(
            _icon("fa5s.calendar-plus"), self.tr("Export to calendar…"), panel
        )
        self.ical_button.setAccessibleName(self.tr("Export visit to calendar"))
        self.ical_button.setToolTip(
            self.tr("Save an .ics file with the time, place or link and two reminders.")
        )
        self.ical_button.clicked.connect(self.export_current_to_calendar)
        exports.addWidget(self.ical_button)
        self.packet_button = QPushButton(
            _icon("fa5s.file-pdf"), self.tr("Prepare visit packet…"), panel
        )
        self.packet_button.setAccessibleName(self.tr("Prepare visit packet"))
        self.packet_button.clicked.connect(self.prepare_packet)
        exports.addWidget(self.packet_button)
        exports.addStretch(1)
        layout.addLayout(exports)

        self.readiness_box = QGroupBox(self.tr("Ready for the visit?"), panel)
        box_layout = QVBoxLayout(self.readiness_box)
        self.readiness_view = ReadinessView(self.navigator, self.readiness_box)
        box_layout.addWidget(self.readiness_view)
        layout.addWidget(self.readiness_box)
        layout.addStretch(1)
        scroll.setWidget(panel)
        return scroll

    # ------------------------------------------------------------------ CaseTab
    def title(self) -> str:
        upcoming = next((r for r in self._rows if r.visit.timing is VisitTiming.NEXT), None)
        if upcoming is None or upcoming.visit.days_until is None:
            return self.tr("Visits")
        # The countdown on the tab itself, so it shows from every other tab too.
        return self.tr("Visits (%1)").replace("%1", countdown_text(upcoming.visit).lower())

    def reload(self) -> None:
        selected = self.current_visit_id()
        now = self.now()
        rows: list[VisitListRow] = []
        try:
            with self.ctx.session() as session:
                listed = visits.list_visits(session, self.ctx.person_id, now)
                checklists = readiness.readiness_for_person(session, self.ctx.person_id, now.date())
                for row in listed:
                    # Only planned visits have a checklist; a done one needs no preparing.
                    ready = checklists.get(row.id) if row.status is VisitStatus.PLANNED else None
                    rows.append(VisitListRow(row, ready))
        except (ServiceError, SQLAlchemyError):
            log.exception("could not load visits for person %s", self.ctx.person_id)
            rows = []
        self._rows = rows
        self.model.set_rows(rows)
        self._apply_past_filter()
        self.stack.setCurrentIndex(1 if rows else 0)
        self._fit_columns()
        self._update_banner()
        title = self.title()
        if title != self._last_title:
            self._last_title = title
            self.sig_title_changed.emit(title)
        target = selected if selected is not None and self._select(selected) else None
        if target is None and self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        self._show_current()

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        if action == "new":
            self.new_item()
        elif action == "open":
            visit_id = kwargs.get("visit_id")
            if isinstance(visit_id, int):
                self.show_past.setChecked(True)
                self._select(visit_id)
        elif action == "edit":
            visit_id = kwargs.get("visit_id")
            if isinstance(visit_id, int):
                self.show_past.setChecked(True)
                self._select(visit_id)
            self.edit_current()

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
        if self._columns_resized_by_user or not self._rows:
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

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)

    def _apply_past_filter(self) -> None:
        if self.show_past.isChecked():
            self.proxy.set_predicate("past", None)
        else:
            self.proxy.set_predicate("past", lambda item: item.visit.timing is not VisitTiming.PAST)

    def _update_banner(self) -> None:
        upcoming = next((r for r in self._rows if r.visit.timing is VisitTiming.NEXT), None)
        if upcoming is None:
            self.banner.setVisible(bool(self._rows))
            self.banner_text.setText(
                self.tr("No visit planned. Add the next one when it is booked.")
            )
            return
        visit = upcoming.visit
        text = self.tr("Next visit: {doctor}, {when} — {countdown}").format(
            doctor=visit.doctor_name,
            when=format_start(visit, long=True),
            countdown=countdown_text(visit).lower() if visit.days_until else countdown_text(visit),
        )
        if upcoming.readiness is not None and not upcoming.readiness.ready:
            missing = len(upcoming.readiness.missing)
            text += " · " + (
                self.tr("1 thing still missing")
                if missing == 1
                else self.tr("{n} things still missing").format(n=missing)
            )
        self.banner_text.setText(text)
        self.banner.setVisible(True)

    def _show_current(self, *_args: object) -> None:
        item = self.current_row()
        has = item is not None
        for button in (
            self.edit_button,
            self.delete_button,
            self.ical_button,
            self.packet_button,
        ):
            button.setEnabled(has)
        if item is None:
            self.detail_title.setText(self.tr("Choose a visit on the left."))
            self.detail_facts.setText("")
            self.readiness_box.hide()
            self.done_button.setEnabled(False)
            return
        visit = item.visit
        self.detail_title.setText(
            self.tr("{doctor} — {when}").format(
                doctor=visit.doctor_name, when=format_start(visit, long=True)
            )
        )
        self.detail_facts.setText(self._facts(visit))
        self.done_button.setEnabled(visit.status is VisitStatus.PLANNED)
        self.readiness_view.set_readiness(item.readiness)
        self.readiness_box.setVisible(item.readiness is not None)

    def _facts(self, visit: VisitRow) -> str:
        lines = [
            countdown_text(visit),
            self.tr("Duration: {minutes} min").format(minutes=visit.duration_minutes),
        ]
        if visit.mode is VisitMode.TELEMEDICINE:
            lines.append(
                self.tr("Video link: {link}").format(link=visit.telemedicine_url)
                if visit.telemedicine_url
                else self.tr("Video visit: no link yet")
            )
        elif visit.location:
            lines.append(self.tr("Address: {place}").format(place=visit.location))
        if visit.companion_name:
            lines.append(self.tr("Companion: {name}").format(name=visit.companion_name))
        if visit.referral_needed or visit.referral_obtained:
            state = self.tr("obtained") if visit.referral_obtained else self.tr("not yet")
            number = f" ({visit.referral_number})" if visit.referral_number else ""
            lines.append(self.tr("Referral: {state}").format(state=state) + number)
        if visit.prior_auth_needed or visit.prior_auth_obtained:
            state = self.tr("obtained") if visit.prior_auth_obtained else self.tr("not yet")
            number = f" ({visit.prior_auth_number})" if visit.prior_auth_number else ""
            lines.append(self.tr("Prior authorization: {state}").format(state=state) + number)
        if visit.expected_cost_cents is not None:
            lines.append(
                self.tr("Expected cost: {cost}").format(
                    cost=QLocale().toString(visit.expected_cost_cents / 100, "f", 2)
                )
            )
        if visit.question_count:
            lines.append(self.tr("Questions for this visit: {n}").format(n=visit.question_count))
        return "\n".join(line for line in lines if line)

    def _on_data_changed(self, area: str) -> None:
        # Readiness depends on records, questions and contacts too.
        if area in ("visits", "records", "questions", "contacts", "people", "profile"):
            self.reload()

    # ------------------------------------------------------------------ actions
    def _open_form(self, visit_id: int | None) -> None:
        if self.form is not None:
            self.form.close()
            self.form.deleteLater()
        self.form = VisitForm(self.ctx, visit_id, parent=self, now=self.now)
        self.form.sig_saved.connect(self._after_save)
        self.form.setModal(True)
        self.form.open()

    def edit_current(self) -> None:
        visit_id = self.current_visit_id()
        if visit_id is not None:
            self._open_form(visit_id)

    def _after_save(self, visit_id: int) -> None:
        # The form already announced the change; reloading here as well keeps the tab right
        # even when it is used without a main window listening.
        self.reload()
        self._select(visit_id)
        self.ctx.sig_status.emit(self.tr("Visit saved."))

    def mark_current_done(self) -> None:
        visit_id = self.current_visit_id()
        if visit_id is None:
            return
        try:
            with self.ctx.session() as session:
                visits.set_status(session, visit_id, VisitStatus.DONE)
        except (ServiceError, SQLAlchemyError):
            log.exception("could not mark visit %s done", visit_id)
            prompts.show_error(self, self.tr("Visit"), self.tr("The visit could not be updated."))
            return
        self.ctx.notify_changed("visits")
        self.reload()
        self._select(visit_id)

    def delete_current(self) -> None:
        item = self.current_row()
        if item is None:
            return
        visit = item.visit
        text = self.tr("Delete the visit with {doctor} on {when}?").format(
            doctor=visit.doctor_name, when=format_start(visit, with_zone=False)
        )
        if visit.question_count:
            text += " " + self.tr(
                "Its {n} questions stay in your list, no longer tied to a visit."
            ).format(n=visit.question_count)
        if not prompts.ask_confirm(self, self.tr("Delete visit"), text, self.tr("Delete")):
            return
        try:
            with self.ctx.session() as session:
                visits.delete_visit(session, visit.id)
        except (ServiceError, SQLAlchemyError):
            log.exception("could not delete visit %s", visit.id)
            prompts.show_error(
                self, self.tr("Delete visit"), self.tr("The visit could not be deleted.")
            )
            return
        self.ctx.notify_changed("visits")
        self.reload()

    def export_current_to_calendar(self) -> None:
        item = self.current_row()
        if item is None:
            return
        path = prompts.ask_save_path(
            self,
            self.tr("Export visit to calendar"),
            ical.suggested_file_name(item.visit),
            self.tr("iCalendar files (*.ics)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        try:
            write_private_atomically(path, ical.visit_to_ical(item.visit))
        except OSError as error:
            log.warning("calendar export of visit %s failed: %s", item.visit.id, error.strerror)
            prompts.show_error(
                self,
                self.tr("Export visit to calendar"),
                self.tr("The file could not be saved: {reason}").format(
                    reason=error.strerror or self.tr("unknown error")
                ),
            )
            return
        self.ctx.sig_status.emit(self.tr("Calendar file saved."))

    def prepare_packet(self) -> None:
        visit_id = self.current_visit_id()
        if visit_id is None:
            return
        try:
            module = importlib.import_module("second_opinion.ui.export_actions")
            prepare = module.prepare_packet
        except (ImportError, AttributeError):
            prompts.show_info(
                self,
                self.tr("Visit packet"),
                self.tr("Making a visit packet is not available yet in this version."),
            )
            return
        prepare(self, self.ctx, visit_id)
