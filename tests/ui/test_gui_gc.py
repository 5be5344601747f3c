"""Cycles are collected on the GUI thread, never by a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading

from second_opinion.ui.gui_gc import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_collector_frees_cycles_on_the_gui_thread(qtbot) -> None:
    freed_in: list[str] = []

    class Tracked(_Cycle):
        def __del__(self) -> None:
            freed_in.append(threading.current_thread().name)

    gc.enable()  # as Python starts
    collector = GuiThreadCollector()
    try:
        assert not gc.isenabled()  # the automatic collector is off
        for _ in range(gc.get_threshold()[0] + 10):
            Tracked()
        worker = threading.Thread(target=lambda: [object() for _ in range(100_000)], name="w")
        worker.start()
        worker.join()
        assert freed_in == []  # allocation on the worker freed nothing
        qtbot.waitUntil(lambda: bool(freed_in), timeout=3000)
        assert set(freed_in) == {threading.main_thread().name}
    finally:
        collector.deleteLater()
        gc.disable()  # the test session's own policy (tests/conftest.py)
