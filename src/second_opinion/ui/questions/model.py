"""The question rows in saved order, reorderable by drag and drop and by ``moveRows``.

Every way of moving (a drop, ``moveRows``, the move buttons) ends in ``move_ids``: it moves
the rows on screen at once with ``beginMoveRows`` (so selection and scroll position survive)
and hands the move to ``persist``, which saves it through the runner. When saving fails, the
screen calls ``restore_order`` with the order from before. Drags carry question ids only,
never their text.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QModelIndex, QObject, Qt
from PySide6.QtGui import QIcon

from second_opinion.domain.enums import Priority, QuestionCategory
from second_opinion.services import labels
from second_opinion.services.questions import QuestionRow
from second_opinion.ui import palette
from second_opinion.ui.contact_form import label_of
from second_opinion.ui.questions.labels import asked_text, first_line, row_visit_label
from second_opinion.ui.table_model import AnyIndex, Column, RowTableModel

MIME_TYPE = "application/x-second-opinion-question-ids"
COL_ORDER, COL_TEXT, COL_CATEGORY, COL_PRIORITY, COL_VISIT, COL_ASKED, COL_ANSWER = range(7)

#: persist(moved ids, the id they now stand before or None for the end, the order before)
Persist = Callable[[list[int], int | None, list[int]], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuestionsTab", text)


def question_columns(icon: Callable[[str, str | None], QIcon]) -> list[Column[QuestionRow]]:
    """The table's columns; ``icon(name, color or None)`` draws a cell icon."""
    priority_icons: dict[Priority, tuple[str, str | None]] = {
        Priority.TOP: ("fa5s.angle-double-up", palette.PROBLEM),
        Priority.NORMAL: ("fa5s.minus", None),
        Priority.LOW: ("fa5s.angle-down", None),
    }

    def priority_icon(row: QuestionRow) -> QIcon:
        name, accent = priority_icons[row.priority]
        return icon(name, palette.accent(accent) if accent else None)

    def asked_icon(row: QuestionRow) -> QIcon:
        if row.answered:
            return icon("fa5s.check-circle", palette.accent(palette.GOOD))
        return icon(
            "fa5s.comment-slash" if row.asked else "fa5.circle", palette.accent(palette.INFO)
        )

    categories = list(QuestionCategory)
    return [
        Column(
            _tr("#"), lambda r: str(r.position + 1), sort_key=lambda r: r.position, align_right=True
        ),
        Column(
            _tr("Question"),
            lambda r: first_line(r.text),
            sort_key=lambda r: r.text.casefold(),
            tooltip=lambda r: r.text[:2000],
        ),
        Column(
            _tr("Category"),
            lambda r: label_of(labels.QUESTION_CATEGORY, r.category),
            sort_key=lambda r: (categories.index(r.category), r.position),
        ),
        Column(
            _tr("Priority"),
            lambda r: label_of(labels.PRIORITY, r.priority),
            sort_key=lambda r: (int(r.priority), r.position),
            icon=priority_icon,
        ),
        Column(
            _tr("For visit"),
            row_visit_label,
            sort_key=lambda r: (r.visit_starts_at is None, r.visit_starts_at, r.position),
        ),
        Column(
            _tr("Asked"),
            asked_text,
            sort_key=lambda r: (r.answered, r.asked, r.position),
            icon=asked_icon,
        ),
        Column(_tr("Answer"), lambda r: first_line(r.answer), tooltip=lambda r: r.answer[:2000]),
    ]


class QuestionTableModel(RowTableModel[QuestionRow]):
    def __init__(
        self,
        columns: Sequence[Column[QuestionRow]],
        persist: Persist,
        can_reorder: Callable[[], bool] = lambda: True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, row_id=lambda r: r.id, search_text=self._search, parent=parent)
        self._persist = persist
        self._can_reorder = can_reorder

    @staticmethod
    def _search(row: QuestionRow) -> str:
        return f"{row.text} {row.answer} {row.visit_doctor}"

    # ---------------------------------------------------------------- drag and drop
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self.row_at(r).id for r in rows]
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode()))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            ids = [int(i) for i in json.loads(bytes(data.data(MIME_TYPE).data()).decode())]
        except (ValueError, TypeError):
            return False
        if row < 0:
            # Dropped onto a row rather than between rows: put the questions before it.
            row = parent.row() if parent.isValid() else self.rowCount()
        return self.move_ids(ids, row)

    def moveRows(
        self,
        source_parent: AnyIndex,
        source_row: int,
        count: int,
        destination_parent: AnyIndex,
        destination_child: int,
    ) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > self.rowCount():
            return False
        ids = [self.row_at(r).id for r in range(source_row, source_row + count)]
        return self.move_ids(ids, destination_child)

    # ---------------------------------------------------------------- the one way to move
    def order(self) -> list[int]:
        return [r.id for r in self._rows]

    def move_ids(self, ids: Sequence[int], dest_row: int) -> bool:
        """Move the questions ``ids`` to just before the row now at ``dest_row``, and save."""
        if not ids or not self._can_reorder():
            return False
        wanted = set(ids)
        moving = [r.id for r in self._rows if r.id in wanted]
        if len(moving) != len(wanted):
            # A question the drag carried is gone from the list: let the save refuse it, so
            # the screen shows the list as it is now.
            self._persist(list(ids), None, self.order())
            return False
        dest_row = max(0, min(dest_row, len(self._rows)))
        while dest_row < len(self._rows) and self._rows[dest_row].id in wanted:
            dest_row += 1
        before_id = self._rows[dest_row].id if dest_row < len(self._rows) else None
        current = self.order()
        rest = [i for i in current if i not in wanted]
        at = rest.index(before_id) if before_id is not None else len(rest)
        target = rest[:at] + moving + rest[at:]
        if target == current:
            return False
        self._apply_order(target)
        self._persist(moving, before_id, current)
        return True

    def restore_order(self, ids: Sequence[int]) -> None:
        """Put the rows back in the order ``ids`` (rows not named keep their place at the end)."""
        present = set(self.order())
        target = [i for i in ids if i in present]
        target += [i for i in self.order() if i not in set(target)]
        self._apply_order(target)

    def _apply_order(self, target: list[int]) -> None:
        root = QModelIndex()
        for final, row_id in enumerate(target):
            now = next(i for i in range(final, len(self._rows)) if self._rows[i].id == row_id)
            if now != final:
                # Rows before ``final`` are already in place, so each step is one clean move.
                self.beginMoveRows(root, now, now, root, final)
                self._rows.insert(final, self._rows.pop(now))
                self._search_cache.clear()
                self.endMoveRows()
        changed = [i for i, row in enumerate(self._rows) if row.position != i]
        for i in changed:
            self._rows[i] = dataclasses.replace(self._rows[i], position=i)
        if changed:
            self.dataChanged.emit(
                self.index(min(changed), 0), self.index(max(changed), self.columnCount() - 1)
            )
