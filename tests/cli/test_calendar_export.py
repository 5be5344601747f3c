"""export-calendar as a script would call it, read back with the icalendar library."""

from __future__ import annotations

import datetime as dt
import io
import stat
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from second_opinion.cli import run

PASS = "demo pass\n"


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS))
    return run(argv)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-calendar") / "demo"
    with pytest.MonkeyPatch.context() as patch:
        assert _run(patch, ["--data-dir", str(folder), "demo"]) == 0
    return folder


def _events(path: Path) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {
        str(event["UID"]): {
            "summary": str(event["SUMMARY"]),
            "start": event.decoded("DTSTART"),
            "alarms": len(event.walk("VALARM")),
        }
        for event in calendar.walk("VEVENT")
    }


def test_every_kind_of_date_is_exported_with_alarms_and_stable_uids(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    first, second = tmp_path / "one.ics", tmp_path / "two.ics"
    for out in (first, second):
        assert (
            _run(monkeypatch, ["--data-dir", str(demo_dir), "export-calendar", "--out", str(out)])
            == 0
        )
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    events = _events(first)
    summaries = [str(e["summary"]) for e in events.values()]
    assert any(s.startswith("Visit: ") for s in summaries)
    assert any(s.startswith("Records due from ") for s in summaries)
    assert any(s.startswith("Call ") for s in summaries)
    assert any(s.startswith("Slides due back at ") for s in summaries)
    assert all(int(str(e["alarms"])) >= 1 for e in events.values())
    today = dt.date.today()
    (call_today,) = [
        e for e in events.values() if str(e["summary"]).startswith("Call ") and e["start"] == today
    ]
    assert call_today
    (slides,) = [e for e in events.values() if str(e["summary"]).startswith("Slides due back")]
    assert slides["start"] == today + dt.timedelta(days=5)
    # Importing the second file updates the first one's events: the same UIDs, no new ones.
    assert set(_events(second)) == set(events)
    said = capsys.readouterr()
    assert "Wrote the calendar to" in said.out
    assert "Maria" not in said.out + said.err


def test_the_calendar_is_not_written_into_the_vault(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    out = demo_dir / "dates.ics"
    code = _run(monkeypatch, ["--data-dir", str(demo_dir), "export-calendar", "--out", str(out)])
    assert code != 0
    assert not out.exists()


def test_an_unknown_person_is_refused(demo_dir: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "x.ics"
    argv = ["--data-dir", str(demo_dir), "export-calendar", "--out", str(out), "--person", "999"]
    assert _run(monkeypatch, argv) == 2
    assert "no person with id 999" in capsys.readouterr().err
    assert not out.exists()
