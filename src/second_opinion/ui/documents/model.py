"""The documents list: a table model over the case's rows and its search-and-kind filter."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon

from second_opinion.domain.enums import RecordKind
from second_opinion.services.documents import DocumentRow
from second_opinion.ui import icons, palette
from second_opinion.ui.dates import format_date
from second_opinion.ui.documents.texts import (
    kind_label,
    pages_text,
    size_text,
    state_text,
    tr,
    type_text,
)
from second_opinion.ui.search_proxy import SearchFilterProxy
from second_opinion.ui.table_model import Column, RowTableModel

#: the columns, by name, for tests and the views
TITLE, KIND, DATE, SOURCE, PAGES, SIZE, LINKS, STATE = range(8)


def _state_icon(row: DocumentRow) -> QIcon | None:
    if row.viewable:
        return None
    return icons.icon("fa5s.exclamation-triangle", color=palette.accent(palette.WARN))


def _search_text(row: DocumentRow) -> str:
    return " ".join(
        (
            row.title,
            kind_label(row.kind),
            row.source_name,
            row.notes,
            row.original_name,
            type_text(row.media_type),
            state_text(row),
        )
    )


class DocumentsModel(RowTableModel[DocumentRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("Title"), lambda r: r.title, tooltip=lambda r: r.original_name),
                Column(tr("Kind"), lambda r: kind_label(r.kind)),
                Column(
                    tr("Date"),
                    lambda r: format_date(r.dated_on),
                    sort_key=lambda r: (r.dated_on or dt.date.min, r.id),
                ),
                Column(tr("Source"), lambda r: r.source_name),
                Column(
                    tr("Pages"), pages_text, sort_key=lambda r: (r.pages, r.id), align_right=True
                ),
                Column(
                    tr("Size"),
                    lambda r: size_text(r.byte_size),
                    sort_key=lambda r: (r.byte_size, r.id),
                    align_right=True,
                ),
                Column(
                    tr("Links"),
                    lambda r: str(len(r.links)) if r.links else "",
                    sort_key=lambda r: (len(r.links), r.id),
                    align_right=True,
                ),
                Column(
                    tr("State"),
                    state_text,
                    icon=_state_icon,
                    tooltip=lambda r: r.problem,
                ),
            ],
            row_id=lambda r: r.id,
            search_text=_search_text,
            parent=parent,
        )


class DocumentsProxy(SearchFilterProxy):
    """Search words anywhere in a document's description, and one kind at a time."""

    def set_kind(self, kind: RecordKind | None) -> None:
        self.set_predicate("kind", None if kind is None else (lambda r: r.kind is kind))
