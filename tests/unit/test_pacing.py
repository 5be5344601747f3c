"""Pause points in the long reads: where they fall, and that without a host they change nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from second_opinion.domain.enums import RecordKind
from second_opinion.services import pacing, records
from second_opinion.services import record_requests as rr
from tests.factories import make_contact, make_person


@pytest.fixture
def counted():
    calls: list[int] = []
    pacing.set_hook(lambda: calls.append(1))
    yield calls
    pacing.set_hook(None)


def test_rows_come_through_whole_with_a_pause_before_every_slice(counted) -> None:
    rows = list(range(2 * pacing.EVERY + 1))
    assert list(pacing.paced(rows)) == rows
    assert len(counted) == 3  # before rows 0, EVERY and 2 * EVERY


def test_without_a_host_nothing_pauses() -> None:
    assert list(pacing.paced([1, 2, 3])) == [1, 2, 3]
    pacing.pause_point()  # does nothing, raises nothing


def test_a_large_list_of_requests_pauses_as_it_is_read(session, counted) -> None:
    person = make_person(session, "Ada")
    lab = make_contact(session, "Lab")
    doctor = make_contact(session, "Dr. Rao")
    item = records.add_item(
        session, person.id, records.ItemData(RecordKind.PATHOLOGY_REPORT, "Report")
    )
    for _ in range(pacing.EVERY + 1):
        rr.add_request(session, person.id, rr.RequestData([item], lab.id, doctor.id))
    counted.clear()
    rows = rr.list_requests(session, person.id, dt.date(2026, 6, 1))
    assert len(rows) == pacing.EVERY + 1
    # Each stage pauses before each slice of EVERY rows: the requests read (2 slices), their
    # items read (2) and the rows built (2).
    assert len(counted) == 6


def _database_steps(session) -> list[int]:
    """A count of SQLite's work on ``session``'s connection, going up as it reads rows."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0  # go on

    session.connection().connection.dbapi_connection.set_progress_handler(count, 50)
    return steps


def test_a_large_list_of_contacts_is_still_being_read_between_its_pause_points(session) -> None:
    from second_opinion.services import contacts

    for number in range(3 * pacing.EVERY):
        make_contact(session, f"Dr. Number {number}")
    session.flush()
    steps = _database_steps(session)
    seen_at_pauses: list[int] = []
    pacing.set_hook(lambda: seen_at_pauses.append(steps[0]))
    try:
        rows = contacts.list_contacts(session)
    finally:
        pacing.set_hook(None)
    assert len(rows) == 3 * pacing.EVERY
    # The database went on reading after the first pause, and again after the next ones: a
    # read that fetched every row at its first step would leave them nothing to pause.
    assert len(seen_at_pauses) >= 3
    assert seen_at_pauses == sorted(seen_at_pauses)
    assert len(set(seen_at_pauses)) == len(seen_at_pauses)


def test_without_a_host_a_selected_read_is_a_plain_one(session) -> None:
    from second_opinion.services import contacts

    make_contact(session, "Dr. Alone")
    assert [row.name for row in contacts.list_contacts(session)] == ["Dr. Alone"]
