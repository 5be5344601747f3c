"""Questions: the Questions screen's read model and every change made from it.

A question's visit and priority feed the readiness of that visit, so changes that can alter
them also name ``Area.VISITS``; a reorder changes nothing but the order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.domain.enums import QuestionCategory
from second_opinion.services import questions as question_service
from second_opinion.services import starter_questions as starter_service
from second_opinion.services.errors import NotFound
from second_opinion.services.questions import QuestionData, QuestionRow, VisitChoice


@dataclass(frozen=True)
class QuestionsBoard:
    """What the Questions screen shows: the questions in saved order and the visits to pick."""

    rows: list[QuestionRow]
    visits: list[VisitChoice]
    #: the visit a new question is for unless the person picks another (the next planned)
    default_visit_id: int | None = None


@dataclass(frozen=True)
class Carried:
    """Where a visit's unanswered questions went (``None``: no planned visit to take them)."""

    to_visit_id: int | None
    moved: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _changed(*ids: int) -> Changes:
    return Changes.of(Area.QUESTIONS, *ids, also=[Area.VISITS])


def questions_board(case: Case) -> QuestionsBoard:
    with case.reading() as session:
        return QuestionsBoard(
            rows=question_service.list_questions(session, case.person_id),
            visits=question_service.list_visit_choices(session, case.person_id),
            default_visit_id=question_service.default_visit(session, case.person_id, _now()),
        )


def save_question(
    case: Case, data: QuestionData, question_id: int | None = None
) -> Outcome[QuestionRow]:
    """Add (``question_id`` None, at the end of the list) or change a question."""
    with case.unit() as session:
        if question_id is None:
            row = question_service.create_question(session, case.person_id, data)
        else:
            row = question_service.update_question(session, question_id, data)
    return Outcome(row, _changed(row.id))


def move_questions(case: Case, question_ids: Sequence[int], before_id: int | None) -> Changes:
    """Move questions (kept in their order) just before ``before_id``; None = to the end."""
    with case.unit() as session:
        question_service.move_before(session, case.person_id, question_ids, before_id)
    return Changes.of(Area.QUESTIONS, *question_ids)


def set_asked(case: Case, question_ids: Sequence[int], asked: bool) -> Outcome[list[QuestionRow]]:
    with case.unit() as session:
        rows = [question_service.mark_asked(session, qid, asked) for qid in question_ids]
    return Outcome(rows, Changes.of(Area.QUESTIONS, *question_ids))


def delete_questions(case: Case, question_ids: Sequence[int]) -> Outcome[list[QuestionRow]]:
    """Delete questions (those already gone are skipped); the list after, renumbered."""
    with case.unit() as session:
        for question_id in question_ids:
            try:
                question_service.delete_question(session, question_id)
            except NotFound:
                continue
        rows = question_service.list_questions(session, case.person_id)
    return Outcome(rows, _changed(*question_ids))


def starter_keys(case: Case) -> set[str]:
    """The starter questions the person already has (asked before offering them)."""
    with case.reading() as session:
        return starter_service.added_keys(session, case.person_id)


def _starters_added(rows: list[QuestionRow]) -> Outcome[list[QuestionRow]]:
    return Outcome(rows, _changed(*(r.id for r in rows)) if rows else Changes())


def add_starter(case: Case, key: str, language: str = "en") -> Outcome[list[QuestionRow]]:
    """Add one starter question, worded in ``language`` ("en" or "es": it is stored as text);
    the new row (none when the person has it already)."""
    with case.unit() as session:
        row = starter_service.add_starter(session, case.person_id, key, language)
    return _starters_added([row] if row is not None else [])


def add_starter_category(
    case: Case,
    category: QuestionCategory,
    condition: starter_service.ConditionGroup | None = None,
    language: str = "en",
) -> Outcome[list[QuestionRow]]:
    """Add every general starter of ``category`` the person does not have yet, and those of
    ``condition``, worded in ``language``; the new rows."""
    with case.unit() as session:
        rows = starter_service.add_category(session, case.person_id, category, condition, language)
    return _starters_added(rows)


def carry_unanswered(case: Case, visit_id: int) -> Outcome[Carried]:
    """Move the unanswered questions of ``visit_id`` to the next planned visit."""
    with case.unit() as session:
        target, moved = question_service.carry_unanswered(session, visit_id, _now())
    changes = _changed() if moved else Changes()
    return Outcome(Carried(target, moved), changes)


def use_open_questions(case: Case, visit_id: int) -> Outcome[int]:
    """Tie the open questions that are for no visit to ``visit_id``; how many were tied."""
    with case.unit() as session:
        linked = question_service.use_open_questions(session, visit_id)
    return Outcome(len(linked), _changed(*linked) if linked else Changes())
