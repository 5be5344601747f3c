"""The "who has what" view: record items down, the people they were meant for across."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout, QWidget

from second_opinion.services.records import CellState, WhoHasWhat
from second_opinion.ui.dates import format_date
from second_opinion.ui.records.common import cell_label, tr
from second_opinion.ui.records.matrix_model import REQUEST_ID_ROLE, WhoHasWhatModel
from second_opinion.ui.records.tables import SAMPLE_ROWS, cell_padding, make_table
from second_opinion.ui.search_proxy import SearchFilterProxy


class MatrixView(QWidget):
    """Signals:
    sig_open_request(int): a cell was activated; the request that got it furthest.
    """

    sig_open_request = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        legend = QLabel(
            tr(
                "Each row is a record, each column someone it was meant for. "
                "“Confirmed” means they told you it arrived; “Not sent” means nothing "
                "was asked for yet."
            ),
            self,
        )
        legend.setWordWrap(True)
        layout.addWidget(legend)
        self.model = WhoHasWhatModel(self)
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table(self, self.proxy, tr("Who has what"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.activated.connect(self._activated)
        layout.addWidget(self.view, 1)
        #: the recipients when the columns were last sized (kept after: the person may drag)
        self._shape: tuple[int, ...] = ()

    def show_matrix(self, matrix: WhoHasWhat) -> None:
        self.model.set_matrix(matrix)
        shape = tuple(r.id for r in matrix.recipients)
        if matrix.items and shape != self._shape:
            self._shape = shape
            self._fit(matrix)

    def _fit(self, matrix: WhoHasWhat) -> None:
        view = self.view
        metrics = view.fontMetrics()
        padding, icon_room = cell_padding(view)
        # Every recipient column shows one of a few words, with a date: measure those once.
        sample_date = format_date(dt.date(2026, 12, 28))
        widest = max(
            [metrics.horizontalAdvance(f"{cell_label(s)} {sample_date}") for s in CellState]
            + [metrics.horizontalAdvance(tr("To request"))]
        )
        header = view.horizontalHeader()
        for column in range(1, 1 + len(matrix.recipients)):
            view.setColumnWidth(
                column, max(icon_room + padding + widest, header.sectionSizeHint(column))
            )
        first = header.sectionSizeHint(0)
        for position in range(min(SAMPLE_ROWS, len(matrix.items))):
            text = self.model.index(position, 0).data()
            first = max(first, metrics.horizontalAdvance(text) + padding)
        view.setColumnWidth(0, min(first, 320))

    def _activated(self, index: QModelIndex) -> None:
        request_id = index.data(REQUEST_ID_ROLE)
        if request_id is not None:
            self.sig_open_request.emit(int(request_id))
