"""The search field's filter over a list: ``SearchFilterProxy``, and ``show_row``.

Why the proxy judges every row itself: Qt asks ``filterAcceptsRow`` once per source row after
every filter change, which cost 25 to 80 ms a keystroke over 10 000 contacts when each call
searched the row. Now a change of the search text is judged in one Python pass over the cached
lower-case texts (only over the rows still shown when the text grew), ``filterAcceptsRow`` is a
dictionary lookup, and Qt is not told at all when no row changes its verdict.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView

from second_opinion.ui.table_model import (
    ROW_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    AnyIndex,
    RowTableModel,
    SearchableRows,
)


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
