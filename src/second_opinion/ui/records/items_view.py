"""The record items view: what exists, who holds it, and where it went."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import records as case_records
from second_opinion.domain.enums import RecordKind
from second_opinion.services.documents import LinkRef, LinkTarget
from second_opinion.services.errors import NotFound, ServiceError
from second_opinion.services.records import CellState, ItemRow
from second_opinion.ui import prompts
from second_opinion.ui.dates import format_date
from second_opinion.ui.documents.linked import LinkedDocuments
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.ops import service_error_text
from second_opinion.ui.records.common import cell_icon, cell_label, kind_label, tr
from second_opinion.ui.records.host import RecordsHost
from second_opinion.ui.records.tables import (
    action_button,
    empty_state,
    make_table,
    selected_row,
    selected_rows,
)
from second_opinion.ui.search_proxy import SearchFilterProxy, show_row
from second_opinion.ui.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending


def destinations_text(item: ItemRow) -> str:
    if not item.destinations:
        return tr("Not requested yet")
    return "; ".join(
        f"{cell_label(d.state) if d.state else tr('To request')}: {d.recipient_name}"
        for d in item.destinations
    )


def _furthest(item: ItemRow) -> CellState:
    return max((d.state for d in item.destinations), default=CellState.NOTHING)


class ItemsView(QWidget):
    def __init__(self, host: RecordsHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._select_after_load: int | None = None
        layout = QVBoxLayout(self)
        self.action_bar = QWidget(self)
        actions = FlowLayout(self.action_bar)  # wraps rather than squeezing the buttons
        self.request_button = action_button(
            self, tr("Request selected…"), "fa5s.paper-plane", self.request_selected
        )
        self.edit_button = action_button(self, tr("Edit…"), "fa5s.edit", self.edit_selected)
        self.delete_button = action_button(
            self, tr("Delete…"), "fa5s.trash-alt", self.delete_selected
        )
        self.material_button = action_button(
            self, tr("Slides and blocks…"), "fa5s.file-medical", self.open_material
        )
        self.disc_button = action_button(
            self, tr("Check a disc…"), "fa5s.folder-open", self.check_disc
        )
        self.disc_contents_button = action_button(
            self, tr("Disc contents…"), "fa5s.info-circle", self.show_disc_contents
        )
        for button in (
            self.request_button,
            self.edit_button,
            self.delete_button,
            self.material_button,
            self.disc_button,
            self.disc_contents_button,
        ):
            actions.addWidget(button)
        layout.addWidget(self.action_bar)
        self.columns: list[Column[ItemRow]] = [
            Column(tr("Record"), lambda i: i.description or kind_label(i.kind)),
            Column(tr("Kind"), lambda i: kind_label(i.kind)),
            Column(
                tr("Date of service"),
                lambda i: format_date(i.date_of_service),
                sort_key=lambda i: i.date_of_service or dt.date.min,
            ),
            Column(tr("Held by"), lambda i: i.holder_name),
            Column(
                tr("Where it went"),
                destinations_text,
                sort_key=_furthest,
                icon=lambda i: cell_icon(_furthest(i)),
                tooltip=destinations_text,
            ),
        ]
        self.model: RowTableModel[ItemRow] = RowTableModel(
            self.columns,
            row_id=lambda i: i.id,
            search_text=lambda i: " ".join(
                (i.description, kind_label(i.kind), i.holder_name, i.notes)
            ),
            parent=self,
        )
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table(self, self.proxy, tr("Records"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(
            empty_state(
                self,
                tr(
                    "No records yet. Start with the ones a second opinion needs most: "
                    "the pathology report, imaging reports and images, and recent visit notes."
                ),
                tr("Add the pathology report…"),
                lambda: self.open_form(kind=RecordKind.PATHOLOGY_REPORT),
            )
        )
        self.stack.addWidget(self.view)
        layout.addWidget(self.stack, 1)
        self.documents = LinkedDocuments(host.ctx, host.navigator, tr("this record"), self)
        layout.addWidget(self.documents)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def show_items(self, items: tuple[ItemRow, ...]) -> None:
        self.model.set_rows(items)
        self.stack.setCurrentIndex(1 if items else 0)
        self.action_bar.setVisible(bool(items))
        pending, self._select_after_load = self._select_after_load, None
        if pending is not None:
            self.select(pending)
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        """The documents of the one record selected, and the actions its kind allows."""
        rows = selected_rows(self.view)
        one = rows[0] if len(rows) == 1 and isinstance(rows[0], ItemRow) else None
        self.documents.setVisible(bool(self.model.rowCount()))
        self.documents.show_for(LinkRef(LinkTarget.ITEM, one.id) if one is not None else None)
        kind = one.kind if one is not None else None
        self.material_button.setEnabled(kind is RecordKind.PATHOLOGY_MATERIAL)
        self.disc_button.setEnabled(kind is RecordKind.IMAGING_FILES)
        self.disc_contents_button.setEnabled(kind is RecordKind.IMAGING_FILES)

    def select(self, item_id: int) -> None:
        """Select an item (the finder opens one); if it is not loaded yet, after the load."""
        position = self.model.position_of(item_id)
        if position is None:
            self._select_after_load = item_id
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if index.isValid():
            show_row(self.view, index)

    def open_form(self, kind: RecordKind | None = None, item: ItemRow | None = None) -> None:
        from second_opinion.ui.records.forms import ItemForm

        item_id = item.id if item else None

        def submit(data: object) -> Pending[int]:
            return self.host.ctx.ops.change(
                lambda case: case_records.save_item(case, data, item_id),  # type: ignore[arg-type]
                owner=self.host.owner,
                title=tr("Save record"),
            )

        def show(contacts: list) -> None:  # type: ignore[type-arg]
            form = ItemForm(
                submit, contacts, item=item, kind=kind, parent=self, new_holder=self.host.new_holder
            )
            form.accepted.connect(lambda: self.host.reload())
            self.host.show_form(form)

        self.host.with_contacts(show)

    def _selected_id(self, kind: RecordKind) -> int | None:
        item = selected_row(self.view)
        return item.id if isinstance(item, ItemRow) and item.kind is kind else None

    def open_material(self) -> None:
        from second_opinion.ui.records.tracking_actions import open_material_form

        item_id = self._selected_id(RecordKind.PATHOLOGY_MATERIAL)
        if item_id is not None:
            open_material_form(self.host, item_id)

    def check_disc(self) -> None:
        from second_opinion.ui.records import tracking_actions

        item_id = self._selected_id(RecordKind.IMAGING_FILES)
        if item_id is not None:
            self.disc_check = tracking_actions.check_disc(self.host, item_id)

    def show_disc_contents(self) -> None:
        from second_opinion.ui.records.tracking_actions import show_disc_contents

        item_id = self._selected_id(RecordKind.IMAGING_FILES)
        if item_id is not None:
            show_disc_contents(self.host, item_id)

    def request_selected(self) -> None:
        self.host.open_request_form(item_ids=[i.id for i in selected_rows(self.view)])

    def edit_selected(self) -> None:
        item = selected_row(self.view)
        if isinstance(item, ItemRow):
            self.open_form(item=item)

    def delete_selected(self) -> None:
        item = selected_row(self.view)
        if not isinstance(item, ItemRow):
            return
        self.host.ctx.ops.query(
            lambda case: case_records.item_references(case, item.id), owner=self
        ).success(lambda count: self._confirm_delete(item, count)).failure(
            lambda _exc: self.host.reload()
        ).run()

    def _confirm_delete(self, item: ItemRow, request_count: int) -> None:
        title = tr("Delete record")
        name = item.description or kind_label(item.kind)
        if request_count == 1:
            text = tr("Delete “%1” and take it off the request that lists it?")
        elif request_count:
            text = tr("Delete “%1” and take it off %n requests?", request_count)
        else:
            text = tr("Delete “%1”?")
        if not prompts.ask_confirm(self, title, text.replace("%1", name[:200]), tr("Delete")):
            return
        self.host.ctx.ops.change(
            lambda case: case_records.delete_item(case, item.id), owner=self.host.owner, title=title
        ).success(lambda _none: self.host.reload()).failure(
            lambda exc: self._refused(title, exc)
        ).run()

    def _refused(self, title: str, exc: ServiceError) -> None:
        if not isinstance(exc, NotFound):
            prompts.show_error(self, title, service_error_text(exc))
        self.host.reload()
