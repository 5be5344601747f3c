"""Building the packet and letter data from what the tabs stored."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from second_opinion.domain.enums import (
    ContactRole,
    Priority,
    QuestionCategory,
    RecordKind,
    RequestState,
    TransferMethod,
    TriState,
    VisitMode,
    VisitStatus,
)
from second_opinion.domain.models import (
    Authorization,
    InsurancePlan,
    Opinion,
    Person,
    Question,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.services.errors import NotFound
from second_opinion.services.packet import (
    build_letter_data,
    build_packet_data,
    list_packet_visits,
    next_visit_id,
)
from second_opinion.services.packet_data import LetterKind, PacketData, Paper, Section
from second_opinion.services.profile import get_profile, save_profile
from second_opinion.vault.vault import Vault
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
    # the person's own order; open unassigned questions come along
    assert [q.text for q in data.questions] == [
        "Normal first in list",
        "Top second in list",
        "Unassigned open",
    ]
    assert [m.relation for m in data.care_team] == [
        "This visit",
        "First-opinion doctor",
        "Primary care",
    ]
    assert [r.state for r in data.records] == ["Received", "Requested"]
    assert data.records[1].overdue
    consult = [m for m in data.missing if m.kind == "Pathology consult details"]
    assert [m.description for m in consult] == ["Slides"]  # sent without its consult details
    missing = {m.description: m.reason for m in data.missing if m not in consult}
    # The CBC was never requested for Dr. Rao, whose specialty says nothing about it: not
    # claimed as missing.
    assert set(missing) == {"Slides"}
    assert "overdue" in missing["Slides"]
    assert "before a video visit" in missing["Slides"]
    assert [o.diagnosis for o in data.opinions] == ["IDC"]  # not the one after the visit


def test_still_missing_lists_what_this_doctor_is_expected_to_need(session: Session) -> None:
    """Not every record on file: a 2015 operative report is not "missing" for the
    pathologist, whose slides are, until the person marks them not needed."""
    from second_opinion.services import doctor_needs

    person = make_person(session, "Maria Example")
    lab = make_contact(session, "Riverside Lab", ContactRole.RECORDS_DEPARTMENT)
    pathologist = make_contact(
        session, "Dr. Costa", ContactRole.SPECIALIST, specialty="Breast pathology"
    )
    visit = Visit(
        person_id=person.id,
        doctor_id=pathologist.id,
        time_zone="UTC",
        starts_at=dt.datetime(2026, 12, 3, 15, 30, tzinfo=dt.UTC),
    )
    old = RecordItem(
        person_id=person.id, kind=RecordKind.OPERATIVE_REPORT, description="2015 operation"
    )
    slides = RecordItem(
        person_id=person.id,
        kind=RecordKind.PATHOLOGY_MATERIAL,
        description="Block A1",
        holder_id=lab.id,
    )
    session.add_all([visit, old, slides])
    session.flush()

    data = build_packet_data(session, visit.id, [Section.RECORDS], Paper.LETTER, now=NOW)
    assert {m.description: m.reason for m in data.missing} == {
        "Block A1": "Not requested for this doctor yet"
    }
    doctor_needs.set_not_needed(session, person.id, pathologist.id, [slides.id])
    data = build_packet_data(session, visit.id, [Section.RECORDS], Paper.LETTER, now=NOW)
    assert data.missing == ()


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


def test_the_letter_signs_with_the_address_phone_and_email_of_the_profile(
    session: Session,
) -> None:
    ids = _case(session)
    profile = get_profile(session, ids["person"])
    save_profile(
        session,
        ids["person"],
        dataclasses.replace(
            profile, address="12 Oak Lane\nSpringfield", phone="555-010-9999", email="a@b.org"
        ),
    )
    sender = build_letter_data(session, ids["late"], LetterKind.REQUEST).sender
    assert (sender.address, sender.phone, sender.email) == (
        "12 Oak Lane\nSpringfield",
        "555-010-9999",
        "a@b.org",
    )


def _requests_to(session: Session, person_id: int, doctor_id: int, count: int) -> None:
    """``count`` requests to the doctor, each from its own holder with two items."""
    for n in range(count):
        holder = make_contact(session, f"Lab {n}", ContactRole.RECORDS_DEPARTMENT)
        items = [
            RecordItem(
                person_id=person_id,
                kind=RecordKind.LAB_RESULTS,
                description=f"Panel {n}.{i}",
                holder_id=holder.id,
                date_of_service=dt.date(2026, 1, 1) + dt.timedelta(days=n + i),
            )
            for i in range(2)
        ]
        session.add(
            RecordRequest(
                person_id=person_id,
                holder_id=holder.id,
                recipient_id=doctor_id,
                state=RequestState.SENT,
                requested_on=dt.date(2026, 9, 1) + dt.timedelta(days=n),
                items=items,
            )
        )
    session.flush()


def _statements_for_packet(vault: Vault, visit_id: int) -> tuple[int, PacketData]:
    seen: list[str] = []
    with vault.session() as fresh:
        engine = fresh.get_bind()

        def count(*args: object) -> None:
            seen.append("statement")

        event.listen(engine, "before_cursor_execute", count)
        try:
            data = build_packet_data(fresh, visit_id, now=NOW)
        finally:
            event.remove(engine, "before_cursor_execute", count)
    return len(seen), data


def test_the_packet_reads_the_records_in_a_fixed_number_of_queries(vault: Vault) -> None:
    # A large case (hundreds of requests to one doctor) must not cost a query per request.
    visits: dict[int, int] = {}
    with vault.session() as session:
        person = make_person(session, "Maria Example")
        for requests in (3, 40):
            doctor = make_contact(session, f"Dr. {requests}", ContactRole.SECOND_OPINION_CHOSEN)
            visit = Visit(
                person_id=person.id, doctor_id=doctor.id, starts_at=NOW + dt.timedelta(days=7)
            )
            session.add(visit)
            session.flush()
            _requests_to(session, person.id, doctor.id, requests)
            visits[requests] = visit.id
    few, few_data = _statements_for_packet(vault, visits[3])
    many, many_data = _statements_for_packet(vault, visits[40])
    assert len(few_data.records) == 6
    assert len(many_data.records) == 80
    assert many_data.records[0].holder == "Lab 0"
    assert [r.description for r in many_data.records[:2]] == ["Panel 0.0", "Panel 0.1"]
    assert many == few


def test_the_packet_prints_the_structured_health_summary(session: Session) -> None:
    """Entries print as the summary's tables; the cover keeps the condition under review as
    the person wrote it, not a list of every condition on file."""
    from second_opinion.services import health_summary

    ids = _case(session)
    person = session.get(Person, ids["person"])
    assert person is not None
    person.condition = "Which treatment for my cancer?"
    health_summary.add_entry(
        session, person.id, health_summary.Medication(name="Letrozole", dose="2.5 mg")
    )
    data = build_packet_data(session, ids["visit"], list(Section), Paper.LETTER, now=NOW)
    assert data.condition == "Which treatment for my cancer?"
    assert data.health_summary is not None
    assert [e.data.name for e in data.health_summary.medications] == ["Letrozole"]


def test_questions_print_in_the_persons_own_order_with_priority_as_a_mark(
    session: Session,
) -> None:
    ids = _case(session)
    data = build_packet_data(session, ids["visit"], [Section.QUESTIONS], Paper.LETTER, now=NOW)
    # the order the person dragged them into, whatever their priority
    assert [q.text for q in data.questions][:2] == ["Normal first in list", "Top second in list"]
    assert [q.is_top for q in data.questions][:2] == [False, True]


def test_what_nobody_knows_yet_prints_as_not_known_never_as_not_needed(
    session: Session,
) -> None:
    ids = _case(session)
    visit = session.get(Visit, ids["visit"])
    visit.referral_needed = visit.referral_obtained = False
    visit.prior_auth_needed = visit.prior_auth_obtained = False
    session.add(
        InsurancePlan(
            person_id=ids["person"],
            referral_needed=TriState.NO,
            prior_authorization_needed=TriState.UNKNOWN,
        )
    )
    session.flush()
    info = build_packet_data(session, ids["visit"], now=NOW).insurance
    assert info.visit_referral == "Not needed"  # the plan said so
    assert info.visit_prior_auth == "Not known yet"
    plan = session.get(Person, ids["person"]).insurance
    plan.prior_authorization_needed = TriState.YES
    session.flush()
    info = build_packet_data(session, ids["visit"], now=NOW).insurance
    assert info.visit_prior_auth == "Needed (your plan requires it), not obtained yet"


def test_the_packet_says_when_the_doctor_may_not_be_independent(session: Session) -> None:
    ids = _case(session)
    visit = session.get(Visit, ids["visit"])
    assert build_packet_data(session, ids["visit"], now=NOW).visit.independence == ""
    make_contact(
        session, "Dr. First", ContactRole.FIRST_OPINION, health_system=" Lakeshore Health "
    )
    visit.doctor.health_system = "Lakeshore Health"
    session.flush()
    note = build_packet_data(session, ids["visit"], now=NOW).visit.independence
    assert "Lakeshore Health" in note and "Dr. First" in note
    spanish = build_packet_data(session, ids["visit"], now=NOW, language="es").visit.independence
    assert spanish == (
        "Comparte el sistema de salud «Lakeshore Health» con Dr. First, que dio la primera opinión."
    )
