"""Calendar files (.ics) for the person's own calendar app.

File > Export calendar… writes the whole case: every visit, every open request's due date,
every planned follow-up call and every return-by date, with reminders. Exporting again later
gives the same events the same UIDs, so the calendar updates them instead of adding copies.
The Visits tab exports one visit.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext

if TYPE_CHECKING:
    from second_opinion.case.case import Case
    from second_opinion.case.progress import Progress
    from second_opinion.services.visits import VisitRow

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("calendar", text)


def export_calendar(parent: QWidget | None, ctx: AppContext) -> None:
    title = _tr("Export calendar")
    now = dt.datetime.now(dt.UTC)
    path = prompts.ask_save_path(
        parent, title, f"second-opinion-{now:%Y-%m-%d}.ics", _tr("Calendar files (*.ics)")
    )
    if path is None:
        return

    def write(case: Case, progress: Progress) -> Path:
        from second_opinion.case.tracking import write_calendar

        return write_calendar(case, path, now, progress)

    dialog = QProgressDialog(_tr("Writing the calendar…"), _tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(_tr("Calendar export progress"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)  # only a case with thousands of requests takes that long

    def progressed(done: int, total: int, _text: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def written(where: Path) -> None:
        ctx.sig_status.emit(_tr("Calendar saved. Import it into your calendar app."))
        prompts.show_info(
            parent,
            title,
            _tr(
                "Saved {name}. Import it into your calendar app; importing a newer export "
                "later updates these events instead of adding copies."
            ).format(name=where.name),
        )

    pending = (
        ctx.ops.query(write, owner=parent, title=title)
        .with_progress(progressed)
        .success(written)
        .finished(dialog.deleteLater)
    )
    dialog.canceled.connect(pending.cancel)
    pending.run()


def export_visit(parent: QWidget, ctx: AppContext, visit: VisitRow) -> None:
    """Save one visit as an .ics file where the person chooses (written on the worker)."""
    from second_opinion.services import ical

    title = _tr("Export visit to calendar")
    path = prompts.ask_save_path(
        parent, title, ical.suggested_file_name(visit), _tr("iCalendar files (*.ics)")
    )
    if path is None:
        return
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    chosen = path

    def write(_case: Case) -> str:
        """The reason the file could not be written, or ""."""
        from second_opinion.private_files import write_private_atomically

        try:
            write_private_atomically(chosen, ical.visit_to_ical(visit))
        except OSError as error:
            log.warning("calendar export of a visit failed: %s", error.strerror)
            return error.strerror or "?"
        return ""

    def written(reason: str) -> None:
        if reason:
            text = _tr("The file could not be saved: {reason}").format(reason=reason)
            prompts.show_error(parent, title, text)
            return
        ctx.sig_status.emit(_tr("Calendar file saved."))

    ctx.ops.query(write, owner=parent, title=title).success(written).run()
