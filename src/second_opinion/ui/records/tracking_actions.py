"""The tracking actions on record items: the details of slides, and checking a disc.

"Check a disc" asks for a folder (a mounted CD or USB stick, or a copy of one), reads it on
the runner's worker with a progress dialog whose Cancel stops the scan, and then says what
the disc holds, warnings first. Nothing of the images is copied into the vault.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from second_opinion.case import records as case_records
from second_opinion.case import tracking as case_tracking
from second_opinion.services.disc_check import DiscReport
from second_opinion.services.errors import ServiceError
from second_opinion.services.tracking import InventoryRow, MaterialData
from second_opinion.ui import prompts
from second_opinion.ui.dates import format_date
from second_opinion.ui.ops import service_error_text
from second_opinion.ui.records.common import tr
from second_opinion.ui.records.host import RecordsHost
from second_opinion.ui.records.tracking_forms import MaterialDetailsForm

if TYPE_CHECKING:
    from second_opinion.case.progress import Progress
    from second_opinion.ui.ops import Pending
    from second_opinion.ui.tabs.records_tab import RecordsTab


def open_material_form(host: RecordsHost, item_id: int) -> None:
    """Read the slides' details, then open their form."""
    host.ctx.ops.query(
        lambda case: case_tracking.material(case, item_id),
        owner=host.owner,
        title=tr("Slides and blocks"),
    ).success(lambda data: _material_form(host, item_id, data)).run()


def _material_form(host: RecordsHost, item_id: int, data: MaterialData | None) -> None:
    def submit(new: MaterialData) -> Pending[int]:
        return host.ctx.ops.change(
            lambda case: case_tracking.save_material(case, item_id, new),
            owner=host.owner,
            title=tr("Save slides and blocks"),
        )

    parent = host.owner if isinstance(host.owner, QWidget) else None
    form = MaterialDetailsForm(submit, data, parent=parent)
    form.accepted.connect(lambda: host.reload())
    host.show_form(form)


def ask_folder(parent: QWidget | None, title: str) -> Path | None:
    """The disc's folder; tests answer it like an open path (``prompts.scripted``)."""
    if prompts.scripted is not None:
        prompts.scripted.shown.append(("folder", title, ""))
        return prompts.scripted.open_paths.pop(0) if prompts.scripted.open_paths else None
    folder = QFileDialog.getExistingDirectory(parent, title, str(Path.home()))
    return Path(folder) if folder else None


class DiscCheck:
    """One check of a disc: the folder question, the progress dialog, the result."""

    def __init__(self, host: RecordsHost, item_id: int) -> None:
        self.host = host
        self.item_id = item_id
        self.parent = host.owner if isinstance(host.owner, QWidget) else None
        self.dialog: QProgressDialog | None = None
        self.pending: Pending[DiscReport] | None = None

    def start(self, folder: Path | None = None) -> None:
        folder = folder or ask_folder(self.parent, tr("Choose the disc or its folder"))
        if folder is None:
            return
        item_id = self.item_id

        def run(case: Any, progress: Progress) -> Any:
            return case_tracking.check_disc(case, item_id, folder, progress)

        self.dialog = QProgressDialog(tr("Reading the disc…"), tr("Cancel"), 0, 0, self.parent)
        self.dialog.setWindowTitle(tr("Check a disc"))
        self.dialog.setAccessibleName(tr("Disc check progress"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.pending = (
            self.host.ctx.ops.change(run, owner=self.host.owner, title=tr("Check a disc"))
            .with_progress(self._progress)
            .success(self._done)
            .failure(self._refused)
            .finished(self._close)
        )
        self.dialog.canceled.connect(self.pending.cancel)
        self.pending.run()

    def _progress(self, done: int, total: int, _name: str) -> None:
        if self.dialog is None:
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(done if total else 0)
        if total:
            self.dialog.setLabelText(
                tr("Reading the disc: %1 of %2 files…")
                .replace("%1", QLocale().toString(done))
                .replace("%2", QLocale().toString(total))
            )

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, report: DiscReport) -> None:
        self.host.reload()
        prompts.show_info(self.parent, tr("What is on the disc"), report_text(report))

    def _refused(self, exc: ServiceError) -> None:
        prompts.show_error(self.parent, tr("Check a disc"), service_error_text(exc))


def check_disc(host: RecordsHost, item_id: int, folder: Path | None = None) -> DiscCheck:
    check = DiscCheck(host, item_id)
    check.start(folder)
    return check


def show_disc_contents(host: RecordsHost, item_id: int) -> None:
    parent = host.owner if isinstance(host.owner, QWidget) else None

    def show(found: InventoryRow | None) -> None:
        if found is None:
            prompts.show_info(
                parent,
                tr("What is on the disc"),
                tr("This disc has not been checked yet. Use “Check a disc…” to read it."),
            )
            return
        text = tr("Checked on %1.").replace("%1", format_date(found.checked_at.date()))
        prompts.show_info(
            parent, tr("What is on the disc"), text + "\n\n" + report_text(found.report)
        )

    host.ctx.ops.query(
        lambda case: case_tracking.inventory(case, item_id), owner=host.owner
    ).success(show).run()


def report_text(report: DiscReport) -> str:
    """What a check found, warnings first, in a few lines."""
    lines = [tr("Warning: %1").replace("%1", w) for w in report.warnings]
    if report.patient_names:
        lines.append(tr("Name on the disc: %1").replace("%1", "; ".join(report.patient_names)))
    lines.append(
        tr("%1 images in %2 files.")
        .replace("%1", QLocale().toString(report.image_count))
        .replace("%2", QLocale().toString(report.file_count))
    )
    for study in report.studies:
        modalities = ", ".join(study.modalities) or tr("unknown kind")
        lines.append(
            tr("• %1 %2 (%3): %4 series, %5 images")
            .replace("%1", format_date(study.study_date) if study.study_date else tr("no date"))
            .replace("%2", study.description or tr("study"))
            .replace("%3", modalities)
            .replace("%4", str(study.series_count))
            .replace("%5", str(study.image_count))
        )
    if report.has_viewer and not report.viewer_only:
        lines.append(tr("The disc also carries a viewer program."))
    return "\n".join(lines)


def handle_navigation(tab: RecordsTab, action: str, kwargs: dict[str, Any]) -> None:
    """The Records tab's tracking targets: "log_call" (request_id), "material" (item_id)."""
    from second_opinion.ui.tabs.records_tab import ITEMS

    if action == "material":
        tab.views.setCurrentIndex(ITEMS)
        open_material_form(tab, int(kwargs["item_id"]))
    elif action == "log_call":
        request_id = int(kwargs["request_id"])
        tab.select_request(request_id)  # may not be loaded yet: the form does not wait for it
        tab.ctx.ops.query(
            lambda case: case_records.get_request(case, request_id), owner=tab
        ).success(tab.requests.tracking.log_call).failure(lambda _exc: tab.reload()).run()
