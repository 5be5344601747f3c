"""Background work whose widget went away: its result is dropped, and released."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from second_opinion.ui.tasks import run_in_background


def test_the_result_for_a_deleted_owner_goes_to_discard_not_to_the_callbacks(qtbot) -> None:
    owner = QWidget()
    release = threading.Event()
    seen: list[str] = []
    discarded: list[object] = []

    def work() -> str:
        release.wait(5)
        return "opened"

    run_in_background(
        work,
        lambda r: seen.append(r),
        lambda e: seen.append("error"),
        owner=owner,
        discard=discarded.append,
    )
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: discarded == ["opened"], timeout=3000)
    assert seen == []


def test_a_live_owner_gets_its_result(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[object] = []
    run_in_background(lambda: 42, seen.append, seen.append, owner=owner)
    qtbot.waitUntil(lambda: seen == [42], timeout=3000)


def _alive(widget: QWidget) -> bool:
    from shiboken6 import Shiboken

    return bool(Shiboken.isValid(widget))
