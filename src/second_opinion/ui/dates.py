"""Dates as people read and type them: the user's locale, a four-digit year, a calendar popup.

One place for this, so every tab shows a date the same way. In the bare "C" locale (a machine
with no language set) Qt's short format is "d M yyyy", which reads like three numbers; there
the app shows "5 Dec 2026" instead.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit, QWidget

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)


def short_date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format, always with a four-digit year.

    A two-digit year makes a date of birth ambiguous (61 could be 1961 or 2061).
    """
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return "d MMM yyyy"
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def format_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(to_qdate(value), short_date_format())


def make_date_edit(
    parent: QWidget | None,
    accessible_name: str,
    earliest: dt.date = EARLIEST,
    latest: dt.date = LATEST,
) -> QDateEdit:
    """A date field with a calendar popup, starting on today, that takes what is typed."""
    from second_opinion.ui.typed_dates import TypedDateEdit  # it builds on this module

    edit = TypedDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(short_date_format())
    edit.setMinimumDate(to_qdate(earliest))
    edit.setMaximumDate(to_qdate(latest))
    edit.setDate(QDate.currentDate())
    edit.setAccessibleName(accessible_name)
    return edit
