"""The Doctors & contacts tab, used as a person would: type, click, read the table."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import vobject
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication

from second_opinion.domain.enums import ContactKind, ContactRole, RecordKind
from second_opinion.domain.models import RecordItem, RecordRequest, Visit
from second_opinion.services import contacts as contact_service
from second_opinion.services.contacts import ContactData
from second_opinion.services.people import add_person
from second_opinion.ui import clipboard
from second_opinion.ui.context import AppContext
from second_opinion.ui.tabs.base import Navigator
from second_opinion.ui.tabs.contacts_tab import COL_CHECK, COL_NAME, ContactsTab

NASTY = '<b>ד"ר רות</b> & 🩺'


class DummyNavigator(Navigator):
    def __init__(self) -> None:
        self.targets: list[tuple[str, dict[str, Any]]] = []

    def navigate(self, target: str, **kwargs: Any) -> None:
        self.targets.append((target, kwargs))


@pytest.fixture
def ctx(vault):
    with vault.session() as s:
        person_id = add_person(s, "Maria")
    return AppContext(vault, person_id)


@pytest.fixture
def tab(settle, qtbot, ctx):
    widget = ContactsTab(ctx, DummyNavigator())
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.reload()
    settle()
    widget.show()
    return widget


def add(ctx, name, role=ContactRole.OTHER, **fields):
    with ctx.case.unit() as s:
        return contact_service.create_contact(s, ContactData(name=name, role=role, **fields)).id


def visible_names(tab) -> list[str]:
    return [tab.proxy.index(r, COL_NAME).data() for r in range(tab.proxy.rowCount())]


def cell(tab, name: str, column: int) -> str:
    for r in range(tab.proxy.rowCount()):
        if tab.proxy.index(r, COL_NAME).data() == name:
            return tab.proxy.index(r, column).data() or ""
    raise AssertionError(f"{name} not shown")


def test_models_pass_the_model_tester(settle, qtmodeltester, tab, ctx, answers):
    add(ctx, "Dr. Kim", ContactRole.FIRST_OPINION, organization="X")
    add(ctx, "Dr. Rao", ContactRole.SECOND_OPINION_CANDIDATE, organization="x")
    tab.reload()
    settle()
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    # The testers stay attached: sorting, filtering, adding and deleting are checked too.
    tab.table.sortByColumn(COL_CHECK, Qt.SortOrder.AscendingOrder)
    tab.search.setText("rao")
    tab.search.clear()
    form = tab.open_new()
    form.name.setText("Dr. Ng")
    form.accept()
    settle()
    tab.select(form.saved.row.id)
    tab.delete_current()
    settle()
    assert visible_names(tab) == ["Dr. Rao", "Dr. Kim"]


def test_empty_state_invites_the_first_doctor_and_presets_the_role(settle, qtbot, tab):
    assert tab.pages.currentWidget() is tab.empty_page
    assert "No doctors yet" in tab.empty_text.text()
    qtbot.mouseClick(tab.empty_add, Qt.MouseButton.LeftButton)
    form = tab.form
    assert form is not None and form.role.currentData() == ContactRole.FIRST_OPINION
    qtbot.keyClicks(form.name, "Dr. Helen Kim")
    qtbot.keyClicks(form.organization, "St. Mary's Health")
    qtbot.keyClicks(form.phone, "(555) 010-2030")
    form.accept()
    settle()
    assert tab.pages.currentWidget() is tab.list_page
    assert visible_names(tab) == ["Dr. Helen Kim"]
    assert cell(tab, "Dr. Helen Kim", 4) == "(555) 010-2030"
    assert tab.current_row().name == "Dr. Helen Kim"


def test_form_refuses_bad_input_on_the_field_and_keeps_what_was_typed(settle, qtbot, tab):
    form = tab.open_new()
    form.accept()  # empty name
    settle()
    assert form.isVisible()
    assert form.errors.message("name") == "A name is needed."
    qtbot.keyClicks(form.name, "Dr. Rao")
    qtbot.keyClicks(form.email, "rao-at-example")
    form.accept()
    settle()
    assert form.isVisible()
    assert "e-mail" in form.errors.message("email")
    assert form.errors.message("name") == ""
    form.email.clear()
    qtbot.keyClicks(form.email, "rao@example.org")
    qtbot.keyClicks(form.website, "rao.example.org")
    form.accept()
    settle()
    assert tab.form is None  # saved and closed
    assert tab.current_row().website == "https://rao.example.org"


def test_markup_emoji_rtl_and_long_notes_are_stored_exactly(settle, qtbot, tab, ctx):
    form = tab.open_new()
    for edit in (
        form.name,
        form.specialty,
        form.organization,
        form.health_system,
        form.recommended_by,
    ):
        edit.setText(NASTY)
    form.address.setPlainText(NASTY)
    form.notes.setPlainText(NASTY + "n" * 50_000)
    form.accept()
    settle()
    assert tab.form is None  # saved and closed
    assert visible_names(tab) == [NASTY]
    with ctx.case.unit() as s:
        row = contact_service.list_contacts(s)[0]
    assert row.name == row.organization == row.address == NASTY
    assert row.notes == NASTY + "n" * 50_000


def test_search_as_you_type_by_name_org_specialty_and_any_phone_format(settle, qtbot, tab, ctx):
    add(ctx, "Dr. Ana Rao", specialty="Oncology", organization="Lakeside", phone="(555) 010-2030")
    add(ctx, "Mercy Records", ContactRole.RECORDS_DEPARTMENT, fax="+1 555 777 1234")
    tab.reload()
    settle()
    qtbot.keyClicks(tab.search, "lake")
    assert visible_names(tab) == ["Dr. Ana Rao"]
    tab.search.clear()
    qtbot.keyClicks(tab.search, "555.010.2030")
    assert visible_names(tab) == ["Dr. Ana Rao"]
    tab.search.clear()
    qtbot.keyClicks(tab.search, "777-1234")
    assert visible_names(tab) == ["Mercy Records"]
    tab.search.clear()
    qtbot.keyClicks(tab.search, "ONCOLOGY")
    assert visible_names(tab) == ["Dr. Ana Rao"]
    tab.search.clear()
    qtbot.keyClicks(tab.search, "nobody here")
    assert visible_names(tab) == [] and tab.no_match.isVisible()


def test_role_filter_and_sorting_by_any_column(settle, tab, ctx):
    add(ctx, "B doctor", ContactRole.FIRST_OPINION, phone="555 010 9999")
    add(ctx, "A friend", ContactRole.SUPPORT_PERSON, phone="555 010 1111")
    add(ctx, "C records", ContactRole.RECORDS_DEPARTMENT)
    tab.reload()
    settle()
    assert visible_names(tab) == ["A friend", "B doctor", "C records"]
    tab.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # role: first opinion first
    assert visible_names(tab) == ["B doctor", "C records", "A friend"]
    tab.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # phone
    assert visible_names(tab)[:2] == ["B doctor", "A friend"]
    tab.role_filter.setCurrentIndex(tab.role_filter.findData(ContactRole.SUPPORT_PERSON))
    assert visible_names(tab) == ["A friend"]
    tab.role_filter.setCurrentIndex(tab.role_filter.findData("doctors"))
    assert visible_names(tab) == ["B doctor"]


def test_independence_warning_in_the_row_and_the_form(settle, qtbot, tab, ctx):
    add(ctx, "Dr. Kim", ContactRole.FIRST_OPINION, organization="St. Mary's Health")
    rao = add(ctx, "Dr. Rao", ContactRole.SECOND_OPINION_CANDIDATE, organization="st marys health")
    add(ctx, "Dr. Ng", ContactRole.SECOND_OPINION_CANDIDATE, organization="Lakeside")
    tab.reload()
    settle()
    assert cell(tab, "Dr. Rao", COL_CHECK) == "May not be independent"
    assert cell(tab, "Dr. Ng", COL_CHECK) == ""
    assert tab.select(rao)
    form = tab.edit_current()
    assert "Dr. Kim" in form.independence_text()
    assert "st marys health" in form.independence_text()
    form.organization.setText("Lakeside")  # the warning follows what is typed
    assert form.independence_text() == ""
    form.accept()
    settle()
    assert cell(tab, "Dr. Rao", COL_CHECK) == ""
    # a new candidate typed into the form is checked before it is saved
    form = tab.open_new(ContactRole.SECOND_OPINION_CHOSEN)
    qtbot.keyClicks(form.name, "Dr. Chen")
    qtbot.keyClicks(form.health_system, "ST MARYS HEALTH")
    assert "May not be independent" in form.independence_text()
    form.accept()
    settle()
    assert cell(tab, "Dr. Chen", COL_CHECK) == "May not be independent"


def test_editing_the_first_opinion_doctor_updates_other_rows_verdicts(settle, tab, ctx):
    kim = add(ctx, "Dr. Kim", ContactRole.FIRST_OPINION, organization="St. Mary's Health")
    add(ctx, "Dr. Rao", ContactRole.SECOND_OPINION_CANDIDATE, organization="st marys health")
    add(ctx, "Dr. Ng", ContactRole.SECOND_OPINION_CANDIDATE, organization="Lakeside")
    tab.reload()
    settle()
    tab.table.sortByColumn(COL_CHECK, Qt.SortOrder.AscendingOrder)  # flagged rows first
    assert visible_names(tab)[0] == "Dr. Rao"
    assert tab.select(kim)
    form = tab.edit_current()
    form.organization.setText("Lakeside")
    form.accept()
    settle()
    assert cell(tab, "Dr. Rao", COL_CHECK) == ""
    assert cell(tab, "Dr. Ng", COL_CHECK) == "May not be independent"
    assert visible_names(tab)[0] == "Dr. Ng"


def test_enter_and_double_click_open_the_form(settle, qtbot, tab, ctx):
    add(ctx, "Dr. Rao")
    tab.reload()
    settle()
    tab.table.setFocus()
    tab.select(tab.model.row_at(0).id)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.form is not None and tab.form.name.text() == "Dr. Rao"
    tab.form.reject()
    assert tab.form is None
    rect = tab.table.visualRect(tab.proxy.index(0, 0))
    # a real double-click starts with a press; QTest's DClick alone does not send one
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.form is not None and tab.form.windowTitle() == "Edit contact"


def test_delete_key_confirms_naming_the_contact_then_removes_it(settle, qtbot, tab, ctx, answers):
    add(ctx, "Dr. Rao")
    add(ctx, "Dr. Ng")
    tab.reload()
    settle()
    tab.table.setFocus()
    tab.select(tab.model.row_at(tab.model.position_of(1)).id)
    answers.confirms = [False]
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    settle()
    assert answers.shown[-1][0] == "confirm" and "Dr. Rao" in answers.shown[-1][2]
    assert visible_names(tab) == ["Dr. Ng", "Dr. Rao"]
    answers.confirms = [True]
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    settle()
    assert visible_names(tab) == ["Dr. Ng"]
    assert tab.current_row().name == "Dr. Ng"  # selection moves on, ready for the next key


def test_delete_says_what_refers_to_a_contact(settle, tab, ctx, answers):
    doctor = add(ctx, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN)
    records = add(ctx, "Mercy HIM", ContactRole.RECORDS_DEPARTMENT)
    friend = add(ctx, "Sam", ContactRole.SUPPORT_PERSON)
    with ctx.case.unit() as s:
        s.add(RecordRequest(person_id=ctx.person_id, holder_id=records, recipient_id=doctor))
        s.add(
            Visit(
                person_id=ctx.person_id,
                doctor_id=doctor,
                starts_at=dt.datetime.now(dt.UTC),
                companion_id=friend,
            )
        )
        s.add(RecordItem(person_id=ctx.person_id, kind=RecordKind.LAB_RESULTS, holder_id=friend))
    tab.reload()
    settle()
    tab.select(doctor)
    tab.delete_current()
    settle()
    kind, _title, text = answers.shown[-1]
    assert kind == "error"
    assert "Dr. Rao" in text and "1 record request" in text and "1 visit" in text
    assert "Dr. Rao" in visible_names(tab)
    tab.select(friend)
    answers.confirms = [True]
    tab.delete_current()
    settle()
    assert answers.shown[-1][2] == "Delete Sam and unlink 1 record item and 1 visit companion link?"
    assert "Sam" not in visible_names(tab)


def test_copy_details_marks_the_clipboard_concealed(settle, tab, ctx, monkeypatch):
    captured: list[QMimeData] = []
    cb = QGuiApplication.clipboard()
    original = cb.setMimeData
    monkeypatch.setattr(
        type(cb), "setMimeData", lambda self, m, *a: (captured.append(m), original(m))[1]
    )
    add(ctx, "Dr. Rao", phone="(555) 010-2030", email="rao@example.org")
    tab.reload()
    settle()
    tab.select(tab.model.row_at(0).id)
    tab.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Dr. Rao\n") and "Phone: (555) 010-2030" in text
    assert bytes(captured[-1].data("x-kde-passwordManagerHint")) == b"secret"
    clipboard.clear_if_ours()
    assert QGuiApplication.clipboard().text() == ""


def test_navigation_new_with_role_and_open_by_id(settle, tab, ctx):
    rao = add(ctx, "Dr. Rao")
    tab.reload()
    settle()
    tab.search.setText("nothing matches")
    tab.handle_navigation("open", contact_id=rao)
    assert tab.form is not None and tab.form.name.text() == "Dr. Rao"
    assert tab.search.text() == ""
    tab.form.reject()
    tab.handle_navigation("new", role="records_department")
    assert tab.form.role.currentData() == ContactRole.RECORDS_DEPARTMENT
    first = tab.form
    tab.new_item()  # a form already open is brought forward, not replaced
    assert tab.form is first
    first.reject()
    tab.new_item()  # with no first-opinion doctor yet, that is what a new contact starts as
    assert tab.form.role.currentData() == ContactRole.FIRST_OPINION
    tab.form.name.setText("Dr. Kim")
    tab.form.accept()
    settle()
    tab.new_item()
    assert tab.form.role.currentData() == ContactRole.SECOND_OPINION_CANDIDATE


def test_vcard_export_then_import_with_a_summary(settle, tab, ctx, answers, tmp_path):
    add(ctx, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN, fax="555 010 2099")
    tab.reload()
    settle()
    out = tmp_path / "contacts"
    answers.save_paths = [out]
    tab.handle_navigation("export_vcard")
    settle()
    saved = tmp_path / "contacts.vcf"
    card = vobject.readOne(saved.read_text(encoding="utf-8"))
    assert card.fn.value == "Dr. Rao" and card.tel.params["TYPE"] == ["fax"]
    assert answers.shown[-1] == ("info", "Export contacts", "Exported 1 contact.")

    more = tmp_path / "more.vcf"
    more.write_text(
        saved.read_text(encoding="utf-8")
        + "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dr. New\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:no name\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    answers.open_paths = [more]
    tab.import_vcard()
    settle()
    kind, _title, text = answers.shown[-1]
    assert kind == "info"
    assert "Imported 1 contact." in text
    assert "Dr. Rao: already in your contacts" in text
    assert "card 3: the card has no name" in text
    assert visible_names(tab) == ["Dr. New", "Dr. Rao"]


def test_a_file_that_is_not_a_vcard_is_refused_with_a_message(settle, tab, answers, tmp_path):
    bad = tmp_path / "x.vcf"
    bad.write_text("hello", encoding="utf-8")
    answers.open_paths = [bad]
    tab.import_vcard()
    settle()
    assert answers.shown[-1][0] == "error"
    assert "No vCards" in answers.shown[-1][2]


def test_sorting_keeps_the_selected_contact_selected(settle, tab, ctx):
    for name, phone in (("Dr. A", "555 010 9000"), ("Dr. B", "555 010 1000"), ("Dr. C", "")):
        add(ctx, name, phone=phone)
    tab.reload()
    settle()
    b = next(r.id for r in tab.model.rows() if r.name == "Dr. B")
    tab.select(b)
    tab.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # by phone digits
    assert visible_names(tab) == ["Dr. C", "Dr. B", "Dr. A"]
    assert tab.current_row().name == "Dr. B"
    tab.table.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)
    tab.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert visible_names(tab) == ["Dr. A", "Dr. B", "Dr. C"]
    assert tab.current_row().name == "Dr. B"
    tab.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    # a contact added while sorted lands in its sorted place
    form = tab.open_new()
    form.name.setText("Dr. Bb")
    form.accept()
    settle()
    assert visible_names(tab) == ["Dr. C", "Dr. Bb", "Dr. B", "Dr. A"]


def test_markup_in_number_and_address_fields_is_refused_on_that_field(settle, qtbot, tab):
    form = tab.open_new()
    form.name.setText("Dr. Rao")
    for edit, field in (
        (form.phone, "phone"),
        (form.fax, "fax"),
        (form.email, "email"),
        (form.portal_url, "portal_url"),
        (form.website, "website"),
    ):
        edit.setText("<b> & </b>")
        form.accept()
        settle()
        assert form.isVisible()
        assert form.errors.message(field), field
        edit.clear()
    qtbot.keyClicks(form.phone, "+44 20 7946 0958")
    form.phone.editingFinished.emit()
    assert form.errors.message("phone") == ""
    form.accept()
    settle()
    assert tab.form is None  # saved and closed
    assert tab.current_row().phone == "+44 20 7946 0958"


def test_an_organization_is_not_asked_for_a_doctors_specialty(settle, qtbot, tab):
    form = tab.open_new()
    form.show()
    assert form.specialty.isVisibleTo(form)
    assert form.recommended_by.isVisibleTo(form)
    form.kind.setCurrentIndex(form.kind.findData(ContactKind.ORGANIZATION))
    assert not form.specialty.isVisibleTo(form)
    assert not form.recommended_by.isVisibleTo(form)
    form.kind.setCurrentIndex(form.kind.findData(ContactKind.INDIVIDUAL))
    assert form.specialty.isVisibleTo(form)
    # What an organization already has stays in sight rather than hidden away.
    form.kind.setCurrentIndex(form.kind.findData(ContactKind.ORGANIZATION))
    with form.loading():
        form.set_data(
            ContactData(
                name="Mercy Hospital",
                kind=ContactKind.ORGANIZATION,
                role=ContactRole.RECORDS_DEPARTMENT,
                specialty="Imaging",
            )
        )
    assert form.specialty.isVisibleTo(form)
    assert not form.recommended_by.isVisibleTo(form)
