"""The legal clock, the one-extension rule and the follow-up plan, at their boundaries."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from second_opinion.domain.enums import ContactRole, RecordKind, RequestState, TransferMethod
from second_opinion.services import record_requests as rr
from second_opinion.services import records
from second_opinion.services.errors import ValidationError
from second_opinion.services.records import ItemData
from tests.factories import make_contact, make_person

S = RequestState
D = dt.date
SENT = D(2026, 3, 1)
ARRIVED = D(2026, 3, 6)  # a mailed request reaches the holder days later


def test_the_clock_runs_from_the_day_the_holder_received_it_when_known() -> None:
    assert rr.clock_starts_on(SENT, None) == SENT
    assert rr.clock_starts_on(SENT, ARRIVED) == ARRIVED
    assert rr.legal_due_on(SENT, None) == D(2026, 3, 31)
    assert rr.legal_due_on(SENT, ARRIVED) == D(2026, 4, 5)
    assert rr.legal_due_on(None, None) is None


def test_one_extension_announced_on_day_30_reaching_day_60_is_allowed() -> None:
    rr.check_extension(SENT, None, 0, announced_on=D(2026, 3, 31), new_due_on=D(2026, 4, 30))
    rr.check_extension(SENT, ARRIVED, 0, announced_on=D(2026, 4, 5), new_due_on=D(2026, 5, 5))


def test_an_extension_announced_on_day_31_is_refused_with_the_reason() -> None:
    with pytest.raises(ValidationError) as refused:
        rr.check_extension(SENT, None, 0, announced_on=D(2026, 4, 1), new_due_on=D(2026, 4, 20))
    assert refused.value.field == "on"
    assert "within the first 30 days (by 2026-03-31)" in str(refused.value)


def test_an_extension_past_day_60_is_refused_with_the_latest_allowed_date() -> None:
    with pytest.raises(ValidationError) as refused:
        rr.check_extension(SENT, None, 0, announced_on=D(2026, 3, 20), new_due_on=D(2026, 5, 1))
    assert refused.value.field == "new_due_on"
    assert "2026-04-30" in str(refused.value)
    with pytest.raises(ValidationError, match="2026-05-05"):  # counted from its arrival
        rr.check_extension(SENT, ARRIVED, 0, announced_on=D(2026, 3, 20), new_due_on=D(2026, 5, 6))


def test_a_second_extension_is_refused() -> None:
    with pytest.raises(ValidationError, match="one extension only"):
        rr.check_extension(SENT, None, 1, announced_on=D(2026, 3, 10), new_due_on=D(2026, 4, 10))


@pytest.fixture
def ids(session: Session) -> dict[str, int]:
    person = make_person(session, "Maria")
    lab = make_contact(session, "City Lab", ContactRole.RECORDS_DEPARTMENT)
    return {
        "person": person.id,
        "lab": lab.id,
        "me": make_contact(session, "Maria", ContactRole.SELF).id,
        "rao": make_contact(session, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN).id,
        "item": records.add_item(
            session, person.id, ItemData(RecordKind.LAB_RESULTS, "CBC", holder_id=lab.id)
        ),
    }


def _request(session: Session, ids: dict[str, int], to: str, method: TransferMethod) -> int:
    data = rr.RequestData(
        item_ids=[ids["item"]],
        holder_id=ids["lab"],
        recipient_id=ids[to],
        method=method,
        requested_on=SENT,
    )
    return rr.add_request(session, ids["person"], data)


def test_recording_extensions_follows_the_law_only_where_it_applies(session, ids) -> None:
    own = _request(session, ids, "me", TransferMethod.MAIL)  # own copies: the right of access
    rr.record_extension(session, own, D(2026, 4, 30), on=D(2026, 3, 25))
    with pytest.raises(ValidationError, match="one extension only"):
        rr.record_extension(session, own, D(2026, 5, 10), on=D(2026, 3, 26))
    assert rr.get_request(session, own).effective_due_on == D(2026, 4, 30)

    policy = _request(session, ids, "rao", TransferMethod.FAX)  # paper to a doctor: policy
    rr.record_extension(session, policy, D(2026, 5, 10), on=D(2026, 4, 2))
    rr.record_extension(session, policy, D(2026, 6, 10), on=D(2026, 5, 2))
    assert rr.get_request(session, policy).effective_due_on == D(2026, 6, 10)


# ------------------------------------------------------------------ the follow-up plan


def test_the_plan_reads_numbers_in_any_order_and_refuses_an_empty_one() -> None:
    assert rr.parse_follow_up_days("30, 10 ,20,10") == (10, 20, 30)
    assert rr.parse_follow_up_days("7") == (7,)
    for bad in ("", " , ", "ten", "0", "366"):
        with pytest.raises(ValidationError) as refused:
            rr.parse_follow_up_days(bad)
        assert refused.value.field == "follow_up_days"
    with pytest.raises(ValidationError, match="at least one day"):
        rr.parse_follow_up_days("  ")


def test_the_next_call_is_the_first_planned_day_not_covered_by_a_call() -> None:
    plan = rr.DEFAULT_FOLLOW_UP_DAYS
    assert rr.next_follow_up(S.REQUESTED, SENT, plan, []) == D(2026, 3, 11)
    # a planned day that passed without a call stays the next one
    assert rr.next_follow_up(S.REQUESTED, SENT, plan, []) == SENT + dt.timedelta(days=10)
    # a call on day 10 moves it to day 20; an early call on day 8 covers day 10 too (< 5 days)
    assert rr.next_follow_up(S.REQUESTED, SENT, plan, [D(2026, 3, 11)]) == D(2026, 3, 21)
    assert rr.next_follow_up(S.REQUESTED, SENT, plan, [D(2026, 3, 9)]) == D(2026, 3, 21)
    # a call on day 6 is 4 days before day 10: covered; on day 5, exactly 5 days: not covered
    assert rr.next_follow_up(S.REQUESTED, SENT, plan, [D(2026, 3, 7)]) == D(2026, 3, 21)
    assert rr.next_follow_up(S.REQUESTED, SENT, plan, [D(2026, 3, 6)]) == D(2026, 3, 11)
    # every planned call made: none left
    assert rr.next_follow_up(S.REQUESTED, SENT, plan, [D(2026, 3, 31)]) is None


def test_no_call_is_due_on_a_request_not_sent_or_no_longer_owed() -> None:
    plan = rr.DEFAULT_FOLLOW_UP_DAYS
    assert rr.next_follow_up(S.REQUESTED, None, plan, []) is None
    for state in (S.TO_REQUEST, S.SENT, S.RECEIVED, S.WAITING_ON_ME):
        assert rr.next_follow_up(state, SENT, plan, []) is None, state
    for state in (S.EXTENDED, S.PARTLY_RECEIVED, S.PROBLEM):
        assert rr.next_follow_up(state, SENT, plan, []) == D(2026, 3, 11), state
