"""Child process for the start-up benchmarks: report when the first window is painted.

    probe_window.py baseline            a bare QMainWindow
    probe_window.py first   DATA_DIR    the app, as launched by a user, up to the unlock page
    probe_window.py cold    DATA_DIR    the app up to the main window, unlocked by a remembered key

The parent notes ``time.monotonic()`` just before spawning this process; this process prints one
JSON line with ``time.monotonic()`` once the frame that shows the wanted page has been painted
(the first paint event seen, then the rest of that frame: a zero timer fires after it). On Linux
the monotonic clock is shared by all processes, so the difference is launch-to-pixels.

The paint events are watched on each main window (and its tab widget) from the moment it is
shown, not through an application-wide event filter: with PySide 6.11, the first private Qt
object such a Python filter is handed (one appears as soon as a window has a central widget)
makes PySide create every Qt class it has not created yet, about 25 ms that belong to the
measuring, not to the app, and that a bare window happens never to trigger. The first paint of
a frame goes to the window itself, so the event seen is the same one.

Nothing but Qt is imported here before the window starts, and only the app's own entry point
runs afterwards, so the app pays for exactly what it imports. Keep it that way: importing
anything else here would be billed to the app.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

_PAINT = QEvent.Type.Paint
_TIMEOUT_MS = 60_000


class FirstPaint(QObject):
    """Watches every paint event; the first one ``wanted(widget)`` accepts ends the run."""

    def __init__(
        self,
        app: QApplication,
        wanted: Callable[[QObject], bool],
        then: Callable[[float], None] | None = None,
    ) -> None:
        super().__init__()
        self._app = app
        self._wanted = wanted
        self._then = then or (lambda painted: finish({"painted": painted}))
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == _PAINT and self._wanted(watched):
            self._seen = True
            # Report after the whole frame (this paint and its siblings) has been drawn.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        painted = time.monotonic()
        self._app.removeEventFilter(self)
        self._then(painted)


def finish(result: dict[str, object]) -> None:
    import json
    import os

    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    # Leave at once: closing the window would save settings and lock the vault, which is not
    # what is being measured (and the parent has what it needs).
    os._exit(0)


def _timeout() -> None:
    finish({"error": "no matching paint within the time limit"})


def _is_main_window_page(widget: QObject) -> bool:
    return isinstance(widget, QWidget) and isinstance(widget.window(), QMainWindow)


def is_unlocked_tabs(widget: QObject) -> bool:
    if not isinstance(widget, QWidget):
        return False
    window = widget.window()
    tabs = getattr(window, "tab_widget", None)
    if getattr(window, "vault", None) is None or tabs is None or not tabs.isVisible():
        return False
    return widget is tabs or tabs.isAncestorOf(widget)


def watch_shown_main_windows(watcher: QObject) -> None:
    """Install ``watcher`` on every main window (and its ``tab_widget``) as it is shown."""
    show = QMainWindow.show

    def show_watched(window: QMainWindow) -> None:
        window.installEventFilter(watcher)
        tabs = getattr(window, "tab_widget", None)
        if isinstance(tabs, QWidget):
            tabs.installEventFilter(watcher)
        show(window)

    QMainWindow.show = show_watched  # type: ignore[method-assign]


def main(argv: list[str]) -> int:
    mode = argv[1]
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(_TIMEOUT_MS, _timeout)
    if mode == "baseline":
        watcher = FirstPaint(app, _is_main_window_page)
        watch_shown_main_windows(watcher)
        window = QMainWindow()
        window.setWindowTitle("Baseline")
        window.resize(1280, 800)
        window.show()
        return app.exec()
    wanted = _is_main_window_page if mode == "first" else is_unlocked_tabs
    watcher = FirstPaint(app, wanted)
    watch_shown_main_windows(watcher)
    from second_opinion.__main__ import main as app_main

    return app_main(["--data-dir", argv[2]])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
