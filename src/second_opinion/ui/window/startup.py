"""The way from "unlocked" to a window that is fully there, without making anyone wait.

1. ``first_people``: the person switcher's list, read with plain SQL (``case.first_screen``)
   because SQLAlchemy has not loaded yet; the first tab reads the same way.
2. The window paints.
3. ``after_first_paint``: the auto-lock starts watching input; every page's HMAC, which the
   unlock left for now, is checked on a worker thread; then SQLAlchemy, the models and the
   other tabs' code are imported on a worker thread; then the other tabs are built one at a
   time, with input handled in between.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon

from second_opinion.ui.pacing import pulse
from second_opinion.ui.tab_registry import TABS, TabSpec, spec_for

if TYPE_CHECKING:
    from second_opinion.services.first_screen import PersonName
    from second_opinion.ui.main_window import MainWindow
    from second_opinion.vault.vault import Vault

log = logging.getLogger(__name__)


def first_people(window: MainWindow, vault: Vault) -> list[PersonName] | None:
    """The people to show first; None (and the vault locked, the reason shown) when the
    vault cannot be read."""
    from second_opinion.case.first_screen import people_or_first

    try:
        return people_or_first(vault, QCoreApplication.translate("MainWindow", "Me"))
    except Exception as exc:
        from second_opinion.vault.connection import is_database_error

        if not is_database_error(exc):
            raise
        vault.lock()
        window.show_damaged()
        return None


def attach_in_two_turns(window: MainWindow, vault: Vault) -> None:
    """Show the vault just unlocked: the menus and the toolbar are made in one turn of the
    event loop, the rest of the unlocked window in the next, so that neither holds the
    window still for long. (Made in the same turn, they were the longest moment of a start.)
    """
    if window.person_toolbar is not None:
        window.attach_vault(vault)
        return
    window.finish_menus()
    from second_opinion.ui.window.actions import build_toolbar

    window.person_toolbar = build_toolbar(window)
    window.person_toolbar.hide()  # attach_vault shows it with the unlocked window
    QTimer.singleShot(0, window, lambda: window.attach_vault(vault))


def after_first_paint(window: MainWindow) -> None:
    """Once the unlocked window is on screen: check the pages, load the rest, build the tabs."""
    vault = window.vault
    if window.ctx is None or vault is None:
        return
    window.lock_control.watch_activity(True)
    from second_opinion.ui.tasks import run_in_background

    modules = [spec.module for spec in TABS if window.tab_is_pending(spec.key)]

    def checked(intact: bool) -> None:
        if window.vault is not vault:  # locked (or another vault) meanwhile
            return
        if not intact:
            log.warning("vault pages failed their check after unlocking")
            window.lock()
            window.show_damaged()
            return
        run_in_background(
            lambda: import_for_later(modules),
            lambda _result: window.start_background_builds(),
            lambda _exc: window.start_background_builds(),
        )

    run_in_background(vault.pages_intact, checked, lambda _exc: checked(False))


def import_for_later(modules: list[str]) -> None:
    """Import what the other tabs and the first save need (SQLAlchemy, the models, the tabs),
    on a worker thread: about half a second the person would otherwise wait for on a click."""
    import importlib

    from second_opinion.case.first_screen import load_the_orm

    load_the_orm()
    for name in modules:
        importlib.import_module(name)
    from second_opinion.services.visits import available_time_zones

    # The list of time zones walks the zone database's files; a visit's time shows its zone
    # when it is not the computer's, and the first list of visits would otherwise read it.
    available_time_zones()


_importing: set[str] = set()


def show_tab(window: MainWindow, spec: TabSpec) -> None:
    """The person opened the tab of ``spec``: build it now, or once its code is imported.

    Right after unlocking, the code of the other tabs (and SQLAlchemy under it) is still
    being imported on a worker thread. Importing it on the GUI thread instead held the
    window still for up to half a second; the tab's page stays empty for that moment.
    """
    pulse().claim()  # the tab is built or painted next: the worker waits meanwhile
    if not window.tab_is_pending(spec.key):
        window.tab(spec.key)
        return
    if spec.is_loaded():
        build_in_steps(window, spec)
        return
    if spec.key in _importing:
        return
    _importing.add(spec.key)

    def imported(_result: object) -> None:
        _importing.discard(spec.key)
        # Only the tab on screen is built now. A tab the person opened and left is built
        # with the other pending tabs, one at a time: the imports of several tabs clicked
        # through end together, and building them all in one turn held the window still.
        if window.current_tab_key() == spec.key:
            build_in_steps(window, spec)

    from second_opinion.ui.tasks import run_in_background

    # A failed import is raised again, and reported, by the build on the GUI thread.
    run_in_background(lambda: spec.load(), imported, imported, owner=window)


def make_sections(window: MainWindow) -> None:
    """Make the window's tab widget, once. Not before the first unlock: nothing on it is of
    use while locked, and its classes would cost the first frame a millisecond."""
    if window.has_sections:
        return
    window.has_sections = True
    from PySide6.QtWidgets import QTabWidget

    tabs = window.tab_widget = QTabWidget(window)
    tabs.setDocumentMode(True)
    tabs.setAccessibleName(QCoreApplication.translate("MainWindow", "Sections"))
    tabs.tabBar().setAccessibleName(QCoreApplication.translate("MainWindow", "Sections"))
    tabs.currentChanged.connect(window._on_tab_changed)
    tabs.installEventFilter(window)  # its first paint starts the work after it
    window._stack.addWidget(tabs)


def fill_sections(window: MainWindow) -> None:
    """One empty page per tab, each built when first needed (``MainWindow.tab``)."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from second_opinion.ui.icons import icon

    tabs = window.tab_widget
    tabs.blockSignals(True)
    for spec in TABS:
        container = QWidget(tabs)
        QVBoxLayout(container).setContentsMargins(0, 0, 0, 0)
        window._containers[spec.key] = container
        tabs.addTab(container, icon(spec.icon), spec.translated_title())
    tabs.blockSignals(False)


#: icons drawn per turn of the event loop before a tab is built
ICONS_PER_TURN = 4
#: the pause between two tabs built in the background
BACKGROUND_BUILD_GAP_MS = 30


def build_pending_tabs(window: MainWindow) -> None:
    """Build the tabs not built yet (``window._build_queue``), one at a time, each once the
    worker is idle: building while the worker runs Python shares the interpreter with it, and
    the build holds the window still about twice as long."""

    def next_one() -> None:
        queue = window._build_queue
        if not queue or window.ctx is None:
            return
        if not window.ctx.ops.is_idle():
            QTimer.singleShot(BACKGROUND_BUILD_GAP_MS, window, next_one)
            return
        spec = spec_for(queue.pop(0))
        if spec is not None and window.tab_is_pending(spec.key):
            build_in_steps(window, spec)
        if queue:
            QTimer.singleShot(BACKGROUND_BUILD_GAP_MS, window, next_one)

    QTimer.singleShot(BACKGROUND_BUILD_GAP_MS, window, next_one)


def build_in_steps(window: MainWindow, spec: TabSpec) -> None:
    """Build the tab of ``spec``; a tab that lists its icons (``icons_ahead`` in its module)
    has them drawn a few per turn of the event loop first, instead of all in its build."""
    ahead = getattr(sys.modules.get(spec.module), "icons_ahead", None)
    if ahead is None:
        pulse().claim()
        window.tab(spec.key)
        return
    from second_opinion.ui.ops import run_in_steps

    draws: list[Callable[[], object]] = ahead()

    def drawing(part: list[Callable[[], object]]) -> Callable[[], object]:
        return lambda: [draw() for draw in part]

    steps = [
        drawing(draws[at : at + ICONS_PER_TURN]) for at in range(0, len(draws), ICONS_PER_TURN)
    ]
    steps.append(lambda: window.tab(spec.key))
    run_in_steps(window, steps)


def app_icon() -> QIcon:
    # A plain path (not importlib.resources, which imports zipfile): the package is always
    # installed as files, frozen builds included.
    svg = Path(__file__).resolve().parents[2] / "resources" / "icons" / "second-opinion.svg"
    return QIcon(str(svg)) if svg.is_file() else QIcon()
