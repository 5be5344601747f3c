"""The health summary in the profile: a table per kind, with Add, Change and Delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import health_summary as summary_case
from second_opinion.case.changes import Area, Changes
from second_opinion.services.health_summary import HealthSummary, Kind, describe
from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.health_summary.columns import kind_singular, kind_title
from second_opinion.ui.health_summary.entry_form import EntryForm
from second_opinion.ui.health_summary.table_model import ENTRY_ROLE, SORT_ROLE, EntryTableModel


class KindPage(QWidget):
    """One kind's table and its buttons."""

    def __init__(self, owner: HealthSummaryWidget, kind: Kind) -> None:
        super().__init__(owner)
        self.owner = owner
        self.kind = kind
        self.model = EntryTableModel(kind, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        # Tab leaves the list (the arrows move in it) instead of walking its cells.
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(kind_title(kind))
        self.table.doubleClicked.connect(lambda _index: self.change())
        what = kind_singular(kind)
        self.add_button = QPushButton(self.tr("Add a {0}…").format(what), self)
        self.change_button = QPushButton(self.tr("Change…"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        for button in (self.add_button, self.change_button, self.delete_button):
            button.setAccessibleName(f"{button.text().rstrip('…')} ({kind_title(kind)})")
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change)
        self.delete_button.clicked.connect(self.delete)
        self.empty = QLabel(self.tr("Nothing here yet."), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._enable()

    def show_entries(self, summary: HealthSummary) -> None:
        self.model.set_entries(summary.of(self.kind))
        self.empty.setVisible(self.model.rowCount() == 0)
        self._enable()

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ENTRY_ROLE) if rows else None

    def _enable(self) -> None:
        has = self.selected() is not None
        self.change_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def add(self) -> None:
        self.owner.open_form(EntryForm(self.owner.ctx, self.kind, parent=self))

    def change(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.owner.open_form(EntryForm(self.owner.ctx, self.kind, entry, parent=self))

    def delete(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        if not prompts.ask_confirm(
            self,
            self.tr("Delete from the health summary"),
            self.tr("Delete “{0}” from the health summary?").format(describe(entry.data)),
            self.tr("Delete"),
        ):
            return
        self.owner.ctx.ops.change(
            lambda case: summary_case.delete_entry(case, self.kind, entry.id),
            owner=self.owner,
            title=self.tr("Deleting from the health summary"),
        ).success(self.owner.show_summary).run()


class HealthSummaryWidget(QWidget):
    """Embed in the profile: ``HealthSummaryWidget(ctx, parent)``; it loads itself."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(self.tr("Health summary"))
        self.tabs = QTabWidget(self)
        self.pages = {kind: KindPage(self, kind) for kind in Kind}
        for kind, page in self.pages.items():
            self.tabs.addTab(page, kind_title(kind))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        ctx.sig_changed.connect(self._changed)
        ctx.sig_person_changed.connect(lambda _pid: self.reload())
        self.reload()

    def reload(self) -> None:
        self.ctx.ops.query(summary_case.summary, owner=self).success(self.show_summary).run()

    def show_summary(self, summary: HealthSummary) -> None:
        for page in self.pages.values():
            page.show_entries(summary)

    def open_form(self, form: EntryForm) -> None:
        form.setModal(True)
        form.finished.connect(lambda _result: self._form_done(form))
        form.open()

    def _form_done(self, form: EntryForm) -> None:
        if form.saved is not None:
            self.show_summary(form.saved)
        form.deleteLater()

    def _changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self or not changes.touches(Area.PROFILE, Area.PEOPLE):
            return
        self.reload()
