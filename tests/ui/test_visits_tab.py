"""The Visits tab as a person uses it: add a visit, watch its readiness, export it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, Qt, QTime

from second_opinion.domain.enums import ContactRole, RecordKind, TransferMethod, VisitMode
from second_opinion.services import record_requests, records, visits
from second_opinion.services.readiness import readiness
from second_opinion.services.visits import VisitInput
from second_opinion.ui.context import AppContext
from second_opinion.ui.table_model import ROW_ROLE
from second_opinion.ui.tabs.visits_tab import VisitsTab
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
def tab(qtbot, case):
    vault, ids = case
    ctx = AppContext(vault, ids["person"])
    navigator = RecordingNavigator()
    widget = VisitsTab(ctx, navigator)
    widget.now = lambda: NOW
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.reload()
    return widget


def shown_rows(tab: VisitsTab) -> list:
    proxy = tab.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def test_empty_state_then_add_a_visit_through_the_form(qtbot, tab, case) -> None:
    _, ids = case
    assert tab.stack.currentIndex() == 0  # the "No visits yet" page
    tab.new_item()
    form = tab.form
    assert form is not None
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

    assert form.result() == form.DialogCode.Accepted
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


def test_form_refusal_shows_on_the_field_and_keeps_the_dialog_open(qtbot, tab, case) -> None:
    _, ids = case
    tab.new_item()
    form = tab.form
    form.select_doctor(ids["doctor"])
    form.zone.setEditText("Atlantis/Capital")
    form.accept()
    assert form.result() != form.DialogCode.Accepted
    assert "not a known time zone" in form.error_text("time_zone")
    form.zone.setEditText("UTC")
    form.cost.setText("lots")
    form.accept()
    assert "number" in form.error_text("expected_cost_cents")
    assert shown_rows(tab) == []


def test_readiness_changes_when_a_request_is_marked_received(qtbot, tab, case) -> None:
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
    tab.ctx.notify_changed("records")
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
    tab.ctx.notify_changed("records")
    assert view.status_labels["records"].text() == "Done"
    assert "records" not in view.fix_buttons
    with vault.session() as s:
        assert readiness(s, visit_id, NOW.date()).check("records").ok


def test_companion_cross_offers_adding_a_support_person(qtbot, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        visits.add_visit(
            s, ids["person"], VisitInput(ids["doctor"], NOW + dt.timedelta(days=3), "UTC"), now=NOW
        )
    tab.reload()
    tab.readiness_view.fix_buttons["companion"].click()
    target, kwargs = tab.navigator.calls[-1]
    assert (target, kwargs) == ("visits.edit", {"visit_id": tab.current_visit_id()})
    tab.handle_navigation("edit", **kwargs)
    assert tab.form is not None and tab.form.visit_id == tab.current_visit_id()
    tab.form.select_companion(ids["friend"])
    tab.form.accept()
    assert tab.readiness_view.status_labels["companion"].text() == "Done"


def test_list_order_past_filter_export_and_delete(qtbot, tab, case, answers, tmp_path) -> None:
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
    tab.reload()
    assert [r.visit.id for r in shown_rows(tab)] == [soon, later, past]
    tab.show_past.setChecked(False)
    assert [r.visit.id for r in shown_rows(tab)] == [soon, later]
    tab.show_past.setChecked(True)

    tab.handle_navigation("open", visit_id=soon)
    target = tmp_path / "visit"
    answers.save_paths.append(target)
    tab.ical_button.click()
    saved = Path(str(target) + ".ics")
    event = Calendar.from_ical(saved.read_bytes()).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "1 Main St & <Annex>"
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert saved.stat().st_mode & 0o077 == 0

    answers.confirms.append(False)
    tab.delete_button.click()
    assert answers.shown[-1][0] == "confirm" and "Dr. Lena Park" in answers.shown[-1][2]
    assert len(shown_rows(tab)) == 3
    tab.handle_navigation("open", visit_id=soon)
    tab.delete_button.click()
    assert [r.visit.id for r in shown_rows(tab)] == [later, past]


def test_packet_button_says_when_the_packet_is_not_available(
    qtbot, tab, case, answers, monkeypatch
) -> None:
    vault, ids = case
    with vault.session() as s:
        visits.add_visit(
            s, ids["person"], VisitInput(ids["doctor"], NOW + dt.timedelta(days=3), "UTC"), now=NOW
        )
    tab.reload()
    import importlib

    real_import = importlib.import_module

    def refuse(name: str, *args: Any) -> Any:
        if name == "second_opinion.ui.export_actions":
            raise ImportError(name)
        return real_import(name, *args)

    monkeypatch.setattr(importlib, "import_module", refuse)
    tab.packet_button.click()
    assert answers.shown[-1][0] == "info"


def test_visit_table_model_is_consistent(qtbot, qtmodeltester, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        for days in (3, 9, -4):
            visits.add_visit(
                s,
                ids["person"],
                VisitInput(ids["doctor"], NOW + dt.timedelta(days=days), "UTC"),
                now=NOW,
            )
    tab.reload()
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)


def test_enter_on_a_visit_opens_it_for_editing(qtbot, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        visit_id = visits.add_visit(
            s, ids["person"], VisitInput(ids["doctor"], NOW + dt.timedelta(days=3), "UTC"), now=NOW
        ).id
    tab.reload()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.form is not None and tab.form.visit_id == visit_id
    assert tab.form.windowTitle() == "Edit visit"


def test_columns_fit_their_text_and_keep_a_width_the_user_chose(qtbot, tab, case) -> None:
    vault, ids = case
    with vault.session() as s:
        for days in (3, 40, -4):
            visits.add_visit(
                s,
                ids["person"],
                VisitInput(ids["doctor"], NOW + dt.timedelta(days=days), "America/Los_Angeles"),
                now=NOW,
            )
    tab.reload()
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
    tab.reload()
    assert tab.table.columnWidth(2) == 333
