"""The Opinions tab: add opinions through the form, see them side by side, log a decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from second_opinion.case.changes import Area
from second_opinion.domain.enums import ContactRole
from second_opinion.services import opinions
from second_opinion.services.opinions import OpinionInput
from second_opinion.ui.context import AppContext
from second_opinion.ui.opinion_form import OpinionForm
from second_opinion.ui.tabs.opinions_tab import OpinionsTab
from tests.factories import make_contact, make_person


class RecordingNavigator:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def navigate(self, target: str, **kwargs: Any) -> None:
        self.calls.append((target, kwargs))


@pytest.fixture
def case(vault):
    with vault.session() as s:
        person = make_person(s, "Maria Lopez")
        first = make_contact(s, "Dr. Helen Ward", ContactRole.FIRST_OPINION)
        second = make_contact(s, "Dr. Aiko Tanaka", ContactRole.SECOND_OPINION_CHOSEN)
        third = make_contact(s, "Dr. Rafael Costa", ContactRole.SPECIALIST)
        ids = {"person": person.id, "first": first.id, "second": second.id, "third": third.id}
    return vault, ids


@pytest.fixture
def tab(qtbot, settle, case):
    vault, ids = case
    widget = OpinionsTab(AppContext(vault, ids["person"]), RecordingNavigator())
    widget.reload()
    settle()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def open_form(tab: OpinionsTab, settle) -> OpinionForm:
    tab.new_item()
    settle()
    assert isinstance(tab.form, OpinionForm)
    return tab.form


def add_through_form(
    tab: OpinionsTab, settle, doctor_id: int, day: int, diagnosis: str, treatment: str
) -> int:
    form = open_form(tab, settle)
    form.select_doctor(doctor_id)
    form.given_on.setDate(QDate(2026, 10, day))
    form.diagnosis.setPlainText(diagnosis)
    form.treatment.setPlainText(treatment)
    form.accept()
    settle()
    assert tab.form is None  # saved and closed
    saved = form.saved
    assert saved is not None
    return saved


def vertical_header(tab: OpinionsTab, row: int) -> str:
    return tab.comparison_model.headerData(row, Qt.Orientation.Vertical)


def test_two_opinions_side_by_side_flag_a_different_treatment(qtbot, settle, tab, case) -> None:
    _, ids = case
    assert tab.list_stack.currentIndex() == 0  # "No opinions yet"
    add_through_form(
        tab, settle, ids["first"], 2, "Invasive ductal carcinoma, stage IIA", "Mastectomy"
    )
    assert "Add a second opinion" in tab.comparison_empty.text()
    add_through_form(
        tab,
        settle,
        ids["second"],
        20,
        "invasive ductal carcinoma — Stage IIA.",
        "Lumpectomy followed by radiation",
    )

    comparison = tab.comparison()
    assert comparison is not None
    assert [o.doctor_name for o in comparison.opinions] == ["Dr. Helen Ward", "Dr. Aiko Tanaka"]
    assert not comparison.diagnosis_differs  # same words, other case and punctuation
    assert comparison.treatment_differs
    assert tab.banner_word.text() == "The opinions differ"
    assert "recommend different treatments" in tab.banner_text.text()
    assert tab.third_opinion_button.isVisibleTo(tab)
    assert vertical_header(tab, 0) == "Diagnosis"
    assert vertical_header(tab, 2) == "Recommended treatment\n(differs)"
    model = tab.comparison_model
    assert model.index(2, 1).data() == "Lumpectomy followed by radiation"
    assert model.index(3, 0).data() == "(not recorded)"
    tab.grab().save("/tmp/shots/opinions_tab_differ.png")

    tab.third_opinion_button.click()
    assert tab.navigator.calls[-1] == ("guide.step", {"step": "after"})


def test_agreeing_opinions_say_so_without_the_third_opinion_link(qtbot, settle, tab, case) -> None:
    _, ids = case
    add_through_form(
        tab, settle, ids["first"], 2, "Prostate cancer, Gleason 6", "Active surveillance"
    )
    add_through_form(
        tab, settle, ids["second"], 9, "prostate cancer (Gleason 6)", "active surveillance."
    )
    assert tab.banner_word.text() == "No difference found"
    assert not tab.third_opinion_button.isVisibleTo(tab)


def test_other_wording_is_for_the_person_to_judge(qtbot, settle, tab, case) -> None:
    """ "IDC" and "Invasive ductal carcinoma" agree. Two wordings the app cannot judge are
    mentioned calmly, and the person marks the row Same or Different; that is kept."""
    _, ids = case
    add_through_form(tab, settle, ids["first"], 2, "IDC", "Mastectomy")
    add_through_form(tab, settle, ids["second"], 9, "Invasive ductal carcinoma", "mastectomy")
    assert tab.banner_word.text() == "No difference found"
    add_through_form(tab, settle, ids["third"], 20, "Ductal carcinoma in situ", "Mastectomy")
    pane = tab.comparison_pane
    tab.select_ids([o.id for o in tab.model.rows()][::2])  # the first and the third
    assert tab.banner_word.text() == "Worded differently"
    assert "different diagnoses" not in tab.banner_text.text()
    assert not tab.third_opinion_button.isVisibleTo(tab)
    assert vertical_header(tab, 0) == "Diagnosis\n(worded differently)"
    assert not pane.different_button.isEnabled()  # no row chosen yet

    pane.view.selectRow(0)
    assert pane.different_button.isEnabled() and pane.different_button.accessibleName()
    qtbot.mouseClick(pane.different_button, Qt.MouseButton.LeftButton)
    settle()
    assert tab.banner_word.text() == "The opinions differ"
    assert "give different diagnoses" in tab.banner_text.text()
    assert vertical_header(tab, 0) == "Diagnosis\n(differs)"

    pane.view.selectRow(0)
    qtbot.mouseClick(pane.same_button, Qt.MouseButton.LeftButton)
    settle()
    assert tab.banner_word.text() == "No difference found"
    assert vertical_header(tab, 0) == "Diagnosis\n(the same, as you marked)"
    # Kept: a fresh tab shows the person's verdict.
    fresh = OpinionsTab(tab.ctx, RecordingNavigator())
    qtbot.addWidget(fresh)
    fresh.reload()
    settle()
    fresh.select_ids([o.id for o in fresh.model.rows()][::2])
    assert fresh.banner_word.text() == "No difference found"


def test_choosing_which_opinions_to_compare(qtbot, settle, qtmodeltester, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        a = opinions.add_opinion(
            s, ids["person"], OpinionInput(ids["first"], dt.date(2026, 9, 1), "Lymphoma", "Chemo")
        )
        b = opinions.add_opinion(
            s, ids["person"], OpinionInput(ids["second"], dt.date(2026, 9, 9), "Lymphoma", "Chemo")
        )
        c = opinions.add_opinion(
            s,
            ids["person"],
            OpinionInput(ids["third"], dt.date(2026, 9, 20), "Reactive node", "Wait"),
        )
    tab.reload()
    settle()
    # Nothing chosen: the latest three side by side.
    assert [o.id for o in tab.comparison().opinions] == [a, b, c]
    assert tab.comparison().diagnosis_differs
    tab.select_ids([a, b])
    assert [o.id for o in tab.comparison().opinions] == [a, b]
    assert not tab.comparison().differs
    qtmodeltester.check(tab.comparison_model)
    qtmodeltester.check(tab.model)


def test_decision_log_and_delete(qtbot, settle, tab, case, answers) -> None:
    _, ids = case
    opinion_id = add_through_form(tab, settle, ids["first"], 2, "Lymphoma", "Chemo")
    tab.record_decision()
    form = tab.form
    form.accept()
    settle()
    assert "Write the decision" in form.errors.message("decision")
    form.decided_on.setDate(QDate(2026, 11, 3))
    qtbot.keyClicks(form.decision, "Ask for a third opinion")
    form.reasons.setPlainText("The two disagree & <both> seem sure")
    form.accept()
    settle()
    assert tab.decision_model.rowCount() == 1
    row = tab.decision_model.row_at(0)
    assert (row.decision, row.reasons) == (
        "Ask for a third opinion",
        "The two disagree & <both> seem sure",
    )

    tab.select_ids([opinion_id])
    answers.confirms.append(False)
    tab.delete_button.click()
    settle()
    assert "Dr. Helen Ward" in answers.shown[-1][2]
    assert tab.model.rowCount() == 1
    tab.delete_button.click()
    settle()
    assert tab.model.rowCount() == 0
    assert tab.list_stack.currentIndex() == 0


def test_a_full_disk_keeps_the_opinion_form_open_with_what_was_typed(
    qtbot, settle, tab, case, answers, monkeypatch
) -> None:
    from second_opinion.vault.errors import CouldNotSave

    _, ids = case
    form = open_form(tab, settle)
    form.select_doctor(ids["second"])
    qtbot.keyClicks(form.diagnosis, "Follicular lymphoma")
    qtbot.keyClicks(form.urgency, "within 4 weeks")

    def full(*_args: object, **_kwargs: object) -> None:
        raise CouldNotSave()

    monkeypatch.setattr("second_opinion.case.opinions.opinion_service.add_opinion", full)
    form.accept()
    settle()
    assert tab.form is form and form.isVisible()
    assert form.diagnosis.toPlainText() == "Follicular lymphoma"
    assert form.urgency.text() == "within 4 weeks"
    kind, _title, text = answers.shown[-1]
    assert kind == "error" and "disk may be full" in text
    monkeypatch.undo()
    form.accept()
    settle()
    assert tab.form is None
    assert [o.diagnosis for o in tab.model.rows()] == ["Follicular lymphoma"]


def test_typing_the_date_of_an_opinion_gives_that_date(qtbot, settle, tab, case) -> None:
    _, ids = case
    form = open_form(tab, settle)
    form.show()
    qtbot.waitExposed(form)
    form.select_doctor(ids["first"])
    qtbot.mouseClick(form.given_on, Qt.MouseButton.LeftButton, pos=form.given_on.rect().center())
    qtbot.keyClicks(form.given_on, QDate(2026, 3, 5).toString(form.given_on.displayFormat()))
    assert form.given_on.date() == QDate(2026, 3, 5)
    qtbot.keyClicks(form.diagnosis, "Lymphoma")
    form.accept()
    settle()
    assert [o.given_on for o in tab.model.rows()] == [dt.date(2026, 3, 5)]


def test_changes_elsewhere_reload_only_what_shows_here(qtbot, settle, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        opinions.add_opinion(
            s, ids["person"], OpinionInput(ids["first"], dt.date(2026, 9, 1), "Lymphoma")
        )
    tab.ctx.announce(Area.VISITS)
    settle()
    assert tab.model.rowCount() == 0  # visits do not show here
    tab.ctx.announce(Area.CONTACTS)
    settle()
    assert [o.doctor_name for o in tab.model.rows()] == ["Dr. Helen Ward"]


def test_on_a_narrow_window_the_row_names_wrap_and_leave_room_for_the_opinions(
    qtbot, settle, tab, case
) -> None:
    _, ids = case
    add_through_form(tab, settle, ids["first"], 2, "IDC", "Mastectomy with sentinel node biopsy")
    add_through_form(tab, settle, ids["second"], 9, "IDC", "Lumpectomy, then radiation")
    view = tab.comparison_pane.view
    tab.resize(900, 700)
    tab.show()
    qtbot.waitUntil(lambda: "\n" in vertical_header(tab, 2).split("\n(")[0])
    header = view.verticalHeader()
    assert header.width() <= view.width() // 3 + 1
    metrics = header.fontMetrics()
    for row in range(tab.comparison_model.rowCount()):
        for line in vertical_header(tab, row).split("\n"):
            assert metrics.horizontalAdvance(line) <= header.width()
    assert vertical_header(tab, 2).replace("\n", " ").startswith("Recommended treatment")
