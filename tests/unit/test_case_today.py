"""The Today board and the tracking changes, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from second_opinion.case import tracking as case_tracking
from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.case.today import Kind, When, today_board
from second_opinion.domain.enums import (
    Carrier,
    ContactRole,
    QuestionCategory,
    RecordKind,
    ShipmentDirection,
    StainKind,
    VisitStatus,
)
from second_opinion.services import questions, records, visits
from second_opinion.services import record_requests as rr
from second_opinion.services.errors import ValidationError
from second_opinion.services.records import ItemData
from second_opinion.services.tracking import (
    CallData,
    MaterialData,
    ShipmentData,
    Stain,
    material_lacks,
    normalize_tracking_number,
    tracking_url,
)
from tests.factories import make_contact, make_person

NOW = dt.datetime(2026, 6, 10, 15, 0, tzinfo=dt.UTC)
TODAY = NOW.astimezone().date()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def ids(vault) -> dict[str, int]:
    with vault.session() as s:
        person = make_person(s, "Maria Gonzalez")
        lab = make_contact(s, "City Pathology", ContactRole.RECORDS_DEPARTMENT)
        rao = make_contact(s, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN)
        slides = records.add_item(
            s, person.id, ItemData(RecordKind.PATHOLOGY_MATERIAL, "Biopsy slides", holder_id=lab.id)
        )
        report = records.add_item(
            s, person.id, ItemData(RecordKind.PATHOLOGY_REPORT, "Report", holder_id=lab.id)
        )
        return {
            "person": person.id,
            "lab": lab.id,
            "rao": rao.id,
            "slides": slides,
            "report": report,
        }


@pytest.fixture
def case(vault, ids) -> Case:
    return Case(vault, ids["person"])


def add_request(case: Case, ids: dict[str, int], item: str, sent: dt.date) -> int:
    with case.unit() as s:
        data = rr.RequestData([ids[item]], ids["lab"], ids["rao"], requested_on=sent)
        return rr.add_request(s, ids["person"], data)


def add_visit(case: Case, ids: dict[str, int], starts: dt.datetime) -> int:
    with case.unit() as s:
        data = visits.VisitInput(doctor_id=ids["rao"], starts_at=starts, time_zone="UTC")
        return visits.add_visit(s, ids["person"], data, now=starts).id


def test_nothing_to_do_is_an_empty_board(case) -> None:
    board = today_board(case, NOW)
    assert board.is_empty
    assert board.count(When.TODAY) == board.count(When.WEEK) == 0


def test_a_call_due_today_and_one_this_week(case, ids) -> None:
    due_today = add_request(case, ids, "report", days(-10))
    later = add_request(case, ids, "slides", days(-7))
    board = today_board(case, NOW)
    calls = [line for line in board.lines if line.kind is Kind.CALL]
    assert [(c.row_id, c.when, c.on) for c in calls] == [
        (due_today, When.TODAY, TODAY),
        (later, When.WEEK, days(3)),
    ]
    assert calls[0].target == "records.log_call"
    assert calls[0].target_kwargs == {"request_id": due_today}

    changes = case_tracking.log_call(
        case, due_today, CallData(TODAY, "Front desk", "Mailed Friday", "Wait")
    ).changes
    assert changes.touches(Area.RECORDS, Area.VISITS)
    board = today_board(case, NOW)
    assert due_today not in [line.row_id for line in board.lines if line.when is When.TODAY]


def test_an_overdue_request_shows_once_with_its_call(case, ids) -> None:
    late = add_request(case, ids, "report", days(-45))
    board = today_board(case, NOW)
    (line,) = [line for line in board.lines if line.row_id == late]
    # The 30-day call was never made: it is due, on a request 15 days late.
    assert (line.kind, line.days_late, line.when) == (Kind.CALL, 15, When.TODAY)
    for day in (-35, -25, -15):
        case_tracking.log_call(case, late, CallData(days(day)))
    (line,) = [line for line in today_board(case, NOW).lines if line.row_id == late]
    assert (line.kind, line.target, line.days_late) == (Kind.OVERDUE, "records.open_request", 15)


def test_records_sent_late_stay_overdue_and_received_ones_leave_the_board(case, ids) -> None:
    sent_late = add_request(case, ids, "report", days(-45))
    received = add_request(case, ids, "slides", days(-45))
    with case.unit() as s:
        rr.mark_sent(s, sent_late, days(-2))
        rr.mark_received(s, received, days(-1))
    lines = {line.row_id: line for line in today_board(case, NOW).lines}
    # Sent 13 days after its due date: late, and no call is planned once records are on
    # their way, so the line is the overdue one.
    assert (lines[sent_late].kind, lines[sent_late].days_late) == (Kind.OVERDUE, 15)
    assert received not in lines


def test_slides_to_return_this_week_and_the_return_rule(case, ids) -> None:
    request = add_request(case, ids, "slides", days(-20))
    case_tracking.save_shipment(
        case,
        request,
        ShipmentData(carrier=Carrier.UPS, tracking_number="1z 999 aa1", shipped_on=days(-18)),
    )
    with pytest.raises(ValidationError) as refused:
        case_tracking.save_material(case, ids["slides"], MaterialData(return_by=days(-19)))
    assert refused.value.field == "return_by"
    data = MaterialData(
        accession_number="S26-1234",
        slide_ids="A1-A4",
        stains=(Stain(StainKind.HE, 4), Stain(StainKind.IHC, 2, "ER")),
        consult_question="Grade?",
        return_by=days(5),
    )
    case_tracking.save_material(case, ids["slides"], data)
    assert case_tracking.material(case, ids["slides"]) == data
    (line,) = [line for line in today_board(case, NOW).lines if line.kind is Kind.RETURN]
    assert (line.when, line.on, line.row_id, line.target) == (
        When.WEEK,
        days(5),
        ids["slides"],
        "records.material",
    )
    tracking = case_tracking.request_tracking(case, request)
    (shipment,) = tracking.shipments
    assert shipment.data.tracking_number == "1Z999AA1"
    assert shipment.url == "https://www.ups.com/track?tracknum=1Z999AA1"


def test_what_a_pathology_consult_lacks() -> None:
    assert material_lacks(None) == (
        "the accession number",
        "the block or slide IDs",
        "the consult question",
    )
    assert material_lacks(MaterialData(accession_number="S1", block_ids="A1")) == (
        "the consult question",
    )


def test_tracking_numbers_are_normalized_and_links_only_for_known_carriers() -> None:
    assert normalize_tracking_number(" 9400 1000 0000 0000 0000 00 ") == "9400100000000000000000"
    assert normalize_tracking_number("1z999aa10123456784") == "1Z999AA10123456784"
    assert tracking_url(Carrier.OTHER, "123") is None
    assert tracking_url(Carrier.FEDEX, "") is None


def test_a_return_shipment_and_a_bad_tracking_number(case, ids) -> None:
    request = add_request(case, ids, "slides", days(-20))
    with pytest.raises(ValidationError) as refused:
        case_tracking.save_shipment(case, request, ShipmentData(tracking_number="12#4"))
    assert refused.value.field == "tracking_number"
    case_tracking.save_shipment(
        case, request, ShipmentData(direction=ShipmentDirection.RETURN, shipped_on=days(-1))
    )
    (shipment,) = case_tracking.request_tracking(case, request).shipments
    assert shipment.data.direction is ShipmentDirection.RETURN


def test_the_follow_up_plan_can_change_and_an_empty_one_is_refused(case, ids) -> None:
    request = add_request(case, ids, "report", days(-10))
    with pytest.raises(ValidationError, match="at least one day") as refused:
        case_tracking.set_follow_up_plan(case, request, "", None)
    assert refused.value.field == "follow_up_days"
    case_tracking.set_follow_up_plan(case, request, "5, 15", days(-8))
    follow_up = case_tracking.request_tracking(case, request).follow_up
    assert follow_up.plan == (5, 15)
    assert follow_up.next_call_on == days(-5)
    assert follow_up.clock_due_on == days(22)  # 30 days from the day the holder got it


def test_visits_this_week_with_readiness_and_questions_left_after_one(case, ids) -> None:
    soon = add_visit(case, ids, NOW + dt.timedelta(days=3))
    far = add_visit(case, ids, NOW + dt.timedelta(days=20))
    past = add_visit(case, ids, NOW - dt.timedelta(days=2))
    with case.unit() as s:
        visits.set_status(s, past, VisitStatus.DONE)
        for text, answer in (("Which stage?", ""), ("Surgery first?", ""), ("Trials?", "Yes")):
            questions.create_question(
                s,
                ids["person"],
                questions.QuestionData(
                    text,
                    QuestionCategory.DIAGNOSIS,
                    visit_id=past,
                    answer=answer,
                    asked=bool(answer),
                ),
            )
    board = today_board(case, NOW)
    visit_lines = [line for line in board.lines if line.kind is Kind.VISIT]
    assert [line.row_id for line in visit_lines] == [soon]
    assert far not in [line.row_id for line in board.lines]
    assert visit_lines[0].total > 0
    assert visit_lines[0].target in ("today.packet", "visits.open")
    (asked,) = [line for line in board.lines if line.kind is Kind.QUESTIONS]
    assert (asked.row_id, asked.total, asked.target) == (past, 2, "questions.visit")
