"""The Questions tab: add, reorder by drag and by keyboard, filter, starters, answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from second_opinion.case.changes import Area
from second_opinion.domain.enums import ContactRole, Priority, QuestionCategory, VisitStatus
from second_opinion.domain.models import Visit
from second_opinion.services import contacts as contact_service
from second_opinion.services import questions as question_service
from second_opinion.services import starter_questions as starter_service
from second_opinion.services.contacts import ContactData
from second_opinion.services.people import add_person
from second_opinion.services.questions import QuestionData
from second_opinion.ui.context import AppContext
from second_opinion.ui.tabs.base import Navigator
from second_opinion.ui.tabs.questions_tab import (
    COL_ASKED,
    COL_ORDER,
    COL_TEXT,
    QuestionsTab,
)

C = QuestionCategory
# Visits are planned relative to today: whether one is still ahead depends on the clock.
NOON = dt.datetime.now(dt.UTC).replace(hour=12, minute=0, second=0, microsecond=0)
NASTY = "<b>Is “T2” & N0 right?</b> 🩺 هل هذا صحيح؟"


class DummyNavigator(Navigator):
    def navigate(self, target: str, **kwargs: Any) -> None:
        pass


@pytest.fixture
def ctx(vault):
    with vault.session() as s:
        person_id = add_person(s, "Maria")
    return AppContext(vault, person_id)


@pytest.fixture
def tab(qtbot, ctx, settle):
    widget = QuestionsTab(ctx, DummyNavigator())
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.reload()
    widget.show()
    settle()
    return widget


@pytest.fixture
def reload(tab, settle):
    def load():
        tab.reload()
        settle()

    return load


def add(ctx, text, category=C.DIAGNOSIS, **kw):
    with ctx.vault.session() as s:
        return question_service.create_question(
            s, ctx.person_id, QuestionData(text=text, category=category, **kw)
        ).id


def shown(tab) -> list[str]:
    return [tab.proxy.index(r, COL_TEXT).data() for r in range(tab.proxy.rowCount())]


def saved(ctx) -> list[str]:
    with ctx.vault.session() as s:
        return [q.text for q in question_service.list_questions(s, ctx.person_id)]


def make_visit(ctx, days: int, status=VisitStatus.PLANNED) -> int:
    with ctx.vault.session() as s:
        doctor = contact_service.create_contact(
            s, ContactData(name=f"Dr. Day{days}", role=ContactRole.SECOND_OPINION_CHOSEN)
        )
        visit = Visit(
            person_id=ctx.person_id,
            doctor_id=doctor.id,
            starts_at=NOON + dt.timedelta(days=days),
            status=status,
        )
        s.add(visit)
        s.flush()
        return visit.id


def test_models_pass_the_model_tester(qtmodeltester, tab, ctx, reload, settle):
    for text in "ABC":
        add(ctx, text)
    reload()
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    # The testers stay attached: every kind of change below is checked as it happens.
    assert tab.model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    settle()
    tab.table.sortByColumn(COL_TEXT, Qt.SortOrder.DescendingOrder)
    tab.table.sortByColumn(COL_ORDER, Qt.SortOrder.AscendingOrder)
    tab.category_filter.setCurrentIndex(tab.category_filter.findData(C.COSTS))
    tab.category_filter.setCurrentIndex(0)
    tab.open_new().text.setPlainText("D")
    tab.form.accept()
    settle()
    assert shown(tab) == ["C", "A", "B", "D"]


def test_empty_state_leads_to_starter_questions(qtbot, tab, ctx, settle):
    assert tab.pages.currentWidget() is tab.empty_page
    qtbot.mouseClick(tab.empty_starters, Qt.MouseButton.LeftButton)
    dialog = tab.starter_dialog
    first = starter_service.starters(C.PROGNOSIS)[0]
    settle()  # the dialog asks which starters the person has
    qtbot.mouseClick(dialog.add_buttons[first.key], Qt.MouseButton.LeftButton)
    assert not dialog.add_buttons[first.key].isEnabled()  # no second click while it saves
    settle()
    assert tab.pages.currentWidget() is tab.list_page
    assert shown(tab) == [first.text]
    assert dialog.add_buttons[first.key].text() == "Added"
    assert not dialog.add_buttons[first.key].isEnabled()
    assert dialog.status.text() == "Added 1 question to your list."
    qtbot.mouseClick(dialog.category_buttons[C.PROGNOSIS], Qt.MouseButton.LeftButton)
    settle()
    assert shown(tab) == [s.text for s in starter_service.starters(C.PROGNOSIS)]
    assert not dialog.category_buttons[C.PROGNOSIS].isEnabled()
    dialog.reject()
    # A second visit to the dialog knows what is there and adds nothing twice.
    again = tab.open_starters(C.PROGNOSIS)
    assert not again.category_buttons[C.PROGNOSIS].isEnabled()  # nothing until it knows
    settle()
    assert not again.category_buttons[C.PROGNOSIS].isEnabled()
    assert again.category_buttons[C.RISKS].isEnabled()
    assert again.sections[C.RISKS].isHidden()
    assert len(saved(ctx)) == len(starter_service.starters(C.PROGNOSIS))


def test_a_condition_group_shows_questions_that_fit_it(qtbot, tab, ctx, settle):
    """General questions always; a heart, spine or brain condition gets its own, and the
    cancer ones (stage, recurrence) only for cancer."""
    from second_opinion.services.starter_questions import ConditionGroup

    dialog = tab.open_starters(C.DIAGNOSIS)
    settle()
    assert dialog.condition.accessibleName()
    assert dialog.is_offered("dx.same")
    assert not dialog.is_offered("dx.stage")
    assert not dialog.is_offered("heart.tests")
    dialog.condition.setCurrentIndex(dialog.condition.findData(ConditionGroup.HEART))
    assert dialog.is_offered("heart.tests") and dialog.is_offered("dx.same")
    assert not dialog.is_offered("dx.stage")
    qtbot.mouseClick(dialog.category_buttons[C.DIAGNOSIS], Qt.MouseButton.LeftButton)
    settle()
    wanted = starter_service.starters(C.DIAGNOSIS, ConditionGroup.HEART)
    assert shown(tab) == [s.text for s in wanted]
    dialog.condition.setCurrentIndex(dialog.condition.findData(ConditionGroup.CANCER))
    assert dialog.is_offered("dx.stage")
    assert dialog.category_buttons[C.DIAGNOSIS].text().startswith("Add all (")
    dialog.reject()


def test_add_question_through_the_form_with_bad_input(qtbot, tab, ctx, settle):
    form = tab.open_new()
    form.accept()
    assert form.isVisible() and form.errors.message("text") == "Type the question."
    qtbot.keyClicks(form.text, "<b>Is")  # typing clears the message; QTest cannot type emoji
    assert form.errors.message("text") == ""
    form.text.setPlainText(NASTY)
    form.category.setCurrentIndex(form.category.findData(C.COSTS))
    form.priority.setCurrentIndex(form.priority.findData(Priority.TOP))
    form.answer.setPlainText("a" * 50_000)
    assert form.asked.isChecked()  # an answer means it was asked
    form.accept()
    settle()
    assert tab.form is None  # saved and closed
    assert shown(tab) == [NASTY]
    assert saved(ctx) == [NASTY]
    assert tab.proxy.index(0, COL_ASKED).data() == "Answered"
    assert tab.current_row().text == NASTY


def test_a_form_that_cannot_save_stays_open_with_what_was_typed(
    qtbot, tab, ctx, settle, answers, monkeypatch
):
    from second_opinion.vault.errors import CouldNotSave

    def full_disk(*_args, **_kwargs):
        raise CouldNotSave("disk full")

    monkeypatch.setattr(
        "second_opinion.services.questions.create_question", full_disk, raising=True
    )
    form = tab.open_new()
    qtbot.keyClicks(form.text, "Will it hurt?")
    form.accept()
    settle()
    assert form.isVisible() and form.text.toPlainText() == "Will it hurt?"
    assert answers.shown[-1][0] == "error" and "disk may be full" in answers.shown[-1][2]
    assert saved(ctx) == [] and shown(tab) == []


def test_alt_up_and_alt_down_reorder_and_save(qtbot, tab, ctx, reload, settle):
    for text in "ABCD":
        add(ctx, text)
    reload()
    tab.table.setFocus()
    tab.select([tab.model.row_at(2).id])  # C
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert shown(tab) == list("ACBD")  # at once, before the save is done
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert shown(tab) == list("CABD")
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # at the top
    assert shown(tab) == list("CABD")
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert shown(tab) == list("ACBD")
    settle()
    assert saved(ctx) == list("ACBD")
    assert [tab.proxy.index(r, COL_ORDER).data() for r in range(4)] == ["1", "2", "3", "4"]
    assert tab.current_row().text == "C"  # the moved question stays selected


def test_a_move_that_cannot_be_saved_goes_back(
    qtbot, tab, ctx, reload, settle, answers, monkeypatch
):
    from second_opinion.vault.errors import CouldNotSave

    for text in "ABC":
        add(ctx, text)
    reload()

    def full_disk(*_args, **_kwargs):
        raise CouldNotSave("disk full")

    monkeypatch.setattr("second_opinion.services.questions.move_before", full_disk)
    tab.table.setFocus()
    tab.select([tab.model.row_at(2).id])
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    assert shown(tab) == list("ACB")
    settle()
    assert shown(tab) == list("ABC") == saved(ctx)
    assert [tab.proxy.index(r, COL_ORDER).data() for r in range(3)] == ["1", "2", "3"]
    assert "disk may be full" in answers.shown[-1][2]


def test_moving_within_a_filter_jumps_over_hidden_questions(tab, ctx, reload, settle):
    add(ctx, "A")
    add(ctx, "cost 1", C.COSTS)
    add(ctx, "B")
    add(ctx, "cost 2", C.COSTS)
    reload()
    tab.category_filter.setCurrentIndex(tab.category_filter.findData(C.COSTS))
    assert shown(tab) == ["cost 1", "cost 2"]
    tab.select([tab.model.row_at(3).id])
    tab.move_up()
    assert shown(tab) == ["cost 2", "cost 1"]
    settle()
    assert saved(ctx) == ["A", "cost 2", "cost 1", "B"]


def test_dragging_rows_drops_them_where_released(tab, ctx, reload, settle):
    for text in "ABCDE":
        add(ctx, text)
    reload()
    # What the view does on a drop: encode the dragged rows, drop between two rows.
    dragged = [tab.proxy.index(3, 0), tab.proxy.index(4, 0)]  # D, E
    mime = tab.proxy.mimeData(dragged)
    assert tab.proxy.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert shown(tab) == list("ADEBC")
    settle()
    assert saved(ctx) == list("ADEBC")
    # Dropping onto a row puts the question before it; past the end appends.
    mime = tab.proxy.mimeData([tab.proxy.index(0, 0)])
    assert tab.proxy.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, tab.proxy.index(4, 0))
    assert shown(tab) == list("DEBAC")
    mime = tab.proxy.mimeData([tab.proxy.index(0, 0)])
    assert tab.proxy.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    settle()
    assert saved(ctx) == list("EBACD")
    # The drag carries ids only, never the question text.
    assert b"E" not in bytes(mime.data(mime.formats()[0]).data())


def test_model_move_rows_is_saved(tab, ctx, reload, settle):
    for text in "ABC":
        add(ctx, text)
    reload()
    assert tab.model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    settle()
    assert saved(ctx) == list("BCA")


def test_no_reorder_while_sorted_by_another_column(qtbot, tab, ctx, reload, settle):
    add(ctx, "Zebra")
    apple = add(ctx, "Apple")
    reload()
    tab.table.sortByColumn(COL_TEXT, Qt.SortOrder.AscendingOrder)
    assert shown(tab) == ["Apple", "Zebra"]
    mime = tab.proxy.mimeData([tab.proxy.index(1, 0)])
    assert not tab.proxy.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    settle()
    assert saved(ctx) == ["Zebra", "Apple"]
    # The keyboard switches back to the saved order first, then moves.
    tab.table.setFocus()
    tab.select([apple])
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    settle()
    assert shown(tab) == ["Apple", "Zebra"] == saved(ctx)
    assert tab.table.horizontalHeader().sortIndicatorSection() == COL_ORDER


def test_filters_by_category_visit_unanswered_and_search(qtbot, tab, ctx, reload):
    visit = make_visit(ctx, 0)
    add(ctx, "Is the stage right?", visit_id=visit)
    add(ctx, "Will insurance pay?", C.COSTS, answer="Yes, 80 percent")
    add(ctx, "Who do I call?", C.LOGISTICS)
    reload()
    tab.category_filter.setCurrentIndex(tab.category_filter.findData(C.COSTS))
    assert shown(tab) == ["Will insurance pay?"]
    tab.category_filter.setCurrentIndex(0)
    tab.visit_filter.setCurrentIndex(tab.visit_filter.findData(visit))
    assert shown(tab) == ["Is the stage right?"]
    tab.visit_filter.setCurrentIndex(1)  # no particular visit
    assert shown(tab) == ["Will insurance pay?", "Who do I call?"]
    tab.visit_filter.setCurrentIndex(0)
    qtbot.mouseClick(tab.unanswered, Qt.MouseButton.LeftButton)
    assert shown(tab) == ["Is the stage right?", "Who do I call?"]
    qtbot.mouseClick(tab.unanswered, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.search, "80 percent")  # answers are searched too
    assert shown(tab) == ["Will insurance pay?"]
    qtbot.keyClicks(tab.search, " nothing")
    assert shown(tab) == [] and tab.no_match.isVisible()


def test_after_a_visit_answer_then_carry_the_rest(qtbot, tab, ctx, answers, reload, settle):
    past = make_visit(ctx, 0, VisitStatus.DONE)
    upcoming = make_visit(ctx, 14)
    add(ctx, "Stage?", visit_id=past)
    add(ctx, "Trials?", visit_id=past)
    add(ctx, "Cost?", visit_id=past)
    reload()
    tab.visit_filter.setCurrentIndex(tab.visit_filter.findData(past))
    tab.select([tab.model.row_at(0).id])
    form = tab.answer_current()
    assert form.answer.hasFocus() or form.focusWidget() is form.answer
    qtbot.keyClicks(form.answer, "Stage II, confirmed")
    form.accept()
    settle()
    tab.select([tab.model.row_at(1).id])
    qtbot.mouseClick(tab.asked_button, Qt.MouseButton.LeftButton)
    settle()
    assert tab.proxy.index(1, COL_ASKED).data() == "Asked, no answer"
    assert tab.asked_button.text() == "Mark not asked"

    assert tab.carry_button.isEnabled()
    qtbot.mouseClick(tab.carry_button, Qt.MouseButton.LeftButton)
    settle()
    kind, _title, text = answers.shown[-1]
    assert kind == "info" and "Moved 2 unanswered questions" in text and "Dr. Day14" in text
    assert shown(tab) == ["Stage?"]
    tab.visit_filter.setCurrentIndex(tab.visit_filter.findData(upcoming))
    assert shown(tab) == ["Trials?", "Cost?"]
    assert {tab.proxy.index(r, COL_ASKED).data() for r in range(2)} == {"Not asked"}


def test_carry_without_a_next_visit_says_what_to_do(tab, ctx, answers, reload, settle):
    past = make_visit(ctx, 0, VisitStatus.DONE)
    add(ctx, "Stage?", visit_id=past)
    reload()
    tab.visit_filter.setCurrentIndex(tab.visit_filter.findData(past))
    tab.carry_unanswered()
    settle()
    assert answers.shown[-1][0] == "info" and "Plan the next visit" in answers.shown[-1][2]


def test_delete_asks_naming_the_question_and_closes_the_gap(
    qtbot, tab, ctx, answers, reload, settle
):
    for text in ("Keep me", "Remove me", "Me too"):
        add(ctx, text)
    reload()
    tab.table.setFocus()
    tab.select([tab.model.row_at(1).id])
    answers.confirms = [False]
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    settle()
    assert "Remove me" in answers.shown[-1][2]
    assert len(shown(tab)) == 3 and len(saved(ctx)) == 3
    answers.confirms = [True]
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    settle()
    assert shown(tab) == ["Keep me", "Me too"] == saved(ctx)
    assert [tab.proxy.index(r, COL_ORDER).data() for r in range(2)] == ["1", "2"]
    assert tab.current_row().text == "Me too"


def test_each_person_sees_their_own_questions(settle, tab, ctx, reload):
    add(ctx, "Mine")
    reload()
    mine = ctx.person_id
    with ctx.vault.session() as s:
        other = add_person(s, "Dad")
    ctx.set_person(other)
    settle()
    assert tab.pages.currentWidget() is tab.empty_page
    ctx.set_person(mine)
    settle()
    assert shown(tab) == ["Mine"]


def test_changes_made_elsewhere_show_without_a_reload(qtbot, tab, ctx, settle):
    visit = make_visit(ctx, 3)
    add(ctx, "For the visit", visit_id=visit)
    ctx.announce(Area.QUESTIONS)  # what another screen's change announces
    settle()
    assert shown(tab) == ["For the visit"]
    with ctx.vault.session() as s:  # the Visits tab deletes the visit
        s.delete(s.get(Visit, visit))
    ctx.announce(Area.VISITS)
    settle()
    assert tab.proxy.index(0, 4).data() == ""
    assert tab.visit_filter.findData(visit) == -1


def test_enter_opens_the_selected_question(qtbot, tab, ctx, reload, settle):
    add(ctx, "Edit me")
    reload()
    tab.table.setFocus()
    tab.select([tab.model.row_at(0).id])
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.form is not None and tab.form.text.toPlainText() == "Edit me"
    assert not tab.form.is_dirty  # filling the form is not typing
    tab.form.text.setPlainText("Edited")
    tab.form.accept()
    settle()
    assert shown(tab) == ["Edited"] == saved(ctx)


def test_navigating_to_a_visit_shows_its_questions_and_new_ones_go_there(tab, ctx, reload, settle):
    visit = make_visit(ctx, 3)
    add(ctx, "General question")
    reload()
    tab.handle_navigation("visit", visit_id=visit)
    assert shown(tab) == []
    assert tab.no_match.isVisible() and "this visit" in tab.no_match.text()
    form = tab.open_new()
    assert form.visit.currentData() == visit
    form.text.setPlainText("For that visit")
    form.accept()
    settle()
    assert shown(tab) == ["For that visit"]
    assert "Dr. Day3" in tab.proxy.index(0, 4).data()


def test_a_move_against_a_changed_list_reloads_instead_of_crashing(qtbot, tab, ctx, reload, settle):
    ids = [add(ctx, text) for text in "ABC"]
    reload()
    with ctx.vault.session() as s:  # another part of the app deletes a question meanwhile
        question_service.delete_question(s, ids[0])
    mime = tab.proxy.mimeData([tab.proxy.index(0, 0)])  # drags the deleted A
    tab.proxy.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    settle()
    assert shown(tab) == ["B", "C"]


def test_move_up_is_off_on_the_top_row_and_move_down_on_the_bottom(qtbot, tab, ctx, reload, settle):
    for text in "ABC":
        add(ctx, text)
    reload()
    tab.select([tab.model.row_at(0).id])
    assert not tab.up_button.isEnabled() and tab.down_button.isEnabled()
    tab.select([tab.model.row_at(1).id])
    assert tab.up_button.isEnabled() and tab.down_button.isEnabled()
    tab.select([tab.model.row_at(2).id])
    assert tab.up_button.isEnabled() and not tab.down_button.isEnabled()
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)  # C is now at the top
    assert shown(tab) == list("CAB")
    assert not tab.up_button.isEnabled() and tab.down_button.isEnabled()
    settle()
    # Within a filter, the top is the first question shown; sorted otherwise, the saved order
    # still decides.
    tab.search.setText("B")
    tab.select([next(r.id for r in tab.model.rows() if r.text == "B")])
    assert not tab.up_button.isEnabled() and not tab.down_button.isEnabled()
    tab.search.clear()
    tab.table.sortByColumn(COL_TEXT, Qt.SortOrder.DescendingOrder)
    c = next(r.id for r in tab.model.rows() if r.text == "C")
    tab.select([c])
    assert not tab.up_button.isEnabled() and tab.down_button.isEnabled()


def test_new_questions_go_to_the_next_planned_visit(tab, ctx, reload, settle):
    make_visit(ctx, -7, VisitStatus.DONE)
    later = make_visit(ctx, 20)
    sooner = make_visit(ctx, 5)
    reload()
    form = tab.open_new()
    assert form.visit.currentData() == sooner != later
    form.text.setPlainText("For the next visit")
    form.accept()
    settle()
    assert "Dr. Day5" in tab.proxy.index(0, 4).data()
    # The filter's "No particular visit" still means none.
    tab.visit_filter.setCurrentIndex(tab.visit_filter.findData(-1))
    assert tab.open_new().visit.currentData() is None


def test_carry_finds_a_later_visit_booked_for_the_same_time(
    qtbot, tab, ctx, answers, reload, settle
):
    first = make_visit(ctx, 3)
    same_slot = make_visit(ctx, 3)
    add(ctx, "Cost?", visit_id=first)
    reload()
    tab.visit_filter.setCurrentIndex(tab.visit_filter.findData(first))
    qtbot.mouseClick(tab.carry_button, Qt.MouseButton.LeftButton)
    settle()
    assert "Moved 1 unanswered question" in answers.shown[-1][2]
    tab.visit_filter.setCurrentIndex(tab.visit_filter.findData(same_slot))
    assert shown(tab) == ["Cost?"]


def test_the_empty_page_shows_its_whole_sentence_and_real_buttons(qtbot, tab):
    """At 1280x800 the guidance was cut off at the top and bottom, and the second button was
    drawn flat, like plain text."""
    assert tab.pages.currentWidget() is tab.empty_page
    qtbot.waitExposed(tab)
    text = tab.empty_text
    assert text.isVisible() and text.wordWrap()
    assert text.height() >= text.heightForWidth(text.width())
    assert text.width() <= text.maximumWidth()
    page = tab.empty_page
    assert abs(text.mapTo(page, text.rect().center()).x() - page.width() // 2) <= 2  # centered
    for button in (tab.empty_starters, tab.empty_add):
        assert button.isVisible() and not button.isFlat()
        assert button.height() >= button.sizeHint().height()
        assert button.width() >= button.sizeHint().width()
