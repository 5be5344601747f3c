""" "Needs attention" and what each chosen doctor has: the top of the Records screen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from second_opinion.case.records import AttentionRow, Reason, RecipientSummary, RecordsBoard
from second_opinion.domain.enums import RequestState
from second_opinion.ui.records.common import (
    authorization_problem_icon,
    authorization_problem_label,
    days_overdue_text,
    items_text,
    overdue_icon,
    state_icon,
    tr,
)
from second_opinion.ui.records.tables import fit_columns, make_table
from second_opinion.ui.search_proxy import SearchFilterProxy
from second_opinion.ui.table_model import ROW_ROLE, Column, RowTableModel

S = RequestState
_REASON_ORDER = {reason: n for n, reason in enumerate(Reason)}


def why_text(row: AttentionRow) -> str:
    if row.reason is Reason.OVERDUE:
        return tr("Overdue") + " · " + days_overdue_text(row.days_overdue)
    if row.reason is Reason.WAITING:
        return tr("Waiting on me")
    problem = row.request.authorization_problem
    label = authorization_problem_label(problem) if problem else ""
    return tr("Authorization %1").replace("%1", label.lower())


def why_icon(row: AttentionRow) -> QIcon | None:
    if row.reason is Reason.OVERDUE:
        return overdue_icon()
    if row.reason is Reason.WAITING:
        return state_icon(S.WAITING_ON_ME)
    problem = row.request.authorization_problem
    return authorization_problem_icon(problem) if problem else None


def todo_text(row: AttentionRow) -> str:
    request = row.request
    note = request.notes.splitlines()[0] if request.notes.strip() else ""
    if row.reason is Reason.OVERDUE:
        if request.state is S.SENT:
            return tr("Ask %1 whether it arrived").replace("%1", request.recipient_name)
        return tr("Call %1 and ask when they will send it").replace("%1", request.holder_name)
    if row.reason is Reason.WAITING:
        return note or tr("Do what they asked, then mark it requested again")
    return tr("Sign a new authorization for %1").replace("%1", request.holder_name)


def summary_text(summary: RecipientSummary) -> str:
    return (
        tr("%1 has %2 of %3 records confirmed · %4 on the way · %5 requested · %6 not asked for")
        .replace("%1", summary.name)
        .replace("%2", str(summary.confirmed))
        .replace("%3", str(summary.total))
        .replace("%4", str(summary.sent))
        .replace("%5", str(summary.requested))
        .replace("%6", str(summary.not_asked))
    )


class AttentionPanel(QWidget):
    """Signals:
    sig_open_request(int): the person activated a row; the request's id.
    """

    sig_open_request = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.heading = QLabel(self)
        self.heading.setAccessibleName(tr("Needs attention"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        # One line per main recipient: "what has the second doctor got?" without a click.
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(tr("What each doctor has"))
        layout.addWidget(self.summary)
        layout.addWidget(self.heading)
        self.columns: list[Column[AttentionRow]] = [
            Column(
                tr("Why"),
                why_text,
                sort_key=lambda a: (_REASON_ORDER[a.reason], -a.days_overdue),
                icon=why_icon,
            ),
            Column(tr("Records"), lambda a: items_text(a.request)),
            Column(
                tr("From → to"), lambda a: f"{a.request.holder_name} → {a.request.recipient_name}"
            ),
            Column(tr("What to do"), todo_text, tooltip=todo_text),
        ]
        self.model: RowTableModel[AttentionRow] = RowTableModel(
            self.columns, row_id=lambda a: a.key, parent=self
        )
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table(self, self.proxy, tr("Needs attention"))
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for column in (1, 2, 3):  # share the width: "what to do" stays readable at 1024 px
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._activated)
        layout.addWidget(self.view)

    def show_board(self, board: RecordsBoard) -> None:
        lines = [summary_text(s) for s in board.summaries]
        self.summary.setText("\n".join(lines))
        self.summary.setVisible(bool(lines))
        rows = board.attention
        self.model.set_rows(rows)
        if not rows:
            self.heading.setText(
                tr("✓ Nothing overdue and nothing waiting on you.")
                if board.requests
                else tr("Nothing needs attention yet.")
            )
            self.view.hide()
            return
        parts = []
        if board.counts.overdue:
            parts.append(tr("%n overdue", board.counts.overdue))
        if board.counts.waiting_on_me:
            parts.append(tr("%n waiting on you", board.counts.waiting_on_me))
        heading = tr("Needs attention")
        self.heading.setText(heading + (f" — {', '.join(parts)}" if parts else ""))
        self.view.show()
        fit_columns(self.view, self.columns[:1], rows, {})
        row_height = self.view.verticalHeader().defaultSectionSize()
        header_height = self.view.horizontalHeader().sizeHint().height()
        frame = 2 * self.view.frameWidth()
        self.view.setFixedHeight(header_height + row_height * min(len(rows), 5) + frame)

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, AttentionRow):
            self.sig_open_request.emit(row.request.id)
