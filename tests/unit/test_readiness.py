"""Readiness of a visit: every tick and every cross, and the telemedicine rules."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from second_opinion.domain.enums import (
    ContactRole,
    Priority,
    QuestionCategory,
    RecordKind,
    RequestState,
    TriState,
    VisitMode,
    VisitStatus,
)
from second_opinion.domain.models import (
    InsurancePlan,
    Person,
    Question,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.services import visits
from second_opinion.services.demo import build_demo
from second_opinion.services.readiness import readiness, readiness_for_person
from second_opinion.services.visits import VisitInput
from tests.factories import make_contact, make_person

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
START = dt.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Europe/London"))


class Case:
    def __init__(self, session) -> None:
        self.session = session
        self.person = make_person(session)
        self.doctor = make_contact(session, "Dr. Lena Park", ContactRole.SECOND_OPINION_CHOSEN)
        self.other_doctor = make_contact(session, "Dr. Someone Else", ContactRole.SPECIALIST)
        self.holder = make_contact(session, "General Hospital HIM", ContactRole.RECORDS_DEPARTMENT)

    def visit(self, **fields) -> int:
        data = VisitInput(self.doctor.id, START, "Europe/London", **fields)
        return visits.add_visit(self.session, self.person.id, data, now=NOW).id

    def item(self, kind: RecordKind, description: str = "") -> RecordItem:
        item = RecordItem(person_id=self.person.id, kind=kind, description=description)
        self.session.add(item)
        self.session.flush()
        return item

    def request(
        self, *items: RecordItem, state=RequestState.REQUESTED, recipient=None
    ) -> RecordRequest:
        request = RecordRequest(
            person_id=self.person.id,
            holder_id=self.holder.id,
            recipient_id=(recipient or self.doctor).id,
            state=state,
            items=list(items),
        )
        self.session.add(request)
        self.session.flush()
        return request

    def question(
        self, visit_id: int | None, priority: Priority = Priority.NORMAL, **fields
    ) -> None:
        self.session.add(
            Question(
                person_id=self.person.id,
                text="What are my options?",
                category=QuestionCategory.TREATMENT,
                priority=int(priority),
                visit_id=visit_id,
                **fields,
            )
        )
        self.session.flush()

    def check(self, visit_id: int, key: str):
        return readiness(self.session, visit_id, TODAY).check(key)


@pytest.fixture
def case(session) -> Case:
    return Case(session)


def test_records_cross_when_nothing_is_on_its_way(case: Case) -> None:
    visit_id = case.visit()
    # A request to another doctor does not count for this one.
    case.request(case.item(RecordKind.LAB_RESULTS), recipient=case.other_doctor)
    check = case.check(visit_id, "records")
    assert not check.ok
    assert check.fix_target == "records.new_request"
    assert check.fix_kwargs == {"recipient_id": case.doctor.id}


def test_records_cross_names_what_is_not_confirmed_then_ticks_when_received(case: Case) -> None:
    visit_id = case.visit()
    labs = case.item(RecordKind.LAB_RESULTS)
    path = case.item(RecordKind.PATHOLOGY_REPORT, "Biopsy 12 March")
    done = case.request(labs, state=RequestState.RECEIVED)
    waiting = case.request(path, state=RequestState.SENT)

    check = case.check(visit_id, "records")
    assert not check.ok
    assert check.label == "1 of 2 record items confirmed received"
    assert "Pathology report: Biopsy 12 March" in check.detail
    assert check.fix_target == "records.open_request"
    assert check.fix_kwargs == {"request_id": waiting.id}
    assert done.id != waiting.id

    waiting.state = RequestState.RECEIVED
    case.session.flush()
    check = case.check(visit_id, "records")
    assert check.ok
    assert check.fix_target is None


def test_records_cross_warns_about_requests_overdue_or_due_after_the_visit(case: Case) -> None:
    visit_id = case.visit()  # 3 December
    late = case.request(case.item(RecordKind.LAB_RESULTS))
    late.due_on = dt.date(2026, 11, 20)  # before today (26 November)
    on_time = case.request(case.item(RecordKind.VISIT_NOTES))
    on_time.due_on = dt.date(2026, 11, 30)
    case.session.flush()
    detail = case.check(visit_id, "records").detail
    assert "1 request is overdue" in detail
    assert "after the visit" not in detail

    on_time.extended_due_on = dt.date(2026, 12, 10)
    case.session.flush()
    detail = case.check(visit_id, "records").detail
    assert "1 request is overdue and 1 request is due only after the visit" in detail


def test_due_on_the_visit_day_is_not_due_after_it(case: Case) -> None:
    visit_id = case.visit()  # 3 December
    request = case.request(case.item(RecordKind.LAB_RESULTS))
    request.due_on = dt.date(2026, 12, 3)
    case.session.flush()
    assert "after the visit" not in case.check(visit_id, "records").detail
    request.due_on = dt.date(2026, 12, 4)
    case.session.flush()
    assert "1 request is due only after the visit" in case.check(visit_id, "records").detail


def test_only_a_holder_who_owes_records_is_asked_to_hurry(case: Case) -> None:
    visit_id = case.visit()  # 3 December; today is 26 November
    waiting = case.request(case.item(RecordKind.LAB_RESULTS), state=RequestState.WAITING_ON_ME)
    waiting.due_on = dt.date(2026, 11, 20)
    sent = case.request(case.item(RecordKind.VISIT_NOTES), state=RequestState.SENT)
    sent.due_on = dt.date(2026, 11, 20)
    sent.sent_on = dt.date(2026, 11, 19)
    case.session.flush()
    detail = case.check(visit_id, "records").detail
    assert "call the holder" not in detail
    assert "1 request is waiting on you" in detail
    assert "1 request was sent: ask the doctor's office to confirm" in detail


def test_a_past_visit_gets_no_advice_to_hurry(case: Case) -> None:
    visit_id = case.visit()
    late = case.request(case.item(RecordKind.LAB_RESULTS))
    late.due_on = dt.date(2026, 11, 20)
    case.session.flush()
    after = readiness(case.session, visit_id, dt.date(2026, 12, 10))
    check = after.check("records")
    assert check is not None and "call the holder" not in check.detail


def test_readiness_calls_overdue_only_what_the_records_tab_does(case: Case) -> None:
    """The one overdue rule: waiting on me, or sent on time, is no holder's delay."""
    visit_id = case.visit()  # 3 December
    waiting = case.request(case.item(RecordKind.LAB_RESULTS), state=RequestState.WAITING_ON_ME)
    waiting.due_on = dt.date(2026, 11, 20)
    sent = case.request(case.item(RecordKind.VISIT_NOTES), state=RequestState.SENT)
    sent.due_on, sent.sent_on = dt.date(2026, 11, 20), dt.date(2026, 11, 20)
    case.session.flush()
    assert "overdue" not in case.check(visit_id, "records").detail

    sent.sent_on = dt.date(2026, 11, 21)  # a day late
    case.session.flush()
    assert "1 request is overdue" in case.check(visit_id, "records").detail


def test_an_item_received_on_a_resend_counts_once(case: Case) -> None:
    visit_id = case.visit()
    labs = case.item(RecordKind.LAB_RESULTS)
    case.request(labs, state=RequestState.PROBLEM)
    case.request(labs, state=RequestState.RECEIVED)
    check = case.check(visit_id, "records")
    assert check.ok
    assert "1 record item" in check.label


def test_in_person_visit_has_no_physical_material_or_link_check(case: Case) -> None:
    visit_id = case.visit()
    case.request(case.item(RecordKind.IMAGING_FILES))
    assert case.check(visit_id, "physical_material") is None
    assert case.check(visit_id, "link") is None


def test_telemedicine_needs_imaging_and_pathology_at_the_doctor(case: Case) -> None:
    visit_id = case.visit(mode=VisitMode.TELEMEDICINE, telemedicine_url="https://v.example/1")
    scans = case.item(RecordKind.IMAGING_FILES, "CT disc")
    slides = case.item(RecordKind.PATHOLOGY_MATERIAL, "Block A1")
    case.request(case.item(RecordKind.LAB_RESULTS), state=RequestState.RECEIVED)

    # Only what is on its way to this doctor counts: slides not requested for them are not
    # claimed as needed (their specialty says nothing about slides).
    scans_request = case.request(scans, state=RequestState.SENT)
    check = case.check(visit_id, "physical_material")
    assert not check.ok
    assert "CT disc" in check.detail and "Block A1" not in check.detail
    assert check.fix_target == "records.open_request"
    assert check.fix_kwargs == {"request_id": scans_request.id}

    slides_request = case.request(slides, state=RequestState.REQUESTED)
    check = case.check(visit_id, "physical_material")
    assert not check.ok
    assert "Block A1" in check.detail
    assert check.fix_target == "records.open_request"
    assert check.fix_kwargs == {"request_id": scans_request.id}

    scans_request.state = RequestState.RECEIVED
    slides_request.state = RequestState.RECEIVED
    case.session.flush()
    assert case.check(visit_id, "physical_material").ok
    assert case.check(visit_id, "link").ok


def test_a_pathologist_is_not_told_they_need_the_mammogram_discs(case: Case) -> None:
    from second_opinion.services import doctor_needs

    case.doctor.specialty = "Breast pathology"
    visit_id = case.visit(mode=VisitMode.TELEMEDICINE, telemedicine_url="https://v.example/1")
    case.item(RecordKind.IMAGING_FILES, "Mammogram discs")
    slides = case.item(RecordKind.PATHOLOGY_MATERIAL, "Biopsy slides")
    check = case.check(visit_id, "physical_material")
    assert not check.ok
    assert "Biopsy slides" in check.detail and "Mammogram" not in check.detail
    assert check.fix_target == "records.new_request"  # slides are not requested yet
    assert check.fix_kwargs == {"recipient_id": case.doctor.id}
    # The person knows better: these slides were already read; not needed for this doctor.
    doctor_needs.set_not_needed(case.session, case.person.id, case.doctor.id, [slides.id])
    assert case.check(visit_id, "physical_material").ok


def test_telemedicine_without_physical_items_ticks_and_without_link_crosses(case: Case) -> None:
    visit_id = case.visit(mode=VisitMode.TELEMEDICINE)
    assert case.check(visit_id, "physical_material").ok
    link = case.check(visit_id, "link")
    assert not link.ok
    assert link.fix_target == "visits.edit"
    assert link.fix_kwargs == {"visit_id": visit_id}


def test_questions_count_and_top_priority(case: Case) -> None:
    visit_id = case.visit()
    check = case.check(visit_id, "questions")
    assert not check.ok
    assert check.fix_target == "questions.visit"
    case.question(visit_id, Priority.TOP)
    case.question(visit_id, Priority.TOP)
    case.question(visit_id)
    check = case.check(visit_id, "questions")
    assert check.ok
    assert check.label == "3 questions prepared, 2 top priority"


def test_open_questions_for_no_visit_are_offered_in_one_action(case: Case) -> None:
    visit_id = case.visit()
    case.question(None, asked=True, answer="Yes")  # answered: nothing to offer
    assert case.check(visit_id, "questions").fix_target == "questions.visit"
    case.question(None)
    case.question(None, Priority.TOP)
    check = case.check(visit_id, "questions")
    assert not check.ok
    assert check.fix_target == "questions.use_open"
    assert check.fix_kwargs == {"visit_id": visit_id}
    assert "2 open questions" in check.detail
    # The whole list gives the same answer as the one visit.
    listed = readiness_for_person(case.session, case.person.id, TODAY)[visit_id]
    assert listed.check("questions") == check


def test_referral_and_prior_auth_only_when_needed(case: Case) -> None:
    visit_id = case.visit()
    assert case.check(visit_id, "referral") is None
    assert case.check(visit_id, "prior_auth") is None

    case.session.add(
        InsurancePlan(
            person_id=case.person.id,
            referral_needed=TriState.YES,
            prior_authorization_needed=TriState.NO,
        )
    )
    case.session.flush()
    referral = case.check(visit_id, "referral")
    assert not referral.ok
    assert "insurance plan" in referral.detail
    assert referral.fix_target == "visits.edit"
    assert case.check(visit_id, "prior_auth") is None


def test_visit_flags_need_and_obtained_tick(case: Case) -> None:
    visit_id = case.visit(prior_auth_needed=True)
    assert not case.check(visit_id, "prior_auth").ok
    done_id = case.visit(
        referral_needed=True,
        referral_obtained=True,
        referral_number="R-778",
        prior_auth_needed=True,
        prior_auth_obtained=True,
    )
    referral = case.check(done_id, "referral")
    assert referral.ok and "R-778" in referral.label
    assert case.check(done_id, "prior_auth").ok


def test_companion_cross_points_to_contacts_when_no_support_person_exists(case: Case) -> None:
    visit_id = case.visit()
    check = case.check(visit_id, "companion")
    assert not check.ok
    assert check.fix_target == "contacts.new"
    friend = make_contact(case.session, "Sam Rivera", ContactRole.SUPPORT_PERSON)
    assert case.check(visit_id, "companion").fix_target == "visits.edit"

    with_friend = case.visit(companion_id=friend.id)
    check = case.check(with_friend, "companion")
    assert check.ok
    assert "Sam Rivera" in check.label


def test_going_alone_is_a_suggestion_never_a_failure(case: Case) -> None:
    visit_id = case.visit()
    case.request(case.item(RecordKind.LAB_RESULTS), state=RequestState.RECEIVED)
    case.question(visit_id, Priority.TOP)
    result = readiness(case.session, visit_id, TODAY)
    companion = result.check("companion")
    assert companion is not None and not companion.ok and companion.optional
    assert result.ready  # nobody coming along does not make the visit unready
    assert result.done_count == result.total == 2
    assert result.suggestions == (companion,)
    assert "record the conversation" in companion.detail
    assert "patient navigator" in companion.detail


def test_prior_authorization_is_asked_by_the_doctors_office(case: Case) -> None:
    visit_id = case.visit(prior_auth_needed=True)
    check = case.check(visit_id, "prior_auth")
    assert not check.ok
    assert "doctor's office usually asks the insurer" in check.detail
    assert "Call the insurer" not in check.detail


def test_a_fully_prepared_visit_is_ready(case: Case) -> None:
    friend = make_contact(case.session, "Sam Rivera", ContactRole.SUPPORT_PERSON)
    visit_id = case.visit(companion_id=friend.id)
    case.request(case.item(RecordKind.LAB_RESULTS), state=RequestState.RECEIVED)
    case.question(visit_id, Priority.TOP)
    result = readiness(case.session, visit_id, TODAY)
    assert result.ready
    assert result.done_count == result.total == len(result.checks) == 3
    assert result.missing == ()


def _one_by_one(session, person_id: int) -> dict:
    planned = session.scalars(
        select(Visit.id).where(Visit.person_id == person_id, Visit.status == VisitStatus.PLANNED)
    ).all()
    return {visit_id: readiness(session, visit_id, TODAY) for visit_id in planned}


def test_the_whole_list_gives_the_same_checklists_as_each_visit_on_the_demo_case(
    session,
) -> None:
    build_demo(session, TODAY)
    people = session.scalars(select(Person.id)).all()
    assert len(people) >= 2
    for person_id in people:
        batched = readiness_for_person(session, person_id, TODAY)
        assert batched, "the demo plans visits for everyone"
        assert batched == _one_by_one(session, person_id)


def test_the_whole_list_matches_each_visit_with_several_doctors(case: Case) -> None:
    second = case.other_doctor
    third = make_contact(case.session, "Dr. Third Opinion", ContactRole.SPECIALIST)
    friend = make_contact(case.session, "Sam Rivera", ContactRole.SUPPORT_PERSON)
    case.session.add(InsurancePlan(person_id=case.person.id, referral_needed=TriState.YES))
    labs = case.item(RecordKind.LAB_RESULTS, "CBC, 2 March")
    scans = case.item(RecordKind.IMAGING_FILES, "MRI disc")
    slides = case.item(RecordKind.PATHOLOGY_MATERIAL, "Slides; block A2")
    notes = [case.item(RecordKind.VISIT_NOTES, f"Visit note {n}") for n in range(6)]

    case.request(labs, scans, state=RequestState.RECEIVED)
    case.request(*notes, state=RequestState.SENT).due_on = dt.date(2026, 11, 1)
    case.request(labs, slides, state=RequestState.PROBLEM, recipient=second)
    case.request(labs, state=RequestState.RECEIVED, recipient=second)
    case.request(scans, state=RequestState.REQUESTED, recipient=second).due_on = dt.date(
        2026, 12, 20
    )
    first_visit = case.visit(companion_id=friend.id)
    second_visit = visits.add_visit(
        case.session,
        case.person.id,
        VisitInput(second.id, START, "Europe/London", mode=VisitMode.TELEMEDICINE),
        now=NOW,
    ).id
    third_visit = visits.add_visit(
        case.session,
        case.person.id,
        VisitInput(
            third.id,
            START,
            "America/Chicago",
            mode=VisitMode.TELEMEDICINE,
            telemedicine_url="https://v.example/3",
            referral_needed=True,
            referral_obtained=True,
        ),
        now=NOW,
    ).id
    done = case.visit(status=VisitStatus.DONE)
    case.question(first_visit, Priority.TOP)
    case.question(second_visit)
    # Another person's requests to the same doctor never count for this one.
    other = make_person(case.session, "Someone Else")
    stray = RecordItem(person_id=other.id, kind=RecordKind.LAB_RESULTS)
    case.session.add(
        RecordRequest(
            person_id=other.id,
            holder_id=case.holder.id,
            recipient_id=case.doctor.id,
            state=RequestState.RECEIVED,
            items=[stray],
        )
    )
    case.session.flush()

    batched = readiness_for_person(case.session, case.person.id, TODAY)
    assert set(batched) == {first_visit, second_visit, third_visit}  # not the one done
    assert done not in batched
    assert batched == _one_by_one(case.session, case.person.id)
    # The answers differ from doctor to doctor, so the comparison above means something.
    assert batched[first_visit].check("records").label == "2 of 8 record items confirmed received"
    assert not batched[second_visit].check("physical_material").ok
    assert batched[third_visit].check("records").fix_kwargs == {"recipient_id": third.id}
    assert batched[first_visit].check("companion").ok


def test_a_doctor_who_may_not_be_independent_is_named_with_the_reason(case: Case) -> None:
    visit_id = case.visit()
    assert case.check(visit_id, "independence") is None
    make_contact(case.session, "Dr. First", ContactRole.FIRST_OPINION, organization="Mercy Health")
    case.doctor.organization = "Mercy Health"
    case.session.flush()
    check = case.check(visit_id, "independence")
    assert check is not None and not check.ok and check.optional  # a warning, not a failure
    assert "Dr. Lena Park may not be independent" in check.label
    assert "Mercy Health" in check.detail and "Dr. First" in check.detail
    assert check.fix_target == "contacts.open"
    assert check.fix_kwargs == {"contact_id": case.doctor.id}
    listed = readiness_for_person(case.session, case.person.id, TODAY)[visit_id]
    assert listed.check("independence") == check
