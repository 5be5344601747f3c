"""The demo's words and dates agree whatever today is: a year or month named in a description
is the year or month of that record's date, and the release covers every record it names."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from second_opinion.domain.enums import RecordKind
from second_opinion.domain.models import Authorization, RecordItem
from second_opinion.services.demo import build_demo

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@pytest.mark.parametrize(
    "today",
    [
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
        dt.date(2028, 2, 29),
        dt.date(2025, 6, 15),
        dt.date(2031, 3, 1),
    ],
)
def test_years_and_months_in_the_demo_text_match_the_dates(vault, today: dt.date) -> None:
    with vault.session() as s:
        build_demo(s, today)
        items = list(s.scalars(select(RecordItem)))
        scopes = [
            a.scope for a in s.scalars(select(Authorization)) if a.purpose == "Second opinion"
        ]
    named = 0
    for record in items:
        years = re.findall(r"\b(19\d\d|20\d\d)\b", record.description)
        for year in years:
            named += 1
            assert int(year) == record.date_of_service.year, record.description
        for month in MONTHS:
            if month in record.description:
                assert MONTHS[record.date_of_service.month - 1] == month, record.description
    assert named >= 2
    # The second-opinion release names a start; every breast-cancer record falls after it.
    (scope,) = scopes
    match = re.search(r"since (\w+) (\d{4})", scope)
    assert match, scope
    since = dt.date(int(match.group(2)), MONTHS.index(match.group(1)) + 1, 1)
    recent = [
        r for r in items if r.kind in (RecordKind.IMAGING_REPORT, RecordKind.PATHOLOGY_REPORT)
    ]
    assert recent and all(r.date_of_service >= since for r in recent)
    assert "this year" not in scope
