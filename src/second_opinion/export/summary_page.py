"""The health summary on one page: conditions, medications, allergies, procedures, results.

Takes plain data (``SummaryPageData``, made from the service's ``HealthSummary`` by
``page_data``), so the packet, the command line and tests print it alike. ``summary_story``
gives the flowables for a renderer that already exists (the packet adds them as a section);
``render_summary_page`` prints the page on its own. Long lists are cut to the newest rows, with
a line saying how many more there are, so the summary stays one page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from second_opinion.export.base import DocumentRenderer, Plain
from second_opinion.export.i18n import Words
from second_opinion.export.text import para, short_date
from second_opinion.services import health_summary as hs
from second_opinion.services.packet_data import Paper

#: rows per table before "and N more", so five tables fit one page
MAX_ROWS = 8
TITLE = "Health summary"


@dataclass(frozen=True)
class SummaryTable:
    title: str
    header: tuple[str, ...]
    #: relative column widths, summing to 1
    widths: tuple[float, ...]
    rows: list[tuple[str, ...]]
    #: rows left out to keep to one page
    more: int = 0


@dataclass(frozen=True)
class SummaryPageData:
    person_name: str
    date_of_birth: dt.date | None
    prepared_on: dt.date
    tables: list[SummaryTable]
    paper: Paper = Paper.LETTER
    #: "en" or "es": the language of the titles, headers and dates
    language: str = "en"


def _d(value: dt.date | None, language: str = "en") -> str:
    return short_date(value, language) if value is not None else ""


def _newest_first(entries: list[hs.Entry[hs.D]], date_of: str | None) -> list[hs.Entry[hs.D]]:
    if date_of is None:
        return entries
    return sorted(entries, key=lambda e: getattr(e.data, date_of) or dt.date.min, reverse=True)


def page_data(
    summary: hs.HealthSummary,
    person_name: str,
    date_of_birth: dt.date | None,
    prepared_on: dt.date,
    paper: Paper = Paper.LETTER,
    max_rows: int = MAX_ROWS,
    language: str = "en",
) -> SummaryPageData:
    t = Words(language).t

    def table(
        title: str, header: tuple[str, ...], widths: tuple[float, ...], rows: list[tuple[str, ...]]
    ) -> SummaryTable:
        more = max(0, len(rows) - max_rows)
        return SummaryTable(t(title), tuple(t(h) for h in header), widths, rows[:max_rows], more)

    conditions = _newest_first(summary.conditions, "onset")
    medications = _newest_first(summary.medications, "since")
    procedures = _newest_first(summary.procedures, "performed_on")
    results = _newest_first(summary.results, "observed_on")
    tables = [
        table(
            "Conditions",
            ("Condition", "Since", "Status"),
            (0.6, 0.2, 0.2),
            [(c.data.name, _d(c.data.onset, language), c.data.status) for c in conditions],
        ),
        table(
            "Medications",
            ("Medication", "Dose", "How often", "Since"),
            (0.45, 0.18, 0.2, 0.17),
            [
                (m.data.name, m.data.dose, m.data.frequency, _d(m.data.since, language))
                for m in medications
            ],
        ),
        table(
            "Allergies",
            ("Substance", "Reaction", "Severity"),
            (0.45, 0.35, 0.2),
            [(a.data.name, a.data.reaction, a.data.severity) for a in summary.allergies],
        ),
        table(
            "Procedures",
            ("Procedure", "Date"),
            (0.8, 0.2),
            [(p.data.name, _d(p.data.performed_on, language)) for p in procedures],
        ),
        table(
            "Results",
            ("Test", "Value", "Flag", "Date"),
            (0.5, 0.2, 0.1, 0.2),
            [
                (
                    r.data.name,
                    " ".join(v for v in (r.data.value, r.data.unit) if v),
                    r.data.flag,
                    _d(r.data.observed_on, language),
                )
                for r in results
            ],
        ),
    ]
    return SummaryPageData(person_name, date_of_birth, prepared_on, tables, paper, language)


def summary_story(
    renderer: DocumentRenderer, data: SummaryPageData, with_title: bool = True
) -> list[Flowable]:
    """The summary's flowables (a heading, then one table per kind) for ``renderer``; without
    the title when it is a section of a larger document that has its own heading."""
    story: list[Flowable] = []
    t = renderer.t
    if with_title:
        story.append(renderer.p(t(TITLE), "H1"))
        born = (
            t(" · born {date}", date=_d(data.date_of_birth, data.language))
            if data.date_of_birth
            else ""
        )
        heading = t(
            "{name}{born} · as of {date}",
            name=data.person_name,
            born=born,
            date=_d(data.prepared_on, data.language),
        )
        story.append(renderer.p(para(heading), "Small"))
    for table in data.tables:
        story.append(renderer.p(table.title, "H2"))
        if not table.rows:
            story.append(renderer.p(t("None recorded."), "Small"))
            continue
        widths = [w * renderer.content_width for w in table.widths]
        rows = [[Plain(cell) for cell in row] for row in table.rows]
        story.append(renderer.grid_table(list(table.header), rows, widths))
        if table.more:
            story.append(
                renderer.p(
                    t("… and {count} more (see the full list in the app).", count=table.more),
                    "Small",
                )
            )
        story.append(Spacer(1, 2 * mm))
    return story


class SummaryPageRenderer(DocumentRenderer):
    title = TITLE

    def __init__(self, data: SummaryPageData) -> None:
        words = Words(data.language)
        super().__init__(data.paper, data.person_name, words.t(TITLE), data.language)
        self.data = data

    def story(self) -> list[Flowable]:
        return summary_story(self, self.data)


def render_summary_page(data: SummaryPageData) -> bytes:
    return SummaryPageRenderer(data).render()
