"""The Today tab as a person meets it: the list, its one action a line, and a kind empty page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from second_opinion.domain.enums import ContactRole, RecordKind
from second_opinion.services import record_requests as rr
from second_opinion.services import records, visits
from second_opinion.services.records import ItemData
from second_opinion.ui.context import AppContext
from second_opinion.ui.tabs.today_tab import TodayTab
from tests.factories import make_contact, make_person
from tests.ui.test_records_tab import RecordingNavigator, texts

NOW = dt.datetime.now(dt.UTC)
TODAY = NOW.astimezone().date()


@pytest.fixture
def ids(vault) -> dict[str, int]:
    with vault.session() as s:
        person = make_person(s, "Maria")
        return {
            "person": person.id,
            "lab": make_contact(s, "City Lab", ContactRole.RECORDS_DEPARTMENT).id,
            "rao": make_contact(s, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN).id,
        }


@pytest.fixture
def navigator() -> RecordingNavigator:
    return RecordingNavigator()


@pytest.fixture
def make_tab(qtbot, vault, ids, navigator, settle):
    def make() -> TodayTab:
        tab = TodayTab(AppContext(vault, ids["person"]), navigator)
        qtbot.addWidget(tab)
        tab.now = lambda: NOW
        tab.resize(1000, 600)
        tab.reload()  # not in a shown window: loads at once
        settle()
        return tab

    return make


def test_nothing_to_do_says_so_kindly(make_tab) -> None:
    tab = make_tab()
    assert tab.pages.currentWidget() is tab.nothing
    assert "Nothing needs you today" in tab.nothing.text.text()
    assert tab.title() == "Today"
    assert tab.heading.text() == "All clear for now."


def test_a_new_case_is_pointed_to_the_guide(make_tab, navigator) -> None:
    from PySide6.QtWidgets import QPushButton

    tab = make_tab()
    buttons = [b for b in tab.nothing.findChildren(QPushButton) if b.text() == "Open the guide"]
    assert len(buttons) == 1
    buttons[0].click()
    assert navigator.calls[-1][0] == "guide"


def test_each_line_says_what_to_do_and_enter_does_it(
    make_tab, vault, ids, navigator, qtbot, qtmodeltester
) -> None:
    with vault.session() as s:
        item = records.add_item(
            s, ids["person"], ItemData(RecordKind.LAB_RESULTS, "CBC", holder_id=ids["lab"])
        )
        late = rr.add_request(
            s,
            ids["person"],
            rr.RequestData([item], ids["lab"], ids["rao"], requested_on=TODAY - dt.timedelta(10)),
        )
        soon = NOW + dt.timedelta(days=3)
        visits.add_visit(s, ids["person"], visits.VisitInput(ids["rao"], soon, "UTC"), now=NOW)
    tab = make_tab()
    qtmodeltester.check(tab.model)
    assert tab.title() == "Today (1)"
    assert texts(tab.proxy, 1)[0] == "Call City Lab about the records request"
    assert texts(tab.proxy, 0)[0] == "Today"
    assert texts(tab.proxy, 1)[1].startswith("Visit with Dr. Rao (")
    assert tab.do_button.text() == "Log the call…"
    assert tab.table.accessibleName() == "What to do today and this week"

    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert navigator.calls[-1] == ("records.log_call", {"request_id": late})
    tab.table.selectRow(1)
    assert tab.do_button.text() in ("See what is missing", "Prepare the packet…")
    qtbot.mouseClick(tab.do_button, Qt.MouseButton.LeftButton)
    assert navigator.calls[-1][0] in ("visits.open", "today.packet")


def test_a_change_elsewhere_reloads_the_list(make_tab, vault, ids, settle) -> None:
    tab = make_tab()
    assert tab.board is not None and tab.board.is_empty
    from second_opinion.case import records as case_records

    item = case_records.save_item(
        tab.ctx.case, ItemData(RecordKind.LAB_RESULTS, "CBC", holder_id=ids["lab"])
    ).value
    data = rr.RequestData([item], ids["lab"], ids["rao"], requested_on=TODAY - dt.timedelta(12))
    tab.ctx.ops.change(lambda case: case_records.save_request(case, data), owner=None).run()
    settle()
    settle()
    assert tab.pages.currentWidget() is not tab.nothing
    assert texts(tab.proxy, 1) == ["Call City Lab about the records request"]


def test_as_the_first_screen_it_paints_before_sqlalchemy_loads(vault, ids, data_dir) -> None:
    """The start-up rule: the first screen after unlocking is painted before the ORM loads;
    the Today list follows from the runner's worker."""
    import json
    import subprocess
    import sys
    import textwrap

    with vault.session() as s:
        item = records.add_item(
            s, ids["person"], ItemData(RecordKind.LAB_RESULTS, "CBC", holder_id=ids["lab"])
        )
        data = rr.RequestData([item], ids["lab"], ids["rao"], requested_on=TODAY - dt.timedelta(10))
        rr.add_request(s, ids["person"], data)
    key = vault.key.raw().hex()
    vault.lock()
    script = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from second_opinion.ui.main_window import MainWindow
        from second_opinion.ui.settings import AppSettings
        from second_opinion.vault.key import VaultKey
        from second_opinion.vault.vault import Vault
        settings = AppSettings()
        settings.last_tab = "today"
        window = MainWindow(Path({str(data_dir)!r}), settings)
        window.show()
        vault = Vault.unlock_with_key(Path({str(data_dir)!r}), VaultKey(bytearray.fromhex({key!r})))
        window.attach_vault(vault)
        window.tab_widget.grab()  # the first paint of the unlocked window
        at_paint = "sqlalchemy" in sys.modules
        today = window.tab("today")
        result = {{"current": window.current_tab_key(), "orm_at_paint": at_paint}}

        def check():
            if today.board is None:
                QTimer.singleShot(20, check)
                return
            result["lines"] = [str(line.kind) for line in today.board.lines]
            result["title"] = today.title()
            print(json.dumps(result))
            window.lock()
            app.quit()

        QTimer.singleShot(0, check)
        QTimer.singleShot(30000, app.quit)
        app.exec()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=90, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {
        "current": "today",
        "orm_at_paint": False,
        "lines": ["call"],
        "title": "Today (1)",
    }


def test_the_calendar_menu_action_writes_the_file(
    qtbot, vault, ids, answers, settle, tmp_path
) -> None:
    from icalendar import Calendar

    from second_opinion.ui.calendar_actions import export_calendar

    with vault.session() as s:
        visits.add_visit(
            s, ids["person"], visits.VisitInput(ids["rao"], NOW + dt.timedelta(days=3), "UTC")
        )
    ctx = AppContext(vault, ids["person"])
    out = tmp_path / "dates.ics"
    answers.save_paths.append(out)
    export_calendar(None, ctx)
    settle()
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Visit: Dr. Rao"]
    assert answers.shown[-1][0] == "info"


@pytest.mark.parametrize(
    ("kind", "count", "expected"),
    [
        ("overdue", 1, "Records from City Lab are 1 day overdue"),
        ("overdue", 12, "Records from City Lab are 12 days overdue"),
        ("call", 1, "Call City Lab about the records request (1 day overdue)"),
        ("questions", 1, "1 question unanswered after the visit with City Lab"),
        ("questions", 3, "3 questions unanswered after the visit with City Lab"),
    ],
)
def test_a_line_counts_one_thing_in_the_singular(qapp, kind, count, expected) -> None:
    from second_opinion.case.today import Kind, TodayLine, When
    from second_opinion.ui.tabs.today_tab import what_text

    line = TodayLine(
        kind=Kind(kind),
        when=When.TODAY,
        on=TODAY,
        who="City Lab",
        row_id=1,
        target="records",
        target_args=(),
        days_late=count if kind != "questions" else 0,
        total=count if kind == "questions" else 0,
    )
    assert what_text(line) == expected
