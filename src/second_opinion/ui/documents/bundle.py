"""Writing a records bundle: run on the operations runner's worker, never the GUI thread."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from second_opinion.case import documents
from second_opinion.case.case import Case
from second_opinion.services.packet_data import Paper
from second_opinion.ui.documents.texts import tr


def write_bundle(
    case: Case, request_id: int, paper: Paper, path: Path, language: str = "en"
) -> str:
    """Build the bundle of ``request_id`` in ``language`` and write it to ``path``; what went
    wrong, or ""."""
    from second_opinion.export.enclosures import render_bundle
    from second_opinion.private_files import write_private_atomically

    try:
        data = documents.bundle_data(case, request_id, paper, dt.date.today(), language)
        write_private_atomically(path, render_bundle(data))
    except documents.ContentError as exc:
        return tr(
            "A document of this request could not be read ({problem}); no bundle was "
            "written. Run a check of the vault."
        ).format(problem=exc)
    except OSError as exc:
        return tr("Could not write {path}: {problem}").format(
            path=path, problem=exc.strerror or exc
        )
    return ""
