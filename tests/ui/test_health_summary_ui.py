"""The health summary widget and the import preview, used as a person would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from second_opinion.domain.models import Person
from second_opinion.services import health_summary as hs
from second_opinion.ui.context import AppContext
from second_opinion.ui.health_summary import HealthSummaryWidget
from second_opinion.ui.health_summary.entry_form import EntryForm
from second_opinion.ui.import_dialog import ImportDialog

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
NASTY = '<b>ד"ר</b> & 🩺 Letrozole'


@pytest.fixture
def ctx(vault):
    with vault.session() as s:
        person = Person(name="Maria Example", date_of_birth=dt.date(1968, 4, 12))
        s.add(person)
        s.flush()
        pid = person.id
    return AppContext(vault, pid)


@pytest.fixture
def widget(settle, qtbot, ctx):
    w = HealthSummaryWidget(ctx)
    qtbot.addWidget(w)
    settle()
    w.show()
    return w


def names(page) -> list[str]:
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def closed(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _form(page) -> EntryForm:
    forms = [c for c in page.findChildren(EntryForm) if c.isVisible()]
    assert len(forms) == 1
    return forms[0]


def test_add_change_and_delete_an_entry(settle, qtbot, widget, ctx, answers, qtmodeltester) -> None:
    page = widget.pages[hs.Kind.MEDICATION]
    widget.tabs.setCurrentWidget(page)
    qtmodeltester.check(page.model)
    assert page.empty.isVisible()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    form = _form(page)
    form.edits["name"].setText(NASTY)  # QTest cannot press keys for non-ASCII characters
    qtbot.keyClicks(form.edits["dose"], "2.5 mg")
    qtbot.keyClicks(form.edits["since"], "2026-13-01")
    form.save_button.click()
    settle()
    assert form.isVisible() and "year-month-day" in form.errors.message("since")
    form.edits["since"].clear()
    qtbot.keyClicks(form.edits["since"], "2026-10-01")
    form.save_button.click()
    settle()
    assert closed(form)
    assert names(page) == [NASTY]
    with ctx.case.reading() as s:
        [entry] = hs.get_summary(s, ctx.person_id).medications
    assert entry.data.since == dt.date(2026, 10, 1)

    page.table.selectRow(0)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    form = _form(page)
    assert form.edits["dose"].text() == "2.5 mg"
    form.edits["dose"].clear()
    qtbot.keyClicks(form.edits["dose"], "5 mg")
    form.save_button.click()
    settle()
    assert page.proxy.index(0, 1).data() == "5 mg"

    page.table.selectRow(0)
    answers.confirms = [True]
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    settle()
    assert answers.shown[-1][0] == "confirm" and "5 mg" in answers.shown[-1][2]
    assert names(page) == []


def test_a_blank_name_is_refused_beside_the_field(settle, qtbot, widget) -> None:
    page = widget.pages[hs.Kind.ALLERGY]
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    form = _form(page)
    qtbot.keyClicks(form.edits["reaction"], "Hives")
    form.save_button.click()
    settle()
    assert "substance" in form.errors.message("name")
    form.reject()


def test_the_import_preview_lists_and_imports_only_what_is_ticked(
    settle, qtbot, qtmodeltester, ctx, widget
) -> None:
    dialog = ImportDialog(ctx, FIXTURES / "ccd.xml")
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    model = dialog.model
    assert model.rowCount() == 15
    assert "For: Maria Example" in dialog.who.text()
    rows = {model.index(r, 2).data(): r for r in range(model.rowCount())}
    hemoglobin = rows["Hemoglobin [Mass/volume] in Blood (11.2 g/dL, L, 2026-10-01)"]
    check = model.index(hemoglobin, 0)
    assert check.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    qtmodeltester.check(model)
    assert not dialog.is_dirty  # the plan arriving is not an edit
    model.setData(check, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.is_dirty
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle()
    assert closed(dialog)
    results = names(widget.pages[hs.Kind.RESULT])
    assert results == ["HER2 [Interpretation] in Tissue"]
    # the second time, everything but the unticked result is already there
    again = ImportDialog(ctx, FIXTURES / "ccd.xml")
    qtbot.addWidget(again)
    settle()
    statuses = [again.model.index(r, 3).data() for r in range(again.model.rowCount())]
    assert statuses.count("new") == 1
    boxes = [
        again.model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole)
        for r in range(again.model.rowCount())
    ]
    # What is already there cannot be ticked: it shows no box.
    assert [b is None for b in boxes] == [s == "already there" for s in statuses]


def test_a_hostile_file_shows_its_reason_and_cannot_be_imported(settle, qtbot, ctx) -> None:
    dialog = ImportDialog(ctx, FIXTURES / "hostile" / "xxe.xml")
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert "refused" in dialog.problem_line.text()
    assert not dialog.save_button.isEnabled()
