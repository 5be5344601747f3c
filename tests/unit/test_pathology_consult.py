"""What a pathology consult still lacks: said by the visit's readiness and printed in its packet."""

from __future__ import annotations

from second_opinion.domain.enums import RecordKind, RequestState
from second_opinion.services import tracking
from second_opinion.services.packet import build_packet_data
from second_opinion.services.tracking import MaterialData
from tests.unit.test_readiness import NOW, Case


def test_readiness_names_what_the_slides_lack_and_where_to_add_it(session) -> None:
    case = Case(session)
    visit_id = case.visit()
    assert case.check(visit_id, "pathology_consult") is None  # no slides: no check
    slides = case.item(RecordKind.PATHOLOGY_MATERIAL, "Slides, block A1")
    case.request(slides, state=RequestState.SENT)

    check = case.check(visit_id, "pathology_consult")
    assert not check.ok
    assert check.label == (
        "The pathology consult lacks the accession number, the block or slide IDs and the "
        "consult question"
    )
    assert (check.fix_target, check.fix_kwargs) == ("records.material", {"item_id": slides.id})

    tracking.save_material(
        session, slides.id, MaterialData(accession_number="S26-1", slide_ids="A1-1")
    )
    check = case.check(visit_id, "pathology_consult")
    assert check.label == "The pathology consult lacks the consult question"

    tracking.save_material(
        session,
        slides.id,
        MaterialData(accession_number="S26-1", slide_ids="A1-1", consult_question="Grade?"),
    )
    assert case.check(visit_id, "pathology_consult").ok


def test_the_packet_lists_the_missing_consult_details(session) -> None:
    case = Case(session)
    visit_id = case.visit()
    slides = case.item(RecordKind.PATHOLOGY_MATERIAL, "Slides, block A1")
    case.request(slides, state=RequestState.SENT)
    tracking.save_material(session, slides.id, MaterialData(block_ids="A1"))
    data = build_packet_data(session, visit_id, now=NOW)
    (line,) = [m for m in data.missing if m.kind == "Pathology consult details"]
    assert line.description == "Slides, block A1"
    assert line.reason == "Lacks the accession number and the consult question"
