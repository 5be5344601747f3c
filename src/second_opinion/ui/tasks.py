"""Running slow work (key derivation, backups, PDFs) off the GUI thread.

``run_in_background(fn, on_done, on_error)`` runs ``fn`` on Qt's thread pool and calls one of
the callbacks back on the GUI thread. The window stays responsive; tests wait with
``qtbot.waitUntil`` on what the callbacks change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    sig_done = Signal(object)
    sig_failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self._relay.sig_failed.emit(exc)
        else:
            self._relay.sig_done.emit(result)


_running: set[_Relay] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    relay = _Relay()
    _running.add(relay)  # keep the relay alive until a callback has run

    @Slot(object)
    def done(result: Any) -> None:
        _running.discard(relay)
        on_done(result)

    @Slot(object)
    def failed(exc: BaseException) -> None:
        _running.discard(relay)
        on_error(exc)

    relay.sig_done.connect(done)
    relay.sig_failed.connect(failed)
    QThreadPool.globalInstance().start(_Task(fn, relay))
