"""The records tracker's rules: due dates, overdue, the allowed path, history, who has what."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlalchemy.orm import Session

from second_opinion.domain.enums import ContactRole, RecordKind, RequestState, TransferMethod
from second_opinion.domain.models import RecordRequest
from second_opinion.services import authorizations as auths
from second_opinion.services import record_requests as rr
from second_opinion.services import records
from second_opinion.services.errors import InvalidTransition, ValidationError
from second_opinion.services.records import CellState, ItemData
from tests.factories import make_contact, make_person

S = RequestState
D = dt.date
MARCH_1 = D(2026, 3, 1)


@pytest.fixture
def case(session: Session) -> dict[str, int]:
    person = make_person(session, "Maria")
    return {
        "person": person.id,
        "lab": make_contact(session, "City Lab", ContactRole.RECORDS_DEPARTMENT).id,
        "him": make_contact(session, "Riverbend HIM", ContactRole.RECORDS_DEPARTMENT).id,
        "rao": make_contact(session, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN).id,
        "lee": make_contact(session, "Dr. Lee", ContactRole.SECOND_OPINION_CANDIDATE).id,
    }


def item(session: Session, case: dict[str, int], text: str = "Biopsy report") -> int:
    data = ItemData(kind=RecordKind.PATHOLOGY_REPORT, description=text, holder_id=case["lab"])
    return records.add_item(session, case["person"], data)


def request(
    session: Session,
    case: dict[str, int],
    items: list[int],
    recipient: str = "rao",
    requested_on: dt.date | None = MARCH_1,
    **extra: object,
) -> int:
    data = rr.RequestData(
        item_ids=items,
        holder_id=case["lab"],
        recipient_id=case[recipient],
        requested_on=requested_on,
        **extra,  # type: ignore[arg-type]
    )
    return rr.add_request(session, case["person"], data, today=D(2026, 2, 20))


# ------------------------------------------------------------------ due dates and overdue


def test_due_date_defaults_to_thirty_days_and_follows_the_setting(session, case):
    first = request(session, case, [item(session, case)])
    assert rr.get_request(session, first).due_on == D(2026, 3, 31)

    records.set_request_due_days(session, 15)
    second = request(session, case, [item(session, case)])
    assert records.get_request_due_days(session) == 15
    assert rr.get_request(session, second).due_on == D(2026, 3, 16)


def overdue_ids(session: Session, case: dict[str, int], on: dt.date) -> list[int]:
    return [r.id for r in rr.overdue_requests(rr.list_requests(session, case["person"], on), on)]


def test_due_today_is_not_overdue_but_the_day_after_is(session, case):
    rid = request(session, case, [item(session, case)])  # due 2026-03-31
    assert overdue_ids(session, case, D(2026, 3, 31)) == []
    assert overdue_ids(session, case, D(2026, 4, 1)) == [rid]
    row = rr.get_request(session, rid)
    assert row.days_overdue(D(2026, 4, 1)) == 1
    assert row.days_overdue(D(2026, 4, 12)) == 12
    assert row.days_overdue(D(2026, 3, 31)) == 0
    assert not row.is_overdue(D(2026, 3, 31))


def test_received_and_not_yet_requested_are_never_overdue(session, case):
    received = request(session, case, [item(session, case)])
    rr.mark_received(session, received, D(2026, 3, 5))
    request(session, case, [item(session, case)], requested_on=None, due_on=D(2026, 3, 2))
    assert overdue_ids(session, case, D(2027, 1, 1)) == []


def test_waiting_on_me_is_never_overdue(session, case):
    waiting = request(session, case, [item(session, case)])
    rr.mark_waiting_on_me(session, waiting, D(2026, 3, 10), "Sign the release form")
    rows = rr.list_requests(session, case["person"])
    assert overdue_ids(session, case, D(2027, 1, 1)) == []
    assert [r.id for r in rr.waiting_on_me(rows)] == [waiting]
    # Back to "requested" once the form is signed: the holder's clock counts again.
    rr.mark_requested(session, waiting, D(2026, 3, 12))
    assert overdue_ids(session, case, D(2026, 4, 11)) == []  # due 30 days on: 11 April
    assert overdue_ids(session, case, D(2026, 4, 12)) == [waiting]


@pytest.mark.parametrize(
    ("sent_on", "overdue_on_april_10"),
    [
        (D(2026, 3, 20), False),  # well in time
        (D(2026, 3, 31), False),  # on the due day itself
        (D(2026, 4, 1), True),  # a day late: still the holder's delay
    ],
)
def test_sent_on_or_before_the_due_date_is_not_nagged(session, case, sent_on, overdue_on_april_10):
    rid = request(session, case, [item(session, case)])  # due 2026-03-31
    rr.mark_sent(session, rid, sent_on)
    assert bool(overdue_ids(session, case, D(2026, 4, 10))) is overdue_on_april_10
    assert rr.get_request(session, rid).is_overdue(D(2026, 4, 10)) is overdue_on_april_10


def test_the_rule_by_state(session, case):
    """Every state against the one rule, a day after the due date."""
    due, day_after = D(2026, 3, 31), D(2026, 4, 1)
    owed = {S.REQUESTED, S.EXTENDED, S.PARTLY_RECEIVED, S.SENT, S.PROBLEM}
    for state in RequestState:
        assert rr.is_overdue(state, due, None, day_after) is (state in owed), state
        assert rr.is_overdue(state, due, None, due) is False, state
        assert rr.is_overdue(state, None, None, day_after) is False, state
    assert rr.days_overdue(S.SENT, due, due, D(2026, 5, 1)) == 0


def test_most_overdue_comes_first(session, case):
    older = request(session, case, [item(session, case)], requested_on=D(2026, 2, 1))
    newer = request(session, case, [item(session, case)])
    assert overdue_ids(session, case, D(2026, 4, 10)) == [older, newer]


def test_extension_moves_the_due_date_and_must_be_later(session, case):
    rid = request(session, case, [item(session, case)])
    with pytest.raises(ValidationError, match="later than the current"):
        rr.record_extension(session, rid, D(2026, 3, 31), on=D(2026, 3, 25))

    rr.record_extension(session, rid, D(2026, 4, 30), on=D(2026, 3, 25), note="Backlog")
    row = rr.get_request(session, rid)
    assert row.state is S.EXTENDED
    assert row.effective_due_on == D(2026, 4, 30)
    assert overdue_ids(session, case, D(2026, 4, 30)) == []
    assert overdue_ids(session, case, D(2026, 5, 1)) == [rid]
    last = rr.request_history(session, rid)[-1]
    assert (last.new_due_on, last.note) == (D(2026, 4, 30), "Backlog")


# ------------------------------------------------------------------ validation


def test_due_before_request_is_refused_with_a_message_on_the_field(session, case):
    with pytest.raises(ValidationError) as err:
        request(session, case, [item(session, case)], due_on=D(2026, 2, 1))
    assert err.value.field == "due_on"
    assert "before the date of the request" in err.value.message


@pytest.mark.parametrize("bad", [D(1899, 12, 31), D(2101, 1, 1)])
def test_dates_outside_1900_to_2100_are_refused(session, case, bad):
    with pytest.raises(ValidationError, match="between 1900 and 2100"):
        request(session, case, [item(session, case)], requested_on=bad)
    with pytest.raises(ValidationError, match="between 1900 and 2100"):
        records.add_item(
            session, case["person"], ItemData(kind=RecordKind.OTHER, date_of_service=bad)
        )


def test_a_request_needs_items_and_two_different_contacts(session, case):
    with pytest.raises(ValidationError) as err:
        request(session, case, [])
    assert err.value.field == "items"
    with pytest.raises(ValidationError) as err:
        request(session, case, [item(session, case)], recipient="lab")
    assert err.value.field == "recipient"


def test_odd_text_is_stored_exactly(session, case):
    text = "<b>Scan & notes</b> — שלום 🩺 " + "x" * 50_000
    iid = item(session, case, text)
    rid = request(session, case, [iid], notes=text, reference_number="&<>")
    assert records.get_item(session, iid).description == text
    assert rr.get_request(session, rid).notes == text


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_text_is_stored_exactly_or_refused_clearly(session, case, text):
    try:
        iid = records.add_item(
            session, case["person"], ItemData(kind=RecordKind.OTHER, description=text, notes=text)
        )
    except ValidationError as err:  # pragma: no cover - only for text the vault cannot hold
        assert err.field in ("description", "notes")
        return
    stored = records.get_item(session, iid)
    assert (stored.description, stored.notes) == (text, text)


# ------------------------------------------------------------------ the path and its history


def test_states_move_only_along_allowed_paths(session, case):
    rid = request(session, case, [item(session, case)], requested_on=None)
    with pytest.raises(InvalidTransition, match="“To request” cannot be marked “Sent”"):
        rr.mark_sent(session, rid, D(2026, 3, 2))
    with pytest.raises(InvalidTransition):
        rr.mark_received(session, rid, D(2026, 3, 2))
    rr.mark_requested(session, rid, D(2026, 3, 1))
    rr.mark_sent(session, rid, D(2026, 3, 10))
    with pytest.raises(InvalidTransition):
        rr.mark_requested(session, rid, D(2026, 3, 11))
    rr.mark_received(session, rid, D(2026, 3, 12))
    for move in (rr.mark_sent, rr.mark_problem, rr.mark_waiting_on_me):
        with pytest.raises(InvalidTransition):
            move(session, rid, D(2026, 3, 13))
    assert rr.get_request(session, rid).state is S.RECEIVED


def test_waiting_on_me_and_problem_are_reachable_and_left_again(session, case):
    rid = request(session, case, [item(session, case)])
    rr.mark_waiting_on_me(session, rid, D(2026, 3, 3), "They need my ID")
    rr.mark_problem(session, rid, D(2026, 3, 4))
    rr.mark_requested(session, rid, D(2026, 3, 5))
    row = rr.get_request(session, rid)
    assert row.state is S.REQUESTED
    assert row.due_on == D(2026, 4, 4)  # asking again restarts the clock


def test_history_reads_back_every_change_with_its_date(session, case):
    rid = request(session, case, [item(session, case)], requested_on=None)
    rr.mark_requested(session, rid, D(2026, 3, 1))
    rr.record_extension(session, rid, D(2026, 4, 30), on=D(2026, 3, 20))
    rr.mark_partly_received(session, rid, D(2026, 4, 2))
    rr.mark_sent(session, rid, D(2026, 4, 10))
    rr.mark_received(session, rid, D(2026, 4, 12), note="Dr. Rao's office called")
    history = rr.request_history(session, rid)
    assert [(h.state, h.on) for h in history] == [
        (S.TO_REQUEST, D(2026, 2, 20)),
        (S.REQUESTED, D(2026, 3, 1)),
        (S.EXTENDED, D(2026, 3, 20)),
        (S.PARTLY_RECEIVED, D(2026, 4, 2)),
        (S.SENT, D(2026, 4, 10)),
        (S.RECEIVED, D(2026, 4, 12)),
    ]
    assert history[-1].note == "Dr. Rao's office called"


def test_undo_takes_back_the_last_change_and_its_dates(session, case):
    # Paper copies by fax to a doctor: the holder's own policy, so two extensions are allowed.
    rid = request(session, case, [item(session, case)], method=TransferMethod.FAX)
    rr.record_extension(session, rid, D(2026, 4, 30), on=D(2026, 3, 25))
    rr.record_extension(session, rid, D(2026, 5, 30), on=D(2026, 4, 25))
    rr.mark_sent(session, rid, D(2026, 5, 2))

    assert rr.undo_last_state_change(session, rid) is S.EXTENDED
    assert rr.get_request(session, rid).sent_on is None
    assert rr.undo_last_state_change(session, rid) is S.EXTENDED
    assert rr.get_request(session, rid).effective_due_on == D(2026, 4, 30)
    assert rr.undo_last_state_change(session, rid) is S.REQUESTED
    row = rr.get_request(session, rid)
    assert (row.extended_due_on, row.effective_due_on) == (None, D(2026, 3, 31))
    assert len(rr.request_history(session, rid)) == 1
    with pytest.raises(InvalidTransition, match="no change of state to undo"):
        rr.undo_last_state_change(session, rid)


# ------------------------------------------------------------------ who has what


def test_matrix_takes_the_best_state_for_an_item_sent_twice_to_the_same_recipient(session, case):
    scan = item(session, case, "CT report")
    never = item(session, case, "Operative report")
    first = request(session, case, [scan])
    rr.mark_problem(session, first, D(2026, 3, 3))
    second = request(session, case, [scan], requested_on=D(2026, 3, 4))
    rr.mark_sent(session, second, D(2026, 3, 9))

    matrix = records.who_has_what(session, case["person"])
    assert [r.name for r in matrix.recipients] == ["Dr. Rao"]
    assert matrix.cell(scan, case["rao"]) is CellState.SENT
    cell = matrix.cells[(scan, case["rao"])]
    assert (cell.request_id, cell.on, cell.request_count) == (second, D(2026, 3, 9), 2)
    assert matrix.cell(never, case["rao"]) is CellState.NOTHING

    rr.mark_received(session, second, D(2026, 3, 11))
    third = request(session, case, [scan], requested_on=D(2026, 3, 12))
    assert third
    matrix = records.who_has_what(session, case["person"])
    assert matrix.cell(scan, case["rao"]) is CellState.CONFIRMED


def test_matrix_keeps_recipients_apart(session, case):
    scan = item(session, case, "CT report")
    labs = item(session, case, "Labs")
    to_rao = request(session, case, [scan, labs])
    rr.mark_received(session, to_rao, D(2026, 3, 8))
    request(session, case, [scan], recipient="lee")

    matrix = records.who_has_what(session, case["person"])
    # Dr. Rao was meant to get two records, Dr. Lee one: the main recipient comes first.
    assert [r.name for r in matrix.recipients] == ["Dr. Rao", "Dr. Lee"]
    assert matrix.cell(scan, case["rao"]) is CellState.CONFIRMED
    assert matrix.cell(labs, case["rao"]) is CellState.CONFIRMED
    assert matrix.cell(scan, case["lee"]) is CellState.REQUESTED
    assert matrix.cell(labs, case["lee"]) is CellState.NOTHING
    scan_row = next(i for i in matrix.items if i.id == scan)
    assert [d.recipient_name for d in scan_row.destinations] == ["Dr. Rao", "Dr. Lee"]


def test_deleting_an_item_takes_it_off_its_requests(session, case):
    keep = item(session, case, "Labs")
    gone = item(session, case, "CT report")
    rid = request(session, case, [keep, gone])
    assert records.requests_with_item(session, gone) == 1
    records.delete_item(session, gone)
    assert rr.get_request(session, rid).item_ids == (keep,)


# ------------------------------------------------------------------ authorizations


def test_authorization_flags_and_the_requests_that_rely_on_them(session, case):
    today = D(2026, 6, 1)

    def add(expires: dt.date | None, revoked: dt.date | None = None) -> int:
        data = auths.AuthorizationData(
            holder_id=case["lab"],
            recipient_id=case["rao"],
            scope="All pathology",
            signed_on=D(2026, 1, 1),
            expires_on=expires,
            revoked_on=revoked,
        )
        return auths.add_authorization(session, case["person"], data)

    valid = add(D(2026, 6, 1))  # expires today: still valid
    expired = add(D(2026, 5, 31))
    revoked = add(None, revoked=D(2026, 5, 1))
    rows = {a.id: a for a in auths.list_authorizations(session, case["person"], today)}
    assert not rows[valid].expired and not rows[valid].revoked
    assert rows[expired].expired and not rows[expired].revoked
    assert rows[revoked].revoked

    ok = request(session, case, [item(session, case)], authorization_id=valid)
    bad = request(session, case, [item(session, case)], authorization_id=expired)
    rows_by_id = {r.id: r for r in rr.list_requests(session, case["person"], today)}
    assert rows_by_id[ok].authorization_problem is None
    assert rows_by_id[bad].authorization_problem is auths.AuthorizationProblem.EXPIRED
    flagged = rr.flagged_authorization_requests(rr.list_requests(session, case["person"], today))
    assert [r.id for r in flagged] == [bad]
    counts = {a.id: a.request_count for a in auths.list_authorizations(session, case["person"])}
    assert counts == {valid: 1, expired: 1, revoked: 0}
    # The list and the single read give the same rows.
    for listed in auths.list_authorizations(session, case["person"], today):
        assert auths.get_authorization(session, listed.id, today) == listed

    auths.delete_authorization(session, expired)
    assert rr.get_request(session, bad).authorization_id is None


def test_authorization_expiry_before_signing_is_refused(session, case):
    data = auths.AuthorizationData(
        holder_id=case["lab"],
        recipient_id=case["rao"],
        signed_on=D(2026, 5, 1),
        expires_on=D(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as err:
        auths.add_authorization(session, case["person"], data)
    assert err.value.field == "expires_on"


# ------------------------------------------------------------------ no query per row


def test_listing_uses_a_fixed_number_of_queries(session, case):
    items = [item(session, case, f"Item {n}") for n in range(30)]
    for n in range(60):
        request(session, case, items[n % 30 : n % 30 + 2], method=TransferMethod.FAX)
    statements: list[str] = []
    engine = session.get_bind()

    def count(*_args: object) -> None:
        statements.append("x")

    event.listen(engine, "before_cursor_execute", count)
    try:
        session.expire_all()
        assert len(rr.list_requests(session, case["person"])) == 60
        assert len(records.who_has_what(session, case["person"]).items) == 30
        overview_from = len(statements)
        overview = rr.records_overview(session, case["person"])
        assert (len(overview.requests), len(overview.matrix.items)) == (60, 30)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert overview_from <= 4
    assert len(statements) - overview_from <= 3  # requests, their items, the records


def test_the_overview_gives_the_same_requests_and_matrix_as_listing_them_apart(session, case):
    scan = item(session, case, "CT report")
    labs = item(session, case, "Labs")
    item(session, case, "Never requested")
    # Two requests reach the same cell with the same state and date: the first one counts.
    tie_a = request(session, case, [scan, labs])
    tie_b = request(session, case, [scan])
    to_lee = request(session, case, [labs], recipient="lee", requested_on=None)
    rr.mark_sent(session, tie_a, D(2026, 3, 9))
    rr.mark_sent(session, tie_b, D(2026, 3, 9))
    rr.mark_waiting_on_me(session, to_lee, D(2026, 3, 2))
    other = make_person(session, "Someone else")
    theirs = records.add_item(session, other.id, ItemData(kind=RecordKind.LAB_RESULTS))
    their_request = rr.add_request(
        session,
        other.id,
        rr.RequestData(
            item_ids=[theirs],
            holder_id=case["lab"],
            recipient_id=case["him"],
            requested_on=D(2026, 3, 1),
        ),
    )

    today = D(2026, 4, 20)
    overview = rr.records_overview(session, case["person"], today)
    assert overview.requests == rr.list_requests(session, case["person"], today)
    assert overview.matrix == records.who_has_what(session, case["person"])
    assert overview.matrix.cells[(scan, case["rao"])].request_id == tie_a
    assert overview.matrix.cells[(scan, case["rao"])].request_count == 2
    assert overview.matrix.cell(labs, case["lee"]) is CellState.REQUESTED
    assert [r.name for r in overview.matrix.recipients] == ["Dr. Rao", "Dr. Lee"]
    # Someone else's case stays out, and theirs is complete on its own.
    theirs_overview = rr.records_overview(session, other.id, today)
    assert [r.id for r in theirs_overview.requests] == [their_request]
    assert [i.id for i in theirs_overview.requests[0].items] == [theirs]
    assert theirs_overview.matrix.cell(theirs, case["him"]) is CellState.REQUESTED
    empty = make_person(session, "Nobody yet")
    assert rr.records_overview(session, empty.id, today).requests == []
    assert rr.records_overview(session, empty.id, today).matrix.items == ()


def test_a_listing_sees_what_the_same_session_just_changed(session, case):
    rid = request(session, case, [item(session, case)])
    row = session.get(RecordRequest, rid)
    assert row is not None
    row.reference_number = "Not flushed yet"
    assert rr.list_requests(session, case["person"])[0].reference_number == "Not flushed yet"


def test_editing_a_request_keeps_its_state_and_recomputes_an_empty_due_date(session, case):
    first = item(session, case, "CT")
    second = item(session, case, "MRI")
    rid = request(session, case, [first])
    rr.mark_sent(session, rid, D(2026, 3, 9))
    data = rr.RequestData(
        item_ids=[first, second],
        holder_id=case["lab"],
        recipient_id=case["lee"],
        requested_on=D(2026, 3, 2),
        sent_on=D(2026, 3, 9),
        reference_number="R-1",
    )
    rr.update_request(session, rid, data)
    row = rr.get_request(session, rid)
    assert (row.state, row.recipient_name, row.item_ids) == (S.SENT, "Dr. Lee", (first, second))
    assert row.due_on == D(2026, 4, 1)
    rr.delete_request(session, rid)
    assert rr.list_requests(session, case["person"]) == []
    assert records.requests_with_item(session, first) == 0


def test_a_revoked_authorization_flags_its_requests_from_the_revocation_day(session, case):
    data = auths.AuthorizationData(
        holder_id=case["lab"], recipient_id=case["rao"], signed_on=D(2026, 1, 1)
    )
    aid = auths.add_authorization(session, case["person"], data)
    rid = request(session, case, [item(session, case)], authorization_id=aid)
    auths.revoke_authorization(session, aid, D(2026, 3, 15))
    assert rr.get_request(session, rid, today=D(2026, 3, 14)).authorization_problem is None
    flagged = rr.get_request(session, rid, today=D(2026, 3, 15)).authorization_problem
    assert flagged is auths.AuthorizationProblem.REVOKED
    assert auths.get_authorization(session, aid, today=D(2026, 3, 15)).revoked


def test_the_due_time_setting_is_bounded(session):
    assert records.get_request_due_days(session) == 30
    for bad in (0, 366):
        with pytest.raises(ValidationError):
            records.set_request_due_days(session, bad)
    records.set_request_due_days(session, 45)
    records.set_request_due_days(session, 60)  # changing it again updates the one setting
    assert records.get_request_due_days(session) == 60


def test_mark_requested_can_set_its_own_due_date_but_not_an_earlier_one(session, case):
    rid = request(session, case, [item(session, case)], requested_on=None)
    with pytest.raises(ValidationError) as err:
        rr.mark_requested(session, rid, D(2026, 3, 10), due_on=D(2026, 3, 9))
    assert err.value.field == "due_on"
    rr.mark_requested(session, rid, D(2026, 3, 10), due_on=D(2026, 3, 20))
    assert rr.get_request(session, rid).due_on == D(2026, 3, 20)
