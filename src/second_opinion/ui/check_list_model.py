"""A list of rows, each with a check box: the one checkable model of the app.

A ``RowTableModel`` (columns, sorting, the search proxy all work the same) whose first column
carries a check box. Which rows are ticked is kept as a set of row ids, so reloading, sorting
or filtering never loses a tick. Signal ``sig_checked()`` whenever a tick changes, by a person
or by ``set_checked``/``set_all``/``set_rows``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from second_opinion.ui.table_model import AnyIndex, Column, Row, RowTableModel

_CHECK = int(Qt.ItemDataRole.CheckStateRole)


class CheckListModel(RowTableModel[Row]):
    """Rows with a check box in column 0; ``checkable(row)`` says which rows have one (by
    default all): a row without one (a placeholder, a duplicate) shows no box and cannot be
    ticked."""

    sig_checked = Signal()

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        row_id: Callable[[Row], object],
        checkable: Callable[[Row], bool] | None = None,
        search_text: Callable[[Row], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, row_id, search_text, parent)
        self._checkable = checkable
        self._checked: set[object] = set()

    def _can_check(self, row: Row) -> bool:
        return self._checkable is None or self._checkable(row)

    # ------------------------------------------------------------ Qt
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _CHECK:
            if index.column() != 0 or not 0 <= index.row() < self.rowCount():
                return None
            row = self.row_at(index.row())
            if not self._can_check(row):
                return None
            ticked = self.row_id_of(row) in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (
            index.isValid()
            and index.column() == 0
            and 0 <= index.row() < self.rowCount()
            and self._can_check(self.row_at(index.row()))
        ):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != _CHECK or not index.isValid() or index.column() != 0:
            return False
        if not 0 <= index.row() < self.rowCount():
            return False
        row = self.row_at(index.row())
        if not self._can_check(row):
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        row_id = self.row_id_of(row)
        if state == Qt.CheckState.Checked:
            self._checked.add(row_id)
        else:
            self._checked.discard(row_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.sig_checked.emit()
        return True

    # ------------------------------------------------------------ rows and ticks
    def row_id_of(self, row: Row) -> object:
        return self._row_id(row)

    def set_rows(self, rows: Sequence[Row], checked: Iterable[object] = ()) -> None:
        """Show ``rows``, with the ids in ``checked`` ticked and every other one not."""
        self._checked = set(checked)
        super().set_rows(rows)
        self.sig_checked.emit()

    def is_checked(self, row_id: object) -> bool:
        return row_id in self._checked

    def set_checked(self, row_id: object, checked: bool) -> None:
        if checked:
            self._checked.add(row_id)
        else:
            self._checked.discard(row_id)
        position = self.position_of(row_id)
        if position is not None:
            index = self.index(position, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.sig_checked.emit()

    def set_all(self, checked: bool, only: Iterable[object] | None = None) -> None:
        """Tick every checkable row (or none); with ``only``, exactly those ids."""
        rows = [r for r in self.rows() if self._can_check(r)]
        if only is not None:
            self._checked = set(only)
        else:
            self._checked = {self.row_id_of(r) for r in rows} if checked else set()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.rowCount() - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.sig_checked.emit()

    def checked_rows(self) -> list[Row]:
        """The ticked rows, in the order shown by the model."""
        return [r for r in self.rows() if self._can_check(r) and self.row_id_of(r) in self._checked]

    def checked_ids(self) -> list[Any]:
        return [self.row_id_of(r) for r in self.checked_rows()]

    def unchecked_ids(self) -> list[Any]:
        return [
            self.row_id_of(r)
            for r in self.rows()
            if self._can_check(r) and self.row_id_of(r) not in self._checked
        ]
