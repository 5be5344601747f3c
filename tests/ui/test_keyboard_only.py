"""The main tasks done with the keyboard alone: keys go wherever the focus is, as a person's
would; nothing is clicked and no widget is filled in directly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import Shiboken

from second_opinion.ui.main_window import MainWindow
from second_opinion.ui.settings import AppSettings

K = Qt.Key

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

pytestmark = [
    pytest.mark.slow,
    # The offscreen platform says this when a window it activates changes its size limits; a
    # real desktop's does not.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "None"
    return f"{type(widget).__name__}({widget.accessibleName()!r})"


class Keyboard:
    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def key(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            if QApplication.activeWindow() is None:
                self.window_manager()
            target = QApplication.focusWidget() or QApplication.activeWindow()
            assert target is not None
            self.qtbot.keyClick(target, key, modifier)

    def window_manager(self) -> None:
        """What a desktop's window manager does when a dialog closes, and the offscreen
        platform does not: give the keyboard back to the window that is left."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.activateWindow()
                self.qtbot.waitUntil(widget.isActiveWindow)
                return

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(focus(), text)

    def tab_to(self, name: str, limit: int = 40) -> QWidget:
        """Press Tab until the control named ``name`` has the focus."""
        seen = []
        for _ in range(limit):
            if focus().accessibleName() == name:
                return focus()
            seen.append(describe(focus()))
            self.key(K.Key_Tab)
        raise AssertionError(f"Tab never reached {name!r}; went through {seen}")


@pytest.fixture
def keys(qtbot) -> Keyboard:
    return Keyboard(qtbot)


@pytest.fixture
def window(qtbot, data_dir: Path):
    win = MainWindow(data_dir, AppSettings())
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    if win.vault is not None:
        win.lock()


def _table_texts(window: MainWindow) -> list[str]:
    from second_opinion.ui.table_model import RowTableModel

    texts = []
    for model in window.findChildren(RowTableModel):
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                texts.append(str(model.index(row, column).data()))
    return texts


PASSPHRASE = "maple orbit lantern seventeen"


def modal(qtbot) -> QWidget:
    """The dialog that has just opened, once it has the keyboard."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    form = QApplication.activeModalWidget()
    assert form is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and focus().window() is form)
    return form


def closed(qtbot, form: QWidget) -> None:
    qtbot.waitUntil(lambda: not Shiboken.isValid(form) or not form.isVisible())


def create_vault(qtbot, window: MainWindow, keys: Keyboard, settle) -> None:
    # The welcome page starts at its first question, and Tab goes down the page.
    qtbot.waitUntil(lambda: focus().accessibleName() == "Whose second opinion is this?")
    keys.key(K.Key_A, CTRL)
    keys.type("Carla")
    keys.key(K.Key_Tab)
    assert focus().accessibleName() == "New passphrase"
    keys.type(PASSPHRASE)
    keys.key(K.Key_Tab)
    assert focus().accessibleName() == "Repeat the passphrase"
    keys.type(PASSPHRASE)
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=20000):
        keys.key(K.Key_Return)
    settle()
    assert window.person_combo.currentText() == "Carla"


def add_contact(qtbot, window: MainWindow, keys: Keyboard, settle, name: str) -> None:
    """Alt+3: Doctors & contacts; Ctrl+N: a new contact, typed and saved with Enter."""
    keys.key(K.Key_3, ALT)
    settle()
    assert window.current_tab_key() == "contacts"
    keys.key(K.Key_N, CTRL)
    form = modal(qtbot)  # the form takes the keyboard, in its first field
    keys.type(name)
    keys.key(K.Key_Return)
    settle()
    closed(qtbot, form)
    assert name in _table_texts(window)
    keys.window_manager()
    assert focus().window() is window  # the keyboard is back in the window


def test_create_a_vault_add_a_contact_lock_and_unlock_by_keyboard(
    qtbot, window: MainWindow, keys: Keyboard, settle
) -> None:
    create_vault(qtbot, window, keys, settle)
    add_contact(qtbot, window, keys, settle, "Dr. Keyboard Only")

    # Ctrl+L locks; the passphrase field has the focus; Enter unlocks.
    keys.key(K.Key_L, CTRL)
    assert window.vault is None
    qtbot.waitUntil(lambda: focus().accessibleName() == "Passphrase", timeout=10000)
    # Tab goes down the page: the "Remember" box (once the keyring is found), then Unlock.
    qtbot.waitUntil(lambda: _shown_control(window, "Remember on this computer"), timeout=10000)
    keys.key(K.Key_Tab)
    assert focus().accessibleName() == "Remember on this computer"
    keys.key(K.Key_Tab)
    assert focus().accessibleName() == "Unlock"
    keys.key(K.Key_Tab, SHIFT, times=2)
    assert focus().accessibleName() == "Passphrase"
    keys.type(PASSPHRASE)
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=20000):
        keys.key(K.Key_Return)
    settle()
    assert window.vault is not None
    # back on the tab the person was on, with the focus somewhere in the window
    assert window.current_tab_key() == "contacts"
    assert focus().window() is window


def _shown_control(window: MainWindow, name: str) -> bool:
    return any(w.accessibleName() == name and w.isVisible() for w in window.findChildren(QWidget))


def _cell(view, row: int, column_title: str) -> str:
    model = view.model()
    for column in range(model.columnCount()):
        if model.headerData(column, Qt.Orientation.Horizontal) == column_title:
            return str(model.index(row, column).data())
    raise AssertionError(f"no column {column_title!r}")


def test_add_a_records_request_and_mark_it_sent_by_keyboard(
    qtbot, window: MainWindow, keys: Keyboard, settle
) -> None:
    create_vault(qtbot, window, keys, settle)
    add_contact(qtbot, window, keys, settle, "Mercy Hospital Records")
    add_contact(qtbot, window, keys, settle, "Lee Second Look")

    # Alt+4: Records; Alt+Q: New request. With no record yet, the record's form comes first.
    keys.key(K.Key_4, ALT)
    settle()
    assert window.current_tab_key() == "records"
    keys.key(K.Key_Q, ALT)
    settle()
    item_form = modal(qtbot)
    assert item_form.windowTitle() == "New record"
    keys.tab_to("Description")
    keys.type("CT chest report")
    keys.key(K.Key_Return)
    settle()
    closed(qtbot, item_form)

    # Then the request, for that record: holder and recipient chosen by typing their names.
    form = modal(qtbot)
    assert form.windowTitle() == "New request"
    picker = keys.tab_to("Records in this request")
    assert picker.model().index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    keys.key(K.Key_Tab)  # one Tab leaves the list
    assert focus().accessibleName() == "From (holder)"
    keys.type("Mercy")
    assert focus().currentText() == "Mercy Hospital Records"
    keys.key(K.Key_Tab)
    assert focus().accessibleName() == "To (recipient)"
    keys.type("Lee")
    assert focus().currentText() == "Lee Second Look"
    keys.key(K.Key_Return)
    settle()
    closed(qtbot, form)
    keys.window_manager()

    # The list, its row chosen with the arrow keys, then Alt+S: Mark sent, confirmed by Enter.
    requests = keys.tab_to("Requests")
    keys.key(K.Key_Home)
    assert requests.selectionModel().selectedRows()
    assert _cell(requests, 0, "Status").endswith("Requested")
    keys.key(K.Key_S, ALT)
    settle()
    confirm = modal(qtbot)
    assert confirm.windowTitle() == "Mark sent"
    keys.key(K.Key_Return)
    settle()
    closed(qtbot, confirm)
    qtbot.waitUntil(lambda: _cell(requests, 0, "Status").endswith("Sent"))


def test_add_a_question_by_keyboard(qtbot, window: MainWindow, keys: Keyboard, settle) -> None:
    create_vault(qtbot, window, keys, settle)
    # Alt+5: Questions; Ctrl+N: a new question, typed, then Tab down the form to Save.
    keys.key(K.Key_5, ALT)
    settle()
    assert window.current_tab_key() == "questions"
    keys.key(K.Key_N, CTRL)
    form = modal(qtbot)
    assert focus().accessibleName() == "Question"
    keys.type("Is surgery the only option?")
    keys.tab_to("Save")
    keys.key(K.Key_Return)
    settle()
    closed(qtbot, form)
    assert "Is surgery the only option?" in _table_texts(window)
    keys.window_manager()
    assert focus().window() is window


def test_prepare_a_visit_packet_by_keyboard(
    qtbot, window: MainWindow, keys: Keyboard, settle, answers, tmp_path_factory
) -> None:
    create_vault(qtbot, window, keys, settle)
    add_contact(qtbot, window, keys, settle, "Dr. Keyboard Only")
    # Alt+6: Visits; Ctrl+N: a visit with that doctor, chosen by typing, saved with Enter.
    keys.key(K.Key_6, ALT)
    settle()
    assert window.current_tab_key() == "visits"
    keys.key(K.Key_N, CTRL)
    form = modal(qtbot)
    assert focus().accessibleName() == "Date"  # the form starts at the date
    keys.key(K.Key_Tab, SHIFT)  # the doctor is above it
    assert focus().accessibleName() == "Doctor"
    keys.type("Dr.")  # (a space would open the list)
    assert focus().currentText().startswith("Dr. Keyboard Only")
    keys.key(K.Key_Return)
    settle()
    closed(qtbot, form)
    keys.window_manager()

    # Ctrl+P: Prepare visit packet. One section left out with Space, then Save PDF.
    keys.key(K.Key_P, CTRL)
    settle()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not window)
    dialog = QApplication.activeWindow()
    assert dialog.windowTitle() == "Prepare visit packet"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and focus().window() is dialog)
    care_team = keys.tab_to("Care team")
    keys.key(K.Key_Space)
    assert not care_team.isChecked()
    target = tmp_path_factory.mktemp("exports") / "packet.pdf"
    answers.save_paths.append(target)
    keys.tab_to("Save PDF")
    keys.key(K.Key_Return)
    qtbot.waitUntil(target.exists, timeout=20_000)
    settle(20_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert answers.shown[-1][0] == "save"


def _focus_shows(keys: Keyboard, name: str) -> bool:
    """Tab to ``name`` and grab it; Tab away (one Tab leaves it) and grab it again."""
    widget = keys.tab_to(name)
    focused = widget.grab().toImage()
    keys.key(K.Key_Tab)
    assert focus() is not widget, f"one Tab did not leave {describe(widget)}"
    return focused != widget.grab().toImage()


def test_the_keyboard_focus_is_always_visible(
    qtbot, window: MainWindow, keys: Keyboard, settle
) -> None:
    """Each kind of control looks different with the focus, in the window and in a form,
    including the field a form opens in (before any Tab was pressed in it)."""
    create_vault(qtbot, window, keys, settle)
    add_contact(qtbot, window, keys, settle, "Dr. Keyboard Only")
    unseen = []
    # a table, a line edit, a combo box and a tool button; then a push button
    for name in ("Contacts", "Search contacts", "Whose case", "Add someone else's case"):
        if not _focus_shows(keys, name):
            unseen.append(name)
    keys.key(K.Key_4, ALT)
    settle()
    if not _focus_shows(keys, "New record"):
        unseen.append("New record")
    # Alt+R: a form, which starts in its first field, a combo box
    keys.key(K.Key_R, ALT)
    modal(qtbot)
    for name in ("Kind", "Description", "Date of service is set", "New holder", "Cancel"):
        if not _focus_shows(keys, name):
            unseen.append("form: " + name)
    assert unseen == []


def _tab_round(keys: Keyboard, limit: int = 80) -> list[QWidget]:
    """Press Tab until the focus is back where it started: every stop, in order. Each Tab
    must move the focus (no stop keeps it) and stay in the window."""
    start = focus()
    stops = [start]
    for _ in range(limit):
        before = focus()
        keys.key(K.Key_Tab)
        assert focus() is not before, f"Tab did not leave {describe(before)}"
        assert focus().window() is start.window(), f"Tab left the window at {describe(before)}"
        if focus() is start:
            return stops
        stops.append(focus())
    raise AssertionError(f"Tab never came back to {describe(start)}: {list(map(describe, stops))}")


def _stops_that_look_unfocused(keys: Keyboard) -> list[str]:
    """The stops of a Tab round that look the same with the focus as without it.

    The rounds start in the row above the tabs, so a round that never gets back there (Tab
    caught in a loop on the page) fails. A first round gives each stop the focus once (a
    table picks its current row then), the second grabs each with the focus; each is
    grabbed again at the end, from a stop outside it.
    """
    keys.tab_to("Whose case")
    _tab_round(keys)
    stops = _tab_round(keys)
    focused = {}
    for stop in stops:
        focused[id(stop)] = stop.grab().toImage()
        keys.key(K.Key_Tab)
    same = []
    for stop in stops:
        while focus() is stop or stop.isAncestorOf(focus()):
            keys.key(K.Key_Tab)
        if stop.grab().toImage() == focused[id(stop)]:
            same.append(describe(stop))
    return same


def _page_is_built(window: MainWindow) -> bool:
    """The current tab's page has something Tab can reach (pages are built after the window
    first shows)."""
    page = window.tab_widget.currentWidget()
    return any(
        child.isVisible() and child.focusPolicy() & Qt.FocusPolicy.TabFocus
        for child in page.findChildren(QWidget)
    )


def test_every_stop_of_every_tab_shows_the_focus(
    qtbot, window: MainWindow, keys: Keyboard, settle
) -> None:
    from second_opinion.ui.tab_registry import TABS

    create_vault(qtbot, window, keys, settle)
    add_contact(qtbot, window, keys, settle, "Dr. Keyboard Only")
    unseen = []
    for number, spec in enumerate(TABS, start=1):
        keys.key(Qt.Key(K.Key_0.value + number), ALT)
        settle()
        assert window.current_tab_key() == spec.key
        qtbot.waitUntil(lambda: _page_is_built(window))
        unseen += [f"{spec.key}: {stop}" for stop in _stops_that_look_unfocused(keys)]
    assert unseen == []


def test_tab_goes_through_a_guide_checklist_and_out_again(
    qtbot, window: MainWindow, keys: Keyboard, settle
) -> None:
    from PySide6.QtWidgets import QCheckBox, QPushButton

    create_vault(qtbot, window, keys, settle)
    keys.key(K.Key_2, ALT)
    settle()
    assert window.current_tab_key() == "guide"
    qtbot.waitUntil(  # the page is built after the window first shows
        lambda: any(
            b.accessibleName() == "Next step" and b.isVisible()
            for b in window.findChildren(QPushButton)
        )
    )
    for _ in range(2):  # past the introduction, then to the next step: its list is rebuilt
        keys.tab_to("Next step")
        keys.key(K.Key_Space)
        settle()
    ticks = [b for b in window.findChildren(QCheckBox) if b.isVisible()]
    assert ticks, "no step with a checklist"
    keys.tab_to("Whose case")
    stops = _tab_round(keys)  # fails when Tab is caught in a loop on the page
    names = [stop.accessibleName() for stop in stops]
    assert all(tick.accessibleName() in names for tick in ticks)
    assert names.index("Step text") < names.index(ticks[0].accessibleName())
    assert names.index(ticks[-1].accessibleName()) < names.index("Next step")
