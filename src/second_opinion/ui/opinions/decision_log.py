"""The Opinions tab's decision log: the decisions taken, newest first, and its two buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from second_opinion.services.opinions import DecisionRow
from second_opinion.ui.dates import format_date
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.icons import icon
from second_opinion.ui.search_proxy import SearchFilterProxy
from second_opinion.ui.table_model import Column, RowTableModel


def tr(text: str) -> str:
    # The tab's own context: these words were the tab's before the log had a module of its own.
    return QCoreApplication.translate("OpinionsTab", text)


def one_line(text: str) -> str:
    """``text`` with its line breaks and runs of spaces made single spaces, for a table cell."""
    return " ".join(text.split())


class DecisionLog(QGroupBox):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(tr("Decision log"), parent)
        layout = QVBoxLayout(self)
        self.model: RowTableModel[DecisionRow] = RowTableModel(
            [
                Column(
                    tr("Date"),
                    lambda d: format_date(d.decided_on),
                    sort_key=lambda d: (d.decided_on, d.id),
                ),
                Column(
                    tr("Decision"),
                    lambda d: one_line(d.decision)[:200],
                    tooltip=lambda d: d.decision,
                ),
                Column(tr("Why"), lambda d: one_line(d.reasons)[:300], tooltip=lambda d: d.reasons),
            ],
            row_id=lambda d: d.id,
            parent=self,
        )
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        # Tab leaves the list (the arrows move in it) instead of walking its cells.
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(tr("Decision log"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = FlowLayout()
        self.decide_button = QPushButton(icon("fa5s.gavel"), tr("Record a decision…"), self)
        self.decide_button.setAccessibleName(tr("Record a decision"))
        buttons.addWidget(self.decide_button)
        self.delete_button = QPushButton(icon("fa5s.trash-alt"), tr("Delete…"), self)
        self.delete_button.setAccessibleName(tr("Delete decision"))
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
