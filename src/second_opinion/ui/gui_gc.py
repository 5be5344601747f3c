"""Cyclic garbage collection on the GUI thread only.

Python runs its cycle collector in whichever thread happens to allocate when a threshold is
crossed. With a database worker thread that allocates a great deal, that is often the worker:
it would then free Qt objects caught in cycles (an icon, a pixmap, a dialog's closure), and a
Qt GUI object freed off the GUI thread corrupts Qt's shared state and crashes the app later,
far from the cause. So the automatic collector stays off, and a timer on the GUI thread runs
the same generational collections when their thresholds are crossed. Reference counting,
which frees nearly everything, is untouched.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: how often the thresholds are looked at
CHECK_INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; objects freed."""
        counts = gc.get_count()
        due = [n for n in range(3) if self._thresholds[n] and counts[n] > self._thresholds[n]]
        return gc.collect(max(due)) if due else 0
