"""Changing the order of the questions: the move buttons, Alt+Up / Alt+Down, and saving a
move the table already shows (a drop or ``moveRows`` ends in the same place).

A mixin of ``QuestionsTab``. The model moves the rows at once; ``_persist_move`` saves the
move through the runner and, if it cannot be saved, puts the rows back and reloads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget

from second_opinion.case import questions as case_questions
from second_opinion.services.errors import ServiceError
from second_opinion.services.questions import QuestionRow
from second_opinion.ui.questions.model import COL_ORDER, QuestionTableModel
from second_opinion.ui.search_proxy import SearchFilterProxy
from second_opinion.ui.table_model import ROW_ROLE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from second_opinion.ui.context import AppContext

    _Base = QWidget
else:
    _Base = object  # a mixin: the tab brings the widget


class QuestionReorder(_Base):
    ctx: AppContext
    model: QuestionTableModel
    proxy: SearchFilterProxy
    table: QTableView

    if TYPE_CHECKING:  # provided by the tab

        def selected_rows(self) -> list[QuestionRow]: ...
        def select(self, ids: Sequence[int]) -> bool: ...
        def reload(self) -> None: ...

    def _in_saved_order(self) -> bool:
        """A drop only means something when the rows show in the saved order."""
        if self.model.sort_state() == (COL_ORDER, Qt.SortOrder.AscendingOrder):
            return True
        self.ctx.sig_status.emit(self.tr("Sort by # to change the order of the questions"))
        return False

    def _ensure_saved_order(self) -> bool:
        """Reordering only makes sense in the saved order: switch back to it if sorted else."""
        if self.model.sort_state() != (COL_ORDER, Qt.SortOrder.AscendingOrder):
            self.table.sortByColumn(COL_ORDER, Qt.SortOrder.AscendingOrder)
            self.ctx.sig_status.emit(self.tr("Sorted by # again, so the new order shows"))
        return True

    def _persist_move(self, ids: list[int], before_id: int | None, previous: list[int]) -> None:
        """Save a move the table already shows; if it cannot be saved, put the rows back."""
        saved = False

        def done(_changes: object) -> None:
            nonlocal saved
            saved = True

        def refused(_exc: ServiceError) -> None:
            # The list changed underneath (another screen deleted a question).
            self.ctx.sig_status.emit(self.tr("The list had changed; it shows the saved order"))

        def finished() -> None:
            if not saved:
                self.model.restore_order(previous)
                self.reload()

        self.ctx.ops.change(
            lambda case: case_questions.move_questions(case, ids, before_id),
            owner=self,
            title=self.tr("Change the order"),
        ).success(done).failure(refused).finished(finished).run()

    def _move(self, step: int) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        self._ensure_saved_order()
        proxy_rows = sorted(
            self.proxy.mapFromSource(self.model.index(self.model.position_of(r.id) or 0, 0)).row()
            for r in rows
        )
        if step < 0:
            neighbour = proxy_rows[0] - 1
            if neighbour < 0:
                return
            dest = self.proxy.mapToSource(self.proxy.index(neighbour, 0)).row()
        else:
            neighbour = proxy_rows[-1] + 1
            if neighbour >= self.proxy.rowCount():
                return
            dest = self.proxy.mapToSource(self.proxy.index(neighbour, 0)).row() + 1
        ids = [r.id for r in rows]
        if self.model.move_ids(ids, dest):
            self.select(ids)

    def movable(self) -> tuple[bool, bool]:
        """Whether the chosen questions can move up, and down, among those shown."""
        chosen = [r.position for r in self.selected_rows()]
        count = self.proxy.rowCount()
        if not chosen or not count:
            return False, False
        if self.model.sort_state() == (COL_ORDER, Qt.SortOrder.AscendingOrder):
            top = self.proxy.index(0, 0).data(ROW_ROLE).position
            bottom = self.proxy.index(count - 1, 0).data(ROW_ROLE).position
        else:  # a move switches back to the saved order first: judge by that order
            shown = [self.proxy.index(r, 0).data(ROW_ROLE).position for r in range(count)]
            top, bottom = min(shown), max(shown)
        return min(chosen) > top, max(chosen) < bottom

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)
