"""One table model for every list in the app, described by its columns.

Each tab declares its columns (header, how to show a row, how to sort it) and hands the model
plain rows from a service. The model emits fine-grained signals when it can (a row changed,
rows inserted or removed) and resets only on a full reload. A ``SearchFilterProxy`` on top
(``ui/search_proxy.py``) filters; sorting is handed down to the model.

Why the model sorts its own rows: ``QSortFilterProxyModel`` sorts by calling ``lessThan`` once
per comparison, through Qt: about 130 000 calls for 10 000 rows, measured at 3 to 4 s per click
on a column header. Python's ``list.sort`` with one key per row does it in about 0.1 s, and the
proxy filters by reading rows directly rather than through ``QModelIndex.data``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QIcon

from second_opinion.ui.row_order import insertion_point

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # lower-case text the search field matches
#: rows whose search text is made per turn of the event loop after a list is filled
HAYSTACK_STEP = 250

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ANSWERED_ROLES = frozenset(
    {_DISPLAY, _DECORATION, _TOOLTIP, _ALIGNMENT, SORT_ROLE, ROW_ROLE, SEARCH_ROLE}
)


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None
    icon: Callable[[Row], QIcon | None] | None = None
    tooltip: Callable[[Row], str] | None = None
    align_right: bool = False


class SearchableRows:
    """What ``SearchFilterProxy`` needs of a source model to filter in one Python pass
    (mixed into a Qt table model): without it, Qt asks the model for every row's search
    text through ``data`` on each keystroke."""

    def haystacks(self) -> list[str]:
        """The lower-case search text of every row, in row order (do not change the list)."""
        raise NotImplementedError

    def search_text_at(self, position: int) -> str:
        raise NotImplementedError

    def row_at(self, position: int) -> Any:
        """The row object the proxy's predicates are given."""
        raise NotImplementedError


class RowTableModel(QAbstractTableModel, SearchableRows, Generic[Row]):
    def __init__(
        self,
        columns: Sequence[Column[Row]],
        row_id: Callable[[Row], object],
        search_text: Callable[[Row], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []
        self._row_id = row_id
        self._search_text = search_text
        # Lower-case search text by ``id(row)``. Keyed by identity, not position, so sorting,
        # moving or replacing one row keeps every other row's text. Every row that leaves
        # ``_rows`` leaves this too, so an id reused by a later object never finds old text.
        self._search_cache: dict[int, str] = {}
        # The texts of ``_rows`` in order, valid while ``_haystack_rows`` holds the same objects.
        self._haystack_rows: list[Row] = []
        self._haystack_list: list[str] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._warm_generation = 0

    # ------------------------------------------------------------ reading
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called about ten times per cell per paint (once per role the delegate asks for):
        # roles no column answers go first, and the checks use plain ints.
        if role not in _ANSWERED_ROLES:
            return None
        position = index.row()
        rows = self._rows
        if not 0 <= position < len(rows):  # an invalid index has row -1
            return None
        row = rows[position]
        column = self._columns[index.column()]
        if role == _DISPLAY:
            return column.text(row)
        if role == _DECORATION:
            return column.icon(row) if column.icon is not None else None
        if role == _TOOLTIP:
            # Without a tooltip of its own, a cell's whole text: a cut-off "Faxed l…" reads
            # in full on hover.
            tip = column.tooltip(row) if column.tooltip is not None else column.text(row)
            return tip or None
        if role == _ALIGNMENT:
            return _RIGHT_ALIGNED if column.align_right else None
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.text(row).casefold()
        if role == ROW_ROLE:
            return row
        return self._haystack(row)  # SEARCH_ROLE

    def _haystack(self, row: Row) -> str:
        """The lower-case text the search matches, made once per row object."""
        cached = self._search_cache.get(id(row))
        if cached is not None:
            return cached
        if self._search_text is not None:
            text = self._search_text(row).casefold()
        else:
            text = " ".join(c.text(row) for c in self._columns).casefold()
        self._search_cache[id(row)] = text
        return text

    def haystacks(self) -> list[str]:
        """The search text of every row, in row order (do not change the list)."""
        rows = self._rows
        known = self._haystack_rows
        if len(known) != len(rows) or not all(map(operator.is_, known, rows)):
            self._haystack_list = [self._haystack(row) for row in rows]
            self._haystack_rows = list(rows)
        return self._haystack_list

    def search_text_at(self, position: int) -> str:
        return self._haystack(self._rows[position])

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, position: int) -> Row:
        return self._rows[position]

    def position_of(self, row_id: object) -> int | None:
        for position, row in enumerate(self._rows):
            if self._row_id(row) == row_id:
                return position
        return None

    # ------------------------------------------------------------ sorting
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._sort_order = order
        if column >= 0:
            self._resort()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def _key(self, column: int) -> Callable[[Row], Any]:
        spec = self._columns[column]
        if spec.sort_key is not None:
            return spec.sort_key
        return lambda row: spec.text(row).casefold()

    def _sorted(self, rows: list[Row]) -> list[Row]:
        if not (0 <= self._sort_column < len(self._columns)):
            return rows
        key = self._key(self._sort_column)
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        try:
            return sorted(rows, key=key, reverse=reverse)
        except TypeError:  # mixed key types (e.g. None beside a date): compare their text
            return sorted(rows, key=lambda r: str(key(r)), reverse=reverse)

    def _sorted_place(self, row: Row) -> int | None:
        """Where a full sort puts ``row`` among the sorted rows; None if not sorted."""
        if not (0 <= self._sort_column < len(self._columns)):
            return None
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return insertion_point(self._rows, row, self._key(self._sort_column), descending)

    def _resort(self) -> None:
        new_rows = self._sorted(self._rows)
        if [self._row_id(r) for r in new_rows] == [self._row_id(r) for r in self._rows]:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [
            self._row_id(self._rows[i.row()]) if 0 <= i.row() < len(self._rows) else None
            for i in persistent
        ]
        self._rows = new_rows
        where = {self._row_id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(where[i], p.column()) if i in where else QModelIndex()
                for i, p in zip(ids, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    # ------------------------------------------------------------ changing
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(list(rows))
        self._search_cache.clear()
        self._haystack_rows, self._haystack_list = [], []
        self.endResetModel()
        if self._search_text is not None and len(self._rows) > HAYSTACK_STEP:
            self._warm_generation += 1
            generation = self._warm_generation
            QTimer.singleShot(0, self, lambda: self._warm_haystacks(generation, 0))

    def _warm_haystacks(self, generation: int, start: int) -> None:
        """Make the rows' search texts a slice per turn of the event loop.

        The first keystroke in a search field otherwise made all of them at once: on a list
        of 10 000 requests, a pause long enough to notice.
        """
        if generation != self._warm_generation:
            return  # the rows were replaced meanwhile
        end = min(start + HAYSTACK_STEP, len(self._rows))
        for row in self._rows[start:end]:
            self._haystack(row)
        if end < len(self._rows):
            QTimer.singleShot(0, self, lambda: self._warm_haystacks(generation, end))

    def clear(self) -> None:
        self.set_rows([])

    def upsert(self, row: Row) -> None:
        """Replace the row with the same id, or append it."""
        position = self.position_of(self._row_id(row))
        if position is None:
            # A new row goes straight to its sorted place: re-sorting 10 000 rows for it
            # held the window still.
            at = self._sorted_place(row)
            end = len(self._rows) if at is None else at
            self.beginInsertRows(QModelIndex(), end, end)
            self._rows.insert(end, row)
            self.endInsertRows()
            if at is not None:
                return
        else:
            old = self._rows[position]
            self._rows[position] = row
            self._search_cache.pop(id(old), None)
            last = len(self._columns) - 1
            self.dataChanged.emit(self.index(position, 0), self.index(position, last))
        if self._sort_column >= 0:
            self._resort()

    def remove(self, row_id: object) -> None:
        position = self.position_of(row_id)
        if position is None:
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        old = self._rows.pop(position)
        self._search_cache.pop(id(old), None)
        self.endRemoveRows()
