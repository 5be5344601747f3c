"""The panel beside the requests: the selected request's details and its history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from second_opinion.services.record_requests import RequestRow, StateChangeRow
from second_opinion.ui.dates import format_date
from second_opinion.ui.records.common import items_text, method_label, state_icon, state_label, tr
from second_opinion.ui.records.tables import make_table
from second_opinion.ui.table_model import Column, RowTableModel

#: the least height of a table in the pane: its header and about three rows
MIN_TABLE_HEIGHT = 120


class RequestDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        panel = self
        panel.setMinimumWidth(240)
        layout = self._layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 0, 0, 0)
        self.detail_title = QLabel(panel)
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_title.setAccessibleName(tr("Selected request"))
        font = self.detail_title.font()
        font.setBold(True)
        self.detail_title.setFont(font)
        layout.addWidget(self.detail_title)
        # A grid, not a QFormLayout: the grid gives a wrapped value all the lines it needs
        # (a form layout in this narrow pane fell short of its own height for the width).
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        self.detail_fields: dict[str, QLabel] = {}
        for row, (key, label) in enumerate(
            (
                ("state", tr("Status:")),
                ("route", tr("From → to:")),
                ("due", tr("Due:")),
                ("fee", tr("Fee, reference:")),
                ("notes", tr("Notes:")),
            )
        ):
            value = QLabel(panel)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label.rstrip(":"))
            name = QLabel(label, panel)
            name.setWordWrap(True)  # "Fee, reference:" takes two lines in a narrow pane
            form.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            form.addWidget(value, row, 1)
            self.detail_fields[key] = value
        layout.addLayout(form)
        history_label = QLabel(tr("History"), panel)
        history_label.setFont(font)
        layout.addWidget(history_label)
        self.history_model: RowTableModel[StateChangeRow] = RowTableModel(
            [
                Column(tr("On"), lambda c: format_date(c.on), sort_key=lambda c: (c.on, c.id)),
                Column(
                    tr("State"), lambda c: state_label(c.state), icon=lambda c: state_icon(c.state)
                ),
                Column(tr("Note"), _history_note, tooltip=_history_note),
            ],
            row_id=lambda c: c.id,
            parent=self,
        )
        self.history_view = make_table(panel, self.history_model, tr("History of this request"))
        self.history_view.setSortingEnabled(False)
        self.history_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # The pane scrolls (see requests_view) rather than squeezing its parts: each keeps a
        # height at which its text and a few rows show.
        self.history_view.setMinimumHeight(MIN_TABLE_HEIGHT)
        layout.addWidget(self.history_view, 1)

    def add_section(self, widget: QWidget) -> None:
        """Another part below the history (the request's documents)."""
        widget.setMinimumHeight(max(widget.minimumSizeHint().height(), MIN_TABLE_HEIGHT))
        self._layout.addWidget(widget)

    def add_below(self, widget: QWidget) -> None:
        """Put ``widget`` (the request's calls and shipments) under its history."""
        widget.setMinimumHeight(max(widget.minimumSizeHint().height(), 2 * MIN_TABLE_HEIGHT))
        self._layout.addWidget(widget, 2)

    def show_history(self, history: list[StateChangeRow]) -> None:
        self.history_model.set_rows(history)
        self.history_view.resizeColumnsToContents()
        self.history_view.horizontalHeader().setStretchLastSection(True)

    def show_request(
        self,
        row: RequestRow | None,
        status: Callable[[RequestRow], str],
        due: Callable[[RequestRow], str],
    ) -> None:
        """Show ``row`` (its history follows in ``show_history``); ``status`` and ``due``
        are the requests view's texts, so both say the same."""
        self.history_model.clear()
        if row is None:
            self.detail_title.setText(tr("Select a request to see its history."))
            for value in self.detail_fields.values():
                value.clear()
            return
        self.detail_title.setText(items_text(row))
        self.detail_fields["state"].setText(status(row))
        self.detail_fields["route"].setText(
            f"{row.holder_name} → {row.recipient_name} ({method_label(row.method)})"
        )
        due_text = due(row) if row.effective_due_on else tr("not requested yet")
        if row.extended_due_on and row.due_on:
            due_text += " " + tr("(extended from %1)").replace("%1", format_date(row.due_on))
        self.detail_fields["due"].setText(due_text)
        fee = QLocale().toCurrencyString(row.fee_cents / 100) if row.fee_cents else ""
        if row.reference_number:
            fee = (fee + " · " if fee else "") + tr("ref. %1").replace("%1", row.reference_number)
        self.detail_fields["fee"].setText(fee)
        self.detail_fields["notes"].setText(row.notes[:2000])


def _history_note(change: StateChangeRow) -> str:
    if change.new_due_on is not None:
        due = tr("New due date %1").replace("%1", format_date(change.new_due_on))
        return f"{due}. {change.note}" if change.note else due
    return change.note


#: the least width of the details pane beside the requests
DETAIL_MIN_WIDTH = 380


class _DetailScroll(QScrollArea):
    """Asks for a modest height: the details scroll in their pane, so the records page
    around them need not scroll as well on a window of ordinary height."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), self.fontMetrics().lineSpacing() * 12))


def in_scroll_area(detail: RequestDetail, parent: QWidget) -> QScrollArea:
    """The pane as it sits beside the requests: it scrolls rather than squeezing its parts.

    Wide enough for the details to read as lines; the calls and parcels below may need the
    pane widened (the splitter) or scrolled sideways on a small screen.
    """
    scroll = _DetailScroll(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(detail)
    scroll.setAccessibleName(tr("Details of the selected request"))
    scroll.setMinimumWidth(
        min(
            # its own least width counts too: below it the values were cut at the right edge
            max(detail.minimumSizeHint().width(), detail.minimumWidth())
            + scroll.verticalScrollBar().sizeHint().width(),
            DETAIL_MIN_WIDTH,
        )
    )
    return scroll
