"""What the window leaves behind: nothing readable in settings, logs, clipboard or models."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from second_opinion.app import build_window
from second_opinion.services.demo import build_demo
from second_opinion.services.people import rename_person
from second_opinion.ui import clipboard, crash
from second_opinion.ui.tab_registry import TAB_KEYS
from second_opinion.ui.table_model import RowTableModel
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF

SENTINEL = "Zzsentinel7Qx"


@pytest.fixture
def demo_window(qtbot, settle, data_dir: Path):
    with Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF) as vault, vault.session() as s:
        person_id = build_demo(s, dt.date.today())
        rename_person(s, person_id, f"Maria {SENTINEL}")
    window = build_window(data_dir, PASSPHRASE)
    qtbot.addWidget(window)
    window.show()
    for key in TAB_KEYS:
        window.navigate(key)
        settle()  # each tab loads on the worker; its rows land only after the operation ends
    yield window
    if window.vault is not None:
        window.lock()


def test_lock_empties_every_model_at_once(demo_window) -> None:
    models = [m for m in demo_window.findChildren(RowTableModel) if m.rowCount() > 0]
    assert len(models) >= 5  # contacts, requests, questions, visits, opinions, ...
    demo_window.lock()
    for model in models:
        with contextlib.suppress(RuntimeError):  # already deleted by Qt: emptier still
            assert model.rowCount() == 0
    assert demo_window.findChildren(RowTableModel) == [] or all(
        m.rowCount() == 0 for m in demo_window.findChildren(RowTableModel)
    )


def test_settings_hold_no_names_or_health_data(demo_window, _private_home: Path) -> None:
    demo_window.resize(1100, 760)
    demo_window.close()
    config = Path(_private_home) / "config"
    files = [p for p in config.rglob("*") if p.is_file()]
    assert files, "the window should have saved its size and tab"
    for path in files:
        content = path.read_bytes()
        for word in (SENTINEL, "Maria", "Tanaka", "carcinoma"):
            assert word.encode() not in content, path


def test_copied_details_are_concealed_and_cleared_on_lock(qtbot, demo_window) -> None:
    clipboard.copy_concealed(f"Dr. {SENTINEL}")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.data("x-kde-passwordManagerHint").data() == b"secret"
    assert SENTINEL in QGuiApplication.clipboard().text()
    demo_window.lock()
    assert SENTINEL not in QGuiApplication.clipboard().text()


def test_clipboard_is_cleared_after_a_while_but_not_if_the_user_copied_since(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "CLEAR_AFTER_MS", 50)
    clipboard.copy_concealed(SENTINEL)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3000)
    clipboard.copy_concealed(SENTINEL)
    QGuiApplication.clipboard().setText("something the user copied")
    qtbot.wait(200)
    assert QGuiApplication.clipboard().text() == "something the user copied"


def test_unexpected_errors_are_logged_without_their_message(
    caplog: pytest.LogCaptureFixture, answers
) -> None:
    try:
        raise ValueError(f"diagnosis of {SENTINEL}")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR):
            crash._handle(type(exc), exc, exc.__traceback__)
    assert "ValueError" in caplog.text
    assert "test_privacy_ui.py" in caplog.text
    assert SENTINEL not in caplog.text
    kind, _title, text = answers.shown[-1]
    assert kind == "error" and SENTINEL not in text
