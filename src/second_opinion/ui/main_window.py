"""The main window: the locked/unlocked states, tabs, menus, person switcher and auto-lock.

Start-up rule: until the first window has painted, this module and the unlock page use nothing
but Qt classes. Everything else (dialogs, the vault, the tabs) is imported where it is used,
and even the ``Qt`` namespace is imported only in code that runs after unlocking, because
PySide builds all of that namespace's enumerations on first use (about 28 ms).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from second_opinion import APP_NAME
from second_opinion.ui.settings import AppSettings
from second_opinion.ui.tab_registry import TABS, Navigator, spec_for
from second_opinion.ui.unlock_page import UnlockPage, WelcomePage

if TYPE_CHECKING:
    # Classes used only after the first paint are imported where they are used: PySide creates
    # each class (and its enumerations) on first import, a millisecond or so apiece.
    from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
    from PySide6.QtWidgets import QToolBar

    from second_opinion.ui.context import AppContext
    from second_opinion.ui.tabs.base import CaseTab
    from second_opinion.vault.vault import Vault

log = logging.getLogger(__name__)

#: pause between building two tabs in the background, so clicks and keys are handled between
BACKGROUND_BUILD_GAP_MS = 30
WINDOW_ICON_DELAY_MS = 200
#: how long a window with a remembered key stays unseen while it tries the key
QUIET_START_LIMIT_MS = 400

NOT_MEDICAL_ADVICE = (
    "Second Opinion helps you organise getting a second opinion. It is not medical advice and "
    "does not replace the advice of your doctors; decisions about your care are yours to make "
    "with them."
)


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

    def __init__(self, data_dir: Path, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.settings = settings or AppSettings()
        self.vault: Vault | None = None
        self.ctx: AppContext | None = None
        self._tabs: dict[str, CaseTab] = {}
        self._containers: dict[str, QWidget] = {}
        self._build_queue: list[str] = []
        self._restoring_tab = self.settings.last_tab
        self._unloadable: set[str] = set()

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
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setDocumentMode(True)
        self.tab_widget.setAccessibleName(self.tr("Sections"))
        self.tab_widget.currentChanged.connect(self._on_tab_changed)
        self._stack.addWidget(self.tab_widget)
        self.lock_page: UnlockPage | WelcomePage | None = None

        self.idle = IdleWatcher(self)
        self.idle.sig_idle.connect(self.lock)
        self._watching_activity = False
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
        self.tab_widget.installEventFilter(self)
        # No status bar until the first unlock: the unlock page says all there is to say, and
        # creating one costs about 6 ms before the first paint.
        self.show_lock_page()

    # ---------------------------------------------------------------- actions
    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: str = "",
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon:
            action.setIcon(_icon(icon))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        from PySide6.QtGui import QKeySequence

        std = QKeySequence.StandardKey
        self.act_backup = self._action(self.tr("&Back up…"), self.backup, None, "fa5s.save")
        self.act_restore = self._action(self.tr("&Restore from a backup…"), self.restore)
        self.act_passwd = self._action(self.tr("Change &passphrase…"), self.change_passphrase)
        self.act_packet = self._action(
            self.tr("Prepare &visit packet…"), self.prepare_packet, std.Print, "fa5s.print"
        )
        self.act_export_contacts = self._action(
            self.tr("Export contacts as &vCard…"), lambda: self.navigate("contacts.export_vcard")
        )
        self.act_lock = self._action(self.tr("&Lock"), self.lock, "Ctrl+L", "fa5s.lock")
        self.act_quit = self._action(self.tr("&Quit"), self.close, std.Quit)
        self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_new = self._action(self.tr("&New…"), self._new_item, std.New, "fa5s.plus")
        self.act_find = self._action(self.tr("&Find"), self._focus_search, std.Find)
        self.act_profile = self._action(
            self.tr("&Profile and insurance…"),
            lambda: self.navigate("profile"),
            None,
            "fa5s.id-card",
        )
        self.act_prefs = self._action(self.tr("Pr&eferences…"), self.preferences)
        self.act_guide = self._action(self.tr("&Guide"), lambda: self.navigate("guide"), "F1")
        self.act_shortcuts = self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        self.act_disclaimer = self._action(self.tr("&Not medical advice"), self.show_disclaimer)
        self.act_about = self._action(self.tr("&About Second Opinion"), self.show_about)
        self.act_add_person = self._action(
            self.tr("Add person…"), self.add_person, None, "fa5s.user-plus"
        )
        self.act_rename_person = self._action(
            self.tr("Rename person…"), self.rename_person, None, "fa5s.user-edit"
        )
        self.act_delete_person = self._action(self.tr("Delete person…"), self.delete_person)
        self.act_tab_keys: list[QAction] = []
        for number, spec in enumerate(TABS, start=1):
            act = self._action(
                spec.translated_title().replace("&&", "&"),
                lambda _checked=False, key=spec.key: self.navigate(key),
                f"Alt+{number}",
            )
            self.act_tab_keys.append(act)
        self._vault_actions = [
            self.act_backup,
            self.act_passwd,
            self.act_packet,
            self.act_export_contacts,
            self.act_lock,
            self.act_new,
            self.act_find,
            self.act_profile,
            self.act_add_person,
            self.act_rename_person,
            self.act_delete_person,
            *self.act_tab_keys,
        ]

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
        self._build_actions()
        self._fill_menus()
        # The window's icon (an SVG, 2 ms) only shows in the task bar: not on the way to the
        # first screen.
        QTimer.singleShot(WINDOW_ICON_DELAY_MS, self, lambda: self.setWindowIcon(_app_icon()))
        for act in self._vault_actions:
            act.setEnabled(self.vault is not None)

    def _fill_menus(self) -> None:
        file_menu = self._menus["file"]
        file_menu.addAction(self.act_packet)
        file_menu.addAction(self.act_export_contacts)
        file_menu.addSeparator()
        file_menu.addAction(self.act_backup)
        file_menu.addAction(self.act_restore)
        file_menu.addAction(self.act_passwd)
        file_menu.addSeparator()
        file_menu.addAction(self.act_lock)
        file_menu.addAction(self.act_quit)
        edit_menu = self._menus["edit"]
        edit_menu.addAction(self.act_new)
        edit_menu.addAction(self.act_find)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_profile)
        edit_menu.addAction(self.act_add_person)
        edit_menu.addAction(self.act_rename_person)
        edit_menu.addAction(self.act_delete_person)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_prefs)
        view_menu = self._menus["view"]
        for act in self.act_tab_keys:
            view_menu.addAction(act)
        help_menu = self._menus["help"]
        help_menu.addAction(self.act_guide)
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(self.act_disclaimer)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        from PySide6.QtCore import Qt  # after unlocking only: see the module's docstring
        from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

        bar = QToolBar(self.tr("Person"), self)
        bar.setObjectName("person-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        label = QLabel(self.tr("Case of:"), bar)
        label.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(label)
        self.person_combo = QComboBox(bar)
        self.person_combo.setAccessibleName(self.tr("Person"))
        self.person_combo.setToolTip(self.tr("Whose case is shown. Each person has their own."))
        self.person_combo.setMinimumContentsLength(18)
        self.person_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.person_combo.currentIndexChanged.connect(self._on_person_picked)
        label.setBuddy(self.person_combo)
        bar.addWidget(self.person_combo)
        bar.addAction(self.act_add_person)
        bar.addAction(self.act_rename_person)
        bar.addSeparator()
        bar.addAction(self.act_profile)
        bar.addAction(self.act_packet)
        spacer = QWidget(bar)
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        bar.addWidget(spacer)
        bar.addAction(self.act_lock)
        self.addToolBar(bar)
        self.person_toolbar = bar

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
            page = WelcomePage(self.data_dir, self._lock_holder)
        page.sig_unlocked.connect(self.attach_vault)
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
        # Import the first tab's code on the unlock thread while the person waits anyway.
        first = spec_for(self._restoring_tab) or TABS[0]
        page.warm_modules = ["second_opinion.services.first_screen", first.module]
        if isinstance(page, UnlockPage):
            page.start(try_remembered_key=try_remembered_key)
        else:
            page.start()
        if message:
            page.show_error(message)
        page.setFocus()

    def attach_vault(self, vault: Vault) -> None:
        """Show ``vault``: build the context, the person switcher and the first tab.

        Everything here reads with plain SQL (``services.first_screen``); SQLAlchemy and the
        other tabs load on a worker thread once this has painted (see ``_after_first_paint``).
        """
        from second_opinion.ui import prompts
        from second_opinion.ui.context import AppContext

        # Shown before anything is built, so its first paint shows the unlocked window (and
        # the work after that paint waits for it, see eventFilter).
        self._end_quiet_start()
        self.finish_menus()
        self.vault = vault
        prompts.protected_folder = vault.paths.folder  # no save dialog may write into it
        try:
            people = self._read_people()
        except Exception as exc:
            from second_opinion.vault.connection import is_database_error

            if not is_database_error(exc):
                raise
            self.vault = None
            vault.lock()
            self._show_damaged()
            return
        if not people:  # a vault with nobody in it: the case needs someone
            from second_opinion.services.people import add_person

            with vault.session() as session:
                add_person(session, self.tr("Me"))
            people = self._read_people()
        self.ctx = AppContext(vault, people[0].id, self)
        self.ctx.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.ctx.sig_data_changed.connect(self._on_data_changed)
        if self.person_toolbar is None:
            self._build_toolbar()
        self._fill_person_combo(people, people[0].id)
        self._build_tab_shells()
        if self.lock_page is not None:
            self.lock_page.setParent(None)
            self.lock_page.deleteLater()
            self.lock_page = None
        self._stack.setCurrentWidget(self.tab_widget)
        assert self.person_toolbar is not None
        self.person_toolbar.show()
        for act in self._vault_actions:
            act.setEnabled(True)
        self.navigate(self._restoring_tab if spec_for(self._restoring_tab) else "guide")
        self.statusBar().showMessage(self.tr("Unlocked"), 3000)
        self.idle.set_interval_ms(self.settings.auto_lock_minutes * 60_000)
        # Build the other tabs after the unlocked window has painted (see eventFilter), one at a
        # time with input handled in between, so their counts (e.g. overdue records) reach the
        # tab bar without delaying the first sight of the window.
        self._build_queue = [spec.key for spec in TABS if spec.key not in self._tabs]
        self._awaiting_first_paint = True
        if not self.isVisible():  # no first paint to wait for (a window not shown yet)
            self._watch_activity(True)
        self.tab_widget.update()
        self.sig_vault_unlocked.emit()

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
        """Once the unlocked window is on screen: watch for activity, load the rest of the app
        on a worker thread (the GUI stays responsive), then build the other tabs."""
        self._announce_started()
        if self.ctx is None or self.vault is None:
            return
        self._watch_activity(True)
        from second_opinion.ui.tasks import run_in_background

        vault = self.vault
        modules = [spec.module for spec in TABS if spec.key not in self._tabs]

        def checked(intact: bool) -> None:
            if self.vault is not vault:  # locked (or another vault) meanwhile
                return
            if not intact:
                self._close_damaged()
                return
            run_in_background(
                lambda: _import_for_later(modules),
                lambda _result: self._start_background_builds(),
                lambda _exc: self._start_background_builds(),
            )

        # First every page's HMAC, which the unlock left for now (see Vault._open).
        run_in_background(vault.pages_intact, checked, lambda _exc: checked(False))

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

    def _close_damaged(self) -> None:
        log.warning("vault pages failed their check after unlocking")
        self.lock()
        self._show_damaged()

    def _show_damaged(self) -> None:
        from second_opinion.vault.errors import VaultDamaged

        if isinstance(self.lock_page, UnlockPage):
            self.lock_page.show_refusal(VaultDamaged())

    def _start_background_builds(self) -> None:
        QTimer.singleShot(BACKGROUND_BUILD_GAP_MS, self._build_next_in_background)

    def _watch_activity(self, on: bool) -> None:
        """Let the auto-lock see every key and click, only while a vault is open.

        Installed after the unlocked window's first paint, not at start: the first event a
        Python filter on the whole application sees for one of Qt's private objects makes
        PySide create every Qt class it has not created yet (about 25 ms), and that should not
        stand between launch and the first window.
        """
        app = QApplication.instance()
        if app is None or on == self._watching_activity:
            return
        if on:
            app.installEventFilter(self.idle)
        else:
            app.removeEventFilter(self.idle)
        self._watching_activity = on

    def lock(self) -> None:
        """Drop every tab, model and cached object holding health data; wipe the key."""
        if self.vault is None:
            return
        from second_opinion.ui.clipboard import clear_if_ours

        self.idle.stop()
        self._watch_activity(False)
        current = self.current_tab_key()
        if current:
            self._restoring_tab = current
            self.settings.last_tab = current
        self._build_queue = []
        self.tab_widget.blockSignals(True)
        for tab in self._tabs.values():
            tab.release()
            tab.setParent(None)
            tab.deleteLater()
        self._tabs.clear()
        self._containers.clear()
        self._unloadable.clear()
        self.tab_widget.clear()
        self.tab_widget.blockSignals(False)
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.blockSignals(False)
        if self.ctx is not None:
            self.ctx.deleteLater()
            self.ctx = None
        self.vault.lock()
        self.vault = None
        clear_if_ours()
        self.statusBar().showMessage(self.tr("Locked"))
        self.show_lock_page(try_remembered_key=False)
        self.sig_vault_locked.emit()
        log.info("window locked")

    # ---------------------------------------------------------------- tabs
    def _build_tab_shells(self) -> None:
        self.tab_widget.blockSignals(True)
        for spec in TABS:
            container = QWidget(self.tab_widget)
            QVBoxLayout(container).setContentsMargins(0, 0, 0, 0)
            self._containers[spec.key] = container
            self.tab_widget.addTab(container, _icon(spec.icon), spec.translated_title())
        self.tab_widget.blockSignals(False)

    def current_tab_key(self) -> str | None:
        index = self.tab_widget.currentIndex()
        return TABS[index].key if 0 <= index < len(TABS) and self._containers else None

    def tab(self, key: str) -> CaseTab | None:
        """The tab for ``key``, built now if it was not yet (None when locked)."""
        if self.ctx is None or key not in self._containers:
            return None
        existing = self._tabs.get(key)
        if existing is not None or key in self._unloadable:
            return existing
        spec = spec_for(key)
        assert spec is not None
        container = self._containers[key]
        try:
            tab_class = spec.load()
        except ImportError:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QLabel

            log.exception("tab %s could not be loaded", key)
            self._unloadable.add(key)
            placeholder = QLabel(self.tr("This part of the app could not be loaded."), container)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            container.layout().addWidget(placeholder)  # type: ignore[union-attr]
            return None
        tab: CaseTab = tab_class(self.ctx, self, container)
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

    def _build_next_in_background(self) -> None:
        if not self._build_queue or self.ctx is None:
            return
        self.tab(self._build_queue.pop(0))
        if self._build_queue:
            QTimer.singleShot(BACKGROUND_BUILD_GAP_MS, self._build_next_in_background)

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(TABS):
            self.tab(TABS[index].key)

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

    def _new_item(self) -> None:
        key = self.current_tab_key()
        tab = self._tabs.get(key) if key else None
        if tab is not None:
            tab.new_item()

    def _focus_search(self) -> None:
        key = self.current_tab_key()
        tab = self._tabs.get(key) if key else None
        if tab is not None:
            tab.focus_search()

    def _on_data_changed(self, area: str) -> None:
        if area == "people" and self.ctx is not None:
            self._reload_people(self.ctx.person_id)

    # ---------------------------------------------------------------- people
    def _fill_person_combo(self, people: list[Any], current_id: int) -> None:
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        for person in people:
            self.person_combo.addItem(_icon("fa5s.user"), person.name, person.id)
        index = self.person_combo.findData(current_id)
        self.person_combo.setCurrentIndex(max(0, index))
        self.person_combo.blockSignals(False)

    def _reload_people(self, current_id: int) -> None:
        if self.ctx is None:
            return
        self._fill_person_combo(self._read_people(), current_id)

    def _read_people(self) -> list[Any]:
        from second_opinion.services.first_screen import people

        assert self.vault is not None
        with self.vault.reading() as conn:
            return people(conn)

    def _on_person_picked(self, index: int) -> None:
        if self.ctx is None or index < 0:
            return
        person_id = self.person_combo.itemData(index)
        if isinstance(person_id, int):
            self.ctx.set_person(person_id)

    def add_person(self) -> None:
        from second_opinion.ui import prompts

        if self.ctx is None:
            return
        name = prompts.ask_text(
            self, self.tr("Add a person"), self.tr("Name of the person whose case this is:")
        )
        if name is None:
            return
        from second_opinion.services.errors import ValidationError
        from second_opinion.services.people import add_person

        try:
            with self.ctx.session() as session:
                new_id = add_person(session, name)
        except ValidationError as exc:
            prompts.show_error(self, self.tr("Add a person"), exc.message)
            return
        self._reload_people(new_id)
        self.ctx.set_person(new_id)

    def rename_person(self) -> None:
        from second_opinion.ui import prompts

        if self.ctx is None:
            return
        current = self.person_combo.currentText()
        name = prompts.ask_text(
            self, self.tr("Rename"), self.tr("New name for this person:"), current
        )
        if name is None:
            return
        from second_opinion.services.errors import ServiceError
        from second_opinion.services.people import rename_person

        try:
            with self.ctx.session() as session:
                rename_person(session, self.ctx.person_id, name)
        except ServiceError as exc:
            prompts.show_error(self, self.tr("Rename"), exc.message)
            return
        self._reload_people(self.ctx.person_id)
        self.ctx.notify_changed("people")

    def delete_person(self) -> None:
        from second_opinion.ui import prompts

        if self.ctx is None:
            return
        from second_opinion.services.errors import ServiceError
        from second_opinion.services.people import delete_person, footprint, list_people

        with self.ctx.session() as session:
            fp = footprint(session, self.ctx.person_id)
        name = self.person_combo.currentText()
        text = self.tr(
            "Delete {name} and their whole case: {records} record items, {requests} requests, "
            "{questions} questions, {visits} visits and {opinions} opinions? Shared contacts "
            "stay. This cannot be undone."
        ).format(
            name=name,
            records=fp.records,
            requests=fp.requests,
            questions=fp.questions,
            visits=fp.visits,
            opinions=fp.opinions,
        )
        if not prompts.ask_confirm(self, self.tr("Delete person"), text, self.tr("Delete")):
            return
        try:
            with self.ctx.session() as session:
                delete_person(session, self.ctx.person_id)
                remaining = list_people(session)
        except ServiceError as exc:
            prompts.show_error(self, self.tr("Delete person"), exc.message)
            return
        self._fill_person_combo(remaining, remaining[0].id)
        self.ctx.set_person(remaining[0].id)

    # ---------------------------------------------------------------- file actions
    def prepare_packet(self) -> None:
        if self.ctx is None:
            return
        from second_opinion.ui.export_actions import prepare_packet

        prepare_packet(self, self.ctx, None)

    def backup(self) -> None:
        if self.vault is None:
            return
        from second_opinion.ui.vault_actions import backup

        backup(self, self.vault)

    def restore(self) -> None:
        from second_opinion.ui.vault_actions import restore

        restore(self)

    def change_passphrase(self) -> None:
        if self.vault is None:
            return
        from second_opinion.ui.vault_actions import change_passphrase

        change_passphrase(self, self.vault)

    def preferences(self) -> None:
        from second_opinion.ui.vault_actions import preferences

        preferences(self)

    def show_shortcuts(self) -> None:
        from second_opinion.ui.help_dialogs import show_shortcuts

        show_shortcuts(self)

    def show_disclaimer(self) -> None:
        from second_opinion.ui import prompts

        prompts.show_info(self, self.tr("Not medical advice"), self.tr(NOT_MEDICAL_ADVICE))

    def show_about(self) -> None:
        from second_opinion.ui.help_dialogs import show_about

        show_about(self)

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
        self._watch_activity(False)
        super().closeEvent(event)


def _import_for_later(modules: list[str]) -> None:
    """Import what the other tabs and the first save need (SQLAlchemy, the models, the tabs),
    on a worker thread: about half a second the person would otherwise wait for on a click."""
    import importlib

    from sqlalchemy.orm import configure_mappers

    import second_opinion.domain.models
    import second_opinion.vault.engine  # noqa: F401

    configure_mappers()
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:  # the GUI thread meets it again when building the tab, and says so
            log.warning("module %s could not be imported ahead", name)


def _icon(name: str) -> QIcon:
    from second_opinion.ui.icons import icon

    return icon(name)


def _app_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    # A plain path (not importlib.resources, which imports zipfile): the package is always
    # installed as files, frozen builds included.
    svg = Path(__file__).resolve().parent.parent / "resources" / "icons" / "second-opinion.svg"
    return QIcon(str(svg)) if svg.is_file() else QIcon()
