"""The Records tab: what has the second doctor got, what is missing, and who to chase.

Top to bottom: search and filters, then "Needs attention" with what each chosen doctor has,
then four views, each its own module under ``ui/records``: requests (with quick actions and
the history of the selected one), record items, who has what, and authorizations.

Everything shown comes from one read model, the records board (``case.records``), loaded
through the operations runner; the tab keeps no rule of its own (what is overdue, in which
order, what needs attention are the board's).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import records as case_records
from second_opinion.case.changes import Area, Changes
from second_opinion.case.records import RecordsBoard
from second_opinion.domain.enums import RecordKind, RequestState
from second_opinion.services.contacts import ContactChoice
from second_opinion.services.record_requests import RequestData, RequestRow
from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.focus_frame import mark_primary
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.ops import run_in_steps
from second_opinion.ui.records.attention import AttentionPanel
from second_opinion.ui.records.authorizations_view import AuthorizationsView
from second_opinion.ui.records.common import (
    filter_combo,
    icon,
    kind_label,
    overdue_icon,
    records_title,
    state_icon,
    state_label,
    tr,
    view_labels,
)
from second_opinion.ui.records.common import icons_ahead as icons_ahead  # see window.startup
from second_opinion.ui.records.forms import ItemForm
from second_opinion.ui.records.items_view import ItemsView
from second_opinion.ui.records.matrix_view import MatrixView
from second_opinion.ui.records.new_holder import open_new_holder
from second_opinion.ui.records.request_form import RequestForm
from second_opinion.ui.records.requests_view import RequestsView
from second_opinion.ui.records.tables import fit_columns
from second_opinion.ui.tabs.base import CaseTab, Navigator

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending

log = logging.getLogger(__name__)

OVERDUE = "overdue"
OPEN = "open"
REQUESTS, ITEMS, MATRIX, AUTHORIZATIONS = range(4)


class RecordsTab(CaseTab):
    key = "records"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        #: what "today" is; replaceable so a test or a screenshot can fix the date
        self.today: Callable[[], dt.date] = dt.date.today
        self._board = RecordsBoard.empty(self.today())
        self._title = ""
        #: the form currently open (tests fill it in and accept it)
        self.current_form: FormDialog | None = None
        #: the lists whose columns were sized (once, when they first had rows)
        self._fitted: set[object] = set()

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        # Below the search, the page scrolls when the window is short for its font: the
        # summary, the lists and the buttons keep the height their text needs.
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        page = QScrollArea(self)
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setAccessibleName(tr("Records page"))
        # Not a stop of its own (it would show no focus): Tab goes to what is on the page, and
        # the page scrolls to show it.
        page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.attention = AttentionPanel(self)
        self.attention.sig_open_request.connect(self.select_request)
        body_layout.addWidget(self.attention)
        # Made before the views it holds, so Tab reaches its tab bar before what is below it.
        self.views = QTabWidget(self)
        self.views.setAccessibleName(tr("Records views"))
        self.views.tabBar().setAccessibleName(tr("Records views"))
        self.requests = RequestsView(self, self)
        self.views.addTab(self.requests, icon("fa5s.exchange-alt"), "")
        # The other views are built when first needed (shown, or given a board), in a turn
        # of the event loop of their own: building all four held the window still.
        self._others: tuple[ItemsView, MatrixView, AuthorizationsView] | None = None
        self._holders = []
        for name in ("fa5s.file-medical", "fa5s.th", "fa5s.file-signature"):
            holder = QWidget(self.views)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.views.addTab(holder, icon(name), "")
            self._holders.append(holder)
        self.views.currentChanged.connect(lambda index: index != REQUESTS and self._other_views())
        body_layout.addWidget(self.views, 1)
        page.setWidget(body)
        layout.addWidget(page, 1)
        self._install_shortcuts()
        self._label_views()
        ctx.sig_changed.connect(self._on_changed)

    # ---------------------------------------------------------------- building
    @property
    def items(self) -> ItemsView:
        return self._other_views()[0]

    @property
    def matrix(self) -> MatrixView:
        return self._other_views()[1]

    @property
    def authorizations(self) -> AuthorizationsView:
        return self._other_views()[2]

    def _other_views(self) -> tuple[ItemsView, MatrixView, AuthorizationsView]:
        if self._others is None:
            views = ItemsView(self, self), MatrixView(self), AuthorizationsView(self, self)
            views[1].sig_open_request.connect(self.select_request)
            for holder, view in zip(self._holders, views, strict=True):
                holder.layout().addWidget(view)  # type: ignore[union-attr]
            self._others = views
            # The search typed and the filters chosen so far apply to them too.
            for view in views:
                view.proxy.set_search(self.search.text())
            self._filter_other_views()
        return self._others

    def _build_toolbar(self) -> FlowLayout:
        # Search and filters, then the two "new" buttons; on a narrow window or with long
        # words the row wraps, and the search field takes what room a line has left.
        bar = FlowLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search records, holders, references…"))
        self.search.setAccessibleName(tr("Search records"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_search)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 20)
        bar.addWidget(self.search)
        self.state_filter = filter_combo(self, tr("Filter by state"), tr("All states"))
        self.state_filter.addItem(overdue_icon(), tr("Overdue"), OVERDUE)
        self.state_filter.addItem(tr("Not received yet"), OPEN)
        for state in RequestState:
            self.state_filter.addItem(state_icon(state), state_label(state), state)
        self.holder_filter = filter_combo(self, tr("Filter by holder"))
        self.recipient_filter = filter_combo(self, tr("Filter by recipient"))
        self.kind_filter = filter_combo(self, tr("Filter by kind of record"), tr("All kinds"))
        for kind in RecordKind:
            self.kind_filter.addItem(kind_label(kind), kind)
        filters = (self.state_filter, self.holder_filter, self.recipient_filter, self.kind_filter)
        for combo in filters:
            combo.currentIndexChanged.connect(self._apply_filters)
            bar.addWidget(combo)
        self.new_item_button = QPushButton(icon("fa5s.plus"), tr("New &record"), self)
        self.new_item_button.setAccessibleName(tr("New record"))
        self.new_item_button.setToolTip(tr("Add a record that exists (a report, images…)"))
        self.new_item_button.clicked.connect(lambda: self.items.open_form())
        self.new_request_button = QPushButton(icon("fa5s.paper-plane"), tr("New re&quest"), self)
        self.new_request_button.setAccessibleName(tr("New request"))
        self.new_request_button.setToolTip(tr("Ask a holder to send records (Ctrl+N)"))
        mark_primary(self.new_request_button)
        self.new_request_button.clicked.connect(lambda: self.open_request_form())
        bar.addWidget(self.new_item_button)
        bar.addWidget(self.new_request_button)
        return bar

    def _install_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(context)
        undo.activated.connect(self._undo_in_current_view)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self)
        delete.setContext(context)
        delete.activated.connect(self._delete_in_current_view)
        # The views are reached with Ctrl+Tab / Ctrl+PgDown (QTabWidget's own keys);
        # Alt+1, Alt+2… belong to the main window's tabs.

    # ---------------------------------------------------------------- CaseTab
    def title(self) -> str:
        return self._title or tr("Records")

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        self.open_request_form()

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        if action == "new_request":
            self.views.setCurrentIndex(REQUESTS)
            self.open_request_form(item_ids=kwargs.get("item_ids", ()))
        elif action == "new_item":
            self.views.setCurrentIndex(ITEMS)
            kind = kwargs.get("kind")
            self.items.open_form(kind=RecordKind(kind) if kind else None)
        elif action == "open_request":
            self.select_request(int(kwargs["request_id"]))
        elif action == "open_item":
            self.views.setCurrentIndex(ITEMS)
            self.clear_filters()
            self.items.select(int(kwargs["item_id"]))
        elif action == "authorizations":
            self.views.setCurrentIndex(AUTHORIZATIONS)
        elif action == "matrix":
            self.views.setCurrentIndex(MATRIX)
        elif action in ("log_call", "material"):
            from second_opinion.ui.records.tracking_actions import handle_navigation

            handle_navigation(self, action, kwargs)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return  # the change's own callback reloads (and selects what it changed)
        if changes.touches(Area.RECORDS, Area.CONTACTS, Area.PEOPLE):
            self.reload_after(changes)

    # ---------------------------------------------------------------- loading
    @property
    def owner(self) -> QObject:
        return self

    @property
    def board(self) -> RecordsBoard:
        return self._board

    def reload(self, select_request: int | None = None) -> None:
        today = self.today()
        self.ctx.ops.query(
            lambda case: case_records.records_board(case, today),
            owner=self,
            title=tr("Could not load the records"),
        ).success(lambda board: self._show_board(board, select_request)).run()

    def _show_board(self, board: RecordsBoard, select_request: int | None) -> None:
        self._board = board
        self.requests.show_board(board)
        if select_request is not None:
            self.select_request(select_request)
        self._label_views()

        def current(step: Callable[[], object]) -> Callable[[], object]:
            # A newer board may arrive between steps: then this one's rest is skipped.
            return lambda: step() if self._board is board else None

        # The rest follows, one part per turn of the event loop: on a large case each view is
        # a model reset of thousands of rows, and together they would hold the window still.
        # (The filters chosen stay on the lists meanwhile; the holders' and recipients'
        # choices are refilled a moment later.)
        run_in_steps(
            self,
            [
                current(lambda: self.attention.show_board(board)),
                current(lambda: self._fill_contact_filters(board)),
                current(lambda: self.items.show_items(board.items)),
                current(lambda: self.matrix.show_matrix(board.matrix)),
                current(lambda: self.authorizations.model.set_rows(board.authorizations)),
                current(self._fit_columns),
            ],
        )
        log.debug(
            "records tab loaded: %d requests, %d items", len(board.requests), len(board.items)
        )

    def _fit_columns(self) -> None:
        for view, columns, rows, limits in (
            (
                self.requests.view,
                self.requests.columns,
                self._board.requests,
                {3: 230, 4: 170, 5: 150},
            ),
            (self.items.view, self.items.columns, self._board.items, {}),
            (
                self.authorizations.view,
                self.authorizations.columns,
                self._board.authorizations,
                {3: 280},
            ),
        ):
            if rows and view not in self._fitted:
                self._fitted.add(view)
                fit_columns(view, columns, rows, limits)

    def _label_views(self) -> None:
        for index, label in enumerate(view_labels(self._board.counts)):  # REQUESTS, ITEMS, ...
            self.views.setTabText(index, label)
        title = records_title(self._board.counts)
        if title != self._title:
            self._title = title
            self.sig_title_changed.emit(title)

    def _fill_contact_filters(self, board: RecordsBoard) -> None:
        holders = {r.holder_id: r.holder_name for r in board.requests}
        holders.update({i.holder_id: i.holder_name for i in board.items if i.holder_id})
        recipients = {r.recipient_id: r.recipient_name for r in board.requests}
        for combo, everyone, people in (
            (self.holder_filter, tr("All holders"), holders),
            (self.recipient_filter, tr("All recipients"), recipients),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for contact_id, name in sorted(people.items(), key=lambda kv: kv[1].casefold()):
                combo.addItem(name, contact_id)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self._apply_filters()

    # ---------------------------------------------------------------- filters
    def _apply_search(self, text: str) -> None:
        for view in (self.requests, *(self._others or ())):
            view.proxy.set_search(text)

    def _apply_filters(self) -> None:
        # Qt hands enum members back as plain strings; compare by value.
        state = self.state_filter.currentData()
        holder = self.holder_filter.currentData()
        recipient = self.recipient_filter.currentData()
        kind = self.kind_filter.currentData()

        def by_state(row: RequestRow) -> bool:
            if state == OVERDUE:
                return row.id in self._board.overdue
            if state == OPEN:
                return row.state is not RequestState.RECEIVED
            return bool(row.state == state)

        proxy = self.requests.proxy
        proxy.set_predicate("state", by_state if state else None)
        proxy.set_predicate("holder", (lambda r: r.holder_id == holder) if holder else None)
        proxy.set_predicate(
            "recipient", (lambda r: r.recipient_id == recipient) if recipient else None
        )
        proxy.set_predicate(
            "kind", (lambda r: any(i.kind == kind for i in r.items)) if kind else None
        )
        if self._others is not None:
            self._filter_other_views()

    def _filter_other_views(self) -> None:
        holder = self.holder_filter.currentData()
        recipient = self.recipient_filter.currentData()
        kind = self.kind_filter.currentData()
        for items in (self.items.proxy, self.matrix.proxy):
            items.set_predicate("kind", (lambda i: i.kind == kind) if kind else None)
            items.set_predicate("holder", (lambda i: i.holder_id == holder) if holder else None)
        auths = self.authorizations.proxy
        auths.set_predicate("holder", (lambda a: a.holder_id == holder) if holder else None)
        auths.set_predicate(
            "recipient", (lambda a: a.recipient_id == recipient) if recipient else None
        )

    def clear_filters(self) -> None:
        self.search.clear()
        for combo in (
            self.state_filter,
            self.holder_filter,
            self.recipient_filter,
            self.kind_filter,
        ):
            combo.setCurrentIndex(0)

    # ---------------------------------------------------------------- selection
    def selected_request(self) -> RequestRow | None:
        return self.requests.selected()

    def select_request(self, request_id: int) -> None:
        self.views.setCurrentIndex(REQUESTS)
        if self.requests.is_hidden_by_filters(request_id):
            self.clear_filters()  # filtered out: clear the filters so it can be seen
        if self.requests.select(request_id):
            self.requests.view.setFocus()

    def _undo_in_current_view(self) -> None:
        if self.views.currentIndex() == REQUESTS:
            self.requests.undo_last_change()

    def _delete_in_current_view(self) -> None:
        page = self.views.currentIndex()
        if page == REQUESTS:
            self.requests.delete_selected()
        elif page == ITEMS:
            self.items.delete_selected()
        elif page == AUTHORIZATIONS:
            self.authorizations.delete_selected()

    # ---------------------------------------------------------------- forms
    def show_form(self, form: FormDialog) -> None:
        self.current_form = form
        form.finished.connect(lambda _result: self._form_closed(form))
        form.open()

    def _form_closed(self, form: FormDialog) -> None:
        if self.current_form is form:
            self.current_form = None
        form.deleteLater()

    def new_holder(self, parent: QWidget, then: Callable[[ContactChoice], None]) -> QDialog:
        return open_new_holder(self.ctx, self, parent, then)

    def with_contacts(self, then: Callable[[list[ContactChoice]], None]) -> None:
        """Every contact, for a form's pickers: read when a form opens, never kept."""
        self.ctx.ops.query(
            case_records.contact_choices, owner=self, title=tr("Could not load the contacts")
        ).success(then).run()

    def open_request_form(
        self, item_ids: Sequence[int] = (), request: RequestRow | None = None
    ) -> None:
        self.with_contacts(lambda contacts: self._request_form(contacts, item_ids, request))

    def _request_form(
        self, contacts: list[ContactChoice], item_ids: Sequence[int], request: RequestRow | None
    ) -> None:
        if not contacts:
            prompts.show_info(
                self,
                tr("Add the holder first"),
                tr(
                    "A request goes from someone who holds your records to someone who "
                    "needs them. Add them in Doctors & contacts first."
                ),
            )
            self.navigator.navigate("contacts.new")
            return
        if request is None and not self._board.items:
            # A request is for records: say which one first, then carry on to the request.
            self.ctx.sig_status.emit(tr("First add the record you want to request."))
            self._item_then_request(contacts)
            return
        request_id = request.id if request else None

        def submit(data: RequestData) -> Pending[int]:
            return self.ctx.ops.change(
                lambda case: case_records.save_request(case, data, request_id),
                owner=self,
                title=tr("Save request"),
            )

        form = RequestForm(
            submit,
            contacts,
            self._board.items,
            self._board.authorizations,
            self._board.due_days,
            request=request,
            item_ids=item_ids,
            parent=self,
        )
        form.accepted.connect(lambda: self.reload(select_request=form.saved))
        self.show_form(form)

    def _item_then_request(self, contacts: list[ContactChoice]) -> None:
        def submit(data: Any) -> Pending[int]:
            return self.ctx.ops.change(
                lambda case: case_records.save_item(case, data), owner=self, title=tr("Save record")
            )

        form = ItemForm(submit, contacts, parent=self, new_holder=self.new_holder)

        def saved() -> None:
            item_id = form.saved
            self.reload()
            # Open after the item form has closed, so the new form becomes the current one.
            QTimer.singleShot(0, lambda: self.open_request_form(item_ids=[item_id]))

        form.accepted.connect(saved)
        self.show_form(form)
