"""Tab goes through every form from top to bottom, and left to right within a row."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from second_opinion.app import build_window
from second_opinion.services.people import add_person
from second_opinion.ui.form_base import FormDialog
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF

#: how far apart (in pixels) two controls' tops may be and still count as one row
SAME_ROW = 6


def tab_stops(form: FormDialog) -> list[QWidget]:
    """The form's controls in the order Tab visits them (its fields, when it has the
    standard field area; a form that lays out its own pages, all of them)."""
    stops: list[QWidget] = []
    root: QWidget = form.form_widget if form.form.rowCount() else form
    widget: QWidget = root
    for _ in range(500):
        widget = widget.nextInFocusChain()
        if widget is root:
            break
        if (
            root.isAncestorOf(widget)
            and widget.isVisibleTo(form)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
            and widget not in stops
        ):
            stops.append(widget)
    return stops


def out_of_order(form: FormDialog) -> list[str]:
    stops = tab_stops(form)
    wrong = []
    for before, after in itertools.pairwise(stops):
        a = before.mapTo(form, QPoint(0, 0))
        b = after.mapTo(form, QPoint(0, 0))
        same_row = abs(a.y() - b.y()) <= SAME_ROW
        if (same_row and b.x() < a.x()) or (not same_row and b.y() < a.y()):
            wrong.append(f"{before.accessibleName()!r} then {after.accessibleName()!r}")
    return wrong


@pytest.fixture
def window(qtbot, data_dir: Path):
    with Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF) as vault, vault.session() as s:
        add_person(s, "Me")
    win = build_window(data_dir, PASSPHRASE)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.lock()


@pytest.mark.parametrize("tab", ["contacts", "records", "questions", "visits", "opinions"])
def test_new_forms_tab_from_top_to_bottom(qtbot, window, settle, tab: str) -> None:
    window.navigate(tab)
    settle()
    window.new_item()
    settle()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), FormDialog))
    form = QApplication.activeModalWidget()
    assert isinstance(form, FormDialog)
    qtbot.waitExposed(form)
    assert len(tab_stops(form)) >= 2
    assert out_of_order(form) == [], type(form).__name__
    form.reject()
