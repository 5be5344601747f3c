"""The insurance calls list of the profile dialog: its columns and its view."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from second_opinion.services import profile as profiles
from second_opinion.ui.dates import format_date
from second_opinion.ui.table_model import Column, RowTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProfileDialog", text)


def calls_model(parent: QObject) -> RowTableModel[profiles.CallRow]:
    return RowTableModel(
        [
            Column(
                _tr("Date"),
                lambda c: format_date(c.called_on),
                sort_key=lambda c: (c.called_on, c.id),
            ),
            Column(_tr("Spoke with"), lambda c: c.spoke_with),
            Column(_tr("Reference"), lambda c: c.reference_number),
            Column(
                _tr("What was said"),
                lambda c: " ".join(c.summary.split())[:200],
                tooltip=lambda c: c.summary[:2000],
            ),
        ],
        row_id=lambda c: c.id,
        parent=parent,
    )


def calls_view(parent: QWidget, proxy: QSortFilterProxyModel) -> QTableView:
    """Newest call first; one row chosen at a time; the summary takes the spare width."""
    view = QTableView(parent)
    # Tab leaves the list (the arrows move in it) instead of walking its cells.
    view.setTabKeyNavigation(False)
    view.setModel(proxy)
    view.setAccessibleName(_tr("Insurance calls"))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    return view
