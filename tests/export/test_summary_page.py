"""The one-page health summary: every kind printed, odd text kept, long lists on one page."""

from __future__ import annotations

import datetime as dt

from second_opinion.export.summary_page import page_data, render_summary_page
from second_opinion.services import health_summary as hs
from tests.export.pdfread import all_text, reader


def _summary(results: int = 2) -> hs.HealthSummary:
    def e(data):  # type: ignore[no-untyped-def]
        return hs.Entry(1, data)

    return hs.HealthSummary(
        conditions=[e(hs.Condition("Stage II <b>breast</b> cancer & more 🎗️ لا", status="active"))],
        medications=[e(hs.Medication("Letrozole", dose="2.5 mg", frequency="once daily"))],
        allergies=[e(hs.Allergy("Penicillin", reaction="Hives", severity="Moderate"))],
        procedures=[e(hs.Procedure("Core needle biopsy", performed_on=dt.date(2026, 9, 3)))],
        results=[
            e(
                hs.Result(
                    f"Test {i}",
                    value="11.2",
                    unit="g/dL",
                    flag="L",
                    observed_on=dt.date(2026, 1, 1) + dt.timedelta(days=i),
                )
            )
            for i in range(results)
        ],
    )


def test_every_kind_is_printed() -> None:
    pdf = render_summary_page(
        page_data(_summary(), "Maria Example", dt.date(1968, 4, 12), dt.date(2026, 11, 26))
    )
    text = all_text(pdf)
    for words in (
        "Health summary",
        "Conditions",
        "breast",
        "cancer & more",
        "Letrozole",
        "2.5 mg",
        "Penicillin",
        "Hives",
        "biopsy",
        "11.2 g/dL",
    ):
        assert words in text
    assert len(reader(pdf).pages) == 1


def test_a_long_list_is_cut_to_the_newest_and_says_how_many_more() -> None:
    pdf = render_summary_page(
        page_data(_summary(results=500), "Maria", None, dt.date(2026, 11, 26))
    )
    text = all_text(pdf)
    assert len(reader(pdf).pages) == 1
    assert "Test 499" in text and "Test 0 " not in text
    assert "492 more" in text


def test_an_empty_summary_says_so() -> None:
    empty = hs.HealthSummary([], [], [], [], [])
    text = all_text(render_summary_page(page_data(empty, "A", None, dt.date(2026, 1, 1))))
    assert text.count("None recorded.") == 5
