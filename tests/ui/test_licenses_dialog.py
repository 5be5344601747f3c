"""Help -> About -> Licenses: the notices are shown, searchable, and named for screen readers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from second_opinion import licenses
from second_opinion.ui.licenses_dialog import LicensesDialog, show_licenses


def test_from_source_it_lists_the_installed_packages_and_says_the_build_makes_the_rest(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(licenses, "RESOURCE", tmp_path / "absent")
    dialog = show_licenses(None)
    qtbot.addWidget(dialog)
    text = dialog.view.toPlainText()
    assert "packaging/build.py" in text
    for name in ("PySide6_Essentials", "SQLAlchemy", "sqlcipher3", "reportlab"):
        assert name.lower() in text.lower()
    assert "License: MIT" in text  # SQLAlchemy's own metadata says so
    assert dialog.view.isReadOnly()


def test_a_built_file_is_shown_as_it_is(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    built = tmp_path / licenses.FILE_NAME
    built.write_text("Qt 6 — GNU Lesser General Public License v3\n", encoding="utf-8")
    monkeypatch.setattr(licenses, "RESOURCE", built)
    dialog = LicensesDialog()
    qtbot.addWidget(dialog)
    assert dialog.view.toPlainText() == built.read_text(encoding="utf-8")


def test_search_selects_each_match_in_turn_and_says_when_there_is_none(qtbot: QtBot) -> None:
    dialog = LicensesDialog(text="alpha\nbeta LGPL\ngamma LGPL\n")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "LGPL")
    first = dialog.view.textCursor().selectionStart()
    assert dialog.view.textCursor().selectedText() == "LGPL"
    dialog.find_next()
    second = dialog.view.textCursor().selectionStart()
    assert second > first
    dialog.find_next()  # wraps round to the first
    assert dialog.view.textCursor().selectionStart() == first
    dialog.search.setText("")
    qtbot.keyClicks(dialog.search, "MPL-2.0")
    assert not dialog.find_next()
    assert "MPL-2.0" in dialog.status.text()


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = LicensesDialog(text="x")
    qtbot.addWidget(dialog)
    controls = [
        *dialog.findChildren(QLineEdit),
        *dialog.findChildren(QPlainTextEdit),
        *dialog.findChildren(QPushButton),
    ]
    assert len(controls) >= 4
    assert all(control.accessibleName() for control in controls)


def test_the_about_box_opens_the_licenses(qtbot) -> None:
    from PySide6.QtWidgets import QDialog, QPushButton

    from second_opinion.ui import help_dialogs

    about = help_dialogs.show_about(None)
    qtbot.addWidget(about)
    button = next(b for b in about.findChildren(QPushButton) if b.text() == "Licenses…")
    button.click()
    shown = [d for d in about.findChildren(QDialog) if d.isVisible() and d is not about]
    assert shown, "the Licenses view did not open"
    for dialog in shown:
        dialog.close()
