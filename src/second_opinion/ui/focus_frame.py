"""The keyboard focus shows in every window from the first field on, not only after a Tab.

Qt's styles draw the focus frame of a combo box, a button, a check box or a tab only once
their window has seen the focus move by the keyboard (``WA_KeyboardFocusChange``). A form
opened with Ctrl+N starts with the focus in its first field; until the person pressed Tab,
nothing said which field that was. Each window is marked the first time it gets the focus,
so the style always draws the frame. This runs once per change of focus, never per paint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QPushButton,
    QTextBrowser,
    QWidget,
)

_installed = False


def show_focus_always() -> None:
    """Mark every window that gets the focus from now on (once per application)."""
    global _installed
    app = QApplication.instance()
    if _installed or not isinstance(app, QApplication):
        return
    _installed = True
    app.focusChanged.connect(_mark_window)
    focused = QApplication.focusWidget()
    if focused is not None:
        _mark_window(None, focused)


def _mark_window(_old: QWidget | None, new: QWidget | None) -> None:
    if new is None:
        return
    window = new.window()
    if not window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange):
        window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        new.update()  # painted before the mark (the focus-in came first): paint it again
    if isinstance(new, _FRAMED) and not new.styleSheet() and not _in_popup(window):
        new.setStyleSheet(_FRAME_RULE.replace("%1", new.metaObject().className()))


#: What a style draws no focus frame around: a list or table (only a thin box around its
#: current cell, nothing when it is empty) and a page of text. Each gets a frame in the
#: highlight color while it has the focus, a plain one otherwise, as wide in both states so
#: nothing moves. Set on the widget itself the first time it gets the focus: a style sheet
#: on the application would route every widget's painting through the style sheet engine.
_FRAMED = (QAbstractItemView, QTextBrowser)
_FRAME_RULE = (
    "%1 { border: 2px solid palette(midlight); } %1:focus { border: 2px solid palette(highlight); }"
)


def _in_popup(window: QWidget) -> bool:
    """A combo box's list, a completer's: the popup's own frame shows where the keys go."""
    return window.windowType() == Qt.WindowType.Popup


def mark_primary(button: QPushButton) -> None:
    """Set a screen's one primary button apart by its bold text.

    Not with ``setDefault``: outside a dialog a default button does nothing for Enter, and
    the styles draw it with the very outline they draw around the focused button, so it
    looked focused while the focus was elsewhere, and no different once it had the focus.
    """
    font = button.font()
    font.setBold(True)
    button.setFont(font)
