"""The demo case shows tracking on any day: a call due today, slides due back this week, a
checked disc with one warning, parcels with tracking numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from second_opinion.case import tracking as case_tracking
from second_opinion.case.case import Case
from second_opinion.case.today import Kind, When, today_board
from second_opinion.domain.enums import RecordKind
from second_opinion.domain.models import RecordItem, Shipment
from second_opinion.services.demo import build_demo


@pytest.mark.parametrize(
    "today", [dt.date(2026, 1, 1), dt.date(2028, 2, 29), dt.date(2026, 12, 31)]
)
def test_the_demo_shows_every_part_of_tracking(vault, today: dt.date) -> None:
    with vault.session() as s:
        person = build_demo(s, today)
        disc = s.scalars(
            select(RecordItem.id).where(
                RecordItem.kind == RecordKind.IMAGING_FILES,
                RecordItem.description.like("%MRI%"),
            )
        ).one()
        numbers = sorted(n for n in s.scalars(select(Shipment.tracking_number)) if n)
    case = Case(vault, person)
    now = dt.datetime.combine(today, dt.time(12), tzinfo=dt.datetime.now().astimezone().tzinfo)
    board = today_board(case, now)
    calls_today = [line for line in board.lines if line.kind is Kind.CALL and line.on == today]
    assert calls_today and calls_today[0].when is When.TODAY
    (slides,) = [line for line in board.lines if line.kind is Kind.RETURN]
    assert (slides.when, slides.on) == (When.WEEK, today + dt.timedelta(days=5))
    assert any(line.kind is Kind.OVERDUE for line in board.lines)
    inventory = case_tracking.inventory(case, disc)
    assert inventory is not None and len(inventory.report.warnings) == 1
    assert numbers == ["1Z999AA10123456784", "771234567890"]
