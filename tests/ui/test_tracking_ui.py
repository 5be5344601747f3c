"""Tracking on the Records tab as a person uses it: calls, the plan, parcels, slides, a disc."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from second_opinion.domain.enums import Carrier, RecordKind
from second_opinion.services import records
from second_opinion.services.records import ItemData
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import to_qdate
from second_opinion.ui.records.tracking_forms import (
    CallForm,
    MaterialDetailsForm,
    PlanForm,
    ShipmentForm,
)
from second_opinion.ui.tabs.records_tab import ITEMS, RecordsTab
from tests.ui.test_records_tab import RecordingNavigator, add_request, pick, texts
from tests.unit.test_disc_check import a_disc

TODAY = dt.date.today()


@pytest.fixture
def case(vault) -> dict[str, int]:
    from second_opinion.domain.enums import ContactRole
    from tests.factories import make_contact, make_person

    with vault.session() as s:
        person = make_person(s, "Maria Gonzalez")
        lab = make_contact(s, "Riverside Pathology", ContactRole.RECORDS_DEPARTMENT)
        return {
            "person": person.id,
            "lab": lab.id,
            "rao": make_contact(s, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN).id,
            "slides": records.add_item(
                s, person.id, ItemData(RecordKind.PATHOLOGY_MATERIAL, "Slides A1", holder_id=lab.id)
            ),
            "disc": records.add_item(
                s, person.id, ItemData(RecordKind.IMAGING_FILES, "CT disc", holder_id=lab.id)
            ),
        }


@pytest.fixture
def tab(qtbot, vault, case, settle) -> RecordsTab:
    ctx = AppContext(vault, case["person"])
    widget = RecordsTab(ctx, RecordingNavigator())
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.reload()
    settle()
    return widget


def test_the_next_call_shows_and_a_logged_call_moves_it(tab, vault, case, settle) -> None:
    request = add_request(vault, case, days_ago=10)
    tab.reload(select_request=request)
    settle()
    panel = tab.requests.tracking
    assert panel.next_call.text() == "Today"
    qtbot_click(panel.log_call_button)
    settle()
    form = tab.current_form
    assert isinstance(form, CallForm)
    form.spoke_with.setText("Records desk")
    form.said.setPlainText("Mailed on Friday")
    form.accept()
    settle()
    assert tab.requests.selected().id == request
    settle()
    assert texts(panel.call_model, 1) == ["Records desk"]
    assert panel.next_call.text() not in ("Today", "")


def test_a_plan_with_no_days_is_refused_on_its_field(tab, vault, case, settle) -> None:
    request = add_request(vault, case, days_ago=3)
    tab.reload(select_request=request)
    settle()
    qtbot_click(tab.requests.tracking.plan_button)
    settle()
    form = tab.current_form
    assert isinstance(form, PlanForm)
    form.days.setText(" ")
    form.accept()
    settle()
    assert form.isVisible()
    assert "at least one day" in form.errors.message("follow_up_days")
    form.days.setText("7, 14")
    form.accept()
    settle()
    assert tab.current_form is None  # saved and closed


def test_a_parcel_is_normalized_copied_and_opened_only_on_click(
    tab, vault, case, settle, monkeypatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    request = add_request(vault, case, days_ago=3)
    tab.reload(select_request=request)
    settle()
    panel = tab.requests.tracking
    panel.add_shipment()
    settle()
    form = tab.current_form
    assert isinstance(form, ShipmentForm)
    pick(form.carrier, Carrier.UPS)
    form.tracking_number.setText("1z 999 aa1 0123 4567 84")
    form.accept()
    settle()
    assert texts(panel.shipment_model, 2) == ["1Z999AA10123456784"]
    assert opened == []  # nothing goes online by itself
    panel.shipments_view.selectRow(0)
    qtbot_click(panel.copy_button)
    assert QGuiApplication.clipboard().text() == "1Z999AA10123456784"
    qtbot_click(panel.open_page_button)
    assert [u.toString() for u in opened] == [
        "https://www.ups.com/track?tracknum=1Z999AA10123456784"
    ]


def test_a_return_by_date_before_the_ship_date_is_refused_on_its_field(
    tab, vault, case, settle
) -> None:
    from second_opinion.services import record_requests as rr
    from second_opinion.services.tracking import ShipmentData, save_shipment

    with vault.session() as s:
        data = rr.RequestData([case["slides"]], case["lab"], case["rao"], requested_on=TODAY)
        request = rr.add_request(s, case["person"], data)
        save_shipment(s, request, ShipmentData(shipped_on=TODAY))
    tab.reload()
    settle()
    tab.handle_navigation("material", item_id=case["slides"])
    settle()
    assert tab.views.currentIndex() == ITEMS
    form = tab.current_form
    assert isinstance(form, MaterialDetailsForm)
    form.accession.setText("S26-1")
    form.return_by.check.setChecked(True)
    form.return_by.edit.setDate(to_qdate(TODAY - dt.timedelta(days=2)))
    form.accept()
    settle()
    assert form.isVisible()
    assert "before the slides were shipped" in form.errors.message("return_by")
    form.return_by.edit.setDate(to_qdate(TODAY + dt.timedelta(days=20)))
    form.accept()
    settle()
    assert tab.current_form is None  # saved and closed


def test_checking_a_disc_from_the_items_view(tab, case, settle, answers, tmp_path: Path) -> None:
    tab.views.setCurrentIndex(ITEMS)
    items = tab.items
    row = texts(items.proxy, 0).index("CT disc")
    items.view.selectRow(row)
    assert items.disc_button.isEnabled() and not items.material_button.isEnabled()
    answers.open_paths.append(a_disc(tmp_path / "disc"))
    qtbot_click(items.disc_button)
    settle()
    kind, title, text = answers.shown[-1]
    assert (kind, title) == ("info", "What is on the disc")
    assert "Name on the disc: Maria Gonzalez" in text
    assert "5 images in 8 files." in text
    items.view.selectRow(texts(items.proxy, 0).index("CT disc"))
    qtbot_click(items.disc_contents_button)
    settle()
    assert "Checked on" in answers.shown[-1][2]


def test_a_pulled_disc_says_so_and_keeps_nothing(tab, case, settle, answers, tmp_path) -> None:
    tab.views.setCurrentIndex(ITEMS)
    tab.items.view.selectRow(texts(tab.items.proxy, 0).index("CT disc"))
    answers.open_paths.append(tmp_path / "gone")
    qtbot_click(tab.items.disc_button)
    settle()
    kind, _title, text = answers.shown[-1]
    assert kind == "error" and "cannot be found" in text


def qtbot_click(button) -> None:
    from PySide6.QtTest import QTest

    assert button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_next_call_has_its_own_column(tab, vault, case, settle) -> None:
    request = add_request(vault, case, days_ago=4)
    tab.reload(select_request=request)
    settle()
    headers = [
        tab.requests.proxy.headerData(c, Qt.Orientation.Horizontal)
        for c in range(tab.requests.proxy.columnCount())
    ]
    column = headers.index("Next call")
    from second_opinion.ui.dates import format_date

    assert texts(tab.requests.proxy, column) == [format_date(TODAY + dt.timedelta(days=6))]


def test_the_today_tabs_log_call_target_opens_the_call_form(tab, vault, case, settle) -> None:
    request = add_request(vault, case, days_ago=12)
    tab.handle_navigation("log_call", request_id=request)  # before the board knows it
    settle()
    form = tab.current_form
    assert isinstance(form, CallForm)
    form.spoke_with.setText("Front desk")
    form.accept()
    settle()
    assert tab.current_form is None
    assert tab.requests.selected().id == request


def test_cancel_stops_a_slow_disc_and_keeps_nothing(
    tab, case, settle, answers, tmp_path, monkeypatch
) -> None:
    import time

    from second_opinion.case import tracking as case_tracking
    from second_opinion.ui.records.tracking_actions import DiscCheck

    def slow_scan(folder, name, step):
        for done in range(2000):  # a big, slow disc
            step(done, 2000, "IM")
            time.sleep(0.005)
        raise AssertionError("the scan was not stopped")

    monkeypatch.setattr(case_tracking, "scan_folder", slow_scan)
    (tmp_path / "disc").mkdir()
    check = DiscCheck(tab, case["disc"])
    check.start(tmp_path / "disc")
    assert check.pending is not None
    original = check._progress

    def cancel_at_once(done: int, total: int, name: str) -> None:
        original(done, total, name)
        check.dialog.canceled.emit()  # the person presses Cancel

    check.pending._job.on_progress = cancel_at_once
    settle()
    assert check.dialog is None  # closed
    assert not [shown for shown in answers.shown if shown[0] in ("info", "error")]
    assert case_tracking.inventory(tab.ctx.case, case["disc"]) is None
