"""Telling a screen reader what just happened: saved, locked, refused.

A message that appears in the status bar or in a label is on screen, but a screen reader only
speaks what has focus; an announcement makes it speak the message wherever the focus is.
Nothing is sent while no assistive technology listens.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QStatusBar, QWidget


def announce(source: QWidget, text: str, assertive: bool = False) -> None:
    """Have a screen reader speak ``text`` (``assertive``: at once, for refusals and errors)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def follow_status_bar(bar: QStatusBar) -> None:
    """Announce every message the status bar shows (once per bar, however often called)."""
    if bar.property("announces"):
        return
    bar.setProperty("announces", True)
    bar.messageChanged.connect(lambda text: announce(bar, text))
