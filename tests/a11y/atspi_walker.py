"""Drive the running app through its accessibility tree, from outside, as a screen reader would.

Run by tests/a11y/test_accessibility_tree.py with Debian's /usr/bin/python3 (pyatspi is a system
package, not in the venv), on a private D-Bus session with the AT-SPI bus and an X server
already up, and the app started with accessibility on. It never touches the app's process
except through AT-SPI: it reads the tree, selects tabs through the tab bar's Selection
interface, presses buttons and menu items through their actions, and types through
EditableText. It writes one JSON report on standard output; the test makes the assertions.

    /usr/bin/python3 atspi_walker.py APP_NAME
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import pyatspi
from gi.repository import GLib

#: roles whose children are content (rows, cells, items), not controls: read through their
#: own interfaces instead of walking thousands of cells over D-Bus
CONTENT_ROLES = {
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX,
}
#: the tabs whose New… (Ctrl+N) opens a form
FORM_TABS = ("Doctors", "Records", "Questions", "Visits", "Opinions")
TABLE_ROLES = {pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE}

events: list[dict[str, str]] = []


def _on_event(event: Any) -> None:
    try:
        source = event.source
        role = source.getRoleName() if source is not None else ""
        name = source.name if source is not None else ""
    except Exception:  # the source may be gone already
        role, name = "", ""
    detail = event.any_data if isinstance(event.any_data, str) else ""
    events.append({"type": str(event.type), "role": role, "name": name or "", "data": detail})


def pump(seconds: float) -> None:
    """Let the events that arrived be delivered, for ``seconds``."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def wait_for(predicate: Any, timeout: float = 10.0) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = predicate()
        except Exception:  # an object vanished while we looked: look again
            value = None
        if value:
            return value
        pump(0.1)
    return None


def states(acc: Any) -> Any:
    return acc.getState()


def showing(acc: Any) -> bool:
    return states(acc).contains(pyatspi.STATE_SHOWING)


def children(acc: Any) -> list[Any]:
    found = []
    for index in range(acc.childCount):
        child = acc.getChildAtIndex(index)
        if child is not None:
            found.append(child)
    return found


def descendants(acc: Any, only_showing: bool = True, into_content: bool = False) -> list[Any]:
    """Every descendant of ``acc`` (showing ones only, by default), depth first."""
    found: list[Any] = []

    def visit(node: Any, depth: int) -> None:
        if depth > 60:
            return
        for child in children(node):
            try:
                if only_showing and not showing(child):
                    continue
                found.append(child)
                if into_content or child.getRole() not in CONTENT_ROLES:
                    visit(child, depth + 1)
            except Exception:
                continue

    visit(acc, 0)
    return found


def find(acc: Any, role: int, name: str | None = None, only_showing: bool = True) -> Any:
    for node in descendants(acc, only_showing=only_showing):
        if node.getRole() == role and (name is None or node.name == name):
            return node
    return None


def describe_table(table: Any) -> dict[str, Any]:
    """The table's name and its column headers, through the Table interface (which reads a
    header through the first row's cell, so an empty table answers through its header
    children instead)."""
    info: dict[str, Any] = {"name": table.name or "", "columns": 0, "headers": []}
    try:
        iface = table.queryTable()
    except NotImplementedError:
        info["no_table_interface"] = True
        return info
    info["columns"] = iface.nColumns
    headers = []
    for column in range(iface.nColumns):
        header = iface.getColumnHeader(column)
        headers.append(header.name if header is not None else "")
    if iface.nRows == 0 or not all(headers):
        in_tree = [
            child.name or ""
            for child in children(table)
            if child.getRole() == pyatspi.ROLE_TABLE_COLUMN_HEADER
        ]
        if len(in_tree) == iface.nColumns:
            headers = in_tree
    info["headers"] = headers
    info["rows"] = iface.nRows
    return info


def identifier(acc: Any) -> str:
    """Qt's accessible id (object names and class names up the parents): where it is."""
    try:
        return str(acc.get_accessible_id() or "")
    except Exception:
        return ""


def survey(root: Any) -> dict[str, Any]:
    """The focusable controls and the tables showing under ``root``."""
    controls = []
    tables = []
    for node in descendants(root):
        try:
            role = node.getRole()
            state = states(node)
        except Exception:
            continue
        if role in TABLE_ROLES:
            tables.append(describe_table(node))
        if not state.contains(pyatspi.STATE_FOCUSABLE):
            continue
        controls.append(
            {
                "role": node.getRoleName(),
                "unknown_role": role in (pyatspi.ROLE_UNKNOWN, pyatspi.ROLE_INVALID),
                "name": node.name or "",
                "enabled": state.contains(pyatspi.STATE_ENABLED),
                "id": identifier(node),
            }
        )
    return {"controls": controls, "tables": tables}


def press(acc: Any) -> None:
    action = acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for wanted in ("Press", "press", "click", "Click", "activate", "Toggle", "toggle"):
        if wanted in names:
            action.doAction(names.index(wanted))
            return
    action.doAction(0)


def set_text(acc: Any, text: str) -> None:
    acc.queryEditableText().setTextContents(text)


def main_tab_list(frame: Any) -> Any:
    """The tab bar of the window's sections: the page tab list with the most tabs."""
    lists = [n for n in descendants(frame) if n.getRole() == pyatspi.ROLE_PAGE_TAB_LIST]
    return max(lists, key=lambda n: n.childCount) if lists else None


def status_text(frame: Any) -> str:
    bar = find(frame, pyatspi.ROLE_STATUS_BAR)
    return (bar.name or "") if bar is not None else ""


def menu_item(frame: Any, menu_name: str, item_name: str) -> Any:
    bar = find(frame, pyatspi.ROLE_MENU_BAR)
    if bar is None:
        return None
    for menu in children(bar):
        if menu.name == menu_name:
            for popup in children(menu):
                for item in children(popup):
                    if item.name == item_name:
                        return item
    return None


def dialogs(app: Any) -> list[Any]:
    return [
        w
        for w in children(app)
        if w.getRole() in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_ALERT, pyatspi.ROLE_FILE_CHOOSER)
        and showing(w)
    ]


def gone(window: Any) -> bool:
    try:
        return not showing(window) or window.childCount == 0
    except Exception:
        return True


def close_dialog(dialog: Any) -> bool:
    """Press the dialog's Cancel (or Close) button; a dialog without one gets Escape."""
    for name in ("Cancel", "Close", "OK", "Done"):
        button = find(dialog, pyatspi.ROLE_PUSH_BUTTON, name)
        if button is not None:
            press(button)
            return bool(wait_for(lambda d=dialog: gone(d), 5))
    escape = 0xFF1B
    pyatspi.Registry.generateKeyboardEvent(escape, None, pyatspi.KEY_SYM)
    return bool(wait_for(lambda d=dialog: gone(d), 5))


def open_dialog(app: Any, frame: Any, menu: str, item: str, report: dict[str, Any]) -> Any:
    entry = menu_item(frame, menu, item)
    if entry is None:
        report["problems"].append(f"no menu item {menu} > {item}")
        return None
    before = {id(d) for d in dialogs(app)}
    count = len(before)
    press(entry)
    found = wait_for(lambda: len(dialogs(app)) > count and dialogs(app)[-1], 10)
    if not found:
        report["problems"].append(f"{menu} > {item} opened no dialog")
    return found


def main() -> int:
    report: dict[str, Any] = {"tabs": {}, "dialogs": {}, "problems": [], "steps": {}}
    try:
        return walk(sys.argv[1], report)
    except Exception as exc:
        import traceback

        report["problems"].append(f"the walk stopped: {exc!r}")
        report["traceback"] = traceback.format_exc()
        return 1
    finally:
        json.dump(report, sys.stdout)


def walk(app_name: str, report: dict[str, Any]) -> int:
    started = time.monotonic()
    for kind in (
        "object:announcement",
        "object:property-change:accessible-name",
        "object:state-changed:showing",
    ):
        pyatspi.Registry.registerEventListener(_on_event, kind)

    def the_app() -> Any:
        desktop = pyatspi.Registry.getDesktop(0)
        for candidate in children(desktop):
            if candidate.name == app_name and candidate.childCount:
                return candidate
        return None

    app = wait_for(the_app, 40)
    if app is None:
        report["problems"].append("the app never appeared on the accessibility bus")
        return 1
    frame = wait_for(
        lambda: next((w for w in children(app) if w.getRole() == pyatspi.ROLE_FRAME), None), 20
    )
    tab_list = wait_for(lambda: main_tab_list(frame), 30)
    if tab_list is None:
        report["problems"].append("no tab list: the window never showed the unlocked case")
        return 1
    report["steps"]["unlocked_s"] = round(time.monotonic() - started, 1)

    # ------------------------------------------------------------ every tab, chosen through
    # the tab list's Selection interface (what a screen reader's "activate tab" does)
    selection = tab_list.querySelection()
    names = [tab.name for tab in children(tab_list) if tab.getRole() == pyatspi.ROLE_PAGE_TAB]
    report["tab_names"] = names
    for index in range(len(names)):
        selection.selectChild(index)
        selected = wait_for(
            lambda i=index: states(tab_list.getChildAtIndex(i)).contains(pyatspi.STATE_SELECTED),
            10,
        )
        if not selected:
            report["problems"].append(f"selecting tab {index} through the tree did nothing")
            continue
        pump(0.8)  # the tab's content loads on a worker thread
        report["tabs"][tab_list.getChildAtIndex(index).name] = survey(frame)

    # ------------------------------------------------------------ the main dialogs
    for menu, item in (
        ("Edit", "Profile and insurance…"),
        ("Edit", "Preferences…"),
        ("Edit", "Find anything…"),
        ("File", "Prepare visit packet…"),
        ("File", "Change passphrase…"),
        ("Help", "Keyboard shortcuts"),
    ):
        dialog = open_dialog(app, frame, menu, item, report)
        if dialog is not None:
            report["dialogs"][item] = {"role": dialog.getRoleName(), **survey(dialog)}
            if not close_dialog(dialog):
                report["problems"].append(f"could not close the dialog of {item}")
    # each tab's own form: New… (Ctrl+N) on the tabs whose New opens a form (on Documents
    # it opens the system's file chooser, and Today and the Guide have nothing to add)
    for index, tab_name in enumerate(names):
        if not tab_name.startswith(FORM_TABS):
            continue
        selection.selectChild(index)
        wait_for(
            lambda i=index: states(tab_list.getChildAtIndex(i)).contains(pyatspi.STATE_SELECTED)
        )
        pump(0.3)
        count = len(dialogs(app))
        entry = menu_item(frame, "Edit", "New…")
        if entry is None or not states(entry).contains(pyatspi.STATE_ENABLED):
            continue
        press(entry)
        dialog = wait_for(lambda c=count: len(dialogs(app)) > c and dialogs(app)[-1], 10)
        if not dialog:
            report["problems"].append(f"New… on {tab_name} opened no form")
        else:
            key = f"New… on {names[index]}"
            report["dialogs"][key] = {"role": dialog.getRoleName(), **survey(dialog)}
            if not close_dialog(dialog):
                report["problems"].append(f"could not close the dialog of {key}")

    # ------------------------------------------------------------ saving is announced
    contacts = next(i for i, n in enumerate(names) if n.startswith("Doctors"))
    selection.selectChild(contacts)
    pump(0.5)
    count = len(dialogs(app))
    press(menu_item(frame, "Edit", "New…"))
    form = wait_for(lambda: len(dialogs(app)) > count and dialogs(app)[-1], 10)
    events.clear()
    if form:
        name_field = wait_for(
            lambda: next(
                (
                    n
                    for n in descendants(form)
                    if n.getRole() == pyatspi.ROLE_TEXT
                    and states(n).contains(pyatspi.STATE_EDITABLE)
                ),
                None,
            )
        )
        set_text(name_field, "Dr. Tree Walker")
        press(find(form, pyatspi.ROLE_PUSH_BUTTON, "Save"))
        wait_for(lambda: not showing(form) or form.childCount == 0, 10)
        report["steps"]["after_save_status"] = wait_for(lambda: status_text(frame), 5) or ""
        pump(0.5)
        report["steps"]["save_events"] = list(events)
    else:
        report["problems"].append("the contact form did not open")

    # ------------------------------------------------------------ locking is announced
    events.clear()
    lock = find(frame, pyatspi.ROLE_PUSH_BUTTON, "Lock")
    if lock is None:
        report["problems"].append("no Lock button in the tree")
    else:
        press(lock)
        field = wait_for(lambda: find(frame, pyatspi.ROLE_PASSWORD_TEXT, "Passphrase"), 10)
        report["steps"]["locked_page"] = field is not None
        report["steps"]["after_lock_status"] = status_text(frame)
        pump(0.5)
        report["steps"]["lock_events"] = list(events)
        report["tabs"]["(locked)"] = survey(frame)

        # -------------------------------------------------------- errors are announced
        events.clear()
        unlock = find(frame, pyatspi.ROLE_PUSH_BUTTON, "Unlock")
        if unlock is not None:
            press(unlock)  # with no passphrase typed
            pump(1.0)
            report["steps"]["labels_after_error"] = [
                n.name for n in descendants(frame) if n.getRole() == pyatspi.ROLE_LABEL
            ]
            report["steps"]["error_events"] = list(events)
    report["steps"]["total_s"] = round(time.monotonic() - started, 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
