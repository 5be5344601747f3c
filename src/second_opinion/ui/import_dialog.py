"""The preview of a portal file before anything is written: tick what to keep, then import.

``ImportDialog(ctx, path, parent).open()``: it reads and compares the file off the GUI thread
(with progress), lists what would be added, what is already there and what differs, and on
Import writes only the ticked items. A file that cannot be read shows its one-line reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QProgressBar, QTableView, QWidget

from second_opinion.case.importing import ImportPreview, preview_import, run_import
from second_opinion.services.errors import ServiceError
from second_opinion.services.importing.plan import ImportPlan, PlanItem, Status
from second_opinion.ui.context import AppContext
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.ops import Pending, service_error_text

Index = QModelIndex | QPersistentModelIndex


class PlanModel(QAbstractTableModel):
    """The plan's items with a tick each (items already there cannot be ticked)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[PlanItem] = []
        self.keep: set[int] = set()
        self._headers = [
            self.tr("Keep"),
            self.tr("Kind"),
            self.tr("Item"),
            self.tr("Status"),
            self.tr("In the vault now"),
        ]

    def set_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self.items = list(plan.items)
        self.keep = plan.default_keep()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.items[index.row()].status is not Status.DUPLICATE:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            kept = item.index in self.keep and item.status is not Status.DUPLICATE
            return Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 1:
                return item.category.replace("_", " ")
            if column == 2:
                return item.label
            if column == 3:
                return {
                    Status.NEW: self.tr("new"),
                    Status.DUPLICATE: self.tr("already there"),
                    Status.CONFLICT: self.tr("differs"),
                }[item.status]
            if column == 4:
                return item.existing
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        item = self.items[index.row()]
        if item.status is Status.DUPLICATE:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.keep.add(item.index)
        else:
            self.keep.discard(item.index)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class ImportDialog(FormDialog):
    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ImportDialog", "Import health records"), parent
        )
        self.ctx = ctx
        self.path = path
        self.preview: ImportPreview | None = None
        self.save_button.setText(self.tr("Import"))
        self.save_button.setEnabled(False)
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.who.setAccessibleName(self.tr("Whose records"))
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName(self.tr("Warnings"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.model = PlanModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("What the file holds"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.header.addWidget(self.who)
        self.header.addWidget(self.warnings)
        self.header.addWidget(self.progress)
        self.form.addRow(self.table)
        self.resize(820, 560)
        self.model.dataChanged.connect(lambda *_: self.mark_dirty())
        self._load()

    def _load(self) -> None:
        path = self.path
        self.ctx.ops.query(
            lambda case, progress: preview_import(case, path, None, progress),
            owner=self,
            title=self.tr("Reading the file"),
        ).with_progress(self._step).success(self._show).failure(self._refused).run()

    def _step(self, done: int, total: int, text: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(text or "%p%")

    def _refused(self, exc: ServiceError) -> None:
        self.progress.hide()
        self.errors.show_general(service_error_text(exc))

    def _show(self, preview: ImportPreview) -> None:
        self.preview = preview
        plan = preview.plan
        self.progress.hide()
        if plan.new_person_name is not None:
            self.who.setText(
                self.tr(
                    "No person here matches the file's patient; a new person, {0}, will be added."
                ).format(plan.new_person_name)
            )
        else:
            self.who.setText(self.tr("For: {0}").format(plan.patient_name))
        self.warnings.setText("\n".join(plan.warnings))
        self.warnings.setVisible(bool(plan.warnings))
        self.model.set_plan(plan)
        self.table.resizeColumnsToContents()
        self.save_button.setEnabled(True)

    def collect(self) -> set[int]:
        return set(self.model.keep)

    def submit(self, keep: set[int]) -> Pending[Any]:
        preview = self.preview
        assert preview is not None
        self.progress.show()
        return self.ctx.ops.change(
            lambda case, progress: run_import(
                case, preview.path, preview.plan.person_id, keep, progress, preview.document
            ),
            owner=self,
            title=self.tr("Importing health records"),
        ).with_progress(self._step)
