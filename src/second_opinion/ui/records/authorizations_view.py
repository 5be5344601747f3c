"""The authorizations view: who may release which records to whom, and until when."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from second_opinion.case import records as case_records
from second_opinion.services.authorizations import AuthorizationRow
from second_opinion.services.errors import NotFound, ServiceError
from second_opinion.ui import prompts
from second_opinion.ui.dates import format_date
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.ops import service_error_text
from second_opinion.ui.records.common import (
    GOOD,
    authorization_problem_icon,
    authorization_problem_label,
    icon,
    tr,
)
from second_opinion.ui.records.host import RecordsHost
from second_opinion.ui.records.tables import action_button, make_table, selected_row
from second_opinion.ui.search_proxy import SearchFilterProxy
from second_opinion.ui.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending


class AuthorizationsView(QWidget):
    def __init__(self, host: RecordsHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        layout = QVBoxLayout(self)
        actions = FlowLayout()  # wraps rather than squeezing the buttons
        self.new_button = action_button(
            self, tr("New authorization…"), "fa5s.plus", lambda: self.open_form()
        )
        self.edit_button = action_button(self, tr("Edit…"), "fa5s.edit", self.edit_selected)
        self.delete_button = action_button(
            self, tr("Delete…"), "fa5s.trash-alt", self.delete_selected
        )
        for button in (self.new_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        self.columns: list[Column[AuthorizationRow]] = [
            Column(
                tr("Status"),
                lambda a: authorization_problem_label(a.problem) if a.problem else tr("Valid"),
                sort_key=lambda a: (a.problem is None, a.id),
                icon=lambda a: (
                    authorization_problem_icon(a.problem)
                    if a.problem
                    else icon("fa5s.check-circle", GOOD)
                ),
            ),
            Column(tr("From"), lambda a: a.holder_name),
            Column(tr("To"), lambda a: a.recipient_name),
            Column(tr("What records"), lambda a: a.scope, tooltip=lambda a: a.scope),
            Column(tr("Purpose"), lambda a: a.purpose),
            Column(
                tr("Signed"),
                lambda a: format_date(a.signed_on),
                sort_key=lambda a: a.signed_on or dt.date.min,
            ),
            Column(
                tr("Expires"),
                lambda a: format_date(a.expires_on) or a.expiry_event,
                sort_key=lambda a: a.expires_on or dt.date.max,
            ),
            Column(
                tr("Revoked"),
                lambda a: format_date(a.revoked_on),
                sort_key=lambda a: a.revoked_on or dt.date.min,
            ),
            Column(
                tr("Requests"),
                lambda a: str(a.request_count),
                sort_key=lambda a: a.request_count,
                align_right=True,
            ),
        ]
        self.model: RowTableModel[AuthorizationRow] = RowTableModel(
            self.columns,
            row_id=lambda a: a.id,
            search_text=lambda a: " ".join((a.holder_name, a.recipient_name, a.scope, a.purpose)),
            parent=self,
        )
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table(self, self.proxy, tr("Authorizations"))
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(lambda _i: self.edit_selected())
        layout.addWidget(self.view, 1)

    def open_form(self, authorization: AuthorizationRow | None = None) -> None:
        from second_opinion.ui.records.forms import AuthorizationForm

        authorization_id = authorization.id if authorization else None

        def submit(data: object) -> Pending[int]:
            return self.host.ctx.ops.change(
                lambda case: case_records.save_authorization(case, data, authorization_id),  # type: ignore[arg-type]
                owner=self.host.owner,
                title=tr("Save authorization"),
            )

        def show(contacts: list) -> None:  # type: ignore[type-arg]
            form = AuthorizationForm(submit, contacts, authorization, parent=self)
            form.accepted.connect(lambda: self.host.reload())
            self.host.show_form(form)

        self.host.with_contacts(show)

    def edit_selected(self) -> None:
        row = selected_row(self.view)
        if isinstance(row, AuthorizationRow):
            self.open_form(row)

    def delete_selected(self) -> None:
        row = selected_row(self.view)
        if not isinstance(row, AuthorizationRow):
            return
        self.host.ctx.ops.query(
            lambda case: case_records.authorization_references(case, row.id), owner=self
        ).success(lambda count: self._confirm_delete(row, count)).failure(
            lambda _exc: self.host.reload()
        ).run()

    def _confirm_delete(self, row: AuthorizationRow, request_count: int) -> None:
        title = tr("Delete authorization")
        text = (
            tr("Delete the authorization for %1 to send records to %2?")
            .replace("%1", row.holder_name)
            .replace("%2", row.recipient_name)
        )
        if request_count == 1:
            text += " " + tr("One request will no longer be linked to it.")
        elif request_count:
            text += " " + tr("%n requests will no longer be linked to it.", request_count)
        if not prompts.ask_confirm(self, title, text, tr("Delete")):
            return
        self.host.ctx.ops.change(
            lambda case: case_records.delete_authorization(case, row.id),
            owner=self.host.owner,
            title=title,
        ).success(lambda _none: self.host.reload()).failure(
            lambda exc: self._refused(title, exc)
        ).run()

    def _refused(self, title: str, exc: ServiceError) -> None:
        if not isinstance(exc, NotFound):
            prompts.show_error(self, title, service_error_text(exc))
        self.host.reload()
