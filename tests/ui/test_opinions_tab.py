"""The Opinions tab: add opinions through the form, see them side by side, log a decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from second_opinion.domain.enums import ContactRole
from second_opinion.services import opinions
from second_opinion.services.opinions import OpinionInput
from second_opinion.ui.context import AppContext
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
def tab(qtbot, case):
    vault, ids = case
    widget = OpinionsTab(AppContext(vault, ids["person"]), RecordingNavigator())
    widget.reload()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def add_through_form(tab: OpinionsTab, doctor_id: int, day: int, diagnosis: str, treatment: str):
    tab.new_item()
    form = tab.form
    form.select_doctor(doctor_id)
    form.given_on.setDate(QDate(2026, 10, day))
    form.diagnosis.setPlainText(diagnosis)
    form.treatment.setPlainText(treatment)
    form.accept()
    assert form.result() == form.DialogCode.Accepted
    return form.saved_id


def vertical_header(tab: OpinionsTab, row: int) -> str:
    return tab.comparison_model.headerData(row, Qt.Orientation.Vertical)


def test_two_opinions_side_by_side_flag_a_different_treatment(qtbot, tab, case) -> None:
    _, ids = case
    assert tab.list_stack.currentIndex() == 0  # "No opinions yet"
    add_through_form(tab, ids["first"], 2, "Invasive ductal carcinoma, stage IIA", "Mastectomy")
    assert "Add a second opinion" in tab.comparison_empty.text()
    add_through_form(
        tab,
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


def test_agreeing_opinions_say_so_without_the_third_opinion_link(qtbot, tab, case) -> None:
    _, ids = case
    add_through_form(tab, ids["first"], 2, "Prostate cancer, Gleason 6", "Active surveillance")
    add_through_form(tab, ids["second"], 9, "prostate cancer (Gleason 6)", "active surveillance.")
    assert tab.banner_word.text() == "No difference found"
    assert not tab.third_opinion_button.isVisibleTo(tab)


def test_choosing_which_opinions_to_compare(qtbot, qtmodeltester, tab, case) -> None:
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
    # Nothing chosen: the latest three side by side.
    assert [o.id for o in tab.comparison().opinions] == [a, b, c]
    assert tab.comparison().diagnosis_differs
    tab.select_ids([a, b])
    assert [o.id for o in tab.comparison().opinions] == [a, b]
    assert not tab.comparison().differs
    qtmodeltester.check(tab.comparison_model)
    qtmodeltester.check(tab.model)


def test_decision_log_and_delete(qtbot, tab, case, answers) -> None:
    _, ids = case
    opinion_id = add_through_form(tab, ids["first"], 2, "Lymphoma", "Chemo")
    tab.record_decision()
    form = tab.form
    form.accept()
    assert "Write the decision" in form.error_text("decision")
    form.decided_on.setDate(QDate(2026, 11, 3))
    form.decision.setText("Ask for a third opinion")
    form.reasons.setPlainText("The two disagree & <both> seem sure")
    form.accept()
    assert tab.decision_model.rowCount() == 1
    row = tab.decision_model.row_at(0)
    assert (row.decision, row.reasons) == (
        "Ask for a third opinion",
        "The two disagree & <both> seem sure",
    )

    tab.select_ids([opinion_id])
    answers.confirms.append(False)
    tab.delete_button.click()
    assert "Dr. Helen Ward" in answers.shown[-1][2]
    assert tab.model.rowCount() == 1
    tab.delete_button.click()
    assert tab.model.rowCount() == 0
    assert tab.list_stack.currentIndex() == 0
