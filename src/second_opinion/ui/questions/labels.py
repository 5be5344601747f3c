"""How the Questions screen words a question's visit and its state."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from second_opinion.domain.enums import VisitStatus
from second_opinion.services import labels
from second_opinion.services.questions import QuestionRow, VisitChoice
from second_opinion.ui.contact_form import label_of
from second_opinion.ui.dates import format_date


def first_line(text: str, limit: int = 200) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def format_when(moment: dt.datetime | None) -> str:
    """A visit's date in the user's locale and local time, e.g. "June 12, 2026"."""
    if moment is None:
        return ""
    return format_date(moment.astimezone().date())  # the computer's own time zone


def visit_label(doctor: str, starts_at: dt.datetime | None, status: VisitStatus | None) -> str:
    text = f"{doctor} — {format_when(starts_at)}" if starts_at else doctor
    if status is not None and status != VisitStatus.PLANNED:
        text += f" ({label_of(labels.VISIT_STATUS, status)})"
    return text


def choice_label(choice: VisitChoice) -> str:
    return visit_label(choice.doctor, choice.starts_at, choice.status)


def row_visit_label(row: QuestionRow) -> str:
    if not row.visit_id:
        return ""
    return visit_label(row.visit_doctor, row.visit_starts_at, row.visit_status)


def asked_text(row: QuestionRow) -> str:
    if row.answered:
        return QCoreApplication.translate("QuestionsTab", "Answered")
    if row.asked:
        return QCoreApplication.translate("QuestionsTab", "Asked, no answer")
    return QCoreApplication.translate("QuestionsTab", "Not asked")
