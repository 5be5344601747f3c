"""One table model for every list in the app, described by its columns.

Each tab declares its columns (header, how to show a row, how to sort it) and hands the model
plain rows from a service. The model emits fine-grained signals when it can (a row changed,
rows inserted or removed) and resets only on a full reload. A ``SearchFilterProxy`` on top
filters; sorting is handed down to the model.

Why the model sorts its own rows: ``QSortFilterProxyModel`` sorts by calling ``lessThan`` once
per comparison, through Qt: about 130 000 calls for 10 000 rows, measured at 3 to 4 s per click
on a column header. Python's ``list.sort`` with one key per row does it in about 0.1 s, and the
proxy filters by reading rows directly rather than through ``QModelIndex.data``.

Why the proxy judges every row itself: Qt asks ``filterAcceptsRow`` once per source row after
every filter change, which cost 25 to 80 ms a keystroke over 10 000 contacts when each call
searched the row. Now a change of the search text is judged in one Python pass over the cached
lower-case texts (only over the rows still shown when the text grew), ``filterAcceptsRow`` is a
dictionary lookup, and Qt is not told at all when no row changes its verdict.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView

from second_opinion.ui.row_order import insertion_point

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # lower-case text the search field matches
#: rows whose search text is made per turn of the event loop after a list is filled
HAYSTACK_STEP = 1000

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
        # Lower-case search text by ``id(row)``, with the row itself so an id reused by a new
        # object never finds the old text. Keyed by identity, not position, so sorting,
        # moving or replacing one row keeps every other row's text.
        self._search_cache: dict[int, tuple[Row, str]] = {}
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
        if cached is not None and cached[0] is row:
            return cached[1]
        if self._search_text is not None:
            text = self._search_text(row).casefold()
        else:
            text = " ".join(c.text(row) for c in self._columns).casefold()
        self._search_cache[id(row)] = (row, text)
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


class SearchFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose search text holds every typed word; a ``RowTableModel`` below sorts.

    Over any other model it sorts by ``SORT_ROLE`` and reads ``ROW_ROLE``/``SEARCH_ROLE``.

    Words match anywhere (name, organization, ...). A word of digits also matches digits-only
    text, so "5551234" finds "(555) 123-4" style phone numbers when the search text includes
    the digits. Extra predicates (role, state, category filters) are plain callables of a row.

    Over a ``RowTableModel`` the proxy keeps a verdict per source row (``_shown``), worked out
    in one pass when the filter changes and kept in step with the model's own signals (its
    handlers are connected before Qt's, so they run first); ``filterAcceptsRow`` only reads it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._words: list[str] = []
        self._predicates: dict[str, Callable[[Any], bool]] = {}
        self._rows_model: SearchableRows | None = None
        #: whether each source row passes the filter, by position; None while no filter is set
        self._shown: list[bool] | None = None

    # ------------------------------------------------------------ filter state
    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        old = self._words
        # Every old word inside some new word: only the rows shown now can still match.
        narrower = bool(old) and all(any(o in n for n in words) for o in old)
        self._apply(words, self._predicates, narrower)

    def set_predicate(self, name: str, predicate: Callable[[Any], bool] | None) -> None:
        predicates = dict(self._predicates)
        if predicate is None:
            if predicates.pop(name, None) is None:
                return
        else:
            predicates[name] = predicate
        self._apply(self._words, predicates, False)

    def _apply(
        self, words: list[str], predicates: dict[str, Callable[[Any], bool]], narrower: bool
    ) -> None:
        def change() -> None:
            self._words, self._predicates = words, predicates

        if self._rows_model is None:
            self._change_filter(change)
            return
        old = self._shown  # None: no filter, every row shows
        if not (words or predicates):
            new = None
            flips = old is not None and not all(old)
        else:
            if narrower and old is not None:
                new = self._narrowed(old, words)
            else:
                new = self._judge_all(words, list(predicates.values()))
            flips = new != old if old is not None else not all(new)
        if not flips:
            # The same rows stay shown: Qt need not hear of it (no re-filter, no repaint).
            change()
            self._shown = new
            return
        if not self._hides_persistent(new):
            # One layout change instead of one signal per run of hidden or shown rows: a
            # search over 10 000 rows can hide thousands of scattered runs, and each run
            # costs the views (and every slot connected to rowsRemoved) a round of work.
            change()
            self._shown = new
            self.invalidate()
            return
        # A selected or current row is about to hide: announce it row by row, so the views
        # move the current row and tell their listeners the selection changed (a layout
        # change would drop both without a signal).
        self.beginFilterChange()  # Qt first maps, under the old filter, rows not mapped yet
        change()
        self._shown = new
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _hides_persistent(self, new: list[bool] | None) -> bool:
        """Whether a persistent index (selection, current row, editor) is on a row that hides."""
        if new is None:
            return False
        for index in self.persistentIndexList():
            if index.isValid():
                position = self.mapToSource(index).row()
                if not (0 <= position < len(new) and new[position]):
                    return True
        return False

    def _judge_all(self, words: list[str], predicates: list[Callable[[Any], bool]]) -> list[bool]:
        """Every source row's verdict, in one pass over the cached search texts."""
        model = self._rows_model
        assert model is not None
        haystacks = model.haystacks()
        if len(words) == 1 and not predicates:
            word = words[0]
            return [word in text for text in haystacks]
        # Longest word first: it usually leaves the fewest rows for the others.
        candidates: Iterable[int] = range(len(haystacks))
        for word in sorted(words, key=len, reverse=True):
            candidates = [i for i in candidates if word in haystacks[i]]
        if predicates:
            row_at = model.row_at
            candidates = [i for i in candidates if all(p(row_at(i)) for p in predicates)]
        shown = [False] * len(haystacks)
        for i in candidates:
            shown[i] = True
        return shown

    def _narrowed(self, old: list[bool], words: list[str]) -> list[bool]:
        """The verdicts for ``words``, which only narrow ``old``: a row hidden now stays
        hidden, so only the rows shown now are searched again."""
        model = self._rows_model
        assert model is not None
        haystacks = model.haystacks()
        candidates: Iterable[int] = itertools.compress(range(len(old)), old)
        for word in sorted(words, key=len, reverse=True):
            candidates = [i for i in candidates if word in haystacks[i]]
        shown = [False] * len(old)
        for i in candidates:
            shown[i] = True
        return shown

    def _judge(self, position: int) -> bool:
        """One row's verdict under the current filter."""
        model = self._rows_model
        assert model is not None
        row = model.row_at(position)
        if not all(p(row) for p in self._predicates.values()):
            return False
        text = model.search_text_at(position)
        return all(w in text for w in self._words)

    def _change_filter(self, change: Callable[[], object]) -> None:
        # Qt 6.10 replaced invalidateFilter() with a begin/end pair around the change.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()

    # ------------------------------------------------------------ following the source
    def setSourceModel(self, model: QAbstractItemModel) -> None:
        old = self._rows_model
        if old is not None:
            for signal, slot in self._source_handlers(old):
                signal.disconnect(slot)
        self._rows_model = model if isinstance(model, SearchableRows) else None
        self._shown = None
        if self._rows_model is not None:
            if self._words or self._predicates:
                self._shown = self._judge_all(self._words, list(self._predicates.values()))
            # Connected before the proxy's own handlers (made by setSourceModel), so the
            # verdicts match the rows again before Qt asks about any of them.
            for signal, slot in self._source_handlers(model):
                signal.connect(slot)
        super().setSourceModel(model)

    def _source_handlers(self, model: Any) -> list[tuple[Any, Any]]:
        return [
            (model.rowsInserted, self._on_rows_inserted),
            (model.rowsRemoved, self._on_rows_removed),
            (model.dataChanged, self._on_data_changed),
            (model.rowsMoved, self._on_rows_rearranged),
            (model.layoutChanged, self._on_rows_rearranged),
            (model.modelReset, self._on_rows_rearranged),
        ]

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        shown = self._shown
        if shown is not None and not parent.isValid():
            shown[first:first] = [self._judge(i) for i in range(first, last + 1)]

    def _on_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        shown = self._shown
        if shown is not None and not parent.isValid():
            del shown[first : last + 1]

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: Any) -> None:
        shown = self._shown
        if shown is None or not (top_left.isValid() and bottom_right.isValid()):
            return
        first, last = top_left.row(), min(bottom_right.row(), len(shown) - 1)
        if last - first > 64:  # a whole column changed: one pass is cheaper
            self._shown = self._judge_all(self._words, list(self._predicates.values()))
            return
        for i in range(first, last + 1):
            shown[i] = self._judge(i)

    def _on_rows_rearranged(self, *_args: Any) -> None:
        # Sorted, moved or reloaded: judge every row again (cheap; the texts are cached).
        # After a reload this also lets the old rows go (nothing outlives a lock).
        if self._shown is not None:
            self._shown = self._judge_all(self._words, list(self._predicates.values()))

    # ------------------------------------------------------------ Qt
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RowTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._rows_model is not None:
            shown = self._shown
            if shown is None:
                return True
            if source_row < len(shown):
                return shown[source_row]
            return self._judge(source_row)  # pragma: no cover - a change Qt announced late
        source = self.sourceModel()
        index = source.index(source_row, 0, source_parent)
        if self._predicates:
            row = source.data(index, ROW_ROLE)
            if not all(predicate(row) for predicate in self._predicates.values()):
                return False
        if not self._words:
            return True
        haystack = source.data(index, SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        if a is None or b is None:
            return (a is None) and (b is not None)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


def show_row(view: QAbstractItemView, index: QModelIndex) -> None:
    """Make ``index``'s row the current and only selected one, and scroll it into sight."""
    view.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(index)
