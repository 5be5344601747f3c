"""What a doctor is expected to need: the records on requests to them, and the kinds their
specialty works with (a pathologist: slides and pathology reports; a radiologist: images and
imaging reports); less whatever the person marked "not needed for this doctor"."""

from __future__ import annotations

from sqlalchemy.orm import Session

from second_opinion.domain.enums import ContactRole, RecordKind
from second_opinion.services import doctor_needs, records
from second_opinion.services import record_requests as rr
from second_opinion.services.records import ItemData
from tests.factories import make_contact, make_person


def test_specialty_kinds_are_a_small_honest_mapping() -> None:
    assert doctor_needs.kinds_for_specialty("Breast pathology") == {
        RecordKind.PATHOLOGY_MATERIAL,
        RecordKind.PATHOLOGY_REPORT,
    }
    assert doctor_needs.kinds_for_specialty("Neuroradiology") == {
        RecordKind.IMAGING_FILES,
        RecordKind.IMAGING_REPORT,
    }
    assert doctor_needs.kinds_for_specialty("Radiation oncology") == frozenset()
    assert doctor_needs.kinds_for_specialty("") == frozenset()


def test_expected_items_follow_requests_specialty_and_the_persons_marks(session: Session) -> None:
    person = make_person(session).id
    lab = make_contact(session, "Lab", ContactRole.RECORDS_DEPARTMENT).id
    pathologist = make_contact(
        session, "Dr. Costa", ContactRole.SPECIALIST, specialty="Breast pathology"
    ).id
    surgeon = make_contact(
        session, "Dr. Tanaka", ContactRole.SECOND_OPINION_CHOSEN, specialty="Breast surgery"
    ).id

    def item(kind: RecordKind, text: str) -> int:
        return records.add_item(
            session, person, ItemData(kind=kind, description=text, holder_id=lab)
        )

    slides = item(RecordKind.PATHOLOGY_MATERIAL, "Slides")
    discs = item(RecordKind.IMAGING_FILES, "Mammogram discs")
    mri = item(RecordKind.IMAGING_FILES, "MRI disc")
    item(RecordKind.OPERATIVE_REPORT, "2015 operative report")
    rr.add_request(
        session, person, rr.RequestData(item_ids=[mri], holder_id=lab, recipient_id=pathologist)
    )
    rr.add_request(
        session, person, rr.RequestData(item_ids=[discs], holder_id=lab, recipient_id=surgeon)
    )

    expected = doctor_needs.expected_items(session, person, [pathologist, surgeon])
    assert expected[pathologist] == {slides, mri}  # not the mammogram discs, not 2015
    assert expected[surgeon] == {discs}

    doctor_needs.set_not_needed(session, person, pathologist, [mri])
    assert doctor_needs.expected_items(session, person, [pathologist])[pathologist] == {slides}
    choices = {c.item_id: c for c in doctor_needs.candidates(session, person, pathologist)}
    assert set(choices) == {slides, mri}
    assert choices[mri].not_needed and not choices[slides].not_needed
    assert choices[mri].on_request and choices[slides].by_specialty

    doctor_needs.set_not_needed(session, person, pathologist, [])
    assert doctor_needs.expected_items(session, person, [pathologist])[pathologist] == {slides, mri}
    # Another person's record cannot be marked.
    other = make_person(session, "Someone else").id
    foreign = records.add_item(session, other, ItemData(kind=RecordKind.OTHER, description="x"))
    import pytest

    from second_opinion.services.errors import ValidationError

    with pytest.raises(ValidationError):
        doctor_needs.set_not_needed(session, person, pathologist, [foreign])
