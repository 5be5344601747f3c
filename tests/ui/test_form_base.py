"""Every form behaves alike: problems never steal the focus or move fields, Cancel always works,
and a vault that cannot save keeps the form open with what was typed.

Driven through the contact form, which is built on the one form base like every other.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from second_opinion.services.people import add_person
from second_opinion.ui.context import AppContext
from second_opinion.ui.tabs.base import Navigator
from second_opinion.ui.tabs.contacts_tab import ContactsTab
from second_opinion.vault.errors import CouldNotSave


class _Nowhere(Navigator):
    def navigate(self, target, **kwargs):
        pass


@pytest.fixture
def tab(qtbot, vault, settle):
    with vault.session() as s:
        person_id = add_person(s, "Maria")
    widget = ContactsTab(AppContext(vault, person_id), _Nowhere())
    qtbot.addWidget(widget)
    widget.reload()
    widget.show()
    settle()
    return widget


@pytest.fixture
def form(tab, qtbot):
    form = tab.open_new()
    qtbot.waitExposed(form)
    return form


def test_a_bad_field_shows_its_problem_without_taking_the_focus_back(qtbot, form):
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "call me")
    positions = {name: w.mapTo(form, w.rect().topLeft()) for name, w in form._fields.items()}
    form.email.setFocus()  # as a click or Tab would
    qtbot.keyClicks(form.email, "ana@example.org")
    assert form.errors.message("phone")  # the problem shows...
    assert form.focusWidget() is form.email  # ...and the typing went where the person is
    assert form.email.text() == "ana@example.org" and form.phone.text() == "call me"
    after = {name: w.mapTo(form, w.rect().topLeft()) for name, w in form._fields.items()}
    assert after == positions  # nothing below the bad field moved
    assert "Phone" in form.problem_line.text()


def test_a_problem_clears_as_soon_as_the_value_is_fine(qtbot, form):
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "call me")
    form.email.setFocus()
    assert form.errors.message("phone")
    form.phone.setFocus()
    form.phone.selectAll()
    qtbot.keyClicks(form.phone, "555 010 2030")
    assert form.errors.message("phone") == ""  # without leaving the field
    assert form.problem_line.text() == ""


def test_cancel_closes_at_once_when_nothing_was_typed(form, tab, answers):
    form.buttons.button(form.buttons.StandardButton.Cancel).click()
    assert not form.isVisible()
    assert not [s for s in answers.shown if s[0] == "confirm"]


def test_cancel_asks_before_discarding_what_was_typed(qtbot, form, answers):
    qtbot.keyClicks(form.name, "Dr. Rao")
    answers.confirms = [False]
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible() and form.name.text() == "Dr. Rao"
    assert answers.shown[-1][0] == "confirm"
    answers.confirms = [True]
    form.buttons.button(form.buttons.StandardButton.Cancel).click()
    assert not form.isVisible()


def test_a_full_disk_keeps_the_form_open_with_everything_typed(
    qtbot, form, tab, answers, settle, monkeypatch
):
    qtbot.keyClicks(form.name, "Dr. Rao")
    qtbot.keyClicks(form.notes, "Sees patients on Tuesdays")

    def full(*_args, **_kwargs):
        raise CouldNotSave()

    monkeypatch.setattr("second_opinion.case.contacts.contact_service.create_contact", full)
    form.accept()
    settle()
    assert form.isVisible()
    assert form.name.text() == "Dr. Rao" and form.notes.toPlainText() == "Sees patients on Tuesdays"
    kind, _title, text = answers.shown[-1]
    assert kind == "error" and "disk may be full" in text
    assert form.save_button.isEnabled()  # ready to try again
    monkeypatch.undo()
    form.accept()
    settle()
    assert tab.form is None
    assert [r.name for r in tab.model.rows()] == ["Dr. Rao"]
