"""Every tab of a new vault: its one sentence of guidance and its buttons show whole, at the
smallest window the app supports and at the usual one."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from second_opinion.services.people import add_person
from second_opinion.ui.context import AppContext
from second_opinion.ui.empty_state import EmptyState
from second_opinion.ui.tab_registry import TABS
from second_opinion.ui.tabs.base import Navigator


class _Nowhere(Navigator):
    def navigate(self, target: str, **kwargs: Any) -> None:
        pass


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)], ids=["1024x700", "1280x800"])
@pytest.mark.parametrize("spec", TABS, ids=[spec.key for spec in TABS])
def test_empty_pages_show_their_whole_text(qtbot, vault, settle, spec, size) -> None:
    with vault.session() as s:
        person_id = add_person(s, "Maria")
    tab = spec.load()(AppContext(vault, person_id), _Nowhere())
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.reload()
    tab.show()
    settle()
    qtbot.waitExposed(tab)
    empties = [e for e in tab.findChildren(EmptyState) if e.isVisible()]
    for empty in empties:
        text = empty.text
        assert text.height() >= text.heightForWidth(text.width()), text.text()
        for button in empty.findChildren(QPushButton):
            assert not button.isFlat(), button.text()  # an action looks like one
            assert button.width() >= button.sizeHint().width(), button.text()
            assert button.height() >= button.sizeHint().height(), button.text()
    for label in tab.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
