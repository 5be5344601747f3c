"""The records board and the records changes, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from second_opinion.case import records as case_records
from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.case.records import Reason
from second_opinion.domain.enums import ContactRole, RecordKind, RequestState
from second_opinion.services import record_requests as rr
from second_opinion.services.authorizations import AuthorizationData
from second_opinion.services.errors import NotFound, ValidationError
from second_opinion.services.records import ItemData
from tests.factories import make_contact, make_person

S = RequestState
TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def case(vault) -> Case:
    with vault.session() as s:
        person = make_person(s, "Maria")
        make_contact(s, "City Lab", ContactRole.RECORDS_DEPARTMENT)
        make_contact(s, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN)
        make_contact(s, "Dr. Lee", ContactRole.SECOND_OPINION_CANDIDATE)
        person_id = person.id
    return Case(vault, person_id)


def contact(case: Case, name: str) -> int:
    return next(c.id for c in case_records.contact_choices(case) if c.name == name)


def add_request(case: Case, description: str, days_ago: int | None, to: str = "Dr. Rao") -> int:
    item = case_records.save_item(
        case, ItemData(RecordKind.LAB_RESULTS, description, holder_id=contact(case, "City Lab"))
    ).value
    data = rr.RequestData(
        item_ids=[item],
        holder_id=contact(case, "City Lab"),
        recipient_id=contact(case, to),
        requested_on=None if days_ago is None else TODAY - dt.timedelta(days=days_ago),
    )
    return case_records.save_request(case, data).value


def test_an_empty_case_has_an_empty_board(case):
    board = case_records.records_board(case, TODAY)
    assert board.requests == [] and board.attention == [] and board.summaries == []
    assert board.counts == case_records.RecordsCounts(0, 0, 0, 0, 0)
    assert board.due_days == 30


def test_the_board_orders_by_urgency_and_lists_what_needs_attention(case):
    waiting = add_request(case, "Labs", days_ago=60)
    case_records.change_state(case, waiting, S.WAITING_ON_ME, TODAY, "Sign the form")
    fresh = add_request(case, "CT", days_ago=2)
    late = add_request(case, "MRI", days_ago=35)  # due 5 days ago
    later = add_request(case, "Biopsy", days_ago=45)  # due 15 days ago
    sent_in_time = add_request(case, "Notes", days_ago=40)
    case_records.change_state(case, sent_in_time, S.SENT, TODAY - dt.timedelta(days=20))
    unasked = add_request(case, "Slides", days_ago=None)

    board = case_records.records_board(case, TODAY)
    assert [r.id for r in board.requests] == [later, late, waiting, unasked, fresh, sent_in_time]
    assert board.overdue == {later: 15, late: 5}
    assert [(a.reason, a.request.id, a.days_overdue) for a in board.attention] == [
        (Reason.OVERDUE, later, 15),
        (Reason.OVERDUE, late, 5),
        (Reason.WAITING, waiting, 0),
    ]
    assert board.counts.overdue == 2
    assert board.counts.waiting_on_me == 1
    assert board.counts.open_requests == 6
    assert board.counts.items_not_requested == 1  # the slides: planned, not asked yet


def test_a_request_is_listed_once_and_a_lapsed_authorization_is_flagged(case):
    auth = case_records.save_authorization(
        case,
        AuthorizationData(
            holder_id=contact(case, "City Lab"),
            recipient_id=contact(case, "Dr. Rao"),
            signed_on=TODAY - dt.timedelta(days=400),
            expires_on=TODAY - dt.timedelta(days=1),
        ),
    ).value
    rid = add_request(case, "Labs", days_ago=1)
    row = case_records.request_to_delete(case, rid)
    data = rr.RequestData(
        item_ids=list(row.item_ids),
        holder_id=row.holder_id,
        recipient_id=row.recipient_id,
        requested_on=row.requested_on,
        authorization_id=auth,
    )
    case_records.save_request(case, data, rid)
    board = case_records.records_board(case, TODAY)
    assert [(a.reason, a.request.id) for a in board.attention] == [(Reason.AUTHORIZATION, rid)]
    assert board.counts.flagged_authorizations == 1
    assert case_records.authorization_references(case, auth) == 1

    # Overdue as well: listed once, as overdue.
    board = case_records.records_board(case, TODAY + dt.timedelta(days=40))
    assert [(a.reason, a.request.id) for a in board.attention] == [(Reason.OVERDUE, rid)]


def test_the_summary_follows_the_chosen_doctor(case):
    rid = add_request(case, "Labs", days_ago=3)
    add_request(case, "CT", days_ago=3, to="Dr. Lee")
    add_request(case, "MRI", days_ago=3, to="Dr. Lee")
    case_records.change_state(case, rid, S.RECEIVED, TODAY)
    board = case_records.records_board(case, TODAY)
    [summary] = board.summaries
    assert (summary.name, summary.total, summary.confirmed, summary.not_asked) == (
        "Dr. Rao",
        3,
        1,
        2,
    )


def test_changes_to_requests_name_the_visits_too(case):
    rid = add_request(case, "Labs", days_ago=3)
    outcome = case_records.change_state(case, rid, S.SENT, TODAY)
    assert outcome.changes.touches(Area.VISITS)
    assert outcome.changes.ids_in(Area.RECORDS) == {rid}
    assert case_records.delete_request(case, rid).touches(Area.RECORDS, Area.VISITS)
    assert not case_records.set_due_days(case, 14).changes.touches(Area.VISITS)


def test_undo_says_what_it_would_do_then_does_it(case):
    rid = add_request(case, "Labs", days_ago=3)
    assert case_records.undo_preview(case, rid) is None  # only how it started
    case_records.change_state(case, rid, S.SENT, TODAY)
    preview = case_records.undo_preview(case, rid)
    assert preview == case_records.UndoPreview(rid, S.SENT, S.REQUESTED)
    assert case_records.records_board(case, TODAY).requests[0].state is S.SENT  # unchanged
    assert case_records.undo_last_change(case, rid).value is S.REQUESTED


def test_an_extension_needs_its_new_due_date(case):
    rid = add_request(case, "Labs", days_ago=3)
    with pytest.raises(ValidationError) as refused:
        case_records.change_state(case, rid, S.EXTENDED, TODAY)
    assert refused.value.field == "new_due_on"
    case_records.change_state(case, rid, S.EXTENDED, TODAY, new_due_on=TODAY + dt.timedelta(50))
    assert case_records.request_history(case, rid)[-1].new_due_on == TODAY + dt.timedelta(50)


def test_what_a_delete_would_affect_is_asked_first(case):
    rid = add_request(case, "Labs", days_ago=3)
    item = case_records.request_to_delete(case, rid).item_ids[0]
    assert case_records.item_references(case, item) == 1
    case_records.delete_item(case, item)
    with pytest.raises(NotFound):
        case_records.item_references(case, item)


def test_a_move_dated_after_today_is_refused(case):
    rid = add_request(case, "Labs", days_ago=3)
    for target in (S.SENT, S.RECEIVED, S.PROBLEM):
        with pytest.raises(ValidationError) as refused:
            case_records.change_state(case, rid, target, TODAY + dt.timedelta(days=1), today=TODAY)
        assert refused.value.field == "on"
        assert "still to come" in str(refused.value)
    assert case_records.records_board(case, TODAY).requests[0].state is S.REQUESTED
    case_records.change_state(case, rid, S.SENT, TODAY, today=TODAY)
