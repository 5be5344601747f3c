"""The worker steps aside at its pause points while the window is busy, and only then."""

from __future__ import annotations

import threading
import time

import pytest

from second_opinion.services import pacing as read_pacing
from second_opinion.ui import pacing


@pytest.fixture
def pulse(qtbot, monkeypatch):
    # Long enough that only the window's beat, never the time limit, ends a pause here.
    monkeypatch.setattr(pacing, "LONGEST_PAUSE_S", 10.0)
    beat = pacing.pulse()
    beat.start()
    yield beat
    beat.stop()


def _pause_on_a_worker(log: list[str]) -> threading.Thread:
    worker = threading.Thread(target=lambda: (read_pacing.pause_point(), log.append("resumed")))
    worker.start()
    return worker


def test_the_worker_waits_while_the_window_is_busy_and_goes_on_when_it_is_free(
    qtbot, pulse
) -> None:
    log: list[str] = []
    pulse._last_beat = 0.0  # the window has not been free for a long while: it is busy
    worker = _pause_on_a_worker(log)
    time.sleep(0.05)  # the window keeps busy, handling no events
    assert log == []
    qtbot.wait(20)  # the window handles its events: its timer beats
    qtbot.waitUntil(lambda: log == ["resumed"], timeout=5000)
    worker.join(5)


def test_work_the_window_claims_holds_the_worker_from_its_next_pause_until_the_next_beat(
    qtbot, pulse
) -> None:
    log: list[str] = []
    qtbot.wait(10)  # the window has just beaten: free, by the clock alone
    pulse.claim()  # ... but about to show a large list
    worker = _pause_on_a_worker(log)
    time.sleep(0.05)  # showing it, handling no events
    assert log == []
    qtbot.waitUntil(lambda: log == ["resumed"], timeout=5000)  # the next beat frees it
    worker.join(5)
    log.clear()
    worker = _pause_on_a_worker(log)  # and the claim is over
    worker.join(5)
    assert log == ["resumed"]


@pytest.mark.parametrize("why", ["the window waits for the worker", "no work is running"])
def test_the_worker_never_waits_for_a_window_that_cannot_beat(qtbot, pulse, why) -> None:
    log: list[str] = []
    pulse._last_beat = 0.0
    if why == "no work is running":
        pulse.stop()
    else:
        pulse.holding = True
    try:
        worker = _pause_on_a_worker(log)
        worker.join(5)  # without handling a single event
    finally:
        pulse.holding = False
    assert log == ["resumed"]


def test_a_pause_point_on_the_window_thread_itself_never_waits(pulse) -> None:
    pulse._last_beat = 0.0
    read_pacing.pause_point()  # returns at once: nothing to wait for on this thread


def test_locking_does_not_wait_for_pauses_of_the_read_it_waits_for(
    qtbot, vault, monkeypatch
) -> None:
    from second_opinion.services.people import add_person
    from second_opinion.ui import ops
    from second_opinion.ui.context import AppContext

    monkeypatch.setattr(pacing, "LONGEST_PAUSE_S", 60.0)
    monkeypatch.setattr(ops, "SHUTDOWN_WAIT_MS", 3000)
    with vault.session() as s:
        ctx = AppContext(vault, add_person(s, "Maria"))
    started, go, finished = threading.Event(), threading.Event(), threading.Event()

    def long_read(_case: object) -> None:
        started.set()
        go.wait(5)
        for _ in range(3):
            read_pacing.pause_point()
        finished.set()

    ctx.ops.query(long_read, owner=None).run()
    assert started.wait(5)
    pacing.pulse()._last_beat = 0.0  # the window is busy: locking, here
    go.set()
    ctx.ops.shutdown()
    # The read went on to its end while the lock waited for it, instead of pausing for a
    # window that was waiting for it (which would have run out the lock's wait).
    assert finished.is_set()
