"""The window's side of the long reads' pause points (``services.pacing``).

While the database worker has work, a timer on the window's thread notes every few
milliseconds that the window is free. When it has not done so for a while, the window is in
the middle of something (building a tab, filling a list, painting): at its next pause point
the worker then sleeps until the window is free again, up to ``LONGEST_PAUSE_S``, instead of
taking turns with it, which made that work take about twice as long. The worker never waits
when the window's thread is waiting for it (``holding``), nor while the timer is off.

Work the window's thread knows it is about to do (a result to show, a step of a screen, a tab
to switch to or build) it announces with ``claim``: the worker then waits from its very next
pause point until the window's next beat, instead of first sharing the interpreter for
``BUSY_AFTER_S``. Sharing is what costs: each call Qt makes into Python (one per row when a
list of 10 000 is replaced) waits for the worker to let go, and a 5 ms reset took 60 ms.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QTimer

from second_opinion.services import pacing

#: how often the window's thread says it is free while the worker has work
PULSE_MS = 3
#: the window counts as busy once it has not said so for this long
BUSY_AFTER_S = 0.008
#: the longest one pause point waits for the window
LONGEST_PAUSE_S = 0.03


class WindowPulse(QObject):
    def __init__(self) -> None:
        super().__init__()
        self._window_thread = threading.get_ident()
        self._last_beat = time.perf_counter()
        self._running = False
        #: set while the window's thread waits for the worker (a lock): no pause then
        self.holding = False
        #: set by ``claim`` until the next beat
        self._claimed = False
        self._timer = QTimer(self)
        self._timer.setInterval(PULSE_MS)
        self._timer.timeout.connect(self._beat)
        pacing.set_hook(self.pause)

    def start(self) -> None:
        self._last_beat = time.perf_counter()
        self._claimed = False
        self._running = True
        self._timer.start()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    def _beat(self) -> None:
        self._last_beat = time.perf_counter()
        self._claimed = False

    def claim(self) -> None:
        """The window's thread is about to be busy (on that thread only): the worker waits at
        its pause points until the window's next beat, which comes once this work, and
        whatever it leaves to paint, is done."""
        if self._running:
            self._claimed = True

    def pause(self) -> None:
        """At a pause point of a read: wait while the window is busy (on the worker only)."""
        if not self._running or self.holding or threading.get_ident() == self._window_thread:
            return
        give_up = time.perf_counter() + LONGEST_PAUSE_S
        while self._running and not self.holding:
            now = time.perf_counter()
            free = not self._claimed and now - self._last_beat < BUSY_AFTER_S
            if free or now > give_up:
                return
            time.sleep(0.001)


_pulse: WindowPulse | None = None


def pulse() -> WindowPulse:
    """The one pulse (made on the window's thread, with the first operations runner)."""
    global _pulse
    if _pulse is None:
        _pulse = WindowPulse()
    return _pulse
