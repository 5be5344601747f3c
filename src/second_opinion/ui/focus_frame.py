"""The keyboard focus shows in every window from the first field on, not only after a Tab.

Qt's styles draw the focus frame of a combo box, a button, a check box or a tab only once
their window has seen the focus move by the keyboard (``WA_KeyboardFocusChange``). A form
opened with Ctrl+N starts with the focus in its first field; until the person pressed Tab,
nothing said which field that was. Each window is marked the first time it gets the focus,
so the style always draws the frame. This runs once per change of focus, never per paint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

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
