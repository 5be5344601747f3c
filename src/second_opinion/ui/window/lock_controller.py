"""Locking: the idle auto-lock and the order in which an unlocked window lets go of a vault.

The order matters. The operations runner is shut down first: it waits for the operation that
is running, drops what was queued, and drops every result still on its way, so nothing can
land in a screen after this. Only then are the tabs emptied and deleted and the vault locked
(its key wiped).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from second_opinion.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class IdleWatcher(QObject):
    """Fires ``sig_idle`` after ``minutes`` without keyboard or mouse input (0 = never)."""

    sig_idle = Signal()
    _ACTIVITY = {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sig_idle.emit)
        self._interval_ms = 0

    def set_interval_ms(self, ms: int) -> None:
        self._interval_ms = max(0, ms)
        self.restart()

    def restart(self) -> None:
        if self._interval_ms > 0:
            self._timer.start(self._interval_ms)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._ACTIVITY and self._timer.isActive():
            self._timer.start(self._interval_ms)
        return False


class LockController(QObject):
    """The window's locked/unlocked state: auto-lock on idle, and ``lock()`` in order."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.idle = IdleWatcher(self)
        self.idle.sig_idle.connect(window.lock)
        self.watching_activity = False

    def unlocked(self, auto_lock_minutes: int) -> None:
        self.idle.set_interval_ms(auto_lock_minutes * 60_000)

    def watch_activity(self, on: bool) -> None:
        """Let the auto-lock see every key and click, only while a vault is open.

        Installed after the unlocked window's first paint, not at start: the first event a
        Python filter on the whole application sees for one of Qt's private objects makes
        PySide create every Qt class it has not created yet (about 25 ms), and that should not
        stand between launch and the first window.
        """
        app = QApplication.instance()
        if app is None or on == self.watching_activity:
            return
        if on:
            app.installEventFilter(self.idle)
        else:
            app.removeEventFilter(self.idle)
        self.watching_activity = on

    def lock(self) -> None:
        """Stop the work in flight, drop every tab and model holding health data, wipe the key."""
        window = self._window
        vault = window.vault
        if vault is None:
            return
        from second_opinion.ui.clipboard import clear_if_ours

        self.idle.stop()
        self.watch_activity(False)
        ctx = window.ctx
        if ctx is not None:
            # Before anything is dropped: no result may arrive in a screen after this.
            ctx.shutdown()
        window.drop_tabs()
        if ctx is not None:
            ctx.deleteLater()
            window.ctx = None
        vault.lock()
        window.vault = None
        clear_if_ours()
        log.info("window locked")
