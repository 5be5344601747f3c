"""The Guide tab as a reader uses it: read a step, tick items, follow links, switch person."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

from second_opinion.services import guide
from second_opinion.ui.context import AppContext
from second_opinion.ui.tabs.guide_tab import GuideTab
from tests.factories import make_person


class RecordingNavigator:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def navigate(self, target: str, **kwargs: Any) -> None:
        self.calls.append((target, kwargs))


@pytest.fixture
def people(vault) -> tuple[int, int]:
    with vault.session() as s:
        return make_person(s, "Anna").id, make_person(s, "Ben").id


@pytest.fixture
def ctx(vault, people) -> AppContext:
    return AppContext(vault, people[0])


@pytest.fixture
def navigator() -> RecordingNavigator:
    return RecordingNavigator()


@pytest.fixture
def tab(qtbot, ctx, navigator) -> GuideTab:
    widget = GuideTab(ctx, navigator)
    widget.reload()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def checkbox(tab: GuideTab, label: str) -> QCheckBox:
    """The tick box of an item, found as a screen reader finds it: by its name."""
    boxes = [
        b for b in tab.findChildren(QCheckBox) if b.accessibleName() == label and b.isVisible()
    ]
    assert len(boxes) == 1, [b.accessibleName() for b in tab.findChildren(QCheckBox)]
    return boxes[0]


def item_text(tab: GuideTab, label: str) -> QLabel:
    texts = [t for t in tab.findChildren(QLabel) if t.text() == label and t.isVisible()]
    assert len(texts) == 1
    return texts[0]


def links_for(tab: GuideTab, label: str) -> list[QPushButton]:
    return [
        b
        for b in tab.findChildren(QPushButton)
        if b.isVisible() and b.accessibleName().endswith(": " + label)
    ]


def link_for(tab: GuideTab, label: str) -> QPushButton:
    buttons = links_for(tab, label)
    assert len(buttons) == 1
    return buttons[0]


def test_a_new_reader_starts_at_the_introduction(tab: GuideTab) -> None:
    assert tab.current_step() == "why"
    assert tab.step_title.text() == "Why a second opinion helps"
    assert "normal part of careful medical care" in tab.text.toPlainText()
    assert tab.progress_label.text() == "0 of 7 steps done"
    assert tab.title() == "Guide (0/7)"
    assert not tab.checklist_box.isVisible()  # the introduction has nothing to tick


def test_ticking_every_item_of_a_step_counts_it(qtbot, tab: GuideTab, ctx, settle) -> None:
    tab.handle_navigation("step", step="insurance")
    labels = [item.label for item in guide.find_step("insurance").items]
    for label in labels[:-1]:
        qtbot.mouseClick(checkbox(tab, label), Qt.MouseButton.LeftButton)
    assert tab.progress_label.text() == "0 of 7 steps done"
    with qtbot.waitSignal(tab.sig_title_changed) as title_signal:
        qtbot.mouseClick(checkbox(tab, labels[-1]), Qt.MouseButton.LeftButton)
    assert title_signal.args == ["Guide (1/7)"]
    assert tab.progress_label.text() == "1 of 7 steps done"
    row = tab.step_model.position_of("insurance")
    assert tab.step_model.index(row, 1).data() == "Done"
    # saved straight away: a fresh tab on the same vault shows the same progress
    settle()
    fresh = GuideTab(ctx, RecordingNavigator())
    qtbot.addWidget(fresh)
    fresh.reload()
    assert fresh.title() == "Guide (1/7)"


def test_unticking_takes_progress_back(qtbot, tab: GuideTab) -> None:
    tab.handle_navigation("step", step="support")
    for item in guide.find_step("support").items:
        checkbox(tab, item.label).click()
    assert tab.title() == "Guide (1/7)"
    checkbox(tab, "Tell your current doctor about the second opinion").click()
    assert tab.title() == "Guide (0/7)"
    row = tab.step_model.position_of("support")
    assert tab.step_model.index(row, 1).data() == "1 of 2"


def test_switching_person_changes_the_progress_shown(settle, qtbot, tab, ctx, people) -> None:
    anna, ben = people
    tab.handle_navigation("step", step="support")
    for item in guide.find_step("support").items:
        checkbox(tab, item.label).click()
    assert tab.progress_label.text() == "1 of 7 steps done"

    ctx.set_person(ben)
    settle()
    assert tab.progress_label.text() == "0 of 7 steps done"
    assert tab.title() == "Guide (0/7)"
    tab.handle_navigation("step", step="support")
    assert not checkbox(tab, "Tell your current doctor about the second opinion").isChecked()

    ctx.set_person(anna)
    settle()
    assert tab.progress_label.text() == "1 of 7 steps done"
    # Anna has started, so the guide opens at her first unfinished step, not the introduction
    assert tab.current_step() == "insurance"


def test_a_link_opens_the_right_place(qtbot, tab: GuideTab, navigator) -> None:
    tab.handle_navigation("step", step="doctor")
    qtbot.mouseClick(
        link_for(tab, "Add the doctor who gave the first opinion"), Qt.MouseButton.LeftButton
    )
    assert navigator.calls == [("contacts.new", {"role": "first_opinion"})]
    tab.handle_navigation("step", step="insurance")
    link_for(tab, "Call your insurer and ask if a second opinion is covered").click()
    assert navigator.calls[-1] == ("profile.calls", {})


def test_items_without_an_app_link_have_no_button(tab: GuideTab) -> None:
    tab.handle_navigation("step", step="support")
    assert links_for(tab, "Tell your current doctor about the second opinion") == []
    assert (
        len(links_for(tab, "Ask someone to come with you, and add them as your support person"))
        == 1
    )


def test_navigation_and_the_step_list_select_a_step(qtbot, tab: GuideTab) -> None:
    tab.handle_navigation("step", step="after")
    assert tab.step_title.text() == "After the second opinion"
    assert tab.step_counter.text() == "Step 7 of 7"
    assert tab.step_view.currentIndex().row() == 7
    assert not tab.next_button.isEnabled()

    tab.handle_navigation("step", step="no-such-step")  # ignored, not a crash
    assert tab.current_step() == "after"

    tab.step_view.setCurrentIndex(tab.step_proxy.index(3, 0))
    assert tab.step_title.text() == "Get your records to the second doctor"
    assert "right of access" in tab.text.toPlainText()

    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert tab.current_step() == "questions"
    qtbot.mouseClick(tab.back_button, Qt.MouseButton.LeftButton)
    assert tab.current_step() == "records"


def test_a_tick_that_cannot_be_saved_is_undone_and_explained(qtbot, vault, answers, settle) -> None:
    ctx = AppContext(vault, 424242)  # a person who does not exist (e.g. deleted meanwhile)
    tab = GuideTab(ctx, RecordingNavigator())
    tab.reload()
    qtbot.addWidget(tab)
    tab.show()
    tab.handle_navigation("step", step="support")
    box = checkbox(tab, "Tell your current doctor about the second opinion")
    box.click()
    settle()
    assert not box.isChecked()
    assert answers.shown and answers.shown[-1][0] == "error"
    assert "no longer exists" in answers.shown[-1][2]
    assert tab.title() == "Guide (0/7)"


def test_ticks_made_elsewhere_show_up(qtbot, tab: GuideTab, ctx, settle) -> None:
    from second_opinion.case import guide as guide_case

    def tick_after(case):
        changes = None
        for item in guide.find_step("after").items:
            changes = guide_case.set_item_done(case, item.key, True)
        return changes

    ctx.ops.change(tick_after, owner=None).run()
    settle()
    assert tab.title() == "Guide (1/7)"


def test_a_tick_that_cannot_be_saved_because_the_disk_is_full_is_taken_back(
    qtbot, tab: GuideTab, ctx, answers, settle, monkeypatch
) -> None:
    from second_opinion.case import guide as guide_case
    from second_opinion.vault.errors import CouldNotSave

    def full(*_args):
        raise CouldNotSave()

    monkeypatch.setattr(guide_case, "set_item_done", full)
    tab.handle_navigation("step", step="support")
    box = checkbox(tab, "Tell your current doctor about the second opinion")
    box.click()
    assert tab.step_model.index(tab.step_model.position_of("support"), 1).data() == "1 of 2"
    settle()
    assert not box.isChecked()
    assert tab.step_model.index(tab.step_model.position_of("support"), 1).data() != "1 of 2"
    assert "disk may be full" in answers.shown[-1][2]


def test_step_model_is_well_behaved(qtmodeltester, tab: GuideTab) -> None:
    qtmodeltester.check(tab.step_model)
    qtmodeltester.check(tab.step_proxy)


def test_what_the_person_entered_ticks_the_guide_and_an_untick_stays(
    qtbot, tab: GuideTab, ctx, settle, vault
) -> None:
    from second_opinion.case.changes import Area
    from second_opinion.domain.enums import ContactRole
    from tests.factories import make_contact

    settle()
    tab.handle_navigation("step", step="doctor")
    label = "Add the doctor who gave the first opinion"
    assert not checkbox(tab, label).isChecked()
    with vault.session() as s:
        make_contact(s, "Dr. First", ContactRole.FIRST_OPINION)
    ctx.announce(Area.CONTACTS)  # as the contacts tab does after a save
    settle()
    assert checkbox(tab, label).isChecked()
    checkbox(tab, label).click()  # "not really"
    settle()
    ctx.announce(Area.CONTACTS)
    settle()
    assert not checkbox(tab, label).isChecked()


def test_a_long_item_wraps_and_its_text_or_space_ticks_it(qtbot, tab: GuideTab) -> None:
    tab.resize(700, 800)  # narrow: the items' texts need more than one line
    tab.handle_navigation("step", step="records")
    label = "Confirm with the second doctor's office that everything arrived"
    text = item_text(tab, label)
    assert text.wordWrap() and text.height() >= text.heightForWidth(text.width()) - 1
    box = checkbox(tab, label)
    qtbot.mouseClick(text, Qt.MouseButton.LeftButton)
    assert box.isChecked() and box.hasFocus()
    row = tab.step_model.position_of("records")
    assert tab.step_model.index(row, 1).data() == "1 of 4"
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()
    assert tab.step_model.index(row, 1).data() == "0 of 4"
