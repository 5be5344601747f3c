"""The operations runner: every read and change of the case runs here, off the GUI thread.

Screens never open a session. They describe what to do as a function of the ``Case`` and
hand it to the runner::

    ctx.ops.change(lambda case: contacts.save_contact(case, data), owner=self)
        .success(self._show_saved)
        .failure(self.form.show_service_error)
        .run()

Changes and queries run one at a time, in the order given, on a single database worker, so
writes never race and the window keeps painting. Results come back on the GUI thread:

- a change's ``Outcome`` value goes to ``success``; then ``sig_changed(Changes, initiator)``
  tells every screen what changed (the initiator is the ``owner``, so the screen that made
  the change can skip reloading what it already shows);
- a refusal by a rule (``ServiceError``: a field that needs fixing, a row that is gone) goes
  to ``failure``, or, without one, to a plain message;
- a vault that cannot save (disk full, read-only) or read (damaged, locked) gets one clear
  message; the screen keeps what was typed, since ``success`` never ran;
- anything else is a bug and goes to the crash handler.

A result whose owner was deleted meanwhile is dropped, and so is every result that arrives
after ``shutdown`` (the vault is being locked). While the worker has work, the long reads
step aside at their pause points whenever the window is busy (``ui.pacing``).
"""

from __future__ import annotations

import logging
import sys
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal
from shiboken6 import Shiboken

from second_opinion.case.changes import Changes, Outcome
from second_opinion.case.progress import Cancelled, Progress
from second_opinion.services.errors import ServiceError
from second_opinion.ui import pacing, prompts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from second_opinion.case.case import Case

log = logging.getLogger(__name__)

T = TypeVar("T")

#: a busy indicator shows only for work that takes longer than a blink
BUSY_DELAY_MS = 300
#: how long locking waits for the operation that is running to end
SHUTDOWN_WAIT_MS = 10_000

_runners: weakref.WeakSet[OpsRunner] = weakref.WeakSet()


def service_text(message: str, **values: object) -> str:
    """A service's message, translated, with its placeholders filled (the one way to do it)."""
    text = QCoreApplication.translate("service", message)
    return text.format(**values) if values else text


def phrase_text(text: str) -> str:
    """A sentence a service built (a ``services.phrases.Phrase``), in the reader's language."""
    from second_opinion.services.phrases import render

    return render(text, QCoreApplication.translate)


def service_error_text(exc: ServiceError) -> str:
    """What a service's refusal says, translated, its values filled in."""
    return service_text(exc.message, **exc.values)


def vault_problem_text(exc: BaseException) -> str | None:
    """The one message for a vault that cannot save or read; None if ``exc`` is not that."""
    from second_opinion.vault.errors import CouldNotSave, VaultError, VaultLocked

    if isinstance(exc, CouldNotSave):
        return QCoreApplication.translate(
            "ops",
            "This could not be saved: the disk may be full or not writable. Nothing of this "
            "change was stored, and what you typed is still here. Free some space, then try "
            "again.",
        )
    if isinstance(exc, VaultLocked):
        return ""  # locked meanwhile: nothing to say, the unlock page is showing
    if isinstance(exc, VaultError):
        return QCoreApplication.translate("vault", str(exc))
    from second_opinion.vault.connection import is_database_error

    if is_database_error(exc):
        return QCoreApplication.translate(
            "ops",
            "The vault could not be read. Lock the app and unlock it again; if this keeps "
            "happening, run a check (second-opinion check) or restore a backup.",
        )
    return None


class _Relay(QObject):
    sig_done = Signal(object, object, object)  # job, result, exception
    sig_progress = Signal(object, int, int, str)  # job, done, total, text


class _Job:
    def __init__(
        self,
        runner: OpsRunner,
        fn: Callable[..., Any],
        owner: QObject | None,
        is_change: bool,
        title: str,
    ) -> None:
        self.runner = runner
        self.fn = fn
        self.owner = owner
        self.is_change = is_change
        self.title = title
        self.generation = runner.generation
        self.progress: Progress | None = None
        self.on_success: list[Callable[[Any], None]] = []
        self.on_failure: Callable[[ServiceError], None] | None = None
        self.on_finished: list[Callable[[], None]] = []
        self.on_progress: Callable[[int, int, str], None] | None = None


class Pending(Generic[T]):
    """An operation being set up: attach callbacks, then ``run()``."""

    def __init__(self, job: _Job) -> None:
        self._job = job

    def success(self, callback: Callable[[T], None]) -> Pending[T]:
        self._job.on_success.append(callback)
        return self

    def failure(self, callback: Callable[[ServiceError], None]) -> Pending[T]:
        """Take a rule's refusal yourself (e.g. to show it beside a field)."""
        self._job.on_failure = callback
        return self

    def finished(self, callback: Callable[[], None]) -> Pending[T]:
        """Called last, whatever happened (re-enable a button, hide a spinner)."""
        self._job.on_finished.append(callback)
        return self

    def with_progress(self, callback: Callable[[int, int, str], None]) -> Pending[T]:
        """Run the function as ``fn(case, progress)``; ``callback`` gets its steps."""
        self._job.progress = Progress(
            lambda done, total, text: self._job.runner._relay.sig_progress.emit(
                self._job, done, total, text
            )
        )
        self._job.on_progress = callback
        return self

    def cancel(self) -> None:
        if self._job.progress is not None:
            self._job.progress.cancel()

    def run(self) -> None:
        self._job.runner._submit(self._job)


class _Task(QRunnable):
    def __init__(self, job: _Job, case: Case) -> None:
        super().__init__()
        self._job: _Job | None = job
        self._case: Case | None = case

    def run(self) -> None:
        # The job holds the owner widget and callbacks that close over widgets. Its last
        # reference must be dropped on the GUI thread (a Qt object freed on this thread would
        # crash the app), so the task lets go of it before handing it over in the signal.
        job, case = self._job, self._case
        self._job = self._case = None
        assert job is not None and case is not None
        relay = job.runner._relay
        try:
            if job.generation != job.runner.generation:
                raise Cancelled()
            result = job.fn(case, job.progress) if job.progress is not None else job.fn(case)
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            relay.sig_done.emit(job, None, exc)
        else:
            relay.sig_done.emit(job, result, None)
            del result
        del job


class OpsRunner(QObject):
    """Runs the case's operations on one worker thread. One runner per unlocked vault.

    Signals:
        sig_changed(Changes, object): a change succeeded; the second argument is its
            initiator (the owner given to ``change``), or None.
        sig_busy(bool): work has been running for a while (True) or the queue is empty again.
    """

    sig_changed = Signal(object, object)
    sig_busy = Signal(bool)

    def __init__(self, case: Case, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.generation = 0
        self._closed = False
        self._in_flight = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one database worker: writes never race
        self._relay = _Relay(self)
        self._relay.sig_done.connect(self._on_done)
        self._relay.sig_progress.connect(self._on_progress)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(lambda: self.sig_busy.emit(True))
        self._pulse = pacing.pulse()
        _runners.add(self)

    # ---------------------------------------------------------------- building operations
    def change(
        self, fn: Callable[..., Outcome[T] | Changes], *, owner: QObject | None, title: str = ""
    ) -> Pending[T]:
        """A change of the case; ``fn(case)`` returns ``Changes`` or an ``Outcome``."""
        return Pending(_Job(self, fn, owner, True, title))

    def query(self, fn: Callable[..., T], *, owner: QObject | None, title: str = "") -> Pending[T]:
        """A read: ``fn(case)`` returns a read model; nothing is announced."""
        return Pending(_Job(self, fn, owner, False, title))

    # ---------------------------------------------------------------- state
    @property
    def in_flight(self) -> int:
        return self._in_flight

    def is_idle(self) -> bool:
        return self._in_flight == 0

    def shutdown(self) -> None:
        """Stop taking work, drop what has not started, wait for what runs, drop its result.

        Called before the vault is locked, on the GUI thread.
        """
        self._closed = True
        self.generation += 1
        self._pool.clear()
        self._pulse.holding = True  # the worker must not wait for a window that waits for it
        try:
            self._pool.waitForDone(SHUTDOWN_WAIT_MS)
        finally:
            self._pulse.holding = False
        self._in_flight = 0
        self._busy_timer.stop()
        self._stop_pulse_if_all_idle()

    # ---------------------------------------------------------------- internals
    def _submit(self, job: _Job) -> None:
        if self._closed:
            log.debug("operation dropped: the vault is locked")
            return
        self._in_flight += 1
        if self._in_flight == 1:
            self._busy_timer.start()
            self._pulse.start()
        self._pool.start(_Task(job, self.case))

    def _stop_pulse_if_all_idle(self) -> None:
        if all(runner.is_idle() for runner in list(_runners)):
            self._pulse.stop()

    def _on_progress(self, job: _Job, done: int, total: int, text: str) -> None:
        if job.generation == self.generation and job.on_progress and _alive(job.owner):
            job.on_progress(done, total, text)

    def _on_done(self, job: _Job, result: Any, exc: BaseException | None) -> None:
        if job.generation != self.generation:
            return  # locked meanwhile: nobody may see this result
        global _handed_over_this_turn
        if _handed_over_this_turn:
            # One result per turn of the event loop: results that arrive together (each
            # filling a screen) were all shown in one turn, holding the window still for
            # their sum. The next ones wait for the next turn, in order.
            QTimer.singleShot(NEXT_TURN_MS, self, lambda: self._on_done(job, result, exc))
            return
        _handed_over_this_turn = True
        QTimer.singleShot(NEXT_TURN_MS, _next_turn)
        self._pulse.claim()  # showing a result is work for the window: the worker waits
        self._in_flight = max(0, self._in_flight - 1)
        if self._in_flight == 0:
            self._busy_timer.stop()
            self._stop_pulse_if_all_idle()
            self.sig_busy.emit(False)
        owner_alive = _alive(job.owner)
        try:
            if exc is None:
                self._succeeded(job, result, owner_alive)
            elif owner_alive:
                self._failed(job, exc)
            elif not isinstance(exc, ServiceError | Cancelled) and vault_problem_text(exc) is None:
                _report_crash(exc)
        finally:
            if owner_alive:
                for callback in job.on_finished:
                    callback()

    def _succeeded(self, job: _Job, result: Any, owner_alive: bool) -> None:
        changes: Changes | None = None
        value: Any = result
        if isinstance(result, Outcome):
            value, changes = result.value, result.changes
        elif isinstance(result, Changes):
            value, changes = None, result
        if owner_alive:
            for callback in job.on_success:
                callback(value)
        if job.is_change and changes:
            self.sig_changed.emit(changes, job.owner if owner_alive else None)

    def _failed(self, job: _Job, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        parent = job.owner if isinstance(job.owner, _widget_type()) else None
        title = job.title or QCoreApplication.translate("ops", "Second Opinion")
        if isinstance(exc, ServiceError):
            if job.on_failure is not None:
                job.on_failure(exc)
            else:
                prompts.show_error(parent, title, service_error_text(exc))
            return
        text = vault_problem_text(exc)
        if text is not None:
            if text:
                prompts.show_error(parent, title, text)
            return
        _report_crash(exc)


#: a timer, not a posted event: events posted while posted events are handled are handled
#: in the same turn, timers in the next one
NEXT_TURN_MS = 1
_handed_over_this_turn = False


def _next_turn() -> None:
    global _handed_over_this_turn
    _handed_over_this_turn = False


def _alive(owner: QObject | None) -> bool:
    return owner is None or Shiboken.isValid(owner)


def _widget_type() -> type[QWidget]:
    from PySide6.QtWidgets import QWidget

    return QWidget


def _report_crash(exc: BaseException) -> None:
    """A bug: the crash handler logs its type and place (never its text) and says sorry."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


_steps_pending = 0


def run_in_steps(owner: QObject, steps: list[Callable[[], object]]) -> None:
    """Run ``steps`` on the GUI thread one per turn of the event loop.

    For a screen that shows a large read model in several views: the window handles input
    and paints between the views instead of holding still until all are filled. Steps stop
    when ``owner`` is deleted.
    """
    global _steps_pending
    remaining = list(steps)
    _steps_pending += 1

    def next_step() -> None:
        global _steps_pending
        if not remaining or not _alive(owner):
            _steps_pending -= 1
            return
        pacing.pulse().claim()
        remaining.pop(0)()
        QTimer.singleShot(0, next_step)

    QTimer.singleShot(0, next_step)


def all_idle() -> bool:
    """Whether every runner has finished its work, and what it brought back is on screen
    (for tests and the benchmark)."""
    return _steps_pending == 0 and all(runner.is_idle() for runner in list(_runners))
