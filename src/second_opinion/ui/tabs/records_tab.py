"""The Records tab: what has the second doctor got, what is missing, and who to chase.

Top to bottom: search and filters, then "Needs attention" (overdue requests first, then the
ones waiting on the person, then requests relying on a lapsed authorization), then four views:
Requests (with quick actions and the history of the selected one), Records, Who has what
(the matrix) and Authorizations.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from second_opinion.domain.enums import ContactRole, RecordKind, RequestState
from second_opinion.services import authorizations as auth_service
from second_opinion.services import record_requests as request_service
from second_opinion.services import records as record_service
from second_opinion.services.authorizations import AuthorizationRow
from second_opinion.services.contacts import ContactChoice, list_contact_choices
from second_opinion.services.errors import ServiceError
from second_opinion.services.record_requests import RequestRow, StateChangeRow
from second_opinion.services.records import CellState, ItemRow
from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import format_date
from second_opinion.ui.records.common import (
    GOOD,
    authorization_problem_icon,
    authorization_problem_label,
    cell_icon,
    cell_label,
    days_overdue_text,
    due_hint,
    icon,
    kind_label,
    method_label,
    overdue_icon,
    state_icon,
    state_label,
)
from second_opinion.ui.records.forms import (
    AuthorizationForm,
    DueDaysForm,
    ItemForm,
    RecordsForm,
    RequestForm,
    StateChangeForm,
)
from second_opinion.ui.records.matrix_model import REQUEST_ID_ROLE, WhoHasWhatModel
from second_opinion.ui.table_model import (
    ROW_ROLE,
    Column,
    RowTableModel,
    SearchFilterProxy,
    show_row,
)
from second_opinion.ui.tabs.base import CaseTab, Navigator
from second_opinion.vault.errors import VaultError

log = logging.getLogger(__name__)
S = RequestState

OVERDUE = "overdue"
WAITING = "waiting"
AUTHORIZATION = "authorization"


@dataclass(frozen=True)
class AttentionRow:
    """One line of "Needs attention": a request and why it needs the person."""

    reason: str
    request: RequestRow
    days_overdue: int = 0

    @property
    def key(self) -> tuple[str, int]:
        return (self.reason, self.request.id)


def _items_text(row: RequestRow) -> str:
    return "; ".join(i.description or kind_label(i.kind) for i in row.items)


_URGENCY = {
    state: rank
    for rank, state in enumerate(
        (
            S.WAITING_ON_ME,
            S.PROBLEM,
            S.TO_REQUEST,
            S.REQUESTED,
            S.EXTENDED,
            S.PARTLY_RECEIVED,
            S.SENT,
            S.RECEIVED,
        ),
        start=1,
    )
}


def _urgency(row: RequestRow, overdue: dict[int, int]) -> tuple[int, dt.date]:
    """Sort key for the status column: most overdue first, received last."""
    if row.id in overdue:
        return (0, row.effective_due_on or dt.date.max)
    return (_URGENCY[row.state], row.effective_due_on or dt.date.max)


def _overdue_days(requests: Sequence[RequestRow], today: dt.date) -> dict[int, int]:
    """Overdue request ids and by how many days (``RequestRow.days_overdue``, in one pass)."""
    overdue: dict[int, int] = {}
    for r in requests:
        due = r.extended_due_on or r.due_on
        if due is not None and request_service.is_overdue(r.state, due, r.sent_on, today):
            overdue[r.id] = (today - due).days
    return overdue


#: how many of a list's first rows are measured to size its columns
_SAMPLE_ROWS = 50


def _cell_padding(view: QTableView) -> tuple[int, int]:
    """The room a cell adds around its text, and what an icon before the text takes."""
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    icon_size = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view)
    # Both sides of the text, the grid line, and a little air so the text is not cut off.
    return 2 * margin + 1 + 6, icon_size + 2 * margin


def _fit(
    view: QTableView, columns: Sequence[Column[Any]], rows: Sequence[Any], limits: dict[int, int]
) -> None:
    """Give each interactive column the width of its header or its widest sampled text.

    ``limits`` caps some columns so long descriptions cannot push the dates off screen.
    """
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    padding, icon_room = _cell_padding(view)
    for column, spec in enumerate(columns):
        if header.sectionResizeMode(column) is not QHeaderView.ResizeMode.Interactive:
            continue
        width = header.sectionSizeHint(column)
        for row in rows:
            text_width = metrics.horizontalAdvance(spec.text(row)) + padding
            if spec.icon is not None and spec.icon(row) is not None:
                text_width += icon_room
            width = max(width, text_width)
        view.setColumnWidth(column, min(width, limits.get(column, width)))


class RecordsTab(CaseTab):
    key = "records"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        #: what "today" is; replaceable so a test or a screenshot can fix the date
        self.today: Callable[[], dt.date] = dt.date.today
        self._title = ""
        #: the chosen second-opinion doctors, for the "what each doctor has" summary
        self._chosen: set[int] = set()
        self._items: list[ItemRow] = []
        self._authorizations: list[AuthorizationRow] = []
        self._due_days = record_service.DEFAULT_REQUEST_DUE_DAYS
        #: the form or dialog currently open (tests fill it in and accept it)
        self.current_form: RecordsForm | None = None
        self._filters: tuple[object, ...] = (None, None, None, None)
        self._now = self.today()
        #: overdue request ids and by how many days, as of the last load
        self._overdue: dict[int, int] = {}
        #: the lists whose columns were sized (once, when they first had rows)
        self._fitted: set[QTableView] = set()
        #: the matrix's recipients when its columns were last sized
        self._matrix_shape: tuple[int, ...] = ()

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self._build_attention())
        self.views = QTabWidget(self)
        self.views.setAccessibleName(self.tr("Records views"))
        self.views.addTab(self._build_requests_page(), icon("fa5s.exchange-alt"), "")
        self.views.addTab(self._build_items_page(), icon("fa5s.file-medical"), "")
        self.views.addTab(self._build_matrix_page(), icon("fa5s.th"), "")
        self.views.addTab(self._build_authorizations_page(), icon("fa5s.file-signature"), "")
        layout.addWidget(self.views, 1)
        self._install_shortcuts()
        ctx.sig_data_changed.connect(self._on_data_changed)
        # No reload here: the data loads in reload(), which the main window calls once the tab
        # is built (loading in both places read everything twice).

    # ================================================================== building
    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search records, holders, references…"))
        self.search.setAccessibleName(self.tr("Search records"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_search)
        bar.addWidget(self.search, 2)

        self.state_filter = QComboBox(self)
        self.state_filter.setAccessibleName(self.tr("Filter by state"))
        self.state_filter.addItem(self.tr("All states"), None)
        self.state_filter.addItem(overdue_icon(), self.tr("Overdue"), OVERDUE)
        self.state_filter.addItem(self.tr("Not received yet"), "open")
        for state in RequestState:
            self.state_filter.addItem(state_icon(state), state_label(state), state)
        self.holder_filter = QComboBox(self)
        self.holder_filter.setAccessibleName(self.tr("Filter by holder"))
        self.recipient_filter = QComboBox(self)
        self.recipient_filter.setAccessibleName(self.tr("Filter by recipient"))
        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName(self.tr("Filter by kind of record"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in RecordKind:
            self.kind_filter.addItem(kind_label(kind), kind)
        for combo in (
            self.state_filter,
            self.holder_filter,
            self.recipient_filter,
            self.kind_filter,
        ):
            # Long organisation names must not push the search field off the row.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(self._apply_filters)
            bar.addWidget(combo, 1)

        self.new_item_button = QPushButton(icon("fa5s.plus"), self.tr("New &record"), self)
        self.new_item_button.setAccessibleName(self.tr("New record"))
        self.new_item_button.setToolTip(self.tr("Add a record that exists (a report, images…)"))
        self.new_item_button.clicked.connect(lambda: self.open_item_form())
        self.new_request_button = QPushButton(icon("fa5s.paper-plane"), self.tr("New re&quest"))
        self.new_request_button.setAccessibleName(self.tr("New request"))
        self.new_request_button.setToolTip(self.tr("Ask a holder to send records (Ctrl+N)"))
        self.new_request_button.setDefault(True)
        self.new_request_button.clicked.connect(lambda: self.open_request_form())
        bar.addWidget(self.new_item_button)
        bar.addWidget(self.new_request_button)
        return bar

    def _build_attention(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 4)
        self.attention_heading = QLabel(box)
        font = self.attention_heading.font()
        font.setBold(True)
        self.attention_heading.setFont(font)
        # One line per main recipient: "what has the second doctor got?" without a click.
        self.recipient_summary = QLabel(box)
        self.recipient_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.recipient_summary.setWordWrap(True)
        self.recipient_summary.setAccessibleName(self.tr("What each doctor has"))
        layout.addWidget(self.recipient_summary)
        layout.addWidget(self.attention_heading)
        columns: list[Column[AttentionRow]] = [
            Column(
                self.tr("Why"),
                self._attention_why,
                sort_key=lambda a: (a.reason != OVERDUE, a.reason != WAITING, -a.days_overdue),
                icon=self._attention_icon,
            ),
            Column(self.tr("Records"), lambda a: _items_text(a.request)),
            Column(
                self.tr("From → to"),
                lambda a: f"{a.request.holder_name} → {a.request.recipient_name}",
            ),
            Column(self.tr("What to do"), self._attention_todo, tooltip=self._attention_todo),
        ]
        self._attention_columns = columns
        self.attention_model: RowTableModel[AttentionRow] = RowTableModel(
            columns, row_id=lambda a: a.key, parent=self
        )
        self.attention_proxy = SearchFilterProxy(self)
        self.attention_proxy.setSourceModel(self.attention_model)
        self.attention_view = self._table(self.attention_proxy, self.tr("Needs attention"))
        self.attention_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Share the width so the "what to do" column stays readable at 1024 pixels too.
        header = self.attention_view.horizontalHeader()
        # Sized from its texts on each load (ResizeToContents would measure on every paint).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.attention_view.activated.connect(self._open_attention)
        layout.addWidget(self.attention_view)
        return box

    def _table(self, model: Any, name: str) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # No sort until asked: the service's order (newest first, by due date) is meaningful.
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.horizontalHeader().setHighlightSections(False)
        # Measure a sample of rows, not all 10 000, when fitting columns to their contents.
        view.horizontalHeader().setResizeContentsPrecision(50)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.setTabKeyNavigation(False)
        return view

    def _empty_state(self, text: str, button: str, slot: Callable[[], None]) -> QWidget:
        widget = QWidget(self)
        layout = QVBoxLayout(widget)
        layout.addStretch(1)
        label = QLabel(text, widget)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextFormat(Qt.TextFormat.PlainText)
        # A fixed width lets the wrapped text work out its height (and reads better).
        label.setFixedWidth(560)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(label)
        centred.addStretch(1)
        layout.addLayout(centred)
        push = QPushButton(button, widget)
        push.setAccessibleName(button.replace("&", ""))
        push.clicked.connect(slot)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(push)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return widget

    # ---------------------------------------------------------------- requests page
    def _build_requests_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.request_actions = QWidget(page)
        actions = QHBoxLayout(self.request_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        self.mark_requested_button = self._action_button(
            self.tr("Mark reques&ted"), "fa5s.hourglass-half", self.mark_requested
        )
        self.mark_sent_button = self._action_button(
            self.tr("Mark &sent"), "fa5s.paper-plane", self.mark_sent
        )
        self.mark_received_button = self._action_button(
            self.tr("Mark receive&d"), "fa5s.check-circle", self.mark_received
        )
        self.extension_button = self._action_button(
            self.tr("Record e&xtension…"), "fa5s.calendar-plus", self.record_extension
        )
        self.undo_button = self._action_button(
            self.tr("&Undo last change"), "fa5s.undo", self.undo_last_change
        )
        self.undo_button.setToolTip(self.tr("Take back the last change of state (Ctrl+Z)"))
        for button in (
            self.mark_requested_button,
            self.mark_sent_button,
            self.mark_received_button,
            self.extension_button,
            self.undo_button,
        ):
            actions.addWidget(button)
        self.more_button = QToolButton(page)
        self.more_button.setText(self.tr("&More"))
        self.more_button.setAccessibleName(self.tr("More actions on this request"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setIcon(icon("fa5s.ellipsis-h"))
        menu = QMenu(self.more_button)
        self.act_partly = menu.addAction(
            state_icon(S.PARTLY_RECEIVED), self.tr("Mark partly received…"), self.mark_partly
        )
        self.act_waiting = menu.addAction(
            state_icon(S.WAITING_ON_ME), self.tr("Mark waiting on me…"), self.mark_waiting
        )
        self.act_problem = menu.addAction(
            state_icon(S.PROBLEM), self.tr("Mark refused / problem…"), self.mark_problem
        )
        menu.addSeparator()
        self.act_open_holder = menu.addAction(
            icon("fa5s.address-card"), self.tr("Open the holder's contact"), self.open_holder
        )
        self.act_letter = menu.addAction(
            icon("fa5s.file-alt"),
            self.tr("Request letter…"),
            lambda: self.export_letter("request"),
        )
        self.act_auth_form = menu.addAction(
            icon("fa5s.file-signature"),
            self.tr("Authorization form…"),
            lambda: self.export_letter("authorization"),
        )
        self.act_doctor_letter = menu.addAction(
            icon("fa5s.envelope"),
            self.tr("Letter to the current doctor…"),
            lambda: self.export_letter("current-doctor"),
        )
        menu.addSeparator()
        self.act_edit_request = menu.addAction(
            icon("fa5s.edit"), self.tr("Edit request…"), self.edit_selected_request
        )
        self.act_delete_request = menu.addAction(
            icon("fa5s.trash-alt"), self.tr("Delete request…"), self.delete_selected_request
        )
        menu.addSeparator()
        self.act_due_days = menu.addAction(
            icon("fa5s.clock"), self.tr("Default due time…"), self.open_due_days_form
        )
        self.request_menu = menu
        self.more_button.setMenu(menu)
        actions.addWidget(self.more_button)
        actions.addStretch(1)
        layout.addWidget(self.request_actions)

        columns: list[Column[RequestRow]] = [
            Column(
                self.tr("Status"),
                lambda r: self._status_text(r),
                sort_key=lambda r: _urgency(r, self._overdue),
                icon=lambda r: overdue_icon() if r.id in self._overdue else state_icon(r.state),
                tooltip=self._status_tooltip,
            ),
            Column(
                self.tr("Due"),
                self._due_text,
                sort_key=lambda r: r.effective_due_on or dt.date.max,
            ),
            Column(self.tr("Records"), _items_text, tooltip=_items_text),
            Column(self.tr("From"), lambda r: r.holder_name),
            Column(self.tr("To"), lambda r: r.recipient_name),
            Column(
                self.tr("Requested"),
                lambda r: format_date(r.requested_on),
                sort_key=lambda r: r.requested_on or dt.date.min,
            ),
            Column(
                self.tr("Sent"),
                lambda r: format_date(r.sent_on),
                sort_key=lambda r: r.sent_on or dt.date.min,
            ),
            Column(
                self.tr("Received"),
                lambda r: format_date(r.received_on),
                sort_key=lambda r: r.received_on or dt.date.min,
            ),
            Column(self.tr("Method"), lambda r: method_label(r.method)),
            Column(self.tr("Reference"), lambda r: r.reference_number),
            Column(
                self.tr("Authorization"),
                lambda r: (
                    authorization_problem_label(r.authorization_problem)
                    if r.authorization_problem
                    else (self.tr("Linked") if r.authorization_id else "")
                ),
                icon=lambda r: (
                    authorization_problem_icon(r.authorization_problem)
                    if r.authorization_problem
                    else None
                ),
            ),
        ]
        self._request_columns = columns
        self.request_model: RowTableModel[RequestRow] = RowTableModel(
            columns,
            row_id=lambda r: r.id,
            search_text=lambda r: " ".join(
                (
                    _items_text(r),
                    r.holder_name,
                    r.recipient_name,
                    r.reference_number,
                    r.notes,
                    state_label(r.state),
                    method_label(r.method),
                )
            ),
            parent=self,
        )
        self.request_proxy = SearchFilterProxy(self)
        self.request_proxy.setSourceModel(self.request_model)
        self.request_view = self._table(self.request_proxy, self.tr("Requests"))
        # Every column is sized to its texts once (_fit_columns); the last one takes the rest.
        self.request_view.horizontalHeader().setStretchLastSection(True)
        self.request_view.activated.connect(lambda _i: self.edit_selected_request())
        self.request_view.selectionModel().selectionChanged.connect(self._request_selected)
        self.request_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.request_view.customContextMenuRequested.connect(
            lambda pos: self.request_menu.popup(self.request_view.viewport().mapToGlobal(pos))
        )

        self.request_stack = QStackedWidget(page)
        self.request_stack.addWidget(
            self._empty_state(
                self.tr(
                    "No requests yet. Add the records you need (your pathology report, "
                    "imaging, visit notes), then ask the holder to send them to the "
                    "second-opinion doctor."
                ),
                self.tr("New request…"),
                lambda: self.open_request_form(),
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(self.request_view)
        splitter.addWidget(self._build_request_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([950, 280])
        self.request_stack.addWidget(splitter)
        layout.addWidget(self.request_stack, 1)
        return page

    def _action_button(self, text: str, icon_name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(icon(icon_name), text, self)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _build_request_detail(self) -> QWidget:
        panel = QWidget(self)
        panel.setMinimumWidth(240)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 0, 0, 0)
        self.detail_title = QLabel(panel)
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.detail_title.font()
        font.setBold(True)
        self.detail_title.setFont(font)
        layout.addWidget(self.detail_title)
        form = QFormLayout()
        self.detail_fields: dict[str, QLabel] = {}
        for key, label in (
            ("state", self.tr("Status:")),
            ("route", self.tr("From → to:")),
            ("due", self.tr("Due:")),
            ("fee", self.tr("Fee, reference:")),
            ("notes", self.tr("Notes:")),
        ):
            value = QLabel(panel)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.detail_fields[key] = value
        layout.addLayout(form)
        history_label = QLabel(self.tr("History"), panel)
        history_label.setFont(font)
        layout.addWidget(history_label)
        self.history_model: RowTableModel[StateChangeRow] = RowTableModel(
            [
                Column(
                    self.tr("On"),
                    lambda c: format_date(c.on),
                    sort_key=lambda c: (c.on, c.id),
                ),
                Column(
                    self.tr("State"),
                    lambda c: state_label(c.state),
                    icon=lambda c: state_icon(c.state),
                ),
                Column(self.tr("Note"), self._history_note, tooltip=self._history_note),
            ],
            row_id=lambda c: c.id,
            parent=self,
        )
        self.history_view = self._table(self.history_model, self.tr("History of this request"))
        self.history_view.setSortingEnabled(False)
        self.history_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history_view, 1)
        return panel

    # ---------------------------------------------------------------- items page
    def _build_items_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.item_actions = QWidget(page)
        actions = QHBoxLayout(self.item_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        self.request_items_button = self._action_button(
            self.tr("Request selected…"), "fa5s.paper-plane", self.request_selected_items
        )
        self.edit_item_button = self._action_button(
            self.tr("Edit…"), "fa5s.edit", self.edit_selected_item
        )
        self.delete_item_button = self._action_button(
            self.tr("Delete…"), "fa5s.trash-alt", self.delete_selected_item
        )
        for button in (self.request_items_button, self.edit_item_button, self.delete_item_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addWidget(self.item_actions)
        columns: list[Column[ItemRow]] = [
            Column(self.tr("Record"), lambda i: i.description or kind_label(i.kind)),
            Column(self.tr("Kind"), lambda i: kind_label(i.kind)),
            Column(
                self.tr("Date of service"),
                lambda i: format_date(i.date_of_service),
                sort_key=lambda i: i.date_of_service or dt.date.min,
            ),
            Column(self.tr("Held by"), lambda i: i.holder_name),
            Column(
                self.tr("Where it went"),
                self._destinations_text,
                sort_key=lambda i: max((d.state for d in i.destinations), default=0),
                icon=lambda i: cell_icon(
                    max((d.state for d in i.destinations), default=CellState.NOTHING)
                ),
                tooltip=self._destinations_text,
            ),
        ]
        self._item_columns = columns
        self.item_model: RowTableModel[ItemRow] = RowTableModel(
            columns,
            row_id=lambda i: i.id,
            search_text=lambda i: " ".join(
                (i.description, kind_label(i.kind), i.holder_name, i.notes)
            ),
            parent=self,
        )
        self.item_proxy = SearchFilterProxy(self)
        self.item_proxy.setSourceModel(self.item_model)
        self.item_view = self._table(self.item_proxy, self.tr("Records"))
        self.item_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.item_view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.item_view.activated.connect(lambda _i: self.edit_selected_item())
        self.item_stack = QStackedWidget(page)
        self.item_stack.addWidget(
            self._empty_state(
                self.tr(
                    "No records yet. Start with the ones a second opinion needs most: "
                    "the pathology report, imaging reports and images, and recent visit notes."
                ),
                self.tr("Add the pathology report…"),
                lambda: self.open_item_form(kind=RecordKind.PATHOLOGY_REPORT),
            )
        )
        self.item_stack.addWidget(self.item_view)
        layout.addWidget(self.item_stack, 1)
        return page

    # ---------------------------------------------------------------- matrix page
    def _build_matrix_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        legend = QLabel(
            self.tr(
                "Each row is a record, each column someone it was meant for. "
                "“Confirmed” means they told you it arrived; “Not sent” means nothing "
                "was asked for yet."
            ),
            page,
        )
        legend.setWordWrap(True)
        layout.addWidget(legend)
        self.matrix_model = WhoHasWhatModel(self)
        self.matrix_proxy = SearchFilterProxy(self)
        self.matrix_proxy.setSourceModel(self.matrix_model)
        self.matrix_view = self._table(self.matrix_proxy, self.tr("Who has what"))
        self.matrix_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.matrix_view.horizontalHeader().setStretchLastSection(True)
        self.matrix_view.activated.connect(self._open_matrix_cell)
        layout.addWidget(self.matrix_view, 1)
        return page

    # ---------------------------------------------------------------- authorizations page
    def _build_authorizations_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        actions = QHBoxLayout()
        self.new_auth_button = self._action_button(
            self.tr("New authorization…"), "fa5s.plus", lambda: self.open_authorization_form()
        )
        self.edit_auth_button = self._action_button(
            self.tr("Edit…"), "fa5s.edit", self.edit_selected_authorization
        )
        self.delete_auth_button = self._action_button(
            self.tr("Delete…"), "fa5s.trash-alt", self.delete_selected_authorization
        )
        for button in (self.new_auth_button, self.edit_auth_button, self.delete_auth_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        columns: list[Column[AuthorizationRow]] = [
            Column(
                self.tr("Status"),
                lambda a: authorization_problem_label(a.problem) if a.problem else self.tr("Valid"),
                sort_key=lambda a: (a.problem is None, a.id),
                icon=lambda a: (
                    authorization_problem_icon(a.problem)
                    if a.problem
                    else icon("fa5s.check-circle", GOOD)
                ),
            ),
            Column(self.tr("From"), lambda a: a.holder_name),
            Column(self.tr("To"), lambda a: a.recipient_name),
            Column(self.tr("What records"), lambda a: a.scope, tooltip=lambda a: a.scope),
            Column(self.tr("Purpose"), lambda a: a.purpose),
            Column(
                self.tr("Signed"),
                lambda a: format_date(a.signed_on),
                sort_key=lambda a: a.signed_on or dt.date.min,
            ),
            Column(
                self.tr("Expires"),
                lambda a: format_date(a.expires_on) or a.expiry_event,
                sort_key=lambda a: a.expires_on or dt.date.max,
            ),
            Column(
                self.tr("Revoked"),
                lambda a: format_date(a.revoked_on),
                sort_key=lambda a: a.revoked_on or dt.date.min,
            ),
            Column(
                self.tr("Requests"),
                lambda a: str(a.request_count),
                sort_key=lambda a: a.request_count,
                align_right=True,
            ),
        ]
        self._auth_columns = columns
        self.auth_model: RowTableModel[AuthorizationRow] = RowTableModel(
            columns, row_id=lambda a: a.id, parent=self
        )
        self.auth_proxy = SearchFilterProxy(self)
        self.auth_proxy.setSourceModel(self.auth_model)
        self.auth_view = self._table(self.auth_proxy, self.tr("Authorizations"))
        self.auth_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.auth_view.activated.connect(lambda _i: self.edit_selected_authorization())
        layout.addWidget(self.auth_view, 1)
        return page

    def _install_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(context)
        undo.activated.connect(self.undo_last_change)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self)
        delete.setContext(context)
        delete.activated.connect(self._delete_in_current_view)
        # The views inside the tab are reached with Ctrl+Tab / Ctrl+PgDown (QTabWidget's own
        # keys); Alt+1…6 belong to the main window's tabs.

    # ================================================================== CaseTab
    def title(self) -> str:
        return self._title or self.tr("Records")

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        self.open_request_form()

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        if action == "new_request":
            self.views.setCurrentIndex(0)
            self.open_request_form(item_ids=kwargs.get("item_ids", ()))
        elif action == "new_item":
            self.views.setCurrentIndex(1)
            kind = kwargs.get("kind")
            self.open_item_form(kind=RecordKind(kind) if kind else None)
        elif action == "open_request":
            self.select_request(int(kwargs["request_id"]))
        elif action == "authorizations":
            self.views.setCurrentIndex(3)
        elif action == "matrix":
            self.views.setCurrentIndex(2)

    def _on_data_changed(self, area: str) -> None:
        if area in ("contacts", "people"):
            self.reload()

    # ================================================================== loading
    def reload(self) -> None:
        # Loading makes ~100 000 small objects, all kept: the cyclic garbage collector would
        # walk every live object several times meanwhile and find nothing to free (a third of
        # the load on a large case). It runs as usual afterwards.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._load()
        finally:
            if collecting:
                gc.enable()

    def _load(self) -> None:
        today = self.today()
        selected = self.selected_request()
        self._now = today
        try:
            with self.ctx.session() as session:
                # Requests and the matrix in one read: the matrix is worked out from them.
                overview = request_service.records_overview(session, self.ctx.person_id, today)
                authorizations = auth_service.list_authorizations(
                    session, self.ctx.person_id, today
                )
                # Only the few chosen doctors: the pickers read every contact when a form opens.
                chosen = list_contact_choices(session, roles=[ContactRole.SECOND_OPINION_CHOSEN])
                self._due_days = record_service.get_request_due_days(session)
        except (ServiceError, VaultError) as exc:
            prompts.show_error(self, self.tr("Could not load the records"), str(exc))
            return
        requests, matrix = overview.requests, overview.matrix
        # Worked out once per load: sorting 10 000 rows asks for it many times per row.
        self._overdue = _overdue_days(requests, today)
        self._chosen = {c.id for c in chosen}
        self._items = list(matrix.items)
        self._authorizations = authorizations
        # Most urgent first, sorted here once: a proxy sort calls back into Python per compare.
        requests = sorted(requests, key=lambda r: _urgency(r, self._overdue))
        self.request_model.set_rows(requests)
        self.item_model.set_rows(self._items)
        self.matrix_model.set_matrix(matrix)
        self.auth_model.set_rows(authorizations)
        self._fill_attention(requests)
        self._fill_contact_filters(requests)
        self.request_stack.setCurrentIndex(1 if requests else 0)
        self.request_actions.setVisible(bool(requests))  # nothing to act on yet
        self.item_stack.setCurrentIndex(1 if self._items else 0)
        self.item_actions.setVisible(bool(self._items))
        self._label_views(requests)
        self._summarise_recipients(matrix)
        self._fit_columns()
        if selected is not None:
            self.select_request(selected.id, switch=False)
        elif self.request_proxy.rowCount():
            # The most urgent request, so the quick actions work without a click first.
            self.request_view.selectRow(0)
        self._request_selected()
        log.debug("records tab loaded: %d requests, %d items", len(requests), len(self._items))

    def _fit_columns(self) -> None:
        """Size the columns to what they show, once: measured here, not by the view.

        ``resizeColumnsToContents`` asks the model for every role of every sampled cell, through
        Qt, on every load (half a second on a large case, mostly the 60-column matrix). Here
        the first rows' texts are measured directly, when a list first has rows, and the widths
        kept after that (the person may have dragged them). The matrix is measured again when
        its recipients change, since each recipient is a column.
        """
        for view, model, columns, limits in (
            (
                self.request_view,
                self.request_model,
                self._request_columns,
                {2: 230, 3: 170, 4: 150},
            ),
            (self.item_view, self.item_model, self._item_columns, {}),
            (self.auth_view, self.auth_model, self._auth_columns, {3: 280}),
        ):
            if model.rowCount() and view not in self._fitted:
                self._fitted.add(view)
                rows = [model.row_at(n) for n in range(min(_SAMPLE_ROWS, model.rowCount()))]
                _fit(view, columns, rows, limits)
        if self.attention_model.rowCount():  # its texts change with the date: every load
            attention = [
                self.attention_model.row_at(n)
                for n in range(min(_SAMPLE_ROWS, self.attention_model.rowCount()))
            ]
            _fit(self.attention_view, self._attention_columns[:1], attention, {})
        matrix = self.matrix_model.matrix()
        shape = tuple(r.id for r in matrix.recipients)
        if matrix.items and shape != self._matrix_shape:
            self._matrix_shape = shape
            self._fit_matrix(matrix)

    def _fit_matrix(self, matrix: record_service.WhoHasWhat) -> None:
        view = self.matrix_view
        metrics = view.fontMetrics()
        padding, icon_room = _cell_padding(view)
        # Every recipient column shows one of a few words, with a date: measure those once.
        sample_date = format_date(dt.date(2026, 12, 28))
        cell = (
            icon_room
            + padding
            + max(
                [
                    metrics.horizontalAdvance(f"{cell_label(state)} {sample_date}")
                    for state in CellState
                ]
                + [metrics.horizontalAdvance(self.tr("To request"))]
            )
        )
        header = view.horizontalHeader()
        for column in range(1, 1 + len(matrix.recipients)):
            view.setColumnWidth(column, max(cell, header.sectionSizeHint(column)))
        first = header.sectionSizeHint(0)
        for position in range(min(_SAMPLE_ROWS, len(matrix.items))):
            text = self.matrix_model.index(position, 0).data()
            first = max(first, metrics.horizontalAdvance(text) + padding)
        view.setColumnWidth(0, min(first, 320))

    def _fill_attention(self, requests: Sequence[RequestRow]) -> None:
        rows: list[AttentionRow] = []
        overdue = sorted(
            (r for r in requests if r.id in self._overdue),
            key=lambda r: (-self._overdue[r.id], r.id),
        )
        rows += [AttentionRow(OVERDUE, r, self._overdue[r.id]) for r in overdue]
        listed = {r.id for r in overdue}
        rows += [
            AttentionRow(WAITING, r)
            for r in requests
            if r.state is S.WAITING_ON_ME and r.id not in listed
        ]
        listed |= {r.request.id for r in rows}
        rows += [
            AttentionRow(AUTHORIZATION, r)
            for r in requests
            if r.authorization_problem and r.state is not S.RECEIVED and r.id not in listed
        ]
        self.attention_model.set_rows(rows)
        count = len(overdue)
        waiting = sum(1 for r in requests if r.state is S.WAITING_ON_ME)
        if not rows:
            self.attention_heading.setText(
                self.tr("✓ Nothing overdue and nothing waiting on you.")
                if requests
                else self.tr("Nothing needs attention yet.")
            )
            self.attention_view.hide()
        else:
            parts = []
            if count:
                parts.append(
                    self.tr("1 overdue") if count == 1 else self.tr("%n overdue", "", count)
                )
            if waiting:
                parts.append(self.tr("%n waiting on you", "", waiting))
            heading = self.tr("Needs attention")
            self.attention_heading.setText(heading + (f" — {', '.join(parts)}" if parts else ""))
            self.attention_view.show()
            row_height = self.attention_view.verticalHeader().defaultSectionSize()
            header = self.attention_view.horizontalHeader().sizeHint().height()
            visible = min(len(rows), 5)
            frame = 2 * self.attention_view.frameWidth()
            self.attention_view.setFixedHeight(header + row_height * visible + frame)
        title = self.tr("Records")
        if count:
            title = self.tr("Records (%n overdue)", "", count)
        if title != self._title:
            self._title = title
            self.sig_title_changed.emit(title)

    def _fill_contact_filters(self, requests: Sequence[RequestRow]) -> None:
        holders = {r.holder_id: r.holder_name for r in requests}
        holders.update({i.holder_id: i.holder_name for i in self._items if i.holder_id})
        recipients = {r.recipient_id: r.recipient_name for r in requests}
        for combo, everyone, people in (
            (self.holder_filter, self.tr("All holders"), holders),
            (self.recipient_filter, self.tr("All recipients"), recipients),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for contact_id, name in sorted(people.items(), key=lambda kv: kv[1].casefold()):
                combo.addItem(name, contact_id)
            position = combo.findData(current)
            combo.setCurrentIndex(max(position, 0))
            combo.blockSignals(False)
        self._apply_filters()

    def _summarise_recipients(self, matrix: record_service.WhoHasWhat) -> None:
        chosen = self._chosen
        # The chosen second-opinion doctor(s); else whoever most records were meant for.
        recipients = [r for r in matrix.recipients if r.id in chosen][:2]
        recipients = recipients or list(matrix.recipients[:1])
        lines = []
        for recipient in recipients:
            counts = dict.fromkeys(CellState, 0)
            for item in matrix.items:
                counts[matrix.cell(item.id, recipient.id)] += 1
            lines.append(
                self.tr(
                    "%1 has %2 of %3 records confirmed · %4 on the way · %5 requested · "
                    "%6 not asked for"
                )
                .replace("%1", recipient.name)
                .replace("%2", str(counts[CellState.CONFIRMED]))
                .replace("%3", str(len(matrix.items)))
                .replace("%4", str(counts[CellState.SENT]))
                .replace("%5", str(counts[CellState.REQUESTED]))
                .replace("%6", str(counts[CellState.NOTHING]))
            )
        self.recipient_summary.setText("\n".join(lines))
        self.recipient_summary.setVisible(bool(lines))

    def _label_views(self, requests: Sequence[RequestRow]) -> None:
        open_count = sum(1 for r in requests if r.state is not S.RECEIVED)
        missing = sum(1 for i in self._items if not any(d.state > 0 for d in i.destinations))
        self.views.setTabText(0, self.tr("Requests (%n open)", "", open_count))
        self.views.setTabText(
            1,
            self.tr("Record items (%n not requested)", "", missing)
            if missing
            else self.tr("Record items"),
        )
        self.views.setTabText(2, self.tr("Who has what"))
        flagged = sum(1 for a in self._authorizations if a.problem)
        self.views.setTabText(
            3,
            self.tr("Authorizations (%n expired or revoked)", "", flagged)
            if flagged
            else self.tr("Authorizations"),
        )

    # ================================================================== texts
    def _status_text(self, row: RequestRow) -> str:
        if row.id in self._overdue:
            return self.tr("Overdue") + " · " + state_label(row.state)
        return state_label(row.state)

    def _status_tooltip(self, row: RequestRow) -> str:
        parts = [state_label(row.state)]
        if row.id in self._overdue:
            parts.insert(0, days_overdue_text(self._overdue[row.id]))
        if row.authorization_problem:
            parts.append(
                self.tr("The authorization it relies on: %1").replace(
                    "%1", authorization_problem_label(row.authorization_problem)
                )
            )
        return " — ".join(parts)

    def _due_text(self, row: RequestRow) -> str:
        due = row.effective_due_on
        if due is None:
            return ""
        text = format_date(due)
        if row.state is S.RECEIVED or (row.state is S.SENT and row.id not in self._overdue):
            return text
        return f"{text} · {due_hint(due, self._now)}"

    def _attention_why(self, row: AttentionRow) -> str:
        if row.reason == OVERDUE:
            return self.tr("Overdue") + " · " + days_overdue_text(row.days_overdue)
        if row.reason == WAITING:
            return self.tr("Waiting on me")
        problem = row.request.authorization_problem
        label = authorization_problem_label(problem) if problem else ""
        return self.tr("Authorization %1").replace("%1", label.lower())

    def _attention_icon(self, row: AttentionRow) -> Any:
        if row.reason == OVERDUE:
            return overdue_icon()
        if row.reason == WAITING:
            return state_icon(S.WAITING_ON_ME)
        problem = row.request.authorization_problem
        return authorization_problem_icon(problem) if problem else None

    def _attention_todo(self, row: AttentionRow) -> str:
        note = row.request.notes.splitlines()[0] if row.request.notes.strip() else ""
        if row.reason == OVERDUE:
            if row.request.state is S.WAITING_ON_ME:
                return note or self.tr("They are waiting for something from you")
            if row.request.state is S.SENT:
                return self.tr("Ask %1 whether it arrived").replace(
                    "%1", row.request.recipient_name
                )
            return self.tr("Call %1 and ask when they will send it").replace(
                "%1", row.request.holder_name
            )
        if row.reason == WAITING:
            return note or self.tr("Do what they asked, then mark it requested again")
        return self.tr("Sign a new authorization for %1").replace("%1", row.request.holder_name)

    def _history_note(self, change: StateChangeRow) -> str:
        if change.new_due_on is not None:
            due = self.tr("New due date %1").replace("%1", format_date(change.new_due_on))
            return f"{due}. {change.note}" if change.note else due
        return change.note

    def _destinations_text(self, item: ItemRow) -> str:
        if not item.destinations:
            return self.tr("Not requested yet")
        return "; ".join(
            f"{cell_label(d.state) if d.state else self.tr('To request')}: {d.recipient_name}"
            for d in item.destinations
        )

    # ================================================================== filters
    def _apply_search(self, text: str) -> None:
        for proxy in (self.request_proxy, self.item_proxy, self.matrix_proxy, self.auth_proxy):
            proxy.set_search(text)

    def _apply_filters(self) -> None:
        # Qt hands enum members back as plain strings; compare by value.
        state = self.state_filter.currentData()
        holder = self.holder_filter.currentData()
        recipient = self.recipient_filter.currentData()
        kind = self.kind_filter.currentData()
        chosen = (state, holder, recipient, kind)
        if chosen == self._filters:
            return  # each change re-filters every row: skip it when nothing changed
        self._filters = chosen

        def by_state(row: RequestRow) -> bool:
            if state == OVERDUE:
                return row.id in self._overdue
            if state == "open":
                return row.state is not S.RECEIVED
            return bool(row.state == state)

        self.request_proxy.set_predicate("state", by_state if state else None)
        self.request_proxy.set_predicate(
            "holder", (lambda r: r.holder_id == holder) if holder else None
        )
        self.request_proxy.set_predicate(
            "recipient", (lambda r: r.recipient_id == recipient) if recipient else None
        )
        self.request_proxy.set_predicate(
            "kind", (lambda r: any(i.kind == kind for i in r.items)) if kind else None
        )
        for proxy in (self.item_proxy, self.matrix_proxy):
            proxy.set_predicate("kind", (lambda i: i.kind == kind) if kind else None)
            proxy.set_predicate("holder", (lambda i: i.holder_id == holder) if holder else None)
        self.auth_proxy.set_predicate(
            "holder", (lambda a: a.holder_id == holder) if holder else None
        )
        self.auth_proxy.set_predicate(
            "recipient", (lambda a: a.recipient_id == recipient) if recipient else None
        )

    # ================================================================== selection
    def selected_request(self) -> RequestRow | None:
        row: RequestRow | None = self._selected(self.request_view)
        return row

    def _selected(self, view: QTableView) -> Any:
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        if not rows:
            return None
        return rows[0].data(ROW_ROLE)

    def _selected_all(self, view: QTableView) -> list[Any]:
        return [index.data(ROW_ROLE) for index in view.selectionModel().selectedRows()]

    def select_request(self, request_id: int, switch: bool = True) -> None:
        position = self.request_model.position_of(request_id)
        if position is None:
            return
        if switch:
            self.views.setCurrentIndex(0)
        proxy_index = self.request_proxy.mapFromSource(self.request_model.index(position, 0))
        if not proxy_index.isValid():  # filtered out: clear the filters so it can be seen
            self.search.clear()
            self.state_filter.setCurrentIndex(0)
            self.holder_filter.setCurrentIndex(0)
            self.recipient_filter.setCurrentIndex(0)
            self.kind_filter.setCurrentIndex(0)
            proxy_index = self.request_proxy.mapFromSource(self.request_model.index(position, 0))
        show_row(self.request_view, proxy_index)
        if switch:
            self.request_view.setFocus()

    def _request_selected(self, *_args: object) -> None:
        row = self.selected_request()
        allowed = request_service.allowed_next_states(row.state) if row else frozenset()
        self.mark_requested_button.setEnabled(S.REQUESTED in allowed)
        self.mark_sent_button.setEnabled(S.SENT in allowed)
        self.mark_received_button.setEnabled(S.RECEIVED in allowed)
        self.extension_button.setEnabled(S.EXTENDED in allowed)
        self.act_partly.setEnabled(S.PARTLY_RECEIVED in allowed)
        self.act_waiting.setEnabled(S.WAITING_ON_ME in allowed)
        self.act_problem.setEnabled(S.PROBLEM in allowed)
        for action in (
            self.act_open_holder,
            self.act_letter,
            self.act_auth_form,
            self.act_doctor_letter,
            self.act_edit_request,
            self.act_delete_request,
        ):
            action.setEnabled(row is not None)
        self.more_button.setEnabled(True)
        history: list[StateChangeRow] = []
        if row is not None:
            with self.ctx.session() as session:
                history = request_service.request_history(session, row.id)
        self.undo_button.setEnabled(len(history) > 1)
        self.history_model.set_rows(history)
        self.history_view.resizeColumnsToContents()
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self._show_detail(row)

    def _show_detail(self, row: RequestRow | None) -> None:
        if row is None:
            self.detail_title.setText(self.tr("Select a request to see its history."))
            for value in self.detail_fields.values():
                value.clear()
            return
        self.detail_title.setText(_items_text(row))
        self.detail_fields["state"].setText(self._status_tooltip(row))
        self.detail_fields["route"].setText(
            f"{row.holder_name} → {row.recipient_name} ({method_label(row.method)})"
        )
        due = row.effective_due_on
        due_text = self._due_text(row) if due else self.tr("not requested yet")
        if row.extended_due_on and row.due_on:
            due_text += " " + self.tr("(extended from %1)").replace("%1", format_date(row.due_on))
        self.detail_fields["due"].setText(due_text)
        fee = ""
        if row.fee_cents:
            fee = QLocale().toCurrencyString(row.fee_cents / 100)
        if row.reference_number:
            fee = (fee + " · " if fee else "") + self.tr("ref. %1").replace(
                "%1", row.reference_number
            )
        self.detail_fields["fee"].setText(fee)
        self.detail_fields["notes"].setText(row.notes[:2000])

    # ================================================================== forms
    def _show_form(self, form: RecordsForm, on_saved: Callable[[int], None]) -> None:
        self.current_form = form
        form.sig_saved.connect(on_saved)
        form.finished.connect(lambda _r: self._form_closed(form))
        form.open()

    def _form_closed(self, form: RecordsForm) -> None:
        if self.current_form is form:
            self.current_form = None
        form.deleteLater()

    def _saved(self, select_request: int | None = None) -> None:
        self.ctx.notify_changed("records")
        self.reload()
        if select_request is not None:
            self.select_request(select_request)

    def _load_contacts(self) -> list[ContactChoice] | None:
        """Every contact, for a form's pickers: read when a form opens, never kept.

        Ten thousand contacts take a few tenths of a second to read; the tab itself never
        needs them, so they are not read (or held) on every reload.
        """
        try:
            with self.ctx.session() as session:
                return list_contact_choices(session)
        except (ServiceError, VaultError) as exc:
            prompts.show_error(self, self.tr("Could not load the contacts"), str(exc))
            return None

    def open_item_form(self, kind: RecordKind | None = None, item: ItemRow | None = None) -> None:
        contacts = self._load_contacts()
        if contacts is None:
            return
        form = ItemForm(self.ctx, contacts, item=item, kind=kind, parent=self)
        self._show_form(form, lambda _id: self._saved())

    def open_request_form(
        self, item_ids: Sequence[int] = (), request: RequestRow | None = None
    ) -> None:
        contacts = self._load_contacts()
        if contacts is None:
            return
        if not contacts:
            prompts.show_info(
                self,
                self.tr("Add the holder first"),
                self.tr(
                    "A request goes from someone who holds your records to someone who "
                    "needs them. Add them in Doctors & contacts first."
                ),
            )
            self.navigator.navigate("contacts.new")
            return
        if request is None and not self._items:
            # A request is for records: say which one first, then carry on to the request.
            self.ctx.sig_status.emit(self.tr("First add the record you want to request."))
            item_form = ItemForm(self.ctx, contacts, parent=self)
            self._show_form(item_form, self._request_new_item)
            return
        form = RequestForm(
            self.ctx,
            contacts,
            self._items,
            self._authorizations,
            self._due_days,
            request=request,
            item_ids=item_ids,
            parent=self,
        )
        self._show_form(form, lambda rid: self._saved(select_request=rid))

    def _request_new_item(self, item_id: int) -> None:
        self._saved()
        # Open after the item form has closed, so the new form becomes the current one.
        QTimer.singleShot(0, lambda: self.open_request_form(item_ids=[item_id]))

    def open_due_days_form(self) -> None:
        form = DueDaysForm(self.ctx, self._due_days, parent=self)
        self._show_form(form, lambda _days: self._saved())

    def open_authorization_form(self, authorization: AuthorizationRow | None = None) -> None:
        contacts = self._load_contacts()
        if contacts is None:
            return
        form = AuthorizationForm(self.ctx, contacts, authorization, parent=self)
        self._show_form(form, lambda _id: self._saved())

    # ================================================================== request actions
    def _state_form(
        self,
        title: str,
        apply: Callable[[Session, int, dt.date, str, dt.date | None], None],
        new_due_default: dt.date | None = None,
    ) -> None:
        row = self.selected_request()
        if row is None:
            return
        form = StateChangeForm(self.ctx, title, row.id, apply, new_due_default, parent=self)
        self._show_form(form, lambda rid: self._saved(select_request=rid))

    def mark_requested(self) -> None:
        self._state_form(
            self.tr("Mark requested"),
            lambda s, rid, on, note, _due: request_service.mark_requested(s, rid, on, note=note),
        )

    def mark_sent(self) -> None:
        self._state_form(
            self.tr("Mark sent"),
            lambda s, rid, on, note, _due: request_service.mark_sent(s, rid, on, note),
        )

    def mark_received(self) -> None:
        self._state_form(
            self.tr("Mark received (confirmed by the recipient)"),
            lambda s, rid, on, note, _due: request_service.mark_received(s, rid, on, note),
        )

    def mark_partly(self) -> None:
        self._state_form(
            self.tr("Mark partly received"),
            lambda s, rid, on, note, _due: request_service.mark_partly_received(s, rid, on, note),
        )

    def mark_waiting(self) -> None:
        self._state_form(
            self.tr("Mark waiting on me"),
            lambda s, rid, on, note, _due: request_service.mark_waiting_on_me(s, rid, on, note),
        )

    def mark_problem(self) -> None:
        self._state_form(
            self.tr("Mark refused / problem"),
            lambda s, rid, on, note, _due: request_service.mark_problem(s, rid, on, note),
        )

    def record_extension(self) -> None:
        row = self.selected_request()
        if row is None:
            return
        base = row.effective_due_on or self.today()

        def apply(s: Session, rid: int, on: dt.date, note: str, due: dt.date | None) -> None:
            assert due is not None
            request_service.record_extension(s, rid, due, on=on, note=note)

        self._state_form(
            self.tr("Record an extension"), apply, base + dt.timedelta(days=self._due_days)
        )

    def undo_last_change(self) -> None:
        row = self.selected_request()
        if row is None or self.views.currentIndex() != 0:
            return
        try:
            with self.ctx.session() as session:
                history = request_service.request_history(session, row.id)
                if len(history) < 2:
                    return
                undone = state_label(history[-1].state)
                back = state_label(history[-2].state)
                if not prompts.ask_confirm(
                    self,
                    self.tr("Undo last change"),
                    self.tr("Undo “%1” and put this request back to “%2”?")
                    .replace("%1", undone)
                    .replace("%2", back),
                    self.tr("Undo"),
                ):
                    return
                request_service.undo_last_state_change(session, row.id)
        except (ServiceError, VaultError) as exc:
            prompts.show_error(self, self.tr("Could not undo"), str(exc))
            return
        self._saved(select_request=row.id)

    def open_holder(self) -> None:
        row = self.selected_request()
        if row is not None:
            self.navigator.navigate("contacts.open", contact_id=row.holder_id)

    def export_letter(self, kind: str) -> None:
        row = self.selected_request()
        if row is None:
            return
        try:
            from second_opinion.ui.export_actions import export_letter
        except ImportError:
            prompts.show_info(
                self,
                self.tr("Letters"),
                self.tr("Letters and forms are not available in this version yet."),
            )
            return
        export_letter(self, self.ctx, row.id, kind)

    def edit_selected_request(self) -> None:
        row = self.selected_request()
        if row is not None:
            self.open_request_form(request=row)

    def delete_selected_request(self) -> None:
        row = self.selected_request()
        if row is None:
            return
        text = self.tr("Delete the request to %1 from %2 for “%3” and its history?")
        text = (
            text.replace("%1", row.recipient_name)
            .replace("%2", row.holder_name)
            .replace("%3", _items_text(row)[:200])
        )
        if not prompts.ask_confirm(self, self.tr("Delete request"), text, self.tr("Delete")):
            return
        self._run(lambda s: request_service.delete_request(s, row.id))

    # ================================================================== item actions
    def request_selected_items(self) -> None:
        items = self._selected_all(self.item_view)
        self.open_request_form(item_ids=[i.id for i in items])

    def edit_selected_item(self) -> None:
        item = self._selected(self.item_view)
        if item is not None:
            self.open_item_form(item=item)

    def delete_selected_item(self) -> None:
        item: ItemRow | None = self._selected(self.item_view)
        if item is None:
            return
        name = item.description or kind_label(item.kind)
        if item.request_count == 1:
            text = self.tr("Delete “%1” and take it off the request that lists it?")
        elif item.request_count:
            text = self.tr("Delete “%1” and take it off %n requests?", "", item.request_count)
        else:
            text = self.tr("Delete “%1”?")
        text = text.replace("%1", name[:200])
        if not prompts.ask_confirm(self, self.tr("Delete record"), text, self.tr("Delete")):
            return
        self._run(lambda s: record_service.delete_item(s, item.id))

    # ================================================================== authorization actions
    def edit_selected_authorization(self) -> None:
        auth = self._selected(self.auth_view)
        if auth is not None:
            self.open_authorization_form(auth)

    def delete_selected_authorization(self) -> None:
        auth: AuthorizationRow | None = self._selected(self.auth_view)
        if auth is None:
            return
        text = self.tr("Delete the authorization for %1 to send records to %2?")
        text = text.replace("%1", auth.holder_name).replace("%2", auth.recipient_name)
        if auth.request_count == 1:
            text += " " + self.tr("One request will no longer be linked to it.")
        elif auth.request_count:
            text += " " + self.tr(
                "%n requests will no longer be linked to it.", "", auth.request_count
            )
        if not prompts.ask_confirm(self, self.tr("Delete authorization"), text, self.tr("Delete")):
            return
        self._run(lambda s: auth_service.delete_authorization(s, auth.id))

    def _delete_in_current_view(self) -> None:
        page = self.views.currentIndex()
        if page == 0:
            self.delete_selected_request()
        elif page == 1:
            self.delete_selected_item()
        elif page == 3:
            self.delete_selected_authorization()

    def _run(self, change: Callable[[Session], None]) -> None:
        try:
            with self.ctx.session() as session:
                change(session)
        except (ServiceError, VaultError) as exc:
            prompts.show_error(self, self.tr("Could not save"), str(exc))
            return
        self._saved()

    # ================================================================== jumps
    def _open_attention(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.select_request(row.request.id)

    def _open_matrix_cell(self, index: QModelIndex) -> None:
        request_id = index.data(REQUEST_ID_ROLE)
        if request_id is not None:
            self.select_request(int(request_id))
