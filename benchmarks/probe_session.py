"""Child process: use the app on the large vault as a person would, and time what they feel.

    probe_session.py DATA_DIR ROUNDS

Starts the app exactly like ``probe_window.py cold`` (remembered key, real unlock path), and once
the unlocked window has painted:

1. visits every tab once (the first visit may build it), timing launch-free "click to painted";
2. switches between every ordered pair of tabs ``ROUNDS`` times, timing click to the new tab's
   first paint;
3. types words into the contacts search field one key at a time (then deletes them), timing
   each keystroke to the contacts list repainted after its filter changed;
4. types a word into every tab's search field, one key at a time;
5. saves a contact, marks a records request sent and prepares a visit packet, as a person
   would, waiting for the operations runner to finish each;
6. reports the process's peak resident memory, with every tab visited.

Throughout, from the moment the event loop starts (before the unlock), a heartbeat timer notes
how long the GUI thread goes without processing events: ``gui_stall_ms_max`` is the longest
such gap, with the phase it happened in.

Prints one JSON line. A tab that is missing (its module not written yet) is reported in
``missing_tabs`` and left out; without a contacts tab the filter result is null.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from typing import Any

from probe_window import FirstPaint, finish, is_unlocked_tabs
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

# What a person might look for among the fictional contacts: surnames, a first and last name,
# part of a phone number. Chosen so that about half the keystrokes change which rows show
# (a single letter matches nearly everyone: every e-mail is at example.org).
SEARCH_WORDS = ("marchetti", "wen", "farrow", "kestrel", "ivan novak", "priya", "5550142")
_TIMEOUT_S = 5.0
_SESSION_LIMIT_MS = 240_000
_PAINT = QEvent.Type.Paint


class PaintSpy(QObject):
    """Notes when ``target`` (or anything inside it) is painted."""

    def __init__(self) -> None:
        super().__init__()
        self.target: QWidget | None = None
        self.painted_at: float | None = None

    def watch(self, target: QWidget) -> None:
        self.target = target
        self.painted_at = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        target = self.target
        if (
            target is not None
            and self.painted_at is None
            and event.type() == _PAINT
            and isinstance(watched, QWidget)
            and (watched is target or target.isAncestorOf(watched))
        ):
            self.painted_at = time.perf_counter()
        return False


# PySide6 6.12 on CPython 3.11 drops a reference to None on every call of a static void method
# such as QApplication.processEvents(); a few thousand calls in a polling loop would abort the
# process ("deallocating None"). QEventLoop's instance method is not affected.
_LOOP: QEventLoop | None = None


def _process() -> None:
    global _LOOP
    if _LOOP is None:
        _LOOP = QEventLoop()
    _LOOP.processEvents()


def _wait(app: QApplication, done: Any, timeout_s: float = _TIMEOUT_S) -> float | None:
    """Run the event loop until ``done()``; the time then (after the frame), or None."""
    limit = time.perf_counter() + timeout_s
    while time.perf_counter() < limit:
        _process()
        if done():
            return time.perf_counter()
    return None


def _settle(app: QApplication, seconds: float = 0.05) -> None:
    limit = time.perf_counter() + seconds
    while time.perf_counter() < limit:
        _process()


def p95(samples: list[float]) -> float | None:
    if not samples:
        return None
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def _tab_keys(window: Any) -> tuple[list[str], list[str]]:
    """The tabs whose code exists, and those missing.

    Asked of the registry, not by building each tab (``window.tab``): building every tab at
    once on the GUI thread is something no person does, and it held the window still for
    the sum of all builds; the tabs are built as the app builds them (in the background
    after unlocking, or when first shown), and those builds are what the heartbeat sees.
    """
    import importlib.util

    from second_opinion.ui.tab_registry import TAB_KEYS, spec_for

    present, missing = [], []
    for key in TAB_KEYS:
        spec = spec_for(key)
        exists = spec is not None and importlib.util.find_spec(spec.module) is not None
        (present if exists else missing).append(key)
    return present, missing


def _switch(app: QApplication, spy: PaintSpy, window: Any, index: int) -> float | None:
    """Click-equivalent switch to tab ``index``; milliseconds until it has painted."""
    tabs = window.tab_widget
    spy.watch(tabs.widget(index))
    started = time.perf_counter()
    tabs.setCurrentIndex(index)
    ended = _wait(app, lambda: spy.painted_at is not None)
    return None if ended is None else (ended - started) * 1000


# What was measured so far: reported even if the session runs out of time.
RESULT: dict[str, Any] = {}

#: the heartbeat's period; a gap longer than this is time the GUI thread was busy
HEARTBEAT_MS = 2


class StallMeter(QObject):
    """Notes the longest time between two heartbeats, i.e. the GUI thread not handling events."""

    def __init__(self) -> None:
        super().__init__()
        self.phase = "unlock"
        self.worst: dict[str, float] = {}
        self._last: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        self._timer.start()

    def set_phase(self, phase: str) -> None:
        self._beat()
        self.phase = phase

    def _beat(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            gap_ms = (now - self._last) * 1000 - HEARTBEAT_MS
            if gap_ms > self.worst.get(self.phase, 0.0):
                self.worst[self.phase] = gap_ms
        self._last = now
        RESULT["gui_stall_ms_by_phase"] = self.worst


STALLS = StallMeter()


def _progress(text: str) -> None:
    sys.stderr.write(f"[session {time.monotonic():.2f}] {text}\n")
    sys.stderr.flush()


def measure(app: QApplication, spy: PaintSpy, window: Any, rounds: int) -> dict[str, Any]:
    from second_opinion.ui.tab_registry import TAB_KEYS

    result = RESULT
    STALLS.set_phase("open every tab")
    # 1. every tab once, in order (as a new user would click through them)
    first_visit: dict[str, float | None] = {}
    for index, key in enumerate(TAB_KEYS):
        if index == window.tab_widget.currentIndex():
            continue
        first_visit[key] = _switch(app, spy, window, index)
        result["first_visit_ms"] = first_visit
        _progress(f"first visit of {key}: {first_visit[key]} ms")
        _settle(app)
    present, missing = _tab_keys(window)
    result["first_visit_ms"] = first_visit
    result["missing_tabs"] = missing
    _settle(app, 0.3)

    # 2. every ordered pair of the tabs that exist
    STALLS.set_phase("switch tabs")
    index_of = {key: TAB_KEYS.index(key) for key in present}
    switches: list[float] = []
    slowest: dict[str, float] = {}
    for _ in range(rounds):
        for a in present:
            for b in present:
                if a == b:
                    continue
                _switch(app, spy, window, index_of[a])
                _settle(app, 0.01)
                took = _switch(app, spy, window, index_of[b])
                if took is not None:
                    switches.append(took)
                    slowest[b] = max(slowest.get(b, 0.0), took)
                result["tab_switch_ms"] = switches
                result["tab_switch_slowest_into_ms"] = slowest
    _progress(f"{len(switches)} tab switches")

    # 3. keystrokes in the contacts search
    STALLS.set_phase("filter contacts")
    result["filter_ms"] = []
    if "contacts" in present:
        result.update(_measure_filter(app, spy, window, index_of["contacts"]))

    # 4. a word into every search field
    STALLS.set_phase("type into every search field")
    result["searched_tabs"] = _type_into_every_search(app, spy, window, present, index_of)

    # 5. the everyday changes
    result["actions"] = {}
    for name, action in (
        ("save a contact", _save_contact),
        ("mark a request sent", _mark_request_sent),
        ("export a packet", _export_packet),
    ):
        STALLS.set_phase(name)
        started = time.perf_counter()
        try:
            outcome = action(app, spy, window, index_of)
        except Exception as exc:  # one action that fails must not lose the others' figures
            outcome = f"failed: {type(exc).__name__}: {exc}"
        result["actions"][name] = {
            "outcome": outcome,
            "ms": round((time.perf_counter() - started) * 1000, 1),
        }
        _settle(app, 0.1)
    STALLS.set_phase("done")

    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["peak_rss_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    return result


def _measure_filter(app: QApplication, spy: PaintSpy, window: Any, index: int) -> dict[str, Any]:
    from PySide6.QtTest import QTest

    _switch(app, spy, window, index)
    tab = window.tab("contacts")
    tab.focus_search()
    _settle(app)
    field = app.focusWidget()
    if not isinstance(field, QLineEdit):
        return {"filter_error": "focus_search() did not focus a text field"}
    views = [v for v in tab.findChildren(QAbstractItemView) if v.isVisible() and v.model()]
    if not views:
        return {"filter_error": "no visible list in the contacts tab"}
    view = max(views, key=lambda v: v.model().rowCount())
    model = view.model()
    rows_before = model.rowCount()
    changed: list[float] = []

    def note_change(*_args: object) -> None:
        changed.append(time.perf_counter())

    for signal in (
        model.layoutChanged,
        model.modelReset,
        model.rowsInserted,
        model.rowsRemoved,
    ):
        signal.connect(note_change)

    samples: list[float] = []
    unchanged = 0

    def keystroke(send: Any) -> None:
        nonlocal unchanged
        changed.clear()
        spy.watch(view.viewport())
        started = time.perf_counter()
        send()

        def updated() -> bool:
            # The list repainted after its rows changed (a paint before the change is the
            # old list, so it does not count).
            return bool(changed) and spy.painted_at is not None and spy.painted_at >= changed[0]

        ended = _wait(app, updated, timeout_s=0.4)
        if ended is None:
            # The keystroke did not change which rows show: count the field's own repaint.
            unchanged += 1
            return
        samples.append((ended - started) * 1000)
        RESULT["filter_ms"] = samples
        # Let the view settle so the next keystroke starts from a quiet loop.
        _settle(app, 0.005)

    field.clear()
    _settle(app)
    for word in SEARCH_WORDS:
        for ch in word:
            keystroke(lambda ch=ch: QTest.keyClicks(field, ch))
        for _ in word:
            keystroke(lambda: QTest.keyClick(field, Qt.Key.Key_Backspace))
    return {
        "filter_ms": samples,
        "filter_rows": rows_before,
        "filter_keystrokes_without_change": unchanged,
    }


def _idle() -> bool:
    from second_opinion.ui import ops

    return ops.all_idle()


def _type_into_every_search(
    app: QApplication, spy: PaintSpy, window: Any, present: list[str], index_of: dict[str, int]
) -> list[str]:
    from PySide6.QtTest import QTest

    searched = []
    for key in present:
        _switch(app, spy, window, index_of[key])
        tab = window.tab(key)
        fields = [
            f
            for f in tab.findChildren(QLineEdit)
            if f.isVisible() and f.accessibleName().lower().startswith("search")
        ]
        for field in fields:
            field.setFocus()
            for ch in "mar":
                QTest.keyClicks(field, ch)
                _wait(app, _idle)
                _settle(app, 0.02)
            field.clear()
            _wait(app, _idle)
            searched.append(f"{key}:{field.accessibleName()}")
    return searched


def _save_contact(app: QApplication, spy: PaintSpy, window: Any, index_of: dict[str, int]) -> str:
    window.navigate("contacts")
    tab = window.tab("contacts")
    form = tab.open_new()
    _settle(app, 0.05)
    form.name.setText("Dr. Benchmark Person")
    form.organization.setText("Lakeside Clinic")
    form.accept()
    if _wait(app, lambda: tab.form is None and _idle(), timeout_s=10) is None:
        return "not saved in time"
    return "saved"


def _mark_request_sent(
    app: QApplication, spy: PaintSpy, window: Any, index_of: dict[str, int]
) -> str:
    """As a person would: the Requests list, the first request that can be marked sent, the
    "Mark sent" button, then Save in the form it opens."""
    window.navigate("records")
    tab = window.tab("records")
    requests = tab.requests
    tab.views.setCurrentWidget(requests)
    _wait(app, _idle, timeout_s=10)
    view, button = requests.view, requests.mark_sent_button
    for row in range(min(view.model().rowCount(), 200)):
        view.selectRow(row)
        _process()
        if button.isEnabled():
            break
    else:
        return "no request in the first 200 can be marked sent"
    button.click()
    _settle(app, 0.05)
    form = tab.current_form
    if form is None:
        return "'Mark sent' opened no form"
    form.accept()
    if _wait(app, lambda: tab.current_form is None and _idle(), timeout_s=10) is None:
        return "not finished in time"
    return "marked"


def _export_packet(app: QApplication, spy: PaintSpy, window: Any, index_of: dict[str, int]) -> str:
    import tempfile
    from pathlib import Path

    from second_opinion.ui import prompts

    out = Path(tempfile.mkdtemp()) / "packet.pdf"
    prompts.scripted = prompts.ScriptedAnswers(save_paths=[out])
    try:
        from second_opinion.ui.window.actions import prepare_packet

        prepare_packet(window)
        _settle(app, 0.3)
        dialogs = [w for w in app.topLevelWidgets() if w.isVisible() and w is not window]
        for dialog in dialogs:
            save = getattr(dialog, "save", None)
            if callable(save):
                save()
        if _wait(app, lambda: out.exists() and _idle(), timeout_s=20) is None:
            return "no packet written in time"
        return f"{out.stat().st_size} bytes"
    finally:
        prompts.scripted = None
        for dialog in [w for w in app.topLevelWidgets() if w.isVisible() and w is not window]:
            dialog.close()


def main(argv: list[str]) -> int:
    folder, rounds = argv[1], int(argv[2])
    app = QApplication(sys.argv[:1])
    spy = PaintSpy()

    def unlocked(painted: float) -> None:
        window = next(
            w for w in app.topLevelWidgets() if getattr(w, "tab_widget", None) is not None
        )
        app.installEventFilter(spy)
        try:
            result = measure(app, spy, window, rounds)
        except Exception as exc:  # reported to the parent, which prints it as a failure
            import traceback

            result = {"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()}
        result["unlocked_painted"] = painted
        finish(result)

    def then(painted: float) -> None:
        QTimer.singleShot(0, lambda: unlocked(painted))

    watcher = FirstPaint(app, is_unlocked_tabs, then=then)
    app.installEventFilter(watcher)

    def out_of_time() -> None:
        RESULT["error"] = "the session did not finish in time"
        finish(RESULT)

    QTimer.singleShot(_SESSION_LIMIT_MS, out_of_time)
    STALLS.start()
    from second_opinion.__main__ import main as app_main

    return app_main(["--data-dir", folder])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
