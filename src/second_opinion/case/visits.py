"""Visits of the current person: the Visits screen's read model and every change to a visit.

The board carries each planned visit's readiness checklist (``services.readiness``), so the
screen only shows what the rules decided. ``now`` is a parameter everywhere: "next", the
countdowns and "in the past" depend on it, and tests fix it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.domain.enums import VisitStatus
from second_opinion.services import contacts as contact_service
from second_opinion.services import readiness as readiness_service
from second_opinion.services import visits as visit_service
from second_opinion.services.contacts import ContactChoice
from second_opinion.services.readiness import VisitReadiness
from second_opinion.services.visits import (
    PlanNeeds,
    SaveResult,
    VisitInput,
    VisitRow,
    VisitTiming,
)


@dataclass(frozen=True)
class VisitListRow:
    visit: VisitRow
    readiness: VisitReadiness | None  # only planned visits have a checklist


@dataclass(frozen=True)
class VisitsBoard:
    """What the Visits screen shows, in the order it shows it (next visit first)."""

    rows: list[VisitListRow]

    @property
    def next_visit(self) -> VisitListRow | None:
        return next((r for r in self.rows if r.visit.timing is VisitTiming.NEXT), None)


@dataclass(frozen=True)
class VisitFormChoices:
    """What the visit form offers: doctors first, the support people, and the visit edited."""

    doctors: list[ContactChoice]
    companions: list[ContactChoice]
    existing: VisitRow | None
    #: what the insurance plan says a visit needs: a new visit starts with these ticked
    plan_needs: PlanNeeds = field(default_factory=PlanNeeds)


def visits_board(case: Case, now: dt.datetime) -> VisitsBoard:
    with case.reading() as session:
        listed = visit_service.list_visits(session, case.person_id, now)
        checklists = readiness_service.readiness_for_person(session, case.person_id, now.date())
    rows = [
        VisitListRow(row, checklists.get(row.id) if row.status is VisitStatus.PLANNED else None)
        for row in listed
    ]
    return VisitsBoard(rows)


def form_choices(case: Case, visit_id: int | None, now: dt.datetime) -> VisitFormChoices:
    """The pickers' contents for the visit form, and the visit when one is edited."""
    with case.reading() as session:
        people = contact_service.list_contact_choices(session)
        existing = visit_service.get_visit(session, visit_id, now) if visit_id else None
        needs = visit_service.plan_needs(session, case.person_id)
    companion_id = existing.companion_id if existing is not None else None
    return VisitFormChoices(
        doctors=visit_service.doctor_choices(people),
        companions=visit_service.companion_choices(people, keep=companion_id),
        existing=existing,
        plan_needs=needs,
    )


def save_visit(
    case: Case, data: VisitInput, visit_id: int | None, now: dt.datetime
) -> Outcome[SaveResult]:
    """Add (``visit_id`` None) or change a visit; refused with a ``ValidationError``."""
    with case.unit() as session:
        if visit_id is None:
            result = visit_service.add_visit(session, case.person_id, data, now=now)
        else:
            result = visit_service.update_visit(session, visit_id, data, now=now)
    return Outcome(result, Changes.of(Area.VISITS, result.id))


def choose_doctor(case: Case, contact_id: int) -> Changes:
    """Make a candidate the chosen second-opinion doctor (offered after booking a visit)."""
    with case.unit() as session:
        visit_service.choose_doctor(session, contact_id)
    return Changes.of(Area.CONTACTS, contact_id, also=[Area.VISITS])


def mark_done(case: Case, visit_id: int) -> Changes:
    with case.unit() as session:
        visit_service.set_status(session, visit_id, VisitStatus.DONE)
    return Changes.of(Area.VISITS, visit_id)


def linked_questions(case: Case, visit_id: int) -> int:
    """How many questions a delete would unlink (asked before confirming)."""
    with case.reading() as session:
        return visit_service.linked_question_count(session, visit_id)


def delete_visit(case: Case, visit_id: int) -> Outcome[int]:
    """Delete a visit; its questions stay, no longer tied to it. The value: how many."""
    with case.unit() as session:
        unlinked = visit_service.delete_visit(session, visit_id)
    also = [Area.QUESTIONS] if unlinked else []
    return Outcome(unlinked, Changes.of(Area.VISITS, visit_id, also=also))
