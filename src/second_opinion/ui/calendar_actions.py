"""File > Export calendar…: the case's dates as one .ics file for the person's own calendar.

Every visit, every open request's due date, every planned follow-up call and every return-by
date, with reminders. Exporting again later gives the same events the same UIDs, so the
calendar updates them instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext

if TYPE_CHECKING:
    from second_opinion.case.case import Case


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

    def write(case: Case) -> Path:
        from second_opinion.case.tracking import write_calendar

        return write_calendar(case, path, now)

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

    ctx.ops.query(write, owner=parent, title=title).success(written).run()
