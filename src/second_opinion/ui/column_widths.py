"""Column widths that follow the window: every column readable from 1024 to 1920 pixels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

#: rows looked at to tell whether a column has any text (enough: a column's texts are alike)
SAMPLE_ROWS = 200


class ProportionalColumns(QObject):
    """Share a table's width among its columns by weight, until the user resizes one.

    Fixed pixel widths either waste a wide window or squeeze the main column to nothing on a
    1024-pixel screen; weights keep every column readable from 1024 to 1920 pixels.
    """

    def __init__(
        self,
        table: QTableView,
        weights: Sequence[float],
        minimums: Sequence[int] | None = None,
    ) -> None:
        super().__init__(table)
        self._table = table
        self._weights = list(weights)
        self._minimums = list(minimums) if minimums is not None else [40] * len(self._weights)
        self._applying = False
        self.user_resized = False
        #: columns without text in the rows shown: they keep only their minimum
        self._empty: set[int] = set()
        model = table.model()
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(self._content_changed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sectionResized.connect(self._on_section_resized)
        table.viewport().installEventFilter(self)
        self.apply()

    def _on_section_resized(self, *_args: object) -> None:
        if not self._applying and self._table.isVisible():
            self.user_resized = True

    def _content_changed(self, *_args: object) -> None:
        """A column with no text in any (sampled) row gives its share to the columns with
        text, so a status such as "Faxed late" is not cut off beside an empty Fax column."""
        model = self._table.model()
        rows = min(model.rowCount(), SAMPLE_ROWS)
        display = Qt.ItemDataRole.DisplayRole
        empty = {
            column
            for column in range(len(self._weights))
            if rows and not any(model.index(row, column).data(display) for row in range(rows))
        }
        if empty != self._empty:
            self._empty = empty
            if not self.user_resized:
                self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self.user_resized:
            self.apply()
        return False

    def apply(self) -> None:
        """Give each column at least its minimum (status words must not be cut off)."""
        width = self._table.viewport().width()
        fixed = {
            c
            for c, w in enumerate(self._weights)
            if c in self._empty or width * w / (sum(self._weights) or 1.0) < self._minimums[c]
        }
        rest = max(0, width - sum(self._minimums[c] for c in fixed))
        flexible = sum(w for c, w in enumerate(self._weights) if c not in fixed) or 1.0
        self._applying = True
        try:
            for column, weight in enumerate(self._weights[:-1]):
                if column in fixed:
                    size = self._minimums[column]
                else:
                    size = max(self._minimums[column], int(rest * weight / flexible))
                self._table.setColumnWidth(column, size)
        finally:
            self._applying = False
