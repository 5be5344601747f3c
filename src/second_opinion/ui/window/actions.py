"""The main window's actions, its menus and the toolbar above the tabs.

Made once, right after the first paint (or on the first unlock): the shortcuts need Qt's
enumerations, which are not worth loading before the unlock prompt shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolBar, QToolButton, QWidget

from second_opinion.ui import help_dialogs
from second_opinion.ui.icons import icon
from second_opinion.ui.tab_registry import TABS

if TYPE_CHECKING:
    from second_opinion.ui.main_window import MainWindow


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[..., Any],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    icon_name: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon_name:
        action.setIcon(icon(icon_name))
    action.triggered.connect(slot)
    return action


def build_actions(window: MainWindow) -> list[QAction]:
    """Make the window's ``act_*`` actions; the list of those that need an unlocked vault."""
    w = window
    tr = window.tr
    std = QKeySequence.StandardKey
    people = window.people
    w.act_backup = _action(w, tr("&Back up…"), lambda: backup(w), None, "fa5s.save")
    w.act_restore = _action(w, tr("&Restore from a backup…"), w.restore)
    w.act_passwd = _action(w, tr("Change &passphrase…"), lambda: change_passphrase(w))
    w.act_packet = _action(
        w, tr("Prepare &visit packet…"), lambda: prepare_packet(w), std.Print, "fa5s.print"
    )
    w.act_export_contacts = _action(
        w, tr("Export contacts as &vCard…"), lambda: w.navigate("contacts.export_vcard")
    )
    w.act_export_calendar = _action(
        w, tr("Export &calendar…"), lambda: export_calendar(w), None, "fa5s.calendar-alt"
    )
    w.act_export_calendar.setToolTip(
        tr("One calendar file with every visit, due date, follow-up call and return date.")
    )
    w.act_import = _action(
        w, tr("&Import health records…"), lambda: import_records(w), None, "fa5s.file-medical"
    )
    w.act_import.setToolTip(
        tr(
            "Read a C-CDA (XML) or FHIR (JSON) file from a patient portal; you see what it holds "
            "before anything is added."
        )
    )
    w.act_lock = _action(w, tr("&Lock"), w.lock, "Ctrl+L", "fa5s.lock")
    w.act_quit = _action(w, tr("&Quit"), w.close, std.Quit)
    w.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
    w.act_new = _action(w, tr("&New…"), w.new_item, std.New, "fa5s.plus")
    w.act_find = _action(w, tr("&Find in this tab"), w.focus_search, std.Find)
    w.act_find_anything = _action(
        w, tr("Find &anything…"), lambda: find_anything(w), "Ctrl+K", "fa5s.search"
    )
    w.act_profile = _action(
        w, tr("&Profile and insurance…"), lambda: w.navigate("profile"), None, "fa5s.id-card"
    )
    w.act_prefs = _action(w, tr("Pr&eferences…"), lambda: preferences(w))
    w.act_guide = _action(w, tr("&Guide"), lambda: w.navigate("guide"), "F1")
    w.act_shortcuts = _action(w, tr("&Keyboard shortcuts"), lambda: help_dialogs.show_shortcuts(w))
    w.act_disclaimer = _action(
        w, tr("&Not medical advice"), lambda: help_dialogs.show_disclaimer(w)
    )
    w.act_about = _action(w, tr("&About Second Opinion"), lambda: help_dialogs.show_about(w))
    # Not "Add person": beside the Contacts tab's "Add contact" that was easy to pick wrongly.
    w.act_add_person = _action(
        w, tr("Add someone else's case…"), people.add_person, None, "fa5s.user-plus"
    )
    w.act_add_person.setToolTip(
        tr("Start a separate case for someone you help. To add a doctor, use Doctors & contacts.")
    )
    w.act_rename_person = _action(
        w, tr("Rename this person…"), people.rename_person, None, "fa5s.user-edit"
    )
    w.act_delete_person = _action(w, tr("Delete this person's case…"), people.delete_person)
    w.act_tab_keys = [
        _action(
            w,
            spec.translated_title(),  # "&&" shows one "&" in a menu, as on the tab
            lambda _checked=False, key=spec.key: w.navigate(key),
            f"Alt+{number}",
        )
        for number, spec in enumerate(TABS, start=1)
    ]
    return [
        w.act_backup,
        w.act_passwd,
        w.act_packet,
        w.act_export_contacts,
        w.act_import,
        w.act_export_calendar,
        w.act_lock,
        w.act_new,
        w.act_find,
        w.act_find_anything,
        w.act_profile,
        w.act_add_person,
        w.act_rename_person,
        w.act_delete_person,
        *w.act_tab_keys,
    ]


def fill_menus(window: MainWindow, menus: dict[str, QMenu]) -> None:
    w = window
    file_menu = menus["file"]
    file_menu.addAction(w.act_packet)
    file_menu.addAction(w.act_export_contacts)
    file_menu.addAction(w.act_export_calendar)
    file_menu.addAction(w.act_import)
    file_menu.addSeparator()
    file_menu.addAction(w.act_backup)
    file_menu.addAction(w.act_restore)
    file_menu.addAction(w.act_passwd)
    file_menu.addSeparator()
    file_menu.addAction(w.act_lock)
    file_menu.addAction(w.act_quit)
    edit_menu = menus["edit"]
    edit_menu.addAction(w.act_new)
    edit_menu.addAction(w.act_find)
    edit_menu.addAction(w.act_find_anything)
    edit_menu.addSeparator()
    edit_menu.addAction(w.act_profile)
    edit_menu.addAction(w.act_add_person)
    edit_menu.addAction(w.act_rename_person)
    edit_menu.addAction(w.act_delete_person)
    edit_menu.addSeparator()
    edit_menu.addAction(w.act_prefs)
    view_menu = menus["view"]
    for act in w.act_tab_keys:
        view_menu.addAction(act)
    help_menu = menus["help"]
    help_menu.addAction(w.act_guide)
    help_menu.addAction(w.act_shortcuts)
    help_menu.addAction(w.act_disclaimer)
    help_menu.addSeparator()
    help_menu.addAction(w.act_about)


def build_toolbar(window: MainWindow) -> QToolBar:
    """The row above the tabs: whose case, the actions on people, profile, packet, lock."""
    w = window
    bar = QToolBar(w.tr("Whose case"), w)
    bar.setObjectName("person-toolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    w.people.label.setParent(bar)
    bar.addWidget(w.people.label)
    w.people.combo.setParent(bar)
    bar.addWidget(w.people.combo)
    # The person actions show as icons (named for screen readers, with tooltips), so that at
    # 1024 pixels the finder and Lock still fit in the row instead of behind its overflow.
    for act in (w.act_add_person, w.act_rename_person):
        button = QToolButton(bar)
        button.setDefaultAction(act)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setAccessibleName(act.text().replace("&", "").rstrip("…"))
        button.setToolTip(act.toolTip() or act.text().replace("&", ""))
        bar.addWidget(button)
    bar.addSeparator()
    bar.addAction(w.act_profile)
    bar.addAction(w.act_packet)
    spacer = QWidget(bar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    from second_opinion.ui.finder import finder_field

    w.finder_field = finder_field(w, lambda: w.ctx, bar)
    bar.addWidget(w.finder_field)
    bar.addAction(w.act_lock)
    w.addToolBar(bar)
    return bar


# ------------------------------------------------------------------ what the File menu does
# The dialogs' modules are imported when first used: none is needed to show the window.


def prepare_packet(window: MainWindow) -> None:
    if window.ctx is not None:
        from second_opinion.ui.export_actions import prepare_packet as open_packet

        open_packet(window, window.ctx, None)


def export_calendar(window: MainWindow) -> None:
    if window.ctx is not None:
        from second_opinion.ui.calendar_actions import export_calendar as write_calendar

        write_calendar(window, window.ctx)


def find_anything(window: MainWindow, text: str | None = None) -> None:
    """Ctrl+K: one search over the whole case, documents included."""
    if window.ctx is not None:
        from second_opinion.ui.finder import open_finder

        open_finder(window, window.ctx, text)


def import_records(window: MainWindow) -> None:
    """Ask for a portal file, then show what it holds before anything is written."""
    if window.ctx is None:
        return
    from second_opinion.ui import prompts

    path = prompts.ask_open_path(
        window,
        window.tr("Import health records"),
        window.tr("Health records (*.xml *.json *.ccd *.ccda);;All files (*)"),
    )
    if path is None:
        return
    from second_opinion.ui.import_dialog import ImportDialog

    ImportDialog(window.ctx, path, window).open()


def backup(window: MainWindow) -> None:
    if window.vault is not None:
        from second_opinion.ui.vault_actions import backup as back_up

        back_up(window, window.vault)


def change_passphrase(window: MainWindow) -> None:
    if window.vault is not None:
        from second_opinion.ui.vault_actions import change_passphrase as change

        change(window, window.vault)


def preferences(window: MainWindow) -> None:
    from second_opinion.ui.vault_actions import preferences as open_preferences

    open_preferences(window)
