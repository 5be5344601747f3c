"""How the records views build their tables, their empty states, and size their columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from second_opinion.ui.records.common import icon
from second_opinion.ui.table_model import ROW_ROLE, Column

#: how many of a list's first rows are measured to size its columns
SAMPLE_ROWS = 50


def make_table(parent: QWidget, model: QAbstractItemModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # No sort until asked: the board's order (most urgent first) is meaningful.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setResizeContentsPrecision(SAMPLE_ROWS)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setTabKeyNavigation(False)
    return view


def action_button(
    parent: QWidget, text: str, icon_name: str, slot: Callable[[], object]
) -> QPushButton:
    button = QPushButton(icon(icon_name), text, parent)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.clicked.connect(lambda _checked=False: slot())
    return button


def empty_state(parent: QWidget, text: str, button: str, slot: Callable[[], object]) -> QWidget:
    widget = QWidget(parent)
    layout = QVBoxLayout(widget)
    layout.addStretch(1)
    label = QLabel(text, widget)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFixedWidth(560)  # a fixed width lets the wrapped text work out its height
    centered = QHBoxLayout()
    centered.addStretch(1)
    centered.addWidget(label)
    centered.addStretch(1)
    layout.addLayout(centered)
    push = QPushButton(button, widget)
    push.setAccessibleName(button.replace("&", "").rstrip("…"))
    push.clicked.connect(lambda _checked=False: slot())
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(push)
    row.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(2)
    return widget


def selected_rows(view: QTableView) -> list[Any]:
    model = view.selectionModel()
    return [index.data(ROW_ROLE) for index in model.selectedRows()] if model else []


def selected_row(view: QTableView) -> Any:
    rows = selected_rows(view)
    return rows[0] if rows else None


def cell_padding(view: QTableView) -> tuple[int, int]:
    """The room a cell adds around its text, and what an icon before the text takes."""
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    icon_size = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view)
    # Both sides of the text, the grid line, and a little air so the text is not cut off.
    return 2 * margin + 1 + 6, icon_size + 2 * margin


def fit_columns(
    view: QTableView, columns: Sequence[Column[Any]], rows: Sequence[Any], limits: dict[int, int]
) -> None:
    """Give each interactive column the width of its header or its widest sampled text.

    Measured here from the first rows' texts rather than by ``resizeColumnsToContents``,
    which asks the model for every role of every sampled cell through Qt. ``limits`` caps
    some columns so long descriptions cannot push the dates off screen.
    """
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    padding, icon_room = cell_padding(view)
    for column, spec in enumerate(columns):
        if header.sectionResizeMode(column) is not QHeaderView.ResizeMode.Interactive:
            continue
        width = header.sectionSizeHint(column)
        for row in rows[:SAMPLE_ROWS]:
            text_width = metrics.horizontalAdvance(spec.text(row)) + padding
            if spec.icon is not None and spec.icon(row) is not None:
                text_width += icon_room
            width = max(width, text_width)
        view.setColumnWidth(column, min(width, limits.get(column, width)))
