"""Running slow work (key derivation, backups, PDFs) off the GUI thread.

``run_in_background(fn, on_done, on_error)`` runs ``fn`` on Qt's thread pool and calls one of
the callbacks back on the GUI thread. The window stays responsive; tests wait with
``qtbot.waitUntil`` on what the callbacks change.

With ``owner``, the callbacks are for that widget: if it was deleted meanwhile (its page
closed, the vault locked), neither runs, and ``discard`` gets a result nobody will use, so
that what the work opened (a vault) can be closed again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import Shiboken


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
    *,
    owner: QObject | None = None,
    discard: Callable[[Any], None] | None = None,
) -> None:
    relay = _Relay()
    _running.add(relay)  # keep the relay alive until a callback has run

    def owner_gone() -> bool:
        return owner is not None and not Shiboken.isValid(owner)

    @Slot(object)
    def done(result: Any) -> None:
        _running.discard(relay)
        if owner_gone():
            if discard is not None:
                discard(result)
            return
        on_done(result)

    @Slot(object)
    def failed(exc: BaseException) -> None:
        _running.discard(relay)
        if not owner_gone():
            on_error(exc)

    relay.sig_done.connect(done)
    relay.sig_failed.connect(failed)
    QThreadPool.globalInstance().start(_Task(fn, relay))
