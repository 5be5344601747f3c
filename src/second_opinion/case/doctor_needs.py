"""What a visit's doctor is expected to need, and the person's "not needed" marks.

The rule lives in ``services.doctor_needs``; a visit's readiness and its packet's "Still
missing" both follow it, so a change here touches the Visits screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes
from second_opinion.domain.models import Visit
from second_opinion.services import doctor_needs
from second_opinion.services.doctor_needs import Candidate
from second_opinion.services.errors import must_exist


@dataclass(frozen=True)
class DoctorNeeds:
    visit_id: int
    doctor_id: int
    doctor_name: str
    #: every record the doctor is expected to need, those marked "not needed" included
    candidates: list[Candidate]


def needs_for_visit(case: Case, visit_id: int) -> DoctorNeeds:
    with case.reading() as session:
        visit = must_exist(session, Visit, visit_id, "This visit no longer exists.")
        found = doctor_needs.candidates(session, case.person_id, visit.doctor_id)
        return DoctorNeeds(visit.id, visit.doctor_id, visit.doctor.name, found)


def save_not_needed(case: Case, doctor_id: int, item_ids: list[int]) -> Changes:
    """Exactly ``item_ids`` are not needed by this doctor (the other marks are taken back)."""
    with case.unit() as session:
        doctor_needs.set_not_needed(session, case.person_id, doctor_id, item_ids)
    return Changes.of(Area.VISITS)
