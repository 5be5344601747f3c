"""The viewer's page thumbnails: one row per page, "Page n" with its picture once drawn.

The pictures come from pages decrypted and drawn in memory (``case.document_pages``); they
live in this model only and are never written anywhere.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QIcon

from second_opinion.ui.documents.texts import tr
from second_opinion.ui.table_model import AnyIndex


class ThumbnailModel(QAbstractTableModel):
    """Rows are pages (one column); ``set_pages(n)`` starts them blank, ``set_picture`` fills
    one in as it is drawn."""

    def __init__(self, item_size: QSize, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._item_size = item_size
        self._pictures: list[QIcon | None] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pictures)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pictures):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr("Page {n}").format(n=index.row() + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pictures[index.row()]
        if role == Qt.ItemDataRole.SizeHintRole:
            return self._item_size
        return None

    def set_pages(self, count: int) -> None:
        """``count`` pages, none drawn yet (0: no document)."""
        self.beginResetModel()
        self._pictures = [None] * count
        self.endResetModel()

    def set_picture(self, page: int, picture: QIcon) -> None:
        if not 0 <= page < len(self._pictures):
            return
        self._pictures[page] = picture
        index = self.index(page, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def drawn(self) -> int:
        """How many pages have their picture."""
        return sum(1 for picture in self._pictures if picture is not None)
