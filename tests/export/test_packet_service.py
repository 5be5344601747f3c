"""Building the packet and letter data from what the tabs stored."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from second_opinion.domain.enums import (
    ContactRole,
    Priority,
    QuestionCategory,
    RecordKind,
    RequestState,
    TransferMethod,
    VisitMode,
    VisitStatus,
)
from second_opinion.domain.models import (
    Authorization,
    Opinion,
    Question,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.export.data import LetterKind, Paper, Section
from second_opinion.services.errors import NotFound
from second_opinion.services.packet import (
    build_letter_data,
    build_packet_data,
    list_packet_visits,
    next_visit_id,
)
from tests.factories import make_contact, make_person

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)


def _case(session: Session) -> dict[str, int]:
    person = make_person(
        session,
        "Maria Example",
        date_of_birth=dt.date(1968, 4, 12),
        condition="Breast mass",
        medications="Lisinopril",
        allergies="None",
    )
    first = make_contact(session, "Dr. Holm", ContactRole.FIRST_OPINION, phone="1", fax="2")
    second = make_contact(session, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN, fax="9")
    primary = make_contact(session, "Dr. Lee", ContactRole.PRIMARY_CARE)
    make_contact(session, "Dr. Maybe", ContactRole.SECOND_OPINION_CANDIDATE)
    lab = make_contact(session, "Riverside Lab", ContactRole.RECORDS_DEPARTMENT)
    make_contact(session, "Maria Example (me)", ContactRole.SELF, address="8 Elm Street")
    visit = Visit(
        person_id=person.id,
        doctor_id=second.id,
        time_zone="America/Chicago",
        starts_at=dt.datetime(2026, 12, 3, 15, 30, tzinfo=dt.UTC),
        mode=VisitMode.TELEMEDICINE,
        telemedicine_url="https://v.example/1",
    )
    past = Visit(
        person_id=person.id,
        doctor_id=first.id,
        starts_at=dt.datetime(2026, 10, 1, 15, 0, tzinfo=dt.UTC),
        status=VisitStatus.DONE,
    )
    session.add_all([visit, past])
    path = RecordItem(
        person_id=person.id,
        kind=RecordKind.PATHOLOGY_REPORT,
        description="Core biopsy",
        holder_id=lab.id,
        date_of_service=dt.date(2026, 10, 14),
    )
    slides = RecordItem(
        person_id=person.id,
        kind=RecordKind.PATHOLOGY_MATERIAL,
        description="Slides",
        holder_id=lab.id,
    )
    labs = RecordItem(
        person_id=person.id, kind=RecordKind.LAB_RESULTS, description="CBC", holder_id=lab.id
    )
    session.add_all([path, slides, labs])
    session.flush()
    sent = RecordRequest(
        person_id=person.id,
        holder_id=lab.id,
        recipient_id=second.id,
        state=RequestState.RECEIVED,
        method=TransferMethod.FAX,
        requested_on=dt.date(2026, 10, 20),
        due_on=dt.date(2026, 11, 19),
        received_on=dt.date(2026, 10, 30),
        items=[path],
    )
    late = RecordRequest(
        person_id=person.id,
        holder_id=lab.id,
        recipient_id=second.id,
        state=RequestState.REQUESTED,
        method=TransferMethod.COURIER,
        requested_on=dt.date(2026, 10, 22),
        due_on=dt.date(2026, 11, 21),
        items=[slides],
        reference_number="REF-1",
    )
    session.add_all([sent, late])
    auth = Authorization(
        person_id=person.id,
        holder_id=lab.id,
        recipient_id=second.id,
        scope="Pathology",
        purpose="Second opinion",
        expires_on=dt.date(2027, 4, 1),
    )
    session.add(auth)
    questions = [
        Question(
            person_id=person.id,
            text="Normal first in list",
            position=0,
            category=QuestionCategory.TREATMENT,
            priority=int(Priority.NORMAL),
            visit=visit,
        ),
        Question(
            person_id=person.id,
            text="Top second in list",
            position=1,
            category=QuestionCategory.DIAGNOSIS,
            priority=int(Priority.TOP),
            visit=visit,
        ),
        Question(
            person_id=person.id,
            text="Unassigned open",
            position=2,
            category=QuestionCategory.COSTS,
            priority=int(Priority.NORMAL),
        ),
        Question(
            person_id=person.id,
            text="Other visit",
            position=3,
            category=QuestionCategory.COSTS,
            priority=int(Priority.TOP),
            visit=past,
        ),
        Question(
            person_id=person.id,
            text="Unassigned asked",
            position=4,
            asked=True,
            category=QuestionCategory.COSTS,
            priority=int(Priority.TOP),
        ),
    ]
    session.add_all(questions)
    session.add_all(
        [
            Opinion(
                person_id=person.id,
                doctor_id=first.id,
                given_on=dt.date(2026, 10, 21),
                diagnosis="IDC",
            ),
            Opinion(
                person_id=person.id,
                doctor_id=first.id,
                given_on=dt.date(2027, 1, 5),
                diagnosis="Later one",
            ),
        ]
    )
    session.flush()
    return {
        "person": person.id,
        "visit": visit.id,
        "past": past.id,
        "late": late.id,
        "primary": primary.id,
    }


def test_packet_data_gathers_the_case_for_this_visit(session: Session) -> None:
    ids = _case(session)
    data = build_packet_data(
        session, ids["visit"], [Section.QUESTIONS, Section.COVER], Paper.LETTER, now=NOW
    )
    assert data.person_name == "Maria Example"
    assert data.sections == (Section.COVER, Section.QUESTIONS)  # printed in packet order
    assert data.paper is Paper.LETTER
    assert data.visit.starts_at.hour == 9  # 15:30 UTC is 09:30 in Chicago
    assert data.visit.is_telemedicine
    # top priority first, then the user's order; open unassigned questions come along
    assert [q.text for q in data.questions] == [
        "Top second in list",
        "Normal first in list",
        "Unassigned open",
    ]
    assert [m.relation for m in data.care_team] == [
        "This visit",
        "First-opinion doctor",
        "Primary care",
    ]
    assert [r.state for r in data.records] == ["Received", "Requested"]
    assert data.records[1].overdue
    missing = {m.description: m.reason for m in data.missing}
    assert set(missing) == {"Slides", "CBC"}
    assert "overdue" in missing["Slides"]
    assert "before a video visit" in missing["Slides"]
    assert missing["CBC"] == "Not requested for this doctor yet"
    assert [o.diagnosis for o in data.opinions] == ["IDC"]  # not the one after the visit


def test_unknown_visit_is_refused(session: Session) -> None:
    with pytest.raises(NotFound):
        build_packet_data(session, 999)


def test_next_visit_and_the_visit_list(session: Session) -> None:
    ids = _case(session)
    assert next_visit_id(session, ids["person"], NOW) == ids["visit"]
    assert next_visit_id(session, None, NOW) == ids["visit"]
    assert next_visit_id(session, ids["person"], NOW + dt.timedelta(days=30)) is None
    choices = list_packet_visits(session, ids["person"], NOW)
    assert [c.id for c in choices] == [ids["visit"], ids["past"]]
    assert choices[0].upcoming and not choices[1].upcoming


def test_letter_data_for_a_request(session: Session) -> None:
    ids = _case(session)
    data = build_letter_data(session, ids["late"], LetterKind.AUTHORIZATION)
    assert data.holder.name == "Riverside Lab"
    assert data.recipient.name == "Dr. Rao"
    assert data.method == "Courier"
    assert [i.description for i in data.items] == ["Slides"]
    assert data.sender.address == "8 Elm Street"  # the person's own card
    # no authorization linked, but one on file for the same holder and recipient is used
    assert data.authorization is not None
    assert data.authorization.expires_on == dt.date(2027, 4, 1)
    with pytest.raises(NotFound):
        build_letter_data(session, 999, LetterKind.REQUEST)
