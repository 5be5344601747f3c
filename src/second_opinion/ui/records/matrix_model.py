"""The "who has what" grid as a table model: record items down, recipients across."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from second_opinion.domain.enums import RequestState
from second_opinion.services.records import CellState, ItemRow, WhoHasWhat
from second_opinion.ui.dates import format_date
from second_opinion.ui.records.common import (
    cell_icon,
    cell_label,
    kind_label,
    state_icon,
    tr,
)
from second_opinion.ui.table_model import ROW_ROLE, SEARCH_ROLE, SORT_ROLE, SearchableRows

AnyIndex = QModelIndex | QPersistentModelIndex

#: the request that got an item furthest to a recipient (for "open this request")
REQUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 10
#: the CellState of a cell, as an int
CELL_STATE_ROLE = Qt.ItemDataRole.UserRole + 11


class WhoHasWhatModel(QAbstractTableModel, SearchableRows):
    """Column 0 names the record; each further column is one recipient.

    Works under ``SearchFilterProxy``: SORT_ROLE, ROW_ROLE (the ItemRow) and SEARCH_ROLE.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matrix = WhoHasWhat(items=(), recipients=(), cells={})
        #: each row's search text, made on the first search (the filter asks for every row)
        self._search: list[str] | None = None

    def set_matrix(self, matrix: WhoHasWhat) -> None:
        self.beginResetModel()
        self._matrix = matrix
        self._search = None
        self.endResetModel()

    def clear(self) -> None:
        self.set_matrix(WhoHasWhat(items=(), recipients=(), cells={}))

    def matrix(self) -> WhoHasWhat:
        return self._matrix

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matrix.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._matrix.recipients)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if section == 0:
            return tr("Record")
        if 1 <= section <= len(self._matrix.recipients):
            return self._matrix.recipients[section - 1].name
        return None

    def _item(self, index: AnyIndex) -> ItemRow | None:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._matrix.items):
            return None
        if not 0 <= column <= len(self._matrix.recipients):
            return None
        return self._matrix.items[row]

    def haystacks(self) -> list[str]:
        if self._search is None:
            self._search = [
                " ".join((i.description, kind_label(i.kind), i.holder_name)).casefold()
                for i in self._matrix.items
            ]
        return self._search

    def search_text_at(self, position: int) -> str:
        return self.haystacks()[position]

    def row_at(self, position: int) -> ItemRow:
        return self._matrix.items[position]

    def _search_text(self, row: int) -> str:
        return self.haystacks()[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self._item(index)
        if item is None:
            return None
        if role == ROW_ROLE:
            return item
        if role == SEARCH_ROLE:
            return self._search_text(index.row())
        if index.column() == 0:
            return self._record_data(item, role)
        recipient = self._matrix.recipients[index.column() - 1]
        cell = self._matrix.cells.get((item.id, recipient.id))
        state = cell.state if cell else CellState.NOTHING
        planned = cell is not None and state is CellState.NOTHING  # a request not made yet
        if role == Qt.ItemDataRole.DisplayRole:
            if planned:
                return tr("To request")
            when = format_date(cell.on) if cell and cell.on else ""
            return cell_label(state) + (f" {when}" if when else "")
        if role == Qt.ItemDataRole.DecorationRole and planned:
            return state_icon(RequestState.TO_REQUEST)
        if role == Qt.ItemDataRole.DecorationRole:
            return cell_icon(state)
        if role in (SORT_ROLE, CELL_STATE_ROLE):
            return int(state)
        if role == REQUEST_ID_ROLE:
            return cell.request_id if cell else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if cell is None:
                return tr("Not requested for %1").replace("%1", recipient.name)
            times = (
                tr("in 1 request")
                if cell.request_count == 1
                else tr("in %n requests", cell.request_count)
            )
            return f"{cell_label(state)} — {recipient.name} ({times})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.description}, {recipient.name}: {cell_label(state)}"
        return None

    def _record_data(self, item: ItemRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            text = item.description or kind_label(item.kind)
            when = format_date(item.date_of_service)
            return f"{text} ({when})" if when else text
        if role == SORT_ROLE:
            return (item.description or kind_label(item.kind)).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            held = tr("held by %1").replace("%1", item.holder_name) if item.holder_name else ""
            return ", ".join(p for p in (kind_label(item.kind), held) if p)
        return None
