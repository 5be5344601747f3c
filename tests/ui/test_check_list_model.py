"""The one checkable list model: ticks by row id, rows without a box, the signal."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView

from second_opinion.ui.check_list_model import CheckListModel
from second_opinion.ui.table_model import Column

CHECK = Qt.ItemDataRole.CheckStateRole


@dataclass(frozen=True)
class Thing:
    id: int
    name: str
    duplicate: bool = False


def make_model() -> CheckListModel[Thing]:
    return CheckListModel(
        [Column("", lambda t: t.name)],
        row_id=lambda t: t.id,
        checkable=lambda t: not t.duplicate,
    )


def states(model: CheckListModel[Thing]) -> list[object]:
    return [model.index(i, 0).data(CHECK) for i in range(model.rowCount())]


def test_ticks_show_as_check_boxes_and_follow_the_rows(qtbot, qtmodeltester) -> None:
    model = make_model()
    heard: list[None] = []
    model.sig_checked.connect(lambda: heard.append(None))
    rows = [Thing(1, "CT"), Thing(2, "MRI"), Thing(3, "CT again", duplicate=True)]
    model.set_rows(rows, checked=[2])
    qtmodeltester.check(model)
    checked, unchecked = Qt.CheckState.Checked, Qt.CheckState.Unchecked
    assert states(model) == [unchecked, checked, None]  # the duplicate has no box
    assert not model.flags(model.index(2, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(model.index(2, 0), checked, CHECK)

    # A person ticks the first with the space bar.
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    view.setCurrentIndex(model.index(0, 0))
    heard.clear()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert states(model) == [checked, checked, None] and heard
    assert model.checked_ids() == [1, 2] and model.unchecked_ids() == []

    model.set_all(False)
    assert model.checked_ids() == [] and model.unchecked_ids() == [1, 2]
    model.set_all(True)
    assert model.checked_ids() == [1, 2]  # never the one without a box
    model.set_checked(1, False)
    assert states(model) == [unchecked, checked, None]

    # Sorting keeps each tick with its row.
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(i, 0).data() for i in range(3)] == ["MRI", "CT again", "CT"]
    assert states(model) == [checked, None, unchecked]
    qtmodeltester.check(model)


def test_the_doctor_needs_form_lists_ticks_and_says_when_there_is_nothing(
    qtbot, qtmodeltester, vault
) -> None:
    from second_opinion.case.doctor_needs import DoctorNeeds
    from second_opinion.domain.enums import RecordKind
    from second_opinion.services.doctor_needs import Candidate
    from second_opinion.ui.context import AppContext
    from second_opinion.ui.doctor_needs_form import DoctorNeedsForm

    ctx = AppContext(vault, 1)
    slides = Candidate(7, RecordKind.PATHOLOGY_MATERIAL, "Block A1", True, False, False)
    disc = Candidate(8, RecordKind.IMAGING_FILES, "", False, True, True)
    form = DoctorNeedsForm(ctx, DoctorNeeds(1, 2, "Dr. Tanaka", [slides, disc]))
    qtbot.addWidget(form)
    qtmodeltester.check(form.model)
    shown = form.items.model()
    assert form.items.accessibleName() == "Records this doctor needs"
    assert [shown.index(i, 0).data(CHECK) for i in range(2)] == [
        Qt.CheckState.Checked,
        Qt.CheckState.Unchecked,
    ]
    assert "Block A1 (requested for this doctor)" in shown.index(0, 0).data()
    assert shown.index(1, 0).data().endswith("(fits their specialty)")
    assert form.collect() == [8] and not form.is_dirty
    form.model.setData(shown.index(1, 0), Qt.CheckState.Checked, CHECK)
    assert form.collect() == [] and form.is_dirty

    empty = DoctorNeedsForm(ctx, DoctorNeeds(1, 2, "Dr. Tanaka", []))
    qtbot.addWidget(empty)
    qtmodeltester.check(empty.model)
    line = empty.items.model().index(0, 0)
    assert line.data() == "No records are requested for this doctor yet."
    assert line.data(CHECK) is None and empty.collect() == []
