"""The Visits tab as a person uses it: add a visit, watch its readiness, export it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, Qt, QTime

from second_opinion.case.changes import Area
from second_opinion.domain.enums import (
    ContactRole,
    QuestionCategory,
    RecordKind,
    TransferMethod,
    TriState,
    VisitMode,
)
from second_opinion.domain.models import Contact, InsurancePlan
from second_opinion.services import questions, record_requests, records, visits
from second_opinion.services.questions import QuestionData
from second_opinion.services.readiness import readiness
from second_opinion.services.visits import VisitInput
from second_opinion.ui.context import AppContext
from second_opinion.ui.table_model import ROW_ROLE
from second_opinion.ui.tabs.visits_tab import VisitsTab
from second_opinion.ui.visit_form import VisitForm
from tests.factories import make_contact, make_person

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)


class RecordingNavigator:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def navigate(self, target: str, **kwargs: Any) -> None:
        self.calls.append((target, kwargs))


@pytest.fixture
def case(vault):
    with vault.session() as s:
        person = make_person(s, "Maria Lopez")
        doctor = make_contact(s, "Dr. Lena Park", ContactRole.SECOND_OPINION_CHOSEN)
        holder = make_contact(s, "Mercy Hospital HIM", ContactRole.RECORDS_DEPARTMENT)
        friend = make_contact(s, "Sam Rivera", ContactRole.SUPPORT_PERSON)
        ids = {
            "person": person.id,
            "doctor": doctor.id,
            "holder": holder.id,
            "friend": friend.id,
        }
    return vault, ids


@pytest.fixture
def tab(qtbot, settle, case):
    vault, ids = case
    ctx = AppContext(vault, ids["person"])
    navigator = RecordingNavigator()
    widget = VisitsTab(ctx, navigator)
    widget.now = lambda: NOW
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.reload()
    settle()
    return widget


def open_form(tab: VisitsTab, settle, visit_id: int | None = None) -> VisitForm:
    if visit_id is None:
        tab.new_item()
    else:
        tab.handle_navigation("edit", visit_id=visit_id)
    settle()
    assert tab.form is not None
    return tab.form


def reload(tab: VisitsTab, settle) -> None:
    tab.reload()
    settle()
    settle()


def shown_rows(tab: VisitsTab) -> list:
    proxy = tab.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def test_empty_state_then_add_a_visit_through_the_form(qtbot, settle, tab, case) -> None:
    _, ids = case
    assert tab.stack.currentIndex() == 0  # the "No visits yet" page
    form = open_form(tab, settle)
    form.select_doctor(ids["doctor"])
    form.date.setDate(QDate(2026, 12, 3))
    form.time.setTime(QTime(14, 30))
    form.zone.setEditText("Europe/Madrid")
    form.mode.setCurrentIndex(form.mode.findData(VisitMode.TELEMEDICINE.value))
    assert "No video link" in form.warning.text()
    form.link.setText("https://video.example.org/room/7")
    assert form.warning.isHidden()
    form.cost.setText("120.50")
    form.select_companion(ids["friend"])
    form.accept()
    settle()

    assert tab.form is None  # saved and closed
    assert tab.stack.currentIndex() == 1
    (row,) = shown_rows(tab)
    assert row.visit.doctor_name == "Dr. Lena Park"
    assert row.visit.time_zone == "Europe/Madrid"
    assert row.visit.starts_at == dt.datetime(2026, 12, 3, 13, 30, tzinfo=dt.UTC)
    assert row.visit.expected_cost_cents == 12050
    assert row.visit.companion_name == "Sam Rivera"
    assert "Next visit: Dr. Lena Park" in tab.banner_text.text()
    assert "in 7 days" in tab.banner_text.text()
    assert tab.title() == "Visits (in 7 days)"


def test_form_refusal_shows_on_the_field_and_keeps_the_dialog_open(
    qtbot, settle, tab, case
) -> None:
    _, ids = case
    form = open_form(tab, settle)
    form.select_doctor(ids["doctor"])
    form.zone.setEditText("Atlantis/Capital")
    form.accept()
    settle()
    assert form.isVisible()
    assert "not a known time zone" in form.errors.message("time_zone")
    form.zone.setEditText("UTC")
    assert form.errors.message("time_zone") == ""  # fixed: the problem goes at once
    form.cost.setText("lots")
    form.accept()
    settle()
    assert "number" in form.errors.message("expected_cost_cents")
    assert form.isVisible()
    assert shown_rows(tab) == []


def test_readiness_changes_when_a_request_is_marked_received(qtbot, settle, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        visit_id = visits.add_visit(
            s,
            ids["person"],
            VisitInput(ids["doctor"], NOW + dt.timedelta(days=10), "UTC"),
            now=NOW,
        ).id
        item_id = records.add_item(
            s, ids["person"], records.ItemData(kind=RecordKind.PATHOLOGY_REPORT)
        )
        request_id = record_requests.add_request(
            s,
            ids["person"],
            record_requests.RequestData(
                item_ids=[item_id],
                holder_id=ids["holder"],
                recipient_id=ids["doctor"],
                method=TransferMethod.FAX,
                requested_on=dt.date(2026, 11, 1),
            ),
        )
    tab.ctx.announce(Area.RECORDS)
    settle()
    assert tab.current_visit_id() == visit_id
    view = tab.readiness_view
    assert view.status_labels["records"].text() == "Missing"
    assert "0 of 1 record item confirmed" in view.readiness().check("records").label
    tab.grab().save("/tmp/shots/visits_tab_missing.png")

    # The cross's button takes the user to the request.
    view.fix_buttons["records"].click()
    assert tab.navigator.calls[-1] == ("records.open_request", {"request_id": request_id})

    with vault.session() as s:
        record_requests.mark_sent(s, request_id, dt.date(2026, 11, 10))
        record_requests.mark_received(s, request_id, dt.date(2026, 11, 20))
    tab.ctx.announce(Area.RECORDS)
    settle()
    assert view.status_labels["records"].text() == "Done"
    assert "records" not in view.fix_buttons
    with vault.session() as s:
        assert readiness(s, visit_id, NOW.date()).check("records").ok


def test_a_video_visit_lists_what_this_doctor_needs_and_the_person_can_adjust(
    qtbot, qtmodeltester, settle, tab, case
) -> None:
    """A pathologist needs the slides, not the mammogram discs; the person can say the
    slides are not needed either, and that is kept."""
    from second_opinion.ui.doctor_needs_form import DoctorNeedsForm

    vault, ids = case
    with vault.session() as s:
        pathologist = make_contact(
            s, "Dr. Rafael Costa", ContactRole.SPECIALIST, specialty="Breast pathology"
        ).id
        visits.add_visit(
            s,
            ids["person"],
            VisitInput(
                pathologist,
                NOW + dt.timedelta(days=10),
                "UTC",
                mode=VisitMode.TELEMEDICINE,
                telemedicine_url="https://v.example/1",
            ),
            now=NOW,
        )
        for kind, text in (
            (RecordKind.IMAGING_FILES, "Mammogram discs"),
            (RecordKind.PATHOLOGY_MATERIAL, "Biopsy block A1"),
        ):
            records.add_item(s, ids["person"], records.ItemData(kind=kind, description=text))
    reload(tab, settle)
    view = tab.readiness_view
    check = view.readiness().check("physical_material")
    assert "Biopsy block A1" in check.detail and "Mammogram" not in check.detail
    button = view.adjust_buttons["physical_material"]
    assert button.accessibleName()
    button.click()
    assert tab.navigator.calls[-1] == (
        "visits.doctor_needs",
        {"visit_id": tab.current_visit_id()},
    )
    tab.handle_navigation("doctor_needs", visit_id=tab.current_visit_id())
    settle()
    form = tab.findChild(DoctorNeedsForm)
    assert form is not None
    qtmodeltester.check(form.model)
    shown = form.items.model()
    assert shown.rowCount() == 1 and "Biopsy block A1" in shown.index(0, 0).data()
    first = shown.index(0, 0)
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # The person moves to the record and unticks it with the space bar.
    form.items.setCurrentIndex(first)
    qtbot.keyClick(form.items, Qt.Key.Key_Space)
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert form.is_dirty
    form.accept()
    settle()
    assert view.readiness().check("physical_material").ok
    assert view.status_labels["physical_material"].text() == "Done"


def test_companion_cross_offers_adding_a_support_person(qtbot, settle, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        visits.add_visit(
            s, ids["person"], VisitInput(ids["doctor"], NOW + dt.timedelta(days=3), "UTC"), now=NOW
        )
    reload(tab, settle)
    tab.readiness_view.fix_buttons["companion"].click()
    target, kwargs = tab.navigator.calls[-1]
    assert (target, kwargs) == ("visits.edit", {"visit_id": tab.current_visit_id()})
    form = open_form(tab, settle, kwargs["visit_id"])
    assert form.visit_id == tab.current_visit_id()
    form.select_companion(ids["friend"])
    form.accept()
    settle()
    assert tab.readiness_view.status_labels["companion"].text() == "Done"


def test_list_order_past_filter_export_and_delete(
    qtbot, settle, tab, case, answers, tmp_path
) -> None:
    vault, ids = case
    with vault.session() as s:
        later = visits.add_visit(
            s, ids["person"], VisitInput(ids["doctor"], NOW + dt.timedelta(days=30), "UTC"), now=NOW
        ).id
        past = visits.add_visit(
            s,
            ids["person"],
            VisitInput(ids["doctor"], NOW - dt.timedelta(days=30), "UTC", status="done"),
            now=NOW,
        ).id
        soon = visits.add_visit(
            s,
            ids["person"],
            VisitInput(
                ids["doctor"],
                NOW + dt.timedelta(days=2),
                "America/New_York",
                location="1 Main St & <Annex>",
            ),
            now=NOW,
        ).id
    reload(tab, settle)
    assert [r.visit.id for r in shown_rows(tab)] == [soon, later, past]
    tab.show_past.setChecked(False)
    assert [r.visit.id for r in shown_rows(tab)] == [soon, later]
    tab.show_past.setChecked(True)

    tab.handle_navigation("open", visit_id=soon)
    target = tmp_path / "visit"
    answers.save_paths.append(target)
    tab.ical_button.click()
    settle()
    saved = Path(str(target) + ".ics")
    event = Calendar.from_ical(saved.read_bytes()).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "1 Main St & <Annex>"
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert saved.stat().st_mode & 0o077 == 0

    answers.confirms.append(False)
    tab.delete_button.click()
    settle()
    assert answers.shown[-1][0] == "confirm" and "Dr. Lena Park" in answers.shown[-1][2]
    assert len(shown_rows(tab)) == 3
    tab.handle_navigation("open", visit_id=soon)
    tab.delete_button.click()
    settle()
    assert [r.visit.id for r in shown_rows(tab)] == [later, past]


def test_the_packet_button_prepares_the_packet_of_the_selected_visit(
    qtbot, settle, tab, case
) -> None:
    from second_opinion.ui.export_actions import PacketDialog

    vault, ids = case
    with vault.session() as s:
        first = visits.add_visit(
            s, ids["person"], VisitInput(ids["doctor"], NOW + dt.timedelta(days=3), "UTC"), now=NOW
        ).id
        second = visits.add_visit(
            s, ids["person"], VisitInput(ids["doctor"], NOW + dt.timedelta(days=9), "UTC"), now=NOW
        ).id
    reload(tab, settle)
    tab.handle_navigation("open", visit_id=second)
    tab.packet_button.click()
    settle()
    dialog = tab.findChild(PacketDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.visit_combo.currentData() == second != first
    dialog.reject()


def test_visit_table_model_is_consistent(qtbot, settle, qtmodeltester, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        for days in (3, 9, -4):
            visits.add_visit(
                s,
                ids["person"],
                VisitInput(ids["doctor"], NOW + dt.timedelta(days=days), "UTC"),
                now=NOW,
            )
    reload(tab, settle)
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)


def test_enter_on_a_visit_opens_it_for_editing(qtbot, settle, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        visit_id = visits.add_visit(
            s, ids["person"], VisitInput(ids["doctor"], NOW + dt.timedelta(days=3), "UTC"), now=NOW
        ).id
    reload(tab, settle)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    settle()
    assert tab.form is not None and tab.form.visit_id == visit_id
    assert tab.form.windowTitle() == "Edit visit"


def test_columns_fit_their_text_and_keep_a_width_the_user_chose(qtbot, settle, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        for days in (3, 40, -4):
            visits.add_visit(
                s,
                ids["person"],
                VisitInput(ids["doctor"], NOW + dt.timedelta(days=days), "America/Los_Angeles"),
                now=NOW,
            )
    reload(tab, settle)
    tab.show()
    qtbot.waitExposed(tab)
    metrics = tab.table.fontMetrics()
    for column in (0, 1, 4):
        for row in range(tab.proxy.rowCount()):
            text = tab.proxy.index(row, column).data()
            # Sized to the contents, not cut off: no "…" on a date or a countdown.
            assert tab.table.columnWidth(column) >= metrics.horizontalAdvance(text), text

    header = tab.table.horizontalHeader()
    header.resizeSection(2, 333)  # what dragging the edge of "Doctor" does
    with vault.session() as s:
        visits.add_visit(
            s,
            ids["person"],
            VisitInput(ids["doctor"], NOW + dt.timedelta(days=5), "UTC"),
            now=NOW,
        )
    reload(tab, settle)
    assert tab.table.columnWidth(2) == 333


def test_typing_a_date_and_a_time_gives_exactly_what_was_typed(qtbot, settle, tab, case) -> None:
    _, ids = case
    form = open_form(tab, settle)
    form.show()
    qtbot.waitExposed(form)
    form.select_doctor(ids["doctor"])
    form.zone.setEditText("UTC")
    # Clicked into, as a person does, then typed: the click lands on the minutes.
    qtbot.mouseClick(form.time, Qt.MouseButton.LeftButton, pos=form.time.rect().center())
    qtbot.keyClicks(form.time, "10:30")
    assert form.time.time() == QTime(10, 30)
    qtbot.mouseClick(form.date, Qt.MouseButton.LeftButton, pos=form.date.rect().center())
    typed = QDate(2027, 1, 15).toString(form.date.displayFormat())
    qtbot.keyClicks(form.date, typed)
    assert form.date.date() == QDate(2027, 1, 15)
    # Reached with the keyboard instead: the same.
    form.time.setTime(QTime(9, 0))
    form.date.setFocus()
    qtbot.keyClick(form.date, Qt.Key.Key_Tab)
    assert form.time.hasFocus()
    qtbot.keyClicks(form.time, "07:05")
    assert form.time.time() == QTime(7, 5)
    form.accept()
    settle()
    (row,) = shown_rows(tab)
    assert row.visit.starts_at == dt.datetime(2027, 1, 15, 7, 5, tzinfo=dt.UTC)


def test_a_full_disk_keeps_the_visit_form_open_with_what_was_typed(
    qtbot, settle, tab, case, answers, monkeypatch
) -> None:
    from second_opinion.vault.errors import CouldNotSave

    _, ids = case
    form = open_form(tab, settle)
    form.select_doctor(ids["doctor"])
    qtbot.keyClicks(form.location, "1 Main St")
    qtbot.keyClicks(form.notes, "Bring the scans")

    def full(*_args: object, **_kwargs: object) -> None:
        raise CouldNotSave()

    monkeypatch.setattr("second_opinion.case.visits.visit_service.add_visit", full)
    form.accept()
    settle()
    assert tab.form is form and form.isVisible()
    assert form.location.text() == "1 Main St"
    assert form.notes.toPlainText() == "Bring the scans"
    kind, _title, text = answers.shown[-1]
    assert kind == "error" and "disk may be full" in text
    assert form.save_button.isEnabled()
    monkeypatch.undo()
    form.accept()
    settle()
    assert tab.form is None
    assert [r.visit.location for r in shown_rows(tab)] == ["1 Main St"]


def test_other_screens_changes_reload_only_what_shows_here(qtbot, settle, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        visits.add_visit(
            s, ids["person"], VisitInput(ids["doctor"], NOW + dt.timedelta(days=3), "UTC"), now=NOW
        )
    tab.ctx.announce(Area.OPINIONS)
    settle()
    assert shown_rows(tab) == []  # opinions do not show here
    tab.ctx.announce(Area.CONTACTS)
    settle()
    assert [r.visit.doctor_name for r in shown_rows(tab)] == ["Dr. Lena Park"]
    assert tab.title() == "Visits (in 3 days)"


def test_a_past_visit_is_not_saved_as_planned_without_asking(
    qtbot, settle, tab, case, answers
) -> None:
    _, ids = case
    form = open_form(tab, settle)
    form.select_doctor(ids["doctor"])
    form.zone.setEditText("UTC")
    form.date.setDate(QDate(2026, 11, 20))  # NOW is 26 Nov 2026
    answers.confirms.append(False)
    form.accept()
    settle()
    kind, _title, text = answers.shown[-1]
    assert kind == "confirm" and "passed" in text
    assert form.isVisible() and shown_rows(tab) == []
    assert "Done" in form.errors.message("status")
    answers.confirms.append(True)
    form.accept()
    settle()
    assert tab.form is None
    (row,) = shown_rows(tab)
    assert row.visit.status.value == "done"


def test_open_questions_are_used_for_the_visit_in_one_click(qtbot, settle, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        visit_id = visits.add_visit(
            s, ids["person"], VisitInput(ids["doctor"], NOW + dt.timedelta(days=3), "UTC"), now=NOW
        ).id
        for text in ("What stage is it?", "Which treatment first?"):
            questions.create_question(
                s, ids["person"], QuestionData(text=text, category=QuestionCategory.TREATMENT)
            )
    reload(tab, settle)
    view = tab.readiness_view
    button = view.fix_buttons["questions"]
    assert button.text() == "Use my open questions"
    button.click()
    settle()
    settle()
    assert not tab.navigator.calls  # done right here, not somewhere else
    assert view.status_labels["questions"].text() == "Done"
    assert view.readiness().check("questions").label == "2 questions prepared, 0 top priority"
    with vault.session() as s:
        assert {q.visit_id for q in questions.list_questions(s, ids["person"])} == {visit_id}


def test_a_new_visit_ticks_what_the_insurance_plan_needs(qtbot, settle, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        s.add(
            InsurancePlan(
                person_id=ids["person"],
                referral_needed=TriState.YES,
                prior_authorization_needed=TriState.UNKNOWN,
            )
        )
    form = open_form(tab, settle)
    assert form.referral_needed.isChecked()
    assert "plan" in form.referral_needed.toolTip()
    assert not form.auth_needed.isChecked()  # not known yet: left for the person to tick
    assert not form.is_dirty  # a default, not something typed


@pytest.mark.parametrize("answer", [True, False])
def test_booking_a_candidate_offers_to_make_them_the_chosen_doctor(
    qtbot, settle, tab, case, answers, answer
) -> None:
    vault, ids = case
    with vault.session() as s:
        candidate = make_contact(s, "Dr. Omar Haddad", ContactRole.SECOND_OPINION_CANDIDATE).id
    form = open_form(tab, settle)
    form.select_doctor(candidate)
    answers.confirms.append(answer)
    form.accept()
    settle()
    settle()
    kind, _title, text = answers.shown[-1]
    assert kind == "confirm" and "Dr. Omar Haddad" in text and "chosen" in text
    with vault.session() as s:
        role = s.get(Contact, candidate).role
    expected = ContactRole.SECOND_OPINION_CHOSEN if answer else ContactRole.SECOND_OPINION_CANDIDATE
    assert role is expected
    # A doctor already chosen is not asked about again.
    asked = len(answers.shown)
    form = open_form(tab, settle)
    form.select_doctor(ids["doctor"])
    form.accept()
    settle()
    assert len(answers.shown) == asked


def test_in_spanish_the_forms_warnings_are_spanish(qtbot, settle, tab, case) -> None:
    from second_opinion.ui import i18n

    _, ids = case
    assert i18n.install("es") == "es"
    try:
        form = open_form(tab, settle)
        form.select_doctor(ids["doctor"])
        form.date.setDate(QDate(2020, 1, 6))  # long past, and still planned
        form.mode.setCurrentIndex(form.mode.findData(VisitMode.TELEMEDICINE.value))
        shown = form.warning.text()
        form.reject()
    finally:
        i18n.install("en")
    assert "Todavía no hay enlace de video" in shown
    assert "sigue marcada como planificada" in shown
    assert "No video link" not in shown and "in the past" not in shown
