"""A Qt table model over one kind's entries (a read model from the case layer)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from second_opinion.services.health_summary import Entry, Kind
from second_opinion.ui.health_summary.columns import columns

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class EntryTableModel(QAbstractTableModel):
    def __init__(self, kind: Kind, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._columns = columns(kind)
        self._entries: list[Entry[Any]] = []

    def set_entries(self, entries: list[Entry[Any]]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry[Any]:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].caption
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        value = getattr(entry.data, self._columns[index.column()].field)
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, dt.date):
                return QLocale().toString(
                    QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
                )
            return value or ""
        if role == SORT_ROLE:
            if isinstance(value, dt.date):
                return value.toordinal()
            return (value or "").casefold() if isinstance(value, str) else 0
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole and entry.source:
            return entry.source
        return None
