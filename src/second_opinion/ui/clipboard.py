"""Copying health data to the clipboard without leaving it there.

Copies are marked as concealed (password managers and clipboard histories on KDE, GNOME and
Windows skip such entries) and cleared after 30 seconds, on lock and on quit, but only if the
clipboard still holds what we put there: never wipe something the user copied since.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000

_last_copied: str | None = None
_timer: QTimer | None = None


def copy_concealed(text: str) -> None:
    global _last_copied, _timer
    mime = QMimeData()
    mime.setText(text)
    mime.setData("x-kde-passwordManagerHint", b"secret")
    mime.setData("ExcludeClipboardContentFromMonitorProcessing", b"1")
    mime.setData("CanIncludeInClipboardHistory", b"\x00\x00\x00\x00")
    QGuiApplication.clipboard().setMimeData(mime)
    _last_copied = text
    if _timer is None:
        _timer = QTimer()
        _timer.setSingleShot(True)
        _timer.timeout.connect(clear_if_ours)
    _timer.start(CLEAR_AFTER_MS)


def clear_if_ours() -> None:
    global _last_copied
    if _last_copied is None:
        return
    clipboard = QGuiApplication.clipboard()
    if clipboard.text() == _last_copied:
        clipboard.clear()
    _last_copied = None
    if _timer is not None:
        _timer.stop()
