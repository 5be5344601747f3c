"""The profile and insurance dialog, driven as a person fills it in."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from second_opinion.case import profile as profile_case
from second_opinion.case.changes import Area, Changes
from second_opinion.services import profile as svc
from second_opinion.ui.context import AppContext
from second_opinion.ui.profile_dialog import ProfileDialog, open_profile_dialog
from tests.factories import make_person


@pytest.fixture
def ctx(vault) -> AppContext:
    with vault.session() as s:
        pid = make_person(s, "Amira").id
    return AppContext(vault, pid)


@pytest.fixture
def open_dialog(settle):
    def open_it(qtbot, ctx: AppContext, page: str = "profile") -> ProfileDialog:
        dialog = open_profile_dialog(None, ctx, page)
        # Keep the object after it closes, so the test can still read it and qtbot can clean up.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        qtbot.addWidget(dialog)
        settle()  # its fields are filled by a query
        return dialog

    return open_it


def stored(ctx: AppContext) -> profile_case.ProfileBoard:
    return profile_case.profile_board(ctx.case, ctx.person_id)


def changes_seen(ctx: AppContext) -> list[Changes]:
    seen: list[Changes] = []
    ctx.sig_changed.connect(lambda changes, _initiator: seen.append(changes))
    return seen


def click_save(qtbot, dialog: ProfileDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def type_into(qtbot, widget, text: str) -> None:
    """Type ASCII as key presses; QTest cannot press keys for other characters, so paste those."""
    widget.clear()
    typed = text.encode("ascii", "ignore").decode()
    qtbot.keyClicks(widget, typed)
    if typed != text:
        widget.clear()
        widget.insertPlainText(text) if hasattr(widget, "insertPlainText") else widget.insert(text)


def test_typed_details_are_saved_and_shown_again(qtbot, ctx, open_dialog, settle) -> None:
    dialog = open_dialog(qtbot, ctx)
    assert dialog.name_edit.text() == "Amira"
    type_into(qtbot, dialog.name_edit, "Amira Haddad")
    qtbot.mouseClick(dialog.dob_known, Qt.MouseButton.LeftButton)
    dialog.dob_edit.setDate(QDate(1961, 4, 2))
    type_into(qtbot, dialog.condition_edit, "Stage II <b>breast</b> cancer & a ☃")
    dialog.show_page("summary")
    assert dialog.pages.currentWidget() is dialog.health_summary  # medications live there now
    dialog.show_page("insurance")
    type_into(qtbot, dialog.insurer_edit, "Blue Harbor Health")
    type_into(qtbot, dialog.member_edit, "XJH 44821-09")
    type_into(qtbot, dialog.phone_edit, "1-800-MEDICARE")
    dialog.covered_combo.setCurrentIndex(dialog.covered_combo.findText("Yes"))
    dialog.referral_combo.setCurrentIndex(dialog.referral_combo.findText("No"))

    seen = changes_seen(ctx)
    with qtbot.waitSignal(dialog.finished):
        click_save(qtbot, dialog)
    assert seen and seen[-1].touches(Area.PROFILE, Area.INSURANCE)
    assert dialog.result() == QDialog.DialogCode.Accepted

    again = open_dialog(qtbot, ctx, "profile")
    assert again.name_edit.text() == "Amira Haddad"
    assert again.dob_known.isChecked()
    assert again.dob_edit.date() == QDate(1961, 4, 2)
    assert again.condition_edit.toPlainText() == "Stage II <b>breast</b> cancer & a ☃"
    assert again.insurer_edit.text() == "Blue Harbor Health"
    assert again.phone_edit.text() == "1-800-MEDICARE"
    assert again.covered_combo.currentText() == "Yes"
    assert again.referral_combo.currentText() == "No"
    assert again.prior_auth_combo.currentText() == "Not known yet"


def test_renaming_tells_the_person_switcher(qtbot, ctx, open_dialog, settle) -> None:
    dialog = open_dialog(qtbot, ctx)
    seen = changes_seen(ctx)
    dialog.accept()
    settle()
    assert not seen[-1].touches(Area.PEOPLE)  # the name did not change
    again = open_dialog(qtbot, ctx)
    type_into(qtbot, again.name_edit, "Amira H.")
    again.accept()
    settle()
    assert seen[-1].touches(Area.PEOPLE)


def test_an_unknown_date_of_birth_stays_empty(qtbot, ctx, open_dialog, settle) -> None:
    profile_case.save_profile_and_insurance(
        ctx.case, ctx.person_id, svc.Profile("Amira", dt.date(1950, 1, 1)), svc.InsuranceDetails()
    )
    dialog = open_dialog(qtbot, ctx)
    assert dialog.dob_edit.isEnabled()
    dialog.dob_known.click()
    assert not dialog.dob_edit.isEnabled()
    dialog.accept()
    settle()
    assert stored(ctx).profile.date_of_birth is None


def test_an_empty_name_is_refused_on_the_field(qtbot, ctx, open_dialog, settle) -> None:
    dialog = open_dialog(qtbot, ctx, "insurance")
    type_into(qtbot, dialog.insurer_edit, "Should not be saved")
    dialog.show_page("profile")
    type_into(qtbot, dialog.name_edit, "   ")
    click_save(qtbot, dialog)
    settle()
    assert dialog.isVisible()
    assert dialog.pages.currentIndex() == 0
    assert "name is needed" in dialog.errors.message("name")
    assert "name is needed" in dialog.problem_line.text()
    assert stored(ctx).profile.name == "Amira"
    assert stored(ctx).insurance.insurer == ""
    # fixing it clears the message and saves
    type_into(qtbot, dialog.name_edit, "Amira")
    assert dialog.errors.message("name") == ""
    click_save(qtbot, dialog)
    settle()
    assert not dialog.isVisible()


def test_a_bad_phone_number_is_shown_on_the_insurance_page(qtbot, ctx, open_dialog, settle) -> None:
    dialog = open_dialog(qtbot, ctx, "profile")
    dialog.show_page("insurance")
    type_into(qtbot, dialog.phone_edit, "call me")
    dialog.show_page("profile")
    click_save(qtbot, dialog)
    settle()
    assert dialog.isVisible()
    assert dialog.pages.currentIndex() == 1
    assert "digits" in dialog.errors.message("phone")


def test_both_pages_are_checked_before_anything_is_saved(qtbot, ctx, open_dialog, settle) -> None:
    dialog = open_dialog(qtbot, ctx)
    dialog.name_edit.setText("")
    dialog.member_edit.setText("9" * 201)
    dialog.accept()
    settle()
    assert "name is needed" in dialog.errors.message("name")
    assert "200 characters" in dialog.errors.message("member_id")
    assert dialog.pages.currentIndex() == 0  # the first problem is the one in view
    assert stored(ctx).insurance.member_id == ""


def test_cancel_with_changes_asks_first(qtbot, ctx, answers, open_dialog, settle) -> None:
    dialog = open_dialog(qtbot, ctx)
    type_into(qtbot, dialog.condition_edit, "Latex")
    answers.confirms = [False]
    dialog.reject()
    assert dialog.isVisible()
    assert answers.shown[-1][1] == "Discard changes?"
    answers.confirms = [True]
    dialog.reject()
    assert not dialog.isVisible()
    assert stored(ctx).profile.condition == ""


def test_cancel_without_changes_does_not_ask(qtbot, ctx, answers, open_dialog, settle) -> None:
    dialog = open_dialog(qtbot, ctx)
    dialog.reject()
    assert not dialog.isVisible()
    assert answers.shown == []


def test_the_call_log_add_edit_delete(qtbot, ctx, answers, open_dialog, settle) -> None:
    dialog = open_dialog(qtbot, ctx, "calls")
    assert dialog.pages.currentIndex() == 2
    assert dialog.call_stack.currentWidget() is dialog.empty_calls
    assert not dialog.delete_call_button.isEnabled()

    qtbot.mouseClick(dialog.add_call_button, Qt.MouseButton.LeftButton)
    call = dialog.call_dialog
    assert call is not None and call.isVisible()
    call.date_edit.setDate(QDate.currentDate().addDays(-3))
    type_into(qtbot, call.spoke_with, "Maria")
    type_into(qtbot, call.reference, "REF-88213")
    type_into(qtbot, call.summary, "Covered in network & no referral")
    call.accept()
    settle()
    assert dialog.call_stack.currentWidget() is dialog.call_view
    assert dialog.call_proxy.rowCount() == 1
    assert dialog.call_proxy.index(0, 1).data() == "Maria"
    # saved at once, without the dialog's Save
    assert [c.reference_number for c in stored(ctx).calls] == ["REF-88213"]

    dialog.call_view.selectRow(0)
    edit = dialog.edit_call()
    assert edit is not None and edit.spoke_with.text() == "Maria"
    type_into(qtbot, edit.spoke_with, "Maria K.")
    edit.accept()
    settle()
    assert dialog.call_proxy.index(0, 1).data() == "Maria K."

    dialog.call_view.selectRow(0)
    answers.confirms = [False]
    dialog.delete_call()
    assert dialog.call_proxy.rowCount() == 1
    assert "Maria K." in answers.shown[-1][2] and "REF-88213" in answers.shown[-1][2]
    answers.confirms = [True]
    dialog.delete_call()
    settle()
    assert dialog.call_proxy.rowCount() == 0
    assert dialog.call_stack.currentWidget() is dialog.empty_calls
    assert stored(ctx).calls == []


def test_newest_call_is_listed_first(qtbot, ctx, open_dialog, settle) -> None:
    profile_case.save_call(ctx.case, ctx.person_id, svc.CallInput(dt.date(2026, 1, 5), "Old"))
    profile_case.save_call(ctx.case, ctx.person_id, svc.CallInput(dt.date(2026, 3, 9), "New"))
    dialog = open_dialog(qtbot, ctx, "calls")
    assert [dialog.call_proxy.index(r, 1).data() for r in range(2)] == ["New", "Old"]


def test_a_call_field_that_is_too_long_is_refused_on_the_field(
    qtbot, ctx, open_dialog, settle
) -> None:
    dialog = open_dialog(qtbot, ctx, "calls")
    call = dialog.add_call()
    type_into(qtbot, call.reference, "R" * 201)
    call.accept()
    settle()
    assert call.isVisible()
    assert "200 characters" in call.errors.message("reference_number")
    assert dialog.call_proxy.rowCount() == 0


def test_opening_again_reuses_the_open_dialog(qtbot, ctx, settle) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    first = open_profile_dialog(parent, ctx, "profile")
    settle()
    second = open_profile_dialog(parent, ctx, "calls")
    assert second is first
    assert first.pages.currentIndex() == 2


def test_the_dialog_closes_when_the_vault_locks(qtbot, vault, settle) -> None:
    with vault.session() as s:
        pid = make_person(s, "Amira").id
    ctx = AppContext(vault, pid)
    dialog = open_profile_dialog(None, ctx, "profile")
    settle()
    with qtbot.waitSignal(dialog.finished):
        ctx.deleteLater()


def test_call_model_is_well_behaved(qtbot, qtmodeltester, ctx, open_dialog) -> None:
    profile_case.save_call(
        ctx.case, ctx.person_id, svc.CallInput(dt.date(2026, 1, 5), "A", "1", "x\ny")
    )
    dialog = open_dialog(qtbot, ctx, "calls")
    qtmodeltester.check(dialog.call_model)
    qtmodeltester.check(dialog.call_proxy)


def test_save_waits_until_the_fields_are_filled(qtbot, ctx, settle) -> None:
    dialog = open_profile_dialog(None, ctx, "profile")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # empty fields must never be saved over the stored ones
    dialog.accept()
    settle()
    assert dialog.isVisible()
    assert dialog.name_edit.text() == "Amira" and save.isEnabled()
    assert not dialog.is_dirty


def test_a_disk_that_cannot_save_keeps_the_form_open_with_what_was_typed(
    qtbot, ctx, answers, open_dialog, settle, monkeypatch
) -> None:
    from second_opinion.vault.errors import CouldNotSave

    def full(*_args):
        raise CouldNotSave()

    dialog = open_dialog(qtbot, ctx)
    type_into(qtbot, dialog.condition_edit, "Latex")
    monkeypatch.setattr(profile_case, "save_profile_and_insurance", full)
    click_save(qtbot, dialog)
    settle()
    assert dialog.isVisible()
    assert dialog.condition_edit.toPlainText() == "Latex"
    assert "disk may be full" in answers.shown[-1][2]


def test_where_to_reach_me_is_saved_for_letters(qtbot, ctx, open_dialog, settle) -> None:
    dialog = open_dialog(qtbot, ctx, "profile")
    type_into(qtbot, dialog.reach.email, "amira-at-example")
    click_save(qtbot, dialog)
    settle()
    assert dialog.isVisible()
    assert "e-mail" in dialog.errors.message("email")
    assert dialog.pages.currentIndex() == 0
    dialog.reach.address.setPlainText("8 Elm Street\nSpringfield, IL 62701")
    type_into(qtbot, dialog.reach.phone, "(555) 010-4477")
    type_into(qtbot, dialog.reach.email, "amira@example.org")
    with qtbot.waitSignal(dialog.finished):
        click_save(qtbot, dialog)
    profile = stored(ctx).profile
    assert (profile.address, profile.phone, profile.email) == (
        "8 Elm Street\nSpringfield, IL 62701",
        "(555) 010-4477",
        "amira@example.org",
    )
    again = open_dialog(qtbot, ctx, "profile")
    assert again.reach.phone.text() == "(555) 010-4477"
