"""The preview of a portal file before anything is written: tick what to keep, then import.

``ImportDialog(ctx, path, parent).open()``: it reads and compares the file off the GUI thread
(with progress), lists what would be added, what is already there and what differs, and on
Import writes only the ticked items. A file that cannot be read shows its one-line reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QAbstractItemView, QLabel, QProgressBar, QTableView, QWidget

from second_opinion.case.importing import ImportPreview, preview_import, run_import
from second_opinion.services.errors import ServiceError
from second_opinion.services.importing.plan import ImportPlan, PlanItem, Status
from second_opinion.ui.check_list_model import CheckListModel
from second_opinion.ui.context import AppContext
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.ops import Pending, service_error_text
from second_opinion.ui.table_model import Column


def _status_text(item: PlanItem) -> str:
    # Literal translate calls, in the context the catalog has always held them under.
    if item.status is Status.DUPLICATE:
        return QCoreApplication.translate("PlanModel", "already there")
    if item.status is Status.CONFLICT:
        return QCoreApplication.translate("PlanModel", "differs")
    return QCoreApplication.translate("PlanModel", "new")


class PlanModel(CheckListModel[PlanItem]):
    """The plan's items with a tick each (items already there cannot be ticked)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("PlanModel", "Keep"), lambda _item: ""),
                Column(
                    QCoreApplication.translate("PlanModel", "Kind"),
                    lambda item: item.category.replace("_", " "),
                ),
                Column(QCoreApplication.translate("PlanModel", "Item"), lambda item: item.label),
                Column(QCoreApplication.translate("PlanModel", "Status"), _status_text),
                Column(
                    QCoreApplication.translate("PlanModel", "In the vault now"),
                    lambda item: item.existing,
                ),
            ],
            row_id=lambda item: item.index,
            checkable=lambda item: item.status is not Status.DUPLICATE,
            parent=parent,
        )

    def set_plan(self, plan: ImportPlan) -> None:
        self.set_rows(plan.items, checked=plan.default_keep())


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
        # A tick changes data; the plan arriving resets the model, which is not an edit.
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
        return set(self.model.checked_ids())

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
