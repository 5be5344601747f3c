"""The questions a person wants to ask, in the order they will be asked (and printed).

``position`` is the order of a person's whole list; every reorder rewrites positions as
0, 1, 2, ... so the order survives whatever filter the screen happened to show.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, func, select, update
from sqlalchemy.orm import Session

from second_opinion.domain.enums import Priority, QuestionCategory, VisitStatus
from second_opinion.domain.models import Contact, Question, Visit
from second_opinion.services import visits as visit_service
from second_opinion.services.errors import NotFound, ValidationError, must_exist
from second_opinion.services.pacing import selected
from second_opinion.services.visits import VisitTiming

log = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 10_000
MAX_ANSWER_LENGTH = 1_000_000


@dataclass(frozen=True)
class QuestionData:
    """What the question form edits."""

    text: str
    category: QuestionCategory
    priority: Priority = Priority.NORMAL
    visit_id: int | None = None
    asked: bool = False
    answer: str = ""


@dataclass(frozen=True)
class QuestionRow:
    id: int
    person_id: int
    text: str
    category: QuestionCategory
    priority: Priority
    position: int
    visit_id: int | None
    #: the doctor of the visit it is for, "" when it is for no visit in particular
    visit_doctor: str
    visit_starts_at: dt.datetime | None
    visit_status: VisitStatus | None
    asked: bool
    answer: str
    starter_key: str | None

    @property
    def answered(self) -> bool:
        return is_answered(self.answer)

    def to_data(self) -> QuestionData:
        return QuestionData(
            text=self.text,
            category=self.category,
            priority=self.priority,
            visit_id=self.visit_id,
            asked=self.asked,
            answer=self.answer,
        )


@dataclass(frozen=True)
class VisitChoice:
    """A visit a question can be for: its doctor and when."""

    id: int
    doctor: str
    starts_at: dt.datetime
    status: VisitStatus


# ------------------------------------------------------------------ reading


_COLUMNS = (
    Question.id,
    Question.person_id,
    Question.text,
    Question.category,
    Question.priority,
    Question.position,
    Question.visit_id,
    Contact.name.label("visit_doctor"),
    Visit.starts_at.label("visit_starts_at"),
    Visit.status.label("visit_status"),
    Question.asked,
    Question.answer,
    Question.starter_key,
)


def _query() -> Select[*tuple[Any, ...]]:
    # Plain columns, not ORM objects: a list of thousands of questions loads much faster.
    return (
        select(*_COLUMNS)
        .outerjoin(Visit, Question.visit_id == Visit.id)
        .outerjoin(Contact, Visit.doctor_id == Contact.id)
    )


def _row(r: Row[Any]) -> QuestionRow:
    return QuestionRow(
        id=r.id,
        person_id=r.person_id,
        text=r.text,
        category=r.category,
        priority=Priority(r.priority),
        position=r.position,
        visit_id=r.visit_id,
        visit_doctor=r.visit_doctor or "",
        visit_starts_at=r.visit_starts_at,
        visit_status=r.visit_status,
        asked=r.asked,
        answer=r.answer,
        starter_key=r.starter_key,
    )


def list_questions(session: Session, person_id: int) -> list[QuestionRow]:
    """A person's questions in their saved order (the screen filters them itself)."""
    stmt = _query().where(Question.person_id == person_id).order_by(Question.position, Question.id)
    return [_row(r) for r in selected(session, stmt)]


def get_question(session: Session, question_id: int) -> QuestionRow:
    result = session.execute(_query().where(Question.id == question_id)).first()
    if result is None:
        raise NotFound("This question no longer exists.")
    return _row(result)


def list_visit_choices(session: Session, person_id: int) -> list[VisitChoice]:
    """The person's visits, soonest first, for the "for which visit" picker and filter."""
    stmt = (
        select(Visit.id, Contact.name, Visit.starts_at, Visit.status)
        .join(Contact, Visit.doctor_id == Contact.id)
        .where(Visit.person_id == person_id)
        .order_by(Visit.starts_at, Visit.id)
    )
    return [
        VisitChoice(id=r.id, doctor=r.name, starts_at=r.starts_at, status=r.status)
        for r in session.execute(stmt)
    ]


# ------------------------------------------------------------------ changing


def check_text(text: str) -> str:
    """The question's text as stored; ``ValidationError`` on ``text`` when it is not acceptable."""
    clean = text.strip()
    if not clean:
        raise ValidationError("Type the question.", field="text")
    if len(clean) > MAX_TEXT_LENGTH:
        raise ValidationError(
            "A question can be at most {limit} characters.",
            field="text",
            limit=f"{MAX_TEXT_LENGTH:,}",
        )
    return clean


def check_answer(answer: str) -> str:
    if len(answer) > MAX_ANSWER_LENGTH:
        raise ValidationError(
            "An answer can be at most {limit} characters.",
            field="answer",
            limit=f"{MAX_ANSWER_LENGTH:,}",
        )
    return answer


def answered_means_asked(answer: str, asked: bool) -> bool:
    """Whether a question counts as asked: writing down an answer means it was."""
    return asked or bool(answer.strip())


def validate(data: QuestionData) -> QuestionData:
    return dataclasses.replace(
        data,
        text=check_text(data.text),
        answer=check_answer(data.answer),
        asked=answered_means_asked(data.answer, data.asked),
        category=QuestionCategory(data.category),
        priority=Priority(data.priority),
    )


def _check_visit(session: Session, person_id: int, visit_id: int | None) -> None:
    if visit_id is None:
        return
    visit = session.get(Visit, visit_id)
    if visit is None or visit.person_id != person_id:
        raise ValidationError("This visit no longer exists.", field="visit_id")


def _next_position(session: Session, person_id: int) -> int:
    top = session.scalar(select(func.max(Question.position)).where(Question.person_id == person_id))
    return 0 if top is None else int(top) + 1


def create_question(
    session: Session, person_id: int, data: QuestionData, starter_key: str | None = None
) -> QuestionRow:
    """Add a question at the end of the person's list."""
    clean = validate(data)
    _check_visit(session, person_id, clean.visit_id)
    question = Question(
        person_id=person_id,
        text=clean.text,
        category=clean.category,
        priority=int(clean.priority),
        position=_next_position(session, person_id),
        visit_id=clean.visit_id,
        asked=clean.asked,
        answer=clean.answer,
        starter_key=starter_key,
    )
    session.add(question)
    session.flush()
    log.info("question %s created", question.id)
    return get_question(session, question.id)


def _load(session: Session, question_id: int) -> Question:
    return must_exist(session, Question, question_id, "This question no longer exists.")


def update_question(session: Session, question_id: int, data: QuestionData) -> QuestionRow:
    question = _load(session, question_id)
    clean = validate(data)
    _check_visit(session, question.person_id, clean.visit_id)
    question.text = clean.text
    question.category = clean.category
    question.priority = int(clean.priority)
    question.visit_id = clean.visit_id
    question.asked = clean.asked
    question.answer = clean.answer
    session.flush()
    return get_question(session, question_id)


def delete_question(session: Session, question_id: int) -> None:
    question = _load(session, question_id)
    person_id = question.person_id
    session.delete(question)
    session.flush()
    _renumber(session, person_id, _ordered_ids(session, person_id))


def mark_asked(session: Session, question_id: int, asked: bool = True) -> QuestionRow:
    """Record whether a question was asked at the visit (one with an answer stays asked)."""
    question = _load(session, question_id)
    question.asked = answered_means_asked(question.answer, asked)
    session.flush()
    return get_question(session, question_id)


# ------------------------------------------------------------------ order


def _ordered_ids(session: Session, person_id: int) -> list[int]:
    stmt = (
        select(Question.id)
        .where(Question.person_id == person_id)
        .order_by(Question.position, Question.id)
    )
    return list(session.scalars(stmt))


def _renumber(session: Session, person_id: int, ordered: Sequence[int]) -> None:
    stmt = select(Question.id, Question.position).where(Question.person_id == person_id)
    current = {r.id: r.position for r in session.execute(stmt)}
    changes = [
        {"id": question_id, "position": position}
        for position, question_id in enumerate(ordered)
        if current.get(question_id) != position
    ]
    if changes:
        # One executemany by primary key: moving the last of 5 000 questions to the top
        # rewrites every position, and loading each row first would take seconds.
        session.execute(update(Question), changes)
    session.flush()


def move_before(
    session: Session, person_id: int, question_ids: Sequence[int], before_id: int | None
) -> None:
    """Move some questions (kept in their order) just before ``before_id``; None = to the end.

    This is what a drag and drop does, even when the view shows only a filtered part.
    """
    ordered = _ordered_ids(session, person_id)
    moving = [q for q in ordered if q in set(question_ids)]
    if len(moving) != len(set(question_ids)):
        raise ValidationError("The list changed meanwhile; reload and try again.")
    rest = [q for q in ordered if q not in set(moving)]
    at = len(rest) if before_id is None or before_id not in rest else rest.index(before_id)
    _renumber(session, person_id, rest[:at] + moving + rest[at:])


# ------------------------------------------------------------------ for a visit


def _open_unlinked(person_id: int) -> Select[Question]:
    """The person's questions for no visit in particular that are neither asked nor answered."""
    return select(Question).where(
        Question.person_id == person_id,
        Question.visit_id.is_(None),
        Question.asked.is_(False),
        func.trim(Question.answer) == "",
    )


def is_answered(answer: str) -> bool:
    """A question counts as answered once its answer has any words in it."""
    return bool(answer.strip())


def unanswered_by_visit(session: Session, visit_ids: Collection[int]) -> dict[int, int]:
    """How many questions of each of ``visit_ids`` have no answer (visits with none left out)."""
    counts: dict[int, int] = {}
    for visit_id, answer in session.execute(
        select(Question.visit_id, Question.answer).where(Question.visit_id.in_(visit_ids))
    ):
        if visit_id is not None and not is_answered(answer):
            counts[visit_id] = counts.get(visit_id, 0) + 1
    return counts


def count_open_unlinked(session: Session, person_id: int) -> int:
    stmt = select(func.count()).select_from(_open_unlinked(person_id).subquery())
    return session.scalar(stmt) or 0


def use_open_questions(session: Session, visit_id: int) -> list[int]:
    """Tie the person's open questions that are for no visit to ``visit_id``; their ids."""
    visit = must_exist(session, Visit, visit_id, "This visit no longer exists.")
    linked: list[int] = []
    stmt = _open_unlinked(visit.person_id).order_by(Question.position)
    for question in session.scalars(stmt):
        question.visit_id = visit.id
        linked.append(question.id)
    session.flush()
    log.info("linked %d open questions to visit %s", len(linked), visit_id)
    return linked


# ------------------------------------------------------------------ after a visit


def default_visit(session: Session, person_id: int, now: dt.datetime) -> int | None:
    """The visit a new question is for unless the person picks another: the next one planned."""
    row = visit_service.next_visit(session, person_id, now)
    return row.id if row is not None else None


def carry_target(session: Session, from_visit_id: int, now: dt.datetime) -> int | None:
    """Where the unanswered questions of a visit go: the first planned visit still ahead that
    comes after this one. One booked for the very same time comes after it when it was
    booked later (a strict "starts later" found none, and said there was no next visit).

    A planned visit whose time is over is no place to carry questions to.
    """
    visit = must_exist(session, Visit, from_visit_id, "This visit no longer exists.")
    for row in visit_service.list_visits(session, visit.person_id, now):
        if row.timing not in (VisitTiming.NEXT, VisitTiming.UPCOMING):
            break  # the planned visits still ahead come first, soonest first
        if (row.starts_at, row.id) > (visit.starts_at, visit.id):
            return row.id
    return None


def carry_unanswered(
    session: Session, from_visit_id: int, now: dt.datetime, to_visit_id: int | None = None
) -> tuple[int | None, int]:
    """Move the questions of a visit that got no answer to the next planned visit.

    ``to_visit_id`` defaults to ``carry_target``. A carried question is marked not asked,
    since it still has to be asked at the next visit. Returns (the visit they went to, how
    many moved); (None, 0) when there is no next visit.
    """
    visit = must_exist(session, Visit, from_visit_id, "This visit no longer exists.")
    target = to_visit_id or carry_target(session, from_visit_id, now)
    if target is None:
        return None, 0
    _check_visit(session, visit.person_id, target)
    stmt = select(Question).where(
        Question.visit_id == from_visit_id, func.trim(Question.answer) == ""
    )
    moved = 0
    for question in session.scalars(stmt):
        question.visit_id = target
        question.asked = False
        moved += 1
    session.flush()
    log.info("carried %d questions from visit %s to %s", moved, from_visit_id, target)
    return target, moved
