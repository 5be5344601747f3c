"""The main window: the unlock page or the tabs, the menus and the toolbar above them.

Its parts live in ``ui.window``: locking and the auto-lock (``lock_controller``), the way from
unlocking to a complete window (``startup``), the person switcher (``people``), and the
actions, menus and toolbar (``actions``). This module holds the window itself and its tabs.

Start-up rule: until the first window has painted, this module and the unlock page use nothing
but Qt classes. Everything else (dialogs, the vault, the tabs, ``ui.window``) is imported
where it is used, and even the ``Qt`` namespace is imported only in code that runs after
unlocking, because PySide builds all of that namespace's enumerations on first use (about
28 ms).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QVBoxLayout, QWidget

from second_opinion import APP_NAME
from second_opinion.ui.settings import AppSettings
from second_opinion.ui.tab_registry import TABS, Navigator, spec_for
from second_opinion.ui.unlock_page import UnlockPage

if TYPE_CHECKING:
    # Classes used only after the first paint are imported where they are used: PySide creates
    # each class (and its enumerations) on first import, a millisecond or so apiece.
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QComboBox, QLineEdit, QTabWidget, QToolBar

    from second_opinion.ui.context import AppContext
    from second_opinion.ui.tabs.base import CaseTab
    from second_opinion.ui.welcome_page import WelcomePage
    from second_opinion.ui.window.lock_controller import IdleWatcher, LockController
    from second_opinion.ui.window.people import PersonSwitcher
    from second_opinion.vault.vault import Vault

log = logging.getLogger(__name__)

#: the tab an unlocked window opens on
FIRST_TAB = "today"

#: how long after the menus are made the window's icon is drawn (see finish_menus)
WINDOW_ICON_DELAY_MS = 200
#: how long a window with a remembered key stays unseen while it tries the key
QUIET_START_LIMIT_MS = 400


class MainWindow(QMainWindow, Navigator):
    """Signals:
    sig_vault_unlocked(): the tabs are built and show the vault.
    sig_vault_locked(): every tab and model holding health data was dropped.
    sig_started(): start-up is over: the unlocked window has painted, or the unlock page has
        painted and found no remembered key (whichever comes first; once).
    """

    sig_vault_unlocked = Signal()
    sig_vault_locked = Signal()
    sig_started = Signal()

    act_backup: QAction
    act_restore: QAction
    act_passwd: QAction
    act_packet: QAction
    act_export_contacts: QAction
    act_import: QAction
    act_export_calendar: QAction
    act_lock: QAction
    act_quit: QAction
    act_new: QAction
    act_find: QAction
    act_find_anything: QAction
    finder_field: QLineEdit
    act_profile: QAction
    act_prefs: QAction
    act_guide: QAction
    act_shortcuts: QAction
    act_disclaimer: QAction
    act_about: QAction
    act_add_person: QAction
    act_rename_person: QAction
    act_delete_person: QAction
    act_tab_keys: list[QAction]
    #: the sections; made on the first unlock (see window.startup.make_sections)
    tab_widget: QTabWidget

    def __init__(self, data_dir: Path, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.settings = settings or AppSettings()
        self.vault: Vault | None = None
        self.ctx: AppContext | None = None
        self._tabs: dict[str, CaseTab] = {}
        self._containers: dict[str, QWidget] = {}
        self._build_queue: list[str] = []
        # Each start opens on Today, what to do now; after a lock in this session, the tab the
        # person was on.
        self._restoring_tab = FIRST_TAB
        #: the vault ``_restoring_tab`` belongs to, once one was locked in this window
        self._restoring_vault_id: str | None = None

        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(1024, 700)
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1280, 800)

        self._stack = QStackedWidget(self)
        self.setCentralWidget(self._stack)
        self._lock_holder = QWidget(self)
        QVBoxLayout(self._lock_holder).setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self._lock_holder)
        self.has_sections = False  # see tab_widget
        self.lock_page: UnlockPage | WelcomePage | None = None

        # Made on first use, after the first paint: see the module's docstring.
        self._lock_control: LockController | None = None
        self._people: PersonSwitcher | None = None
        self._started = False
        self._quiet_start = False

        # The menu titles show from the first frame; their actions (whose shortcuts need the
        # Qt namespace) are added right after it, see finish_menus().
        self._vault_actions: list[QAction] = []
        self._menus = self._build_menu_titles()
        # Built on first unlock: nothing on it is of use while locked, and skipping it keeps
        # the first paint fast.
        self.person_toolbar: QToolBar | None = None
        self._awaiting_first_paint = False
        # No status bar until the first unlock: the unlock page says all there is to say, and
        # creating one costs about 6 ms before the first paint.
        self.show_lock_page()

    # ---------------------------------------------------------------- parts
    @property
    def lock_control(self) -> LockController:
        if self._lock_control is None:
            from second_opinion.ui.window.lock_controller import LockController

            self._lock_control = LockController(self)
        return self._lock_control

    @property
    def idle(self) -> IdleWatcher:
        """The auto-lock's timer (Preferences sets its interval)."""
        return self.lock_control.idle

    @property
    def watching_activity(self) -> bool:
        return self._lock_control is not None and self._lock_control.watching_activity

    @property
    def people(self) -> PersonSwitcher:
        if self._people is None:
            from second_opinion.ui.window.people import PersonSwitcher

            self._people = PersonSwitcher(self)
        return self._people

    @property
    def person_combo(self) -> QComboBox:
        return self.people.combo

    # ---------------------------------------------------------------- menus
    def _build_menu_titles(self) -> dict[str, QMenu]:
        bar = self.menuBar()
        return {
            "file": bar.addMenu(self.tr("&File")),
            "edit": bar.addMenu(self.tr("&Edit")),
            "view": bar.addMenu(self.tr("&View")),
            "help": bar.addMenu(self.tr("&Help")),
        }

    def finish_menus(self) -> None:
        """Create the actions and fill the menus, once (after the first paint, or on unlock)."""
        if self._vault_actions:
            return
        from second_opinion.ui import focus_frame
        from second_opinion.ui.window import actions, startup

        focus_frame.show_focus_always()
        self._vault_actions = actions.build_actions(self)
        actions.fill_menus(self, self._menus)
        # The window's icon (an SVG, 2 ms) only shows in the task bar: not on the way to the
        # first screen.
        QTimer.singleShot(
            WINDOW_ICON_DELAY_MS, self, lambda: self.setWindowIcon(startup.app_icon())
        )
        for act in self._vault_actions:
            act.setEnabled(self.vault is not None)

    # ---------------------------------------------------------------- lock/unlock
    def show_lock_page(self, message: str = "", try_remembered_key: bool = True) -> None:
        if self.lock_page is not None:
            self.lock_page.setParent(None)
            self.lock_page.deleteLater()
        from second_opinion.vault.layout import VaultPaths

        page: UnlockPage | WelcomePage
        if VaultPaths(self.data_dir).exists():
            page = UnlockPage(self.data_dir, self._lock_holder)
            page.sig_restore_requested.connect(self.restore)
        else:
            from second_opinion.ui.welcome_page import WelcomePage  # the first run only

            page = WelcomePage(self.data_dir, self._lock_holder)
            # A vault made just now: its person starts at the beginning, the Guide.
            page.sig_unlocked.connect(self._forget_last_tab)
        page.sig_unlocked.connect(self._attach_when_unlocked)
        # The menus' actions are made once the page is on screen and any remembered-key attempt
        # is over (its thread should not compete with them); unlocking makes them anyway.
        page.sig_settled.connect(self._end_quiet_start)
        page.sig_settled.connect(self.finish_menus)
        page.sig_settled.connect(self._announce_started)
        page.sig_remembered.connect(self._note_remembered)
        layout = self._lock_holder.layout()
        assert layout is not None
        layout.addWidget(page)
        self.lock_page = page
        self._stack.setCurrentWidget(self._lock_holder)
        if self.person_toolbar is not None:
            self.person_toolbar.hide()
        for act in self._vault_actions:
            act.setEnabled(False)
        # Import what unlocking builds (the window's parts, the first tab) on the unlock thread
        # while the person waits anyway.
        first = spec_for(self._restoring_tab) or TABS[0]
        page.warm_modules = [
            "second_opinion.case.first_screen",
            "second_opinion.ui.context",
            "second_opinion.ui.window.startup",
            "second_opinion.ui.window.lock_controller",
            "second_opinion.ui.window.people",
            "second_opinion.ui.window.actions",
            first.module,
        ]
        if isinstance(page, UnlockPage):
            page.start(try_remembered_key=try_remembered_key)
        else:
            page.start()
        if message:
            page.show_error(message)
        page.setFocus()

    def attach_vault(self, vault: Vault) -> None:
        """Show ``vault``: build the context, the person switcher and the first tab.

        Everything here reads with plain SQL (``case.first_screen``); SQLAlchemy and the other
        tabs load on a worker thread once this has painted (see ``window.startup``).
        """
        from second_opinion.ui import announce, prompts
        from second_opinion.ui.context import AppContext
        from second_opinion.ui.window import startup

        startup.make_sections(self)
        # Shown before anything is built, so its first paint shows the unlocked window (and
        # the work after that paint waits for it, see eventFilter).
        self._end_quiet_start()
        self.finish_menus()
        people = startup.first_people(self, vault)
        if people is None:
            return
        self.vault = vault
        prompts.protected_folder = vault.paths.folder  # no save dialog may write into it
        self.ctx = AppContext(vault, people[0].id, self)
        self.ctx.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        announce.follow_status_bar(self.statusBar())
        self.people.attach(self.ctx, people)
        if self.person_toolbar is None:
            from second_opinion.ui.window.actions import build_toolbar

            self.person_toolbar = build_toolbar(self)
        startup.fill_sections(self)
        if self.lock_page is not None:
            self.lock_page.setParent(None)
            self.lock_page.deleteLater()
            self.lock_page = None
        self._stack.setCurrentWidget(self.tab_widget)
        self.person_toolbar.show()
        for act in self._vault_actions:
            act.setEnabled(True)
        if self._restoring_vault_id not in (None, vault.vault_id):
            self._forget_last_tab()  # the tab was another vault's
        self.navigate(self._restoring_tab if spec_for(self._restoring_tab) else FIRST_TAB)
        self.tab_widget.setFocus()  # the unlock page had the keyboard; now the tab bar has
        self.statusBar().showMessage(self.tr("Unlocked"), 3000)
        self.lock_control.unlocked(self.settings.auto_lock_minutes)
        # Build the other tabs after the unlocked window has painted (see eventFilter), one at a
        # time with input handled in between, so their counts (e.g. overdue records) reach the
        # tab bar without delaying the first sight of the window.
        self._build_queue = [spec.key for spec in TABS if spec.key not in self._tabs]
        self._awaiting_first_paint = True
        if not self.isVisible():  # no first paint to wait for (a window not shown yet)
            self.lock_control.watch_activity(True)
        self.tab_widget.update()
        self.sig_vault_unlocked.emit()

    def _attach_when_unlocked(self, vault: Vault) -> None:
        from second_opinion.ui.window.startup import attach_in_two_turns

        attach_in_two_turns(self, vault)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tab_widget
            and event.type() == QEvent.Type.Paint
            and self._awaiting_first_paint
        ):
            self._awaiting_first_paint = False
            QTimer.singleShot(0, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        from second_opinion.ui.window.startup import after_first_paint

        self._announce_started()
        after_first_paint(self)

    def show_when_ready(self) -> None:
        """Show the window, at once, or, when this computer remembers the vault's key, once
        that key has been tried: then the window opens unlocked instead of flashing the
        passphrase prompt first. If the key does not open it, or the keyring takes longer
        than QUIET_START_LIMIT_MS (it may be asking its own password), the prompt shows."""
        if not (isinstance(self.lock_page, UnlockPage) and self.settings.remembered_vault):
            self.show()
            return
        # The page tries the key as soon as the event loop runs, seeing it is not on screen.
        self._quiet_start = True
        QTimer.singleShot(QUIET_START_LIMIT_MS, self, self._end_quiet_start)

    def _end_quiet_start(self) -> None:
        if self._quiet_start:
            self._quiet_start = False
            self.show()

    def _note_remembered(self, vault_id: str) -> None:
        self.settings.remembered_vault = vault_id

    def _announce_started(self) -> None:
        if not self._started:
            self._started = True
            self.sig_started.emit()

    def _forget_last_tab(self, *_args: object) -> None:
        self._restoring_tab = FIRST_TAB

    def show_damaged(self) -> None:
        from second_opinion.vault.errors import VaultDamaged

        if isinstance(self.lock_page, UnlockPage):
            self.lock_page.show_refusal(VaultDamaged())

    def lock(self) -> None:
        """Stop the work in flight, drop every tab, model and cached object holding health
        data, wipe the key (in that order: see ``window.lock_controller``)."""
        if self.vault is None:
            return
        current = self.current_tab_key()
        if current:
            self._restoring_tab = current
            self.settings.last_tab = current
        self._restoring_vault_id = self.vault.vault_id
        self.lock_control.lock()
        self.people.detach()
        self.statusBar().showMessage(self.tr("Locked"))
        self.show_lock_page(try_remembered_key=False)
        self.sig_vault_locked.emit()

    # ---------------------------------------------------------------- tabs
    def current_tab_key(self) -> str | None:
        if not self._containers:  # locked (and perhaps never unlocked: no tab widget yet)
            return None
        index = self.tab_widget.currentIndex()
        return TABS[index].key if 0 <= index < len(TABS) else None

    def tab(self, key: str) -> CaseTab | None:
        """The tab for ``key``, built now if it was not yet (None when locked)."""
        if self.ctx is None or key not in self._containers:
            return None
        existing = self._tabs.get(key)
        if existing is not None:
            return existing
        spec = spec_for(key)
        assert spec is not None
        container = self._containers[key]
        tab: CaseTab = spec.load()(self.ctx, self, container)
        container.layout().addWidget(tab)  # type: ignore[union-attr]
        self._tabs[key] = tab
        tab.sig_title_changed.connect(lambda text, k=key: self._set_tab_title(k, text))
        tab.reload()
        self._set_tab_title(key, tab.title())
        return tab

    def _set_tab_title(self, key: str, text: str) -> None:
        index = [spec.key for spec in TABS].index(key)
        if index < self.tab_widget.count():
            self.tab_widget.setTabText(index, text.replace("&", "&&") if "&&" not in text else text)

    def tab_is_pending(self, key: str) -> bool:
        """Whether the tab for ``key`` has yet to be built."""
        return key not in self._tabs

    def drop_tabs(self) -> None:
        """Empty every tab's models at once, then delete the tabs (on lock)."""
        self._build_queue = []
        self.tab_widget.blockSignals(True)
        for tab in self._tabs.values():
            tab.release()
            tab.setParent(None)
            tab.deleteLater()
        self._tabs.clear()
        self._containers.clear()
        self.tab_widget.clear()
        self.tab_widget.blockSignals(False)

    def start_background_builds(self) -> None:
        from second_opinion.ui.window.startup import build_pending_tabs

        build_pending_tabs(self)

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(TABS):
            from second_opinion.ui.window.startup import show_tab

            show_tab(self, TABS[index])

    def navigate(self, target: str, **kwargs: Any) -> None:
        key, _, action = target.partition(".")
        if self.ctx is None:
            return
        if key == "profile":
            from second_opinion.ui.profile_dialog import open_profile_dialog

            open_profile_dialog(self, self.ctx, page=action or "profile")
            return
        spec = spec_for(key)
        if spec is None:
            log.warning("unknown navigation target")
            return
        self.tab_widget.setCurrentIndex(TABS.index(spec))
        tab = self.tab(key)
        if tab is not None and action:
            tab.handle_navigation(action, **kwargs)

    def new_item(self) -> None:
        key = self.current_tab_key()
        tab = self._tabs.get(key) if key else None
        if tab is not None:
            tab.new_item()

    def focus_search(self) -> None:
        key = self.current_tab_key()
        tab = self._tabs.get(key) if key else None
        if tab is not None:
            tab.focus_search()

    # ---------------------------------------------------------------- vault actions
    def restore(self) -> None:
        """Replace the vault with a backup (File menu, and the unlock page's offer)."""
        from second_opinion.ui.vault_actions import restore

        restore(self)

    # ---------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.geometry = self.saveGeometry()
        key = self.current_tab_key()
        if key:
            self.settings.last_tab = key
        self.settings.sync()
        if self.vault is not None:
            self.lock()
        from second_opinion.ui.clipboard import clear_if_ours

        clear_if_ours()
        if self._lock_control is not None:
            self._lock_control.watch_activity(False)
        super().closeEvent(event)
