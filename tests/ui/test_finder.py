"""The finder (Ctrl+K) as a person uses it: type, read the grouped results, move with the
arrow keys, press Enter; and the tabs it opens select the row it names."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from second_opinion.case import questions as case_questions
from second_opinion.domain.enums import QuestionCategory, RecordKind
from second_opinion.domain.models import Decision, Question, RecordItem
from second_opinion.services.questions import QuestionData
from second_opinion.services.search_index import index_document_text
from second_opinion.ui.context import AppContext
from second_opinion.ui.finder import HIT_ROLE, HTML_ROLE, FinderDialog, finder_field, open_finder
from second_opinion.ui.table_model import ROW_ROLE
from tests.factories import make_contact, make_person


class RecordingNavigator(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def navigate(self, target: str, **kwargs: Any) -> None:
        self.calls.append((target, kwargs))


@pytest.fixture
def case(vault):
    with vault.session() as s:
        maria = make_person(s, "Maria Lopez")
        other = make_person(s, "Someone Else")
        doctor = make_contact(s, "Dr. Tomás Marchetti", phone="(312) 555-0177")
        make_contact(s, "Marchetti Family Clinic")
        s.add(
            Question(
                person_id=maria.id,
                text="Would Dr. Marchetti operate himself?",
                category=QuestionCategory.TREATMENT,
            )
        )
        s.add(
            Question(
                person_id=other.id,
                text="Marchetti question of someone else",
                category=QuestionCategory.TREATMENT,
            )
        )
        s.add(
            RecordItem(
                person_id=maria.id,
                kind=RecordKind.IMAGING_REPORT,
                description="CT <chest> & abdomen",
            )
        )
        s.add(Decision(person_id=maria.id, decided_on=dt.date(2026, 1, 2), decision="Wait a month"))
        s.flush()
        index_document_text(s, 5, maria.id, "Scanned referral", [])
        ids = {"maria": maria.id, "doctor": doctor.id}
    return vault, ids


@pytest.fixture
def finder(qtbot, settle, case):
    vault, ids = case
    ctx = AppContext(vault, ids["maria"])
    window = RecordingNavigator()
    qtbot.addWidget(window)
    dialog = open_finder(window, ctx)
    settle()
    return dialog


def _type(finder: FinderDialog, qtbot, settle, text: str) -> None:
    finder.field.clear()
    qtbot.keyClicks(finder.field, text)
    settle()


def _texts(finder: FinderDialog) -> list[str]:
    model = finder.model
    return [str(model.index(row).data()) for row in range(model.rowCount())]


def test_results_come_grouped_by_kind_with_matches_in_bold(finder, qtbot, settle) -> None:
    assert finder.isVisible() and finder.field.text() == ""
    assert "Type a name" in finder.status.text()
    _type(finder, qtbot, settle, "marchetti")
    texts = _texts(finder)
    assert texts[0] == "Contacts"
    assert "Questions and answers" in texts
    assert any("Dr. Tomás Marchetti" in t and "Shared contact" in t for t in texts)
    question = next(t for t in texts if "operate himself" in t)
    assert "Maria Lopez" in question
    assert not any("someone else" in t for t in texts)  # another person's case stays out
    html_rows = [str(finder.model.index(r).data(HTML_ROLE)) for r in range(len(texts))]
    assert any("<b>Marchetti</b>" in h for h in html_rows)
    assert finder.status.text() == "3 result(s)"


def test_arrow_keys_and_enter_open_the_result_in_its_tab(finder, qtbot, settle) -> None:
    _type(finder, qtbot, settle, "marchetti")
    first = finder.current_hit()
    assert first is not None and first.kind == "contact"
    qtbot.keyClick(finder.field, Qt.Key.Key_Down)
    qtbot.keyClick(finder.field, Qt.Key.Key_Down)
    third = finder.current_hit()
    assert third is not None and third.kind == "question"
    qtbot.keyClick(finder.field, Qt.Key.Key_Down)  # past the end stays on the last
    assert finder.current_hit() == third
    qtbot.keyClick(finder.field, Qt.Key.Key_Return)
    assert finder.navigator.calls == [("questions.select", {"question_id": third.id})]  # type: ignore[attr-defined]
    assert not finder.isVisible()


def test_every_kind_names_its_target(finder, qtbot, settle) -> None:
    window = finder.navigator
    expected = {
        "tomas": ("contacts.select", "contact_id"),
        "chest": ("records.open_item", "item_id"),
        "month": ("opinions.open_decision", "decision_id"),
    }
    for typed, (target, key) in expected.items():
        _type(finder, qtbot, settle, typed)
        hit = finder.current_hit()
        assert hit is not None
        finder.open_current()
        assert window.calls[-1] == (target, {key: hit.id})  # type: ignore[attr-defined]


def test_markup_in_the_data_is_shown_as_text(finder, qtbot, settle) -> None:
    _type(finder, qtbot, settle, "chest")
    html_rows = [str(finder.model.index(r).data(HTML_ROLE)) for r in range(finder.model.rowCount())]
    assert any("&lt;<b>chest</b>&gt; &amp; abdomen" in h for h in html_rows)


def test_an_image_only_document_says_its_contents_cannot_be_searched(finder, qtbot, settle) -> None:
    _type(finder, qtbot, settle, "referral")
    texts = _texts(finder)
    assert texts[0] == "Documents"
    assert "cannot be searched" in texts[1]
    finder.open_current()
    assert finder.navigator.calls[-1] == ("documents.open", {"document_id": 5, "page": 1})  # type: ignore[attr-defined]


def test_phone_formats_accents_and_a_typo_all_find_the_doctor(finder, qtbot, settle) -> None:
    for typed in ("312-555-0177", "tomas", "marchetit"):
        _type(finder, qtbot, settle, typed)
        assert any("Dr. Tomás Marchetti" in t for t in _texts(finder)), typed


def test_fts_syntax_long_and_empty_input_are_taken_calmly(finder, qtbot, settle) -> None:
    for typed in ('"marchetti', "NEAR(x y)", "-*()", "marchetti OR"):
        _type(finder, qtbot, settle, typed)
        assert "rror" not in finder.status.text()
    finder.field.setText("m" * 10_000)  # pasted
    settle()
    assert finder.status.text().startswith("Nothing matches")
    finder.field.clear()
    settle()
    assert finder.model.rowCount() == 0
    assert "Type a name" in finder.status.text()


def test_a_result_for_older_text_is_dropped(finder, qtbot, settle) -> None:
    finder.field.setText("tomas")
    finder.field.setText("chest")  # typed before the first search came back
    settle()
    texts = _texts(finder)
    assert texts[0] == "Record items" and not any("Marchetti" in t for t in texts)


def test_a_change_made_meanwhile_is_found_and_a_deleted_row_is_gone(finder, qtbot, settle) -> None:
    _type(finder, qtbot, settle, "fertility")
    assert finder.model.rowCount() == 0
    data = QuestionData(text="What about fertility?", category=QuestionCategory.RISKS)
    finder.ctx.ops.change(lambda c: case_questions.save_question(c, data), owner=None).run()
    settle()
    hits = [finder.model.index(r).data(HIT_ROLE) for r in range(finder.model.rowCount())]
    found = [hit for hit in hits if hit is not None]
    assert [hit.title for hit in found] == ["What about fertility?"]
    finder.ctx.ops.change(
        lambda c: case_questions.delete_questions(c, [found[0].id]), owner=None
    ).run()
    settle()
    assert finder.model.rowCount() == 0


def test_the_toolbar_field_opens_the_finder_with_what_was_typed(qtbot, settle, case) -> None:
    vault, ids = case
    ctx = AppContext(vault, ids["maria"])
    window = RecordingNavigator()
    qtbot.addWidget(window)
    field = finder_field(window, lambda: ctx, window)
    assert field.accessibleName() == "Find anything"
    qtbot.keyClicks(field, "t")
    settle()
    finder = open_finder(window, ctx)
    assert finder.field.text() == "t" and field.text() == ""
    qtbot.keyClicks(finder.field, "omas")
    settle()
    assert any("Marchetti" in t for t in _texts(finder))


# ---------------------------------------------------------------- the targets, in their tabs


def _tab(cls, qtbot, settle, vault, person_id):
    tab = cls(AppContext(vault, person_id), RecordingNavigator())
    qtbot.addWidget(tab)
    return tab


def test_contacts_select_shows_the_row_and_opens_no_form(qtbot, settle, case) -> None:
    from second_opinion.ui.tabs.contacts_tab import ContactsTab

    vault, ids = case
    tab = _tab(ContactsTab, qtbot, settle, vault, ids["maria"])
    tab.handle_navigation("select", contact_id=ids["doctor"])  # before the first load
    settle()
    assert tab.current_id() == ids["doctor"]
    tab.search.setText("Family")  # filtered out: the filters clear to show it
    tab.handle_navigation("select", contact_id=ids["doctor"])
    settle()
    assert tab.current_id() == ids["doctor"]
    assert getattr(tab, "form", None) is None


def test_questions_select_shows_the_row(qtbot, settle, case) -> None:
    from second_opinion.ui.tabs.questions_tab import QuestionsTab

    vault, ids = case
    tab = _tab(QuestionsTab, qtbot, settle, vault, ids["maria"])
    with vault.session() as s:
        question_id = s.query(Question.id).filter_by(person_id=ids["maria"]).scalar()
    tab.reload()
    tab.handle_navigation("select", question_id=question_id)  # while it loads
    settle()
    assert tab.selected_ids() == [question_id]
    assert tab.form is None


def test_records_open_item_selects_it_on_the_items_view(qtbot, settle, case) -> None:
    from second_opinion.ui.tabs.records_tab import RecordsTab

    vault, ids = case
    tab = _tab(RecordsTab, qtbot, settle, vault, ids["maria"])
    with vault.session() as s:
        item_id = s.query(RecordItem.id).scalar()
    tab.reload()
    tab.handle_navigation("open_item", item_id=item_id)
    settle()
    assert tab.views.currentWidget().isAncestorOf(tab.items)  # the items view is shown
    selected = tab.items.view.selectionModel().selectedRows()
    assert [index.data(ROW_ROLE).id for index in selected] == [item_id]


def test_opinions_open_decision_selects_it(qtbot, settle, case) -> None:
    from second_opinion.ui.tabs.opinions_tab import OpinionsTab

    vault, ids = case
    tab = _tab(OpinionsTab, qtbot, settle, vault, ids["maria"])
    with vault.session() as s:
        decision_id = s.query(Decision.id).scalar()
    tab.reload()
    tab.handle_navigation("open_decision", decision_id=decision_id)
    settle()
    selected = tab.decision_table.selectionModel().selectedRows()
    assert [index.data(ROW_ROLE).id for index in selected] == [decision_id]


def test_importing_the_finder_loads_neither_sqlalchemy_nor_the_case_layer() -> None:
    # The main window may import it before its first paint.
    import subprocess
    import sys

    script = (
        "import sys, second_opinion.ui.finder\n"
        "print(sorted(m for m in ('sqlalchemy', 'second_opinion.case.search') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
