"""Opinions received and decisions taken: the Opinions screen's read model and its changes.

The board carries the side-by-side comparison with its verdict ("the opinions differ"), built
by ``services.opinions``; the screen only shows it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.domain.enums import Verdict
from second_opinion.services import contacts as contact_service
from second_opinion.services import opinions as opinion_service
from second_opinion.services import visits as visit_service
from second_opinion.services.contacts import ContactChoice
from second_opinion.services.opinions import Comparison, DecisionRow, OpinionInput, OpinionRow


@dataclass(frozen=True)
class OpinionsBoard:
    opinions: list[OpinionRow]
    decisions: list[DecisionRow]  # newest first
    #: the latest opinions side by side (None with fewer than two)
    comparison: Comparison | None
    #: the person's own "same"/"different" verdicts, for comparing other choices
    verdicts: dict[tuple[int, int, str], Verdict]


@dataclass(frozen=True)
class OpinionFormChoices:
    doctors: list[ContactChoice]
    existing: OpinionRow | None


def opinions_board(case: Case) -> OpinionsBoard:
    with case.reading() as session:
        rows = opinion_service.list_opinions(session, case.person_id)
        decisions = opinion_service.list_decisions(session, case.person_id)
        verdicts = opinion_service.list_verdicts(session, case.person_id)
    return OpinionsBoard(
        rows, decisions, opinion_service.compare_chosen(rows, [], verdicts), verdicts
    )


def form_choices(case: Case, opinion_id: int | None) -> OpinionFormChoices:
    with case.reading() as session:
        people = contact_service.list_contact_choices(session)
        existing = opinion_service.get_opinion(session, opinion_id) if opinion_id else None
    return OpinionFormChoices(visit_service.doctor_choices(people), existing)


def save_opinion(case: Case, data: OpinionInput, opinion_id: int | None) -> Outcome[int]:
    """Add (``opinion_id`` None) or change an opinion; the value is its id."""
    with case.unit() as session:
        if opinion_id is None:
            opinion_id = opinion_service.add_opinion(session, case.person_id, data)
        else:
            opinion_service.update_opinion(session, opinion_id, data)
    return Outcome(opinion_id, Changes.of(Area.OPINIONS, opinion_id))


def delete_opinion(case: Case, opinion_id: int) -> Changes:
    with case.unit() as session:
        opinion_service.delete_opinion(session, opinion_id)
    return Changes.of(Area.OPINIONS, opinion_id)


def set_verdict(case: Case, opinion_ids: list[int], field: str, verdict: Verdict | None) -> Changes:
    """The person judges ``field`` the same or different across the compared opinions."""
    with case.unit() as session:
        opinion_service.set_verdict(session, opinion_ids, field, verdict)
    return Changes.of(Area.OPINIONS)


def add_decision(case: Case, decided_on: dt.date, decision: str, reasons: str) -> Outcome[int]:
    with case.unit() as session:
        decision_id = opinion_service.add_decision(
            session, case.person_id, decided_on, decision, reasons
        )
    return Outcome(decision_id, Changes.of(Area.OPINIONS))


def delete_decision(case: Case, decision_id: int) -> Changes:
    with case.unit() as session:
        opinion_service.delete_decision(session, decision_id)
    return Changes.of(Area.OPINIONS)
