"""The case functions behind "What this doctor needs", without a QApplication."""

from __future__ import annotations

import datetime as dt

from second_opinion.case import doctor_needs as case_needs
from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.domain.enums import ContactRole, RecordKind
from second_opinion.services import records, visits
from second_opinion.services.visits import VisitInput
from tests.factories import make_contact, make_person

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)


def test_needs_for_a_visit_and_the_marks_touch_the_visits(vault) -> None:
    with vault.session() as s:
        person = make_person(s).id
        doctor = make_contact(s, "Dr. Rad", ContactRole.SPECIALIST, specialty="Radiology").id
        visit = visits.add_visit(
            s, person, VisitInput(doctor, NOW + dt.timedelta(days=5), "UTC"), now=NOW
        ).id
        scan = records.add_item(s, person, records.ItemData(kind=RecordKind.IMAGING_FILES))
        records.add_item(s, person, records.ItemData(kind=RecordKind.LAB_RESULTS))
    case = Case(vault, person)
    needs = case_needs.needs_for_visit(case, visit)
    assert (needs.doctor_id, needs.doctor_name) == (doctor, "Dr. Rad")
    assert [c.item_id for c in needs.candidates] == [scan]
    changes = case_needs.save_not_needed(case, doctor, [scan])
    assert changes.touches(Area.VISITS)
    assert case_needs.needs_for_visit(case, visit).candidates[0].not_needed
