"""Wiring the GUI: the application object, the main window, and opening a vault into it."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from second_opinion import APP_NAME, __version__

if TYPE_CHECKING:
    import threading

    from PySide6.QtWidgets import QApplication

    from second_opinion.ui.main_window import MainWindow


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    from second_opinion.import_scan import stop_pyside_source_scan

    stop_pyside_source_scan()
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setOrganizationName("SecondOpinion")
        app.setDesktopFileName("io.github.secondopinion.SecondOpinion")
        from second_opinion.ui import i18n

        i18n.install_from_settings()  # before any window, so every text is built translated
    assert isinstance(app, QApplication)
    return app


def _resolve(data_dir: Path | str | None) -> Path:
    if data_dir is not None:
        return Path(data_dir).expanduser().absolute()
    from second_opinion.vault.paths import default_data_dir

    return default_data_dir()


def build_window(data_dir: Path | str, passphrase: str) -> MainWindow:
    """Open (or create) the vault in ``data_dir`` and return the main window, ready to show.

    The same path the GUI takes after the unlock prompt; tests (ours and acceptance tests
    written outside the project) use it to get an unlocked window in one call.
    """
    _application()
    from second_opinion.ui.main_window import MainWindow
    from second_opinion.vault.vault import Vault

    folder = _resolve(data_dir)
    if Vault.exists(folder):
        vault = Vault.unlock(folder, passphrase)
    else:
        from second_opinion.vault.passphrase_rule import check_new_passphrase

        check_new_passphrase(passphrase)
        vault = Vault.create(folder, passphrase)  # the window adds "Me" to a vault of nobody
    window = MainWindow(folder)
    window.attach_vault(vault)
    return window


def run_gui(data_dir: Path | str | None, pw_stdin: bool = False) -> int:
    """Show the window at once (unlock or welcome page), then open the vault in the background."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    warm_system_fonts()
    app = _application()
    _pause_garbage_collection()
    _share_the_interpreter()
    from second_opinion.ui import crash

    crash.install()
    folder = _resolve(data_dir)
    if pw_stdin:
        passphrase = sys.stdin.readline().rstrip("\r\n")
        from second_opinion.vault.errors import VaultError

        try:
            window = build_window(folder, passphrase)
        except VaultError as exc:
            print(f"second-opinion: {exc}", file=sys.stderr)  # noqa: T201
            return exc.exit_code
    else:
        from second_opinion.ui.main_window import MainWindow

        window = MainWindow(folder)
    window.sig_started.connect(_resume_garbage_collection)
    if pw_stdin:
        window.show()
    else:
        window.show_when_ready()
    return app.exec()


#: the system's font configuration library, where the window's text comes from (Linux, BSD)
FONTCONFIG_LIBRARY = "libfontconfig.so.1"


def warm_system_fonts() -> threading.Thread | None:
    """Load the system's font configuration on a helper thread, while the window is built.

    The first text the window measures makes Qt load fontconfig's configuration and its font
    caches, on the GUI thread, before the unlock page can paint (2.5 ms here, more on a
    computer with many fonts). Asked first from a helper thread, fontconfig does that work
    while the GUI thread imports and builds the window: a foreign call through ``ctypes``
    lets go of the interpreter, and fontconfig loads its configuration once per process and
    safely from any thread, so Qt finds it loaded. Best effort: on a system without the
    library (Windows, macOS) nothing happens, and Qt loads its fonts as it always does.
    Returns the thread, for tests.
    """
    if sys.platform in ("win32", "darwin"):
        return None
    import ctypes
    import threading

    try:
        library = ctypes.CDLL(FONTCONFIG_LIBRARY)
    except OSError:
        return None
    thread = threading.Thread(target=library.FcInit, name="warm-fonts", daemon=True)
    thread.start()
    return thread


#: how long a thread may hold the interpreter while another waits for it (Python: 5 ms)
SWITCH_INTERVAL_S = 0.0001


def _share_the_interpreter() -> None:
    """Let the GUI thread have the interpreter back soon when the database worker holds it.

    Only one thread runs Python at a time. While the worker turns a query into rows, every
    event the GUI thread handles that calls Python (a model's ``data``, a slot, an event
    filter) first waits for the worker to let go, by default up to 5 ms each time; a repaint
    of a list makes hundreds of such calls, so the window stood still for long stretches
    while the worker was busy. The worker gets a little less done per second in exchange.
    The shorter the interval, the less a repaint beside a busy worker is slowed (measured in
    benchmarks/README.md).
    """
    sys.setswitchinterval(SWITCH_INTERVAL_S)


#: the longest start-up may go without the cyclic garbage collector, whatever happens
GC_PAUSE_LIMIT_MS = 3000


def _pause_garbage_collection() -> None:
    """Hold off the cyclic garbage collector until the first screen is up.

    Start-up creates a great many objects that live as long as the app (modules, Qt classes
    and their enumerations); the collector runs some fifty times over them meanwhile and finds
    nothing, about 7 ms on the way to the unlocked window. Reference counting still frees
    everything else at once. The window's ``sig_started``, or at the latest a timer, hands
    collection to the GUI thread's collector; the automatic one never runs again.
    """
    import gc

    from PySide6.QtCore import QTimer

    gc.disable()
    QTimer.singleShot(GC_PAUSE_LIMIT_MS, _resume_garbage_collection)


def _resume_garbage_collection() -> None:
    """From here on, cycles are collected on the GUI thread only (see ``ui.gui_gc``)."""
    global _collector
    if _collector is None:
        from PySide6.QtWidgets import QApplication

        from second_opinion.ui.gui_gc import GuiThreadCollector

        _collector = GuiThreadCollector(QApplication.instance())


_collector: object | None = None
