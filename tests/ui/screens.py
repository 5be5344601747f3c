"""Every screen a person sees: each tab of a demo case and the main dialogs, for the tests
that read them all (the Spanish walk-through, the clipping check).

Also runnable on its own, for a check in a fresh process (a scale factor is fixed at start):
``python -m tests.ui.screens 1024x700 es`` prints one line per clipped text and exits 1 if any.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QTimer, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QWidget,
)

PASSPHRASE = "fictional screens passphrase, never a real one"
SIZES = [(1024, 700), (1280, 800), (1920, 1080)]
FONT_POINTS = 16


class PseudoTranslator(QTranslator):
    """Every string of the app 40% longer, as a long translation would be."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        # None, not "": Qt takes an empty string for a translation and shows nothing, which
        # hid Qt's own texts (the OK and Cancel of a dialog) from the check.
        if context[:1] == "Q" and context[1:2].isupper():
            return None  # type: ignore[return-value]  # Qt's own strings stay as they are
        if not source.strip() or source.startswith("<"):
            return None  # type: ignore[return-value]
        extra = max(2, round(len(source) * 0.4))
        return source + " " + "ñ" * (extra - 1)


def demo_window(folder: Path, size: tuple[int, int], *, empty: bool = False) -> QMainWindow:
    """An unlocked main window on the demo case (or, with ``empty``, a new vault that holds
    only its first person), shown at ``size``."""
    from second_opinion.app import build_window
    from second_opinion.services.demo import build_demo
    from second_opinion.vault.kdf import MINIMUM
    from second_opinion.vault.vault import Vault

    with Vault.create(folder, PASSPHRASE, kdf=MINIMUM) as vault, vault.session() as session:
        if not empty:
            build_demo(session, dt.date.today())
    window = build_window(folder, PASSPHRASE)
    window.resize(*size)
    window.show()
    return window


def settle() -> None:
    from second_opinion.ui import ops

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if ops.all_idle():
            break
        time.sleep(0.01)
    for _ in range(3):
        QApplication.processEvents()


def _new_dialog(before: set[int]) -> QDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and id(widget) not in before:
            return widget
    return None


def _pages(name: str, dialog: QWidget) -> Iterator[tuple[str, QWidget]]:
    tabs = dialog.findChild(QTabWidget)
    if tabs is None:
        yield name, dialog
        return
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle()
        yield f"{name} / {tabs.tabText(index)}", dialog


class _MessageCloser:
    """Answers the message boxes an action shows instead of its dialog (on a new vault, "Add
    the holder first"), after noting what in them is cut off: a box runs its own event loop,
    so nothing else would return until someone closes it."""

    def __init__(self, before: set[int], name: str, problems: list[str]) -> None:
        self._before, self._name, self._problems = before, name, problems
        self._timer = QTimer(interval=50, timeout=self._poll)
        self._timer.start()

    def _poll(self) -> None:
        for widget in QApplication.topLevelWidgets():
            shown = isinstance(widget, QMessageBox) and widget.isVisible()
            if shown and id(widget) not in self._before:
                self._problems.extend(f"{self._name}: {p}" for p in clipped(widget))
                widget.reject()

    def stop(self) -> None:
        self._timer.stop()


def screens(
    window: QMainWindow, messages: list[str] | None = None
) -> Iterator[tuple[str, QWidget]]:
    """(name, top-level widget) for every tab, then for every main dialog, each shown. A
    message box shown instead of a dialog is closed; what is cut off in it goes to
    ``messages``."""
    from second_opinion.ui.tab_registry import TABS

    found = messages if messages is not None else []

    for spec in TABS:
        window.navigate(spec.key)
        settle()
        yield f"tab {spec.key}", window

    def dialog_of(name: str, open_it: Callable[[], object]) -> Iterator[tuple[str, QWidget]]:
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        closer = _MessageCloser(before, f"message on {name}", found)
        try:
            open_it()
            settle()
        finally:
            closer.stop()
        dialog = _new_dialog(before)
        if dialog is None:
            return
        dialog.resize(dialog.size().expandedTo(dialog.sizeHint()))
        settle()
        yield from _pages(name, dialog)
        dialog.reject()
        settle()

    for key in ("contacts", "records", "questions", "visits", "opinions"):  # documents: files
        window.navigate(key)
        settle()
        yield from dialog_of(f"new item on {key}", window.act_new.trigger)
    yield from dialog_of("starter questions", lambda: _open_starters(window))
    yield from dialog_of("preferences", window.act_prefs.trigger)
    yield from dialog_of("profile", lambda: window.navigate("profile"))
    yield from dialog_of("find anything", window.act_find_anything.trigger)
    yield from dialog_of("visit packet", window.act_packet.trigger)
    yield from dialog_of("change passphrase", window.act_passwd.trigger)


def _open_starters(window: QMainWindow) -> None:
    from second_opinion.ui.tabs.questions_tab import QuestionsTab

    window.navigate("questions")
    settle()
    tab = window.findChild(QuestionsTab)
    assert tab is not None
    tab.starter_button.click()


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    return ""


def _cut_by_ancestor(widget: QWidget) -> bool:
    """Whether a part of ``widget`` lies outside a (non-scrolling) ancestor."""
    rect = QRect(0, 0, widget.width(), widget.height())
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        rect = rect.translated(child.pos())
        if isinstance(parent.parentWidget(), QAbstractScrollArea):
            return False  # in a viewport: the rest scrolls into view
        inside = QRect(0, 0, parent.width(), parent.height())
        if not inside.contains(rect):
            visible = rect.intersected(inside)
            if visible.width() < rect.width() - 2 or visible.height() < rect.height() - 2:
                return True
        if parent.isWindow():
            return False
        child, parent = parent, parent.parentWidget()
    return False


def clipped(root: QWidget) -> list[str]:
    """The visible labels and buttons of ``root`` that do not show their whole text."""
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(root):
            continue
        if not widget.isVisible():
            continue
        text = _text(widget)
        if not text.strip() or isinstance(widget.parentWidget(), (QTabBar, QMenu)):
            continue
        kind = type(widget).__name__
        if isinstance(widget, QLabel) and widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if widget.height() < need - 1:
                problems.append(f"{kind} {text!r}: {widget.height()} px high, needs {need}")
                continue
        else:
            hint = widget.sizeHint()
            elided = bool(widget.toolTip()) and widget.property("elided") is True
            if widget.width() < hint.width() - 1 and not elided:
                problems.append(f"{kind} {text!r}: {widget.width()} px wide, needs {hint.width()}")
                continue
            if widget.height() < widget.minimumSizeHint().height() - 1:
                problems.append(
                    f"{kind} {text!r}: {widget.height()} px high, needs {hint.height()}"
                )
                continue
        if _cut_by_ancestor(widget):
            problems.append(f"{kind} {text!r}: partly outside its container")
    return problems


def visible_texts(root: QWidget) -> set[str]:
    """What a person reads: labels, buttons, tab titles, menus, headers, placeholders."""
    texts: set[str] = set()

    def add(text: str) -> None:
        if text and text.strip():
            texts.add(text)

    add(root.windowTitle())
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(_text(widget))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget.tabText(i))
        elif isinstance(widget, QLineEdit):
            add(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget.itemText(i))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            from PySide6.QtCore import QModelIndex, Qt

            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: no header
                columns = 0
            for column in range(columns):
                add(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            add(action.text())
            menu = action.menu()
            if menu is not None:
                for item in menu.actions():
                    add(item.text())
    return texts


def run(size: tuple[int, int], language: str, folder: Path, *, empty: bool = False) -> list[str]:
    """Every clipped text on every screen, in a window of ``size`` in ``language``, on the demo
    case or (``empty``) on a new vault, whose tabs show their empty pages."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    font = QFont(app.font())
    font.setPointSize(FONT_POINTS)
    app.setFont(font)
    from second_opinion.ui import i18n

    pseudo = None
    if language == "pseudo":
        i18n.install("en")
        pseudo = PseudoTranslator(app)
        QCoreApplication.installTranslator(pseudo)
    else:
        i18n.install(language)
    window = demo_window(folder, size, empty=empty)
    problems = []
    try:
        if (window.width(), window.height()) != size:
            problems.append(f"the window is {window.width()}x{window.height()}, not {size}")
        for name, screen in screens(window, problems):
            problems.extend(f"{name}: {problem}" for problem in clipped(screen))
    finally:
        window.lock()
        window.close()
        if pseudo is not None:
            QCoreApplication.removeTranslator(pseudo)
        i18n.install("en")
    return problems


if __name__ == "__main__":  # python -m tests.ui.screens WxH LANGUAGE [empty]
    import tempfile

    width, height = (int(n) for n in sys.argv[1].split("x"))
    empty = sys.argv[3:4] == ["empty"]
    found = run((width, height), sys.argv[2], Path(tempfile.mkdtemp()) / "vault", empty=empty)
    for line in found:
        print(line)  # noqa: T201
    sys.exit(1 if found else 0)
