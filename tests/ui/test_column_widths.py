"""Column widths: shared by weight, and columns with text get the room of empty ones."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QTableView

from second_opinion.ui.column_widths import ProportionalColumns
from second_opinion.ui.table_model import Column, RowTableModel


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    fax: str
    status: str


def test_an_empty_column_gives_its_room_to_the_columns_with_text(qtbot) -> None:
    model: RowTableModel[Row] = RowTableModel(
        [
            Column("Name", lambda r: r.name),
            Column("Fax", lambda r: r.fax),
            Column("Status", lambda r: r.status),
            Column("Notes", lambda r: ""),
        ],
        row_id=lambda r: r.id,
    )
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(900, 300)
    table.show()
    columns = ProportionalColumns(table, (30, 20, 20, 30), (80, 60, 60, 60))
    qtbot.waitExposed(table)
    columns.apply()
    before = [table.columnWidth(c) for c in range(3)]
    model.set_rows([Row(1, "Riverbend Imaging", "", "Faxed late, then lost")])
    after = [table.columnWidth(c) for c in range(3)]
    assert after[1] == 60  # no fax anywhere: its header's minimum
    assert after[0] > before[0] and after[2] > before[2]
    model.set_rows([Row(1, "Riverbend Imaging", "555-0100", "Faxed")])
    assert table.columnWidth(1) > 60  # a fax now: room again
