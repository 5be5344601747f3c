"""The requests view: every request, its quick actions, and the history of the selected one."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import records as case_records
from second_opinion.case.records import RecordsBoard, UndoPreview
from second_opinion.domain.enums import RequestState
from second_opinion.services import record_requests as request_service
from second_opinion.services.documents import LinkRef, LinkTarget
from second_opinion.services.errors import NotFound, ServiceError
from second_opinion.services.record_requests import RequestRow, StateChangeRow
from second_opinion.ui import prompts
from second_opinion.ui.dates import format_date
from second_opinion.ui.documents.linked import LinkedDocuments
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.ops import service_error_text
from second_opinion.ui.records.common import (
    authorization_problem_icon,
    authorization_problem_label,
    days_overdue_text,
    due_hint,
    icon,
    items_text,
    method_label,
    overdue_icon,
    request_search_text,
    state_icon,
    state_label,
    tr,
)
from second_opinion.ui.records.forms import DueDaysForm, StateChangeForm
from second_opinion.ui.records.host import RecordsHost
from second_opinion.ui.records.request_detail import RequestDetail, in_scroll_area
from second_opinion.ui.records.tables import action_button, empty_state, make_table, selected_row
from second_opinion.ui.records.tracking_panel import TrackingPanel
from second_opinion.ui.search_proxy import SearchFilterProxy, show_row
from second_opinion.ui.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending

S = RequestState


class RequestsView(QWidget):
    def __init__(self, host: RecordsHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._board = RecordsBoard.empty(dt.date.today())
        layout = QVBoxLayout(self)
        self.action_bar = QWidget(self)
        # The quick actions wrap onto a second line rather than squeeze their words.
        actions = FlowLayout(self.action_bar)
        self.mark_requested_button = action_button(
            self,
            tr("Mark reques&ted"),
            "fa5s.hourglass-half",
            lambda: self.change_state(S.REQUESTED),
        )
        self.mark_sent_button = action_button(
            self, tr("Mark &sent"), "fa5s.paper-plane", lambda: self.change_state(S.SENT)
        )
        self.mark_received_button = action_button(
            self, tr("Mark receive&d"), "fa5s.check-circle", lambda: self.change_state(S.RECEIVED)
        )
        self.extension_button = action_button(
            self,
            tr("Record e&xtension…"),
            "fa5s.calendar-plus",
            lambda: self.change_state(S.EXTENDED),
        )
        self.undo_button = action_button(
            self, tr("&Undo last change"), "fa5s.undo", self.undo_last_change
        )
        self.undo_button.setToolTip(tr("Take back the last change of state (Ctrl+Z)"))
        self.letter_button = action_button(
            self, tr("Request &letter…"), "fa5s.file-alt", lambda: self.export_letter("request")
        )
        for button in (
            self.mark_requested_button,
            self.mark_sent_button,
            self.mark_received_button,
            self.extension_button,
            self.undo_button,
            self.letter_button,
        ):
            actions.addWidget(button)
        self.more_button = QToolButton(self)
        self.more_button.setText(tr("&More"))
        self.more_button.setAccessibleName(tr("More actions on this request"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setIcon(icon("fa5s.ellipsis-h"))
        self.menu = self._build_menu()
        self.more_button.setMenu(self.menu)
        actions.addWidget(self.more_button)
        layout.addWidget(self.action_bar)

        self.columns = self._columns()
        self.model: RowTableModel[RequestRow] = RowTableModel(
            self.columns, row_id=lambda r: r.id, search_text=request_search_text, parent=self
        )
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table(self, self.proxy, tr("Requests"))
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.activated.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._selected_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda pos: self.menu.popup(self.view.viewport().mapToGlobal(pos))
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(
            empty_state(
                self,
                tr(
                    "No requests yet. Add the records you need (your pathology report, "
                    "imaging, visit notes), then ask the holder to send them to the "
                    "second-opinion doctor."
                ),
                tr("New request…"),
                lambda: self.host.open_request_form(),
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        self.detail = RequestDetail(self)
        self.history_model = self.detail.history_model
        self.documents = LinkedDocuments(host.ctx, host.navigator, tr("this request"), self.detail)
        self.detail.add_section(self.documents)
        self.tracking = TrackingPanel(host, self.detail)
        self.detail.add_below(self.tracking)
        detail_scroll = in_scroll_area(self.detail, self)
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([950, 280])
        self.stack.addWidget(splitter)
        layout.addWidget(self.stack, 1)
        self._selected_changed()

    # ---------------------------------------------------------------- building
    def _build_menu(self) -> QMenu:
        menu = QMenu(self.more_button)
        self.act_partly = menu.addAction(
            state_icon(S.PARTLY_RECEIVED),
            tr("Mark partly received…"),
            lambda: self.change_state(S.PARTLY_RECEIVED),
        )
        self.act_waiting = menu.addAction(
            state_icon(S.WAITING_ON_ME),
            tr("Mark waiting on me…"),
            lambda: self.change_state(S.WAITING_ON_ME),
        )
        self.act_problem = menu.addAction(
            state_icon(S.PROBLEM),
            tr("Mark refused / problem…"),
            lambda: self.change_state(S.PROBLEM),
        )
        menu.addSeparator()
        self.act_open_holder = menu.addAction(
            icon("fa5s.address-card"), tr("Open the holder's contact"), self.open_holder
        )
        self.act_auth_form = menu.addAction(
            icon("fa5s.file-signature"),
            tr("Authorization form…"),
            lambda: self.export_letter("authorization"),
        )
        self.act_doctor_letter = menu.addAction(
            icon("fa5s.envelope"),
            tr("Letter to the current doctor…"),
            lambda: self.export_letter("current-doctor"),
        )
        self.act_bundle = menu.addAction(
            icon("fa5s.file-pdf"), tr("Records bundle…"), self.export_bundle
        )
        menu.addSeparator()
        self.act_edit = menu.addAction(icon("fa5s.edit"), tr("Edit request…"), self.edit_selected)
        self.act_delete = menu.addAction(
            icon("fa5s.trash-alt"), tr("Delete request…"), self.delete_selected
        )
        menu.addSeparator()
        self.act_due_days = menu.addAction(
            icon("fa5s.clock"), tr("Default due time…"), self.open_due_days_form
        )
        return menu

    def _columns(self) -> list[Column[RequestRow]]:
        def overdue(row: RequestRow) -> bool:
            return row.id in self._board.overdue

        return [
            Column(
                tr("Status"),
                self.status_text,
                sort_key=lambda r: request_service.urgency(r, overdue(r)),
                icon=lambda r: overdue_icon() if overdue(r) else state_icon(r.state),
                tooltip=self.status_tooltip,
            ),
            Column(tr("Due"), self.due_text, sort_key=lambda r: r.effective_due_on or dt.date.max),
            Column(
                tr("Next call"),
                lambda r: format_date(self._board.next_calls.get(r.id)),
                sort_key=lambda r: self._board.next_calls.get(r.id) or dt.date.max,
            ),
            Column(tr("Records"), items_text, tooltip=items_text),
            Column(tr("From"), lambda r: r.holder_name),
            Column(tr("To"), lambda r: r.recipient_name),
            Column(
                tr("Requested"),
                lambda r: format_date(r.requested_on),
                sort_key=lambda r: r.requested_on or dt.date.min,
            ),
            Column(
                tr("Sent"),
                lambda r: format_date(r.sent_on),
                sort_key=lambda r: r.sent_on or dt.date.min,
            ),
            Column(
                tr("Received"),
                lambda r: format_date(r.received_on),
                sort_key=lambda r: r.received_on or dt.date.min,
            ),
            Column(tr("Method"), lambda r: method_label(r.method)),
            Column(tr("Reference"), lambda r: r.reference_number),
            Column(
                tr("Authorization"),
                lambda r: (
                    authorization_problem_label(r.authorization_problem)
                    if r.authorization_problem
                    else (tr("Linked") if r.authorization_id else "")
                ),
                icon=lambda r: (
                    authorization_problem_icon(r.authorization_problem)
                    if r.authorization_problem
                    else None
                ),
            ),
        ]

    # ---------------------------------------------------------------- showing the board
    def show_board(self, board: RecordsBoard, select: int | None = None) -> None:
        selected = self.selected()
        self._board = board
        self.model.set_rows(board.requests)
        self.stack.setCurrentIndex(1 if board.requests else 0)
        self.action_bar.setVisible(bool(board.requests))  # nothing to act on yet
        keep = select if select is not None else (selected.id if selected else None)
        if (keep is None or not self.select(keep)) and self.proxy.rowCount():
            # The most urgent request, so the quick actions work without a click first.
            self.view.selectRow(0)
        self._selected_changed()

    def selected(self) -> RequestRow | None:
        row = selected_row(self.view)
        return row if isinstance(row, RequestRow) else None

    def select(self, request_id: int) -> bool:
        position = self.model.position_of(request_id)
        if position is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if not index.isValid():
            return False
        show_row(self.view, index)
        return True

    def is_hidden_by_filters(self, request_id: int) -> bool:
        position = self.model.position_of(request_id)
        if position is None:
            return False
        return not self.proxy.mapFromSource(self.model.index(position, 0)).isValid()

    def _selected_changed(self, *_args: object) -> None:
        row = self.selected()
        allowed = request_service.allowed_next_states(row.state) if row else frozenset()
        self.mark_requested_button.setEnabled(S.REQUESTED in allowed)
        self.mark_sent_button.setEnabled(S.SENT in allowed)
        self.mark_received_button.setEnabled(S.RECEIVED in allowed)
        self.extension_button.setEnabled(S.EXTENDED in allowed)
        self.act_partly.setEnabled(S.PARTLY_RECEIVED in allowed)
        self.act_waiting.setEnabled(S.WAITING_ON_ME in allowed)
        self.act_problem.setEnabled(S.PROBLEM in allowed)
        self.letter_button.setEnabled(row is not None)
        for action in (
            self.act_open_holder,
            self.act_auth_form,
            self.act_doctor_letter,
            self.act_bundle,
            self.act_edit,
            self.act_delete,
        ):
            action.setEnabled(row is not None)
        self.undo_button.setEnabled(False)
        self.detail.show_request(row, self.status_tooltip, self.due_text)
        self.documents.show_for(LinkRef(LinkTarget.REQUEST, row.id) if row is not None else None)
        self.tracking.show_request(row)
        if row is not None:
            request_id = row.id
            self.host.ctx.ops.query(
                lambda case: case_records.request_history(case, request_id), owner=self
            ).success(lambda history: self._show_history(request_id, history)).failure(
                lambda _exc: None  # deleted meanwhile: the reload that follows says so
            ).run()

    def _show_history(self, request_id: int, history: list[StateChangeRow]) -> None:
        row = self.selected()
        if row is None or row.id != request_id:
            return  # the selection moved on meanwhile
        self.detail.show_history(history)
        self.undo_button.setEnabled(len(history) > 1)

    # ---------------------------------------------------------------- texts
    def status_text(self, row: RequestRow) -> str:
        if row.id in self._board.overdue:
            return tr("Overdue") + " · " + state_label(row.state)
        return state_label(row.state)

    def status_tooltip(self, row: RequestRow) -> str:
        parts = [state_label(row.state)]
        days = self._board.overdue.get(row.id)
        if days:
            parts.insert(0, days_overdue_text(days))
        if row.authorization_problem:
            parts.append(
                tr("The authorization it relies on: %1").replace(
                    "%1", authorization_problem_label(row.authorization_problem)
                )
            )
        return " — ".join(parts)

    def due_text(self, row: RequestRow) -> str:
        due = row.effective_due_on
        if due is None:
            return ""
        text = format_date(due)
        if row.state is S.RECEIVED or (row.state is S.SENT and row.id not in self._board.overdue):
            return text
        return f"{text} · {due_hint(due, self._board.today)}"

    # ---------------------------------------------------------------- moves
    def change_state(self, target: RequestState) -> None:
        row = self.selected()
        if row is None:
            return
        titles = {
            S.REQUESTED: tr("Mark requested"),
            S.SENT: tr("Mark sent"),
            S.RECEIVED: tr("Mark received (confirmed by the recipient)"),
            S.PARTLY_RECEIVED: tr("Mark partly received"),
            S.WAITING_ON_ME: tr("Mark waiting on me"),
            S.PROBLEM: tr("Mark refused / problem"),
            S.EXTENDED: tr("Record an extension"),
        }
        new_due = None
        if target is S.EXTENDED:
            base = row.effective_due_on or self._board.today
            new_due = base + dt.timedelta(days=self._board.due_days)
        request_id = row.id

        def submit(on: dt.date, note: str, due: dt.date | None) -> Pending[int]:
            return self.host.ctx.ops.change(
                lambda case: case_records.change_state(case, request_id, target, on, note, due),
                owner=self.host.owner,
                title=titles[target],
            )

        form = StateChangeForm(titles[target], submit, new_due, parent=self)
        form.accepted.connect(lambda: self.host.reload(select_request=request_id))
        if target in (S.RECEIVED, S.PARTLY_RECEIVED):
            # After the change is saved, never during it: a question, then the file dialog.
            form.accepted.connect(
                lambda: QTimer.singleShot(0, lambda: self.documents.offer_attach(request_id))
            )
        self.host.show_form(form)

    def undo_last_change(self) -> None:
        """Ask what undoing would do, ask the person, then undo: nothing modal mid-change."""
        row = self.selected()
        if row is None:
            return
        title = tr("Undo last change")
        self.host.ctx.ops.query(
            lambda case: case_records.undo_preview(case, row.id), owner=self, title=title
        ).success(self._confirm_undo).failure(lambda _exc: self.host.reload()).run()

    def _confirm_undo(self, preview: UndoPreview | None) -> None:
        if preview is None:
            return
        title = tr("Undo last change")
        question = (
            tr("Undo “%1” and put this request back to “%2”?")
            .replace("%1", state_label(preview.undone))
            .replace("%2", state_label(preview.back_to))
        )
        if not prompts.ask_confirm(self, title, question, tr("Undo")):
            return
        request_id = preview.request_id
        self.host.ctx.ops.change(
            lambda case: case_records.undo_last_change(case, request_id),
            owner=self.host.owner,
            title=title,
        ).success(lambda _state: self.host.reload(select_request=request_id)).failure(
            lambda exc: self._refused(title, exc)
        ).run()

    # ---------------------------------------------------------------- other actions
    def export_bundle(self) -> None:
        row = self.selected()
        if row is not None:
            self.documents.export_bundle(row.id)

    def open_holder(self) -> None:
        row = self.selected()
        if row is not None:
            self.host.navigator.navigate("contacts.open", contact_id=row.holder_id)

    def export_letter(self, kind: str) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            from second_opinion.ui.export_actions import export_letter
        except ImportError:
            prompts.show_info(
                self, tr("Letters"), tr("Letters and forms are not available in this version yet.")
            )
            return
        export_letter(self, self.host.ctx, row.id, kind)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.host.open_request_form(request=row)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        title = tr("Delete request")
        self.host.ctx.ops.query(
            lambda case: case_records.request_to_delete(case, row.id), owner=self, title=title
        ).success(self._confirm_delete).failure(lambda _exc: self.host.reload()).run()

    def _confirm_delete(self, row: RequestRow) -> None:
        title = tr("Delete request")
        text = (
            tr("Delete the request to %1 from %2 for “%3” and its history?")
            .replace("%1", row.recipient_name)
            .replace("%2", row.holder_name)
            .replace("%3", items_text(row)[:200])
        )
        if not prompts.ask_confirm(self, title, text, tr("Delete")):
            return
        self.host.ctx.ops.change(
            lambda case: case_records.delete_request(case, row.id),
            owner=self.host.owner,
            title=title,
        ).success(lambda _none: self.host.reload()).failure(
            lambda exc: self._refused(title, exc)
        ).run()

    def open_due_days_form(self) -> None:
        def submit(days: int) -> Pending[int]:
            return self.host.ctx.ops.change(
                lambda case: case_records.set_due_days(case, days),
                owner=self.host.owner,
                title=tr("Default due time"),
            )

        form = DueDaysForm(submit, self._board.due_days, parent=self)
        form.accepted.connect(lambda: self.host.reload())
        self.host.show_form(form)

    def _refused(self, title: str, exc: ServiceError) -> None:
        if not isinstance(exc, NotFound):
            prompts.show_error(self, title, service_error_text(exc))
        self.host.reload()
