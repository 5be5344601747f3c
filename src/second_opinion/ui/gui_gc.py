"""Cyclic garbage collection on the GUI thread only.

Python runs its cycle collector in whichever thread happens to allocate when a threshold is
crossed. With a database worker thread that allocates a great deal, that is often the worker:
it would then free Qt objects caught in cycles (an icon, a pixmap, a dialog's closure), and a
Qt GUI object freed off the GUI thread corrupts Qt's shared state and crashes the app later,
far from the cause. So the automatic collector stays off, and a timer on the GUI thread runs
the same generational collections when their thresholds are crossed. Reference counting,
which frees nearly everything, is untouched.

A collection's pause grows with the number of objects it looks at. The worker allocates in
bursts (a list of 10 000 rows is a few hundred thousand objects), so the young generations
are collected often, while they are small, and the old generation (everything that lives as
long as the open vault) at most once per ``FULL_INTERVAL_S``: Python's own collector also
holds that one back (until a quarter more objects have survived into it), since by then it
holds little garbage and takes longest.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

#: how often the thresholds are looked at (reading them costs next to nothing)
CHECK_INTERVAL_MS = 50
#: the middle generation is collected after this many young collections (Python: 10)
MIDDLE_AFTER = 3
#: the shortest time between two collections of the oldest generation
FULL_INTERVAL_S = 300.0


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._last_full = time.monotonic()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; objects freed."""
        young, middle, old = gc.get_count()
        if not self._thresholds[0]:
            return 0
        if old > self._thresholds[2] and time.monotonic() - self._last_full > FULL_INTERVAL_S:
            self._last_full = time.monotonic()
            return gc.collect(2)
        if middle >= MIDDLE_AFTER:
            return gc.collect(1)
        if young > self._thresholds[0]:
            return gc.collect(0)
        return 0
