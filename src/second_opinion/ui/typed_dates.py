"""Date and time fields that take a typed value exactly as typed.

Qt's date and time fields edit one part (hour, minute, day...) at a time, and where typing
lands depends on where the cursor happens to be: clicking into the time "09:00" and typing
"10:30" gave "09:30" or "00:30". These fields behave the same whether reached by Tab or by a
click: the first part is selected when the field is entered, each part is selected when
typing moves into it, and a separator typed right after a part filled itself ("15" then "/")
is taken as that separator, not as a jump over the next part.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTimeEdit, QWidget

from second_opinion.ui.dates import EARLIEST, LATEST, short_date_format, to_qdate

if TYPE_CHECKING:
    _Base = QDateTimeEdit
else:  # a plain mixin: shiboken refuses a second Qt base in one class's ancestry
    _Base = object


class _TypedSections(_Base):
    """The typing behavior; mixed into ``QDateEdit`` and ``QTimeEdit`` below."""

    _entered = False  # focus just came in: the click that brought it must not move the cursor
    _advanced = False  # the last key filled a part and Qt moved on to the next by itself

    def _select_first(self) -> None:
        self.setSelectedSection(self.sectionAt(0))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._entered = True
        self._advanced = False
        self._select_first()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._entered = False
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if self._entered:
            self._select_first()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._entered:
            self._entered = False
            self._select_first()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._entered = False
        text = event.text()
        separator = bool(text) and text.isprintable() and not text.isalnum()
        if separator and self._advanced:
            self._advanced = False
            event.accept()
            return
        before = self.currentSection()
        super().keyPressEvent(event)
        moved = self.currentSection() != before
        self._advanced = moved and not separator
        if moved:
            self.setSelectedSection(self.currentSection())


class TypedDateEdit(_TypedSections, QDateEdit):
    pass


class TypedTimeEdit(_TypedSections, QTimeEdit):
    pass


def date_field(
    parent: QWidget | None,
    accessible_name: str,
    earliest: dt.date = EARLIEST,
    latest: dt.date = LATEST,
) -> TypedDateEdit:
    """A date field in the user's short format, with a calendar popup, starting on today."""
    edit = TypedDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(short_date_format())
    edit.setDateRange(to_qdate(earliest), to_qdate(latest))
    edit.setDate(QDate.currentDate())
    edit.setAccessibleName(accessible_name)
    return edit


def time_field(parent: QWidget | None, accessible_name: str) -> TypedTimeEdit:
    """A 24-hour time field ("14:30"), starting at 9:00."""
    edit = TypedTimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    edit.setTime(QTime(9, 0))
    edit.setAccessibleName(accessible_name)
    return edit
