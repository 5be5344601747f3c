"""Progress and cancellation for slow operations, without Qt.

A slow operation (attaching many documents, checking a disc) takes a ``Progress`` and calls
``step`` as it goes; ``step`` raises ``Cancelled`` once the person pressed Cancel (or the
vault is being locked), so the operation's unit of work rolls back and nothing half-done is
kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The person (or a lock) cancelled the operation; nothing of it was kept."""


class Progress:
    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._report = report
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, text: str = "") -> None:
        """Say how far the work is (``done`` of ``total``); raise ``Cancelled`` if asked to stop.

        ``text`` is shown to the person: never health data that must not be logged, though it
        may name the file being worked on.
        """
        if self._cancel.is_set():
            raise Cancelled()
        if self._report is not None:
            self._report(done, total, text)
