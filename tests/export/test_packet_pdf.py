"""The visit packet read back from the PDF: what a doctor's office would see on paper."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from second_opinion.export import render_packet
from second_opinion.services.packet_data import (
    SECTION_TITLES,
    Paper,
    QuestionLine,
    RecordLine,
    Section,
)
from tests.export.pdfread import all_text, flat, pages_text, reader
from tests.export.samples import packet


def test_every_section_heading_and_its_content_is_printed() -> None:
    text = all_text(render_packet(packet()))
    for section in Section:
        if section is not Section.COVER:
            assert SECTION_TITLES[section] in text
    expected = [
        # cover
        "Maria Example",
        "April 12, 1968",
        "Dr. Ana Rao",
        "Thursday, December 3, 2026, 9:30 AM CST",
        "Building B, 4th floor",
        "Lucia Example",
        "invasive ductal",
        # insurance and referral
        "PHM-448812-03",
        "REF-2026-1187",
        "CALL-5531",
        # care team with phone and fax
        "Dr. Peter Holm",
        "+1 217 555 0111",
        "+1 312 555 0141",
        "Dr. Grace Lee",
        # records, their state and dates, and what is missing
        "Core biopsy, left breast",
        "Received: Oct 30, 2026",
        "Overdue",
        "Still missing",
        "5 days overdue",
        # medications, allergies, opinions
        "Lisinopril 10 mg once daily",
        "Penicillin (rash)",
        "Mastectomy with sentinel node biopsy",
    ]
    for snippet in expected:
        assert flat(snippet) in flat(text), snippet


def test_questions_print_in_the_order_given_each_with_writing_space() -> None:
    questions = tuple(
        QuestionLine(f"Question number {i} about the plan?", "Diagnosis", "Normal", False)
        for i in (3, 1, 2)
    )
    text = all_text(render_packet(packet(questions=questions)))
    positions = [text.index(f"Question number {i}") for i in (3, 1, 2)]
    assert positions == sorted(positions)
    assert re.search(r"1\.\s*Question number 3", text)


def test_top_priority_questions_are_marked() -> None:
    text = all_text(render_packet(packet()))
    assert text.count("Top priority") == 2


def test_footer_with_name_confidentiality_and_page_i_of_n_on_every_page() -> None:
    pages = pages_text(render_packet(packet()))
    assert len(pages) >= 5
    for number, page in enumerate(pages, start=1):
        assert "Maria Example" in page
        assert "Confidential health information" in page
        assert f"Page {number} of {len(pages)}" in page


@pytest.mark.parametrize(("paper", "size"), [(Paper.A4, (595, 842)), (Paper.LETTER, (612, 792))])
def test_paper_size(paper: Paper, size: tuple[int, int]) -> None:
    for page in reader(render_packet(packet(paper=paper))).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


def test_metadata_names_the_document_but_holds_no_health_data() -> None:
    pdf = render_packet(packet())
    meta = reader(pdf).metadata or {}
    assert meta.get("/Title") == "Visit packet"
    for key, value in meta.items():
        if key == "/Title":
            continue
        for secret in ("Maria", "Rao", "carcinoma", "1968", "2026"):
            assert secret not in str(value), (key, value)
    # No creation time and no producer string give away when or with what it was made.
    assert "ReportLab" not in str(meta.get("/Producer", ""))


def test_only_the_chosen_sections_are_printed() -> None:
    text = all_text(render_packet(packet(sections=(Section.QUESTIONS,))))
    assert "Questions for this visit" in text
    assert "Care team" not in text
    assert "Penicillin" not in text
    # Without the cover the first page still says whose packet it is and for which visit.
    assert "Maria Example" in text.split("Questions for this visit")[0]
    assert "Dr. Ana Rao" in text


def test_telemedicine_visit_shows_the_link_and_no_empty_place() -> None:
    base = packet()
    visit = replace(
        base.visit,
        mode="Telemedicine",
        is_telemedicine=True,
        location="",
        telemedicine_url="https://video.example.org/room/42?a=1&b=2",
    )
    text = all_text(render_packet(replace(base, visit=visit)))
    assert "Video link" in text
    assert flat("https://video.example.org/room/42?a=1&b=2") in flat(text)


def test_missing_date_of_birth_leaves_a_blank_to_fill() -> None:
    text = all_text(render_packet(packet(date_of_birth=None)))
    assert "Date of birth: ____" in text


def test_a_100_question_300_record_packet_lays_out() -> None:
    questions = tuple(
        QuestionLine(
            f"Q{i:03d} " + "Would a different treatment change the outcome? " * (1 + i % 4),
            "Treatment options",
            "Top" if i < 10 else "Normal",
            i < 10,
        )
        for i in range(100)
    )
    records = tuple(
        RecordLine(
            "Lab results",
            f"R{i:03d} blood count " + "with differential " * (i % 5),
            "Riverside Laboratory Services",
            dt.date(2026, 1, 1) + dt.timedelta(days=i),
            "Requested",
            dt.date(2026, 10, 1),
            dt.date(2026, 10, 31),
            None,
            None,
            overdue=i % 7 == 0,
        )
        for i in range(300)
    )
    pdf = render_packet(packet(questions=questions, records=records))
    pages = pages_text(pdf)
    assert len(pages) > 20
    text = flat("\n".join(pages))
    order = [text.index(f"Q{i:03d}") for i in range(100)]
    assert order == sorted(order)
    assert all(f"R{i:03d}" in text for i in range(300))
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        # a long table repeats its header at the top of each page, never twice on one page
        assert flat(page).count("RecordFromStatusDates") <= 1
    assert sum("RecordFromStatusDates" in flat(page) for page in pages) > 3


def test_records_section_says_plainly_when_nothing_is_listed_or_missing() -> None:
    empty = all_text(render_packet(packet(records=(), missing=())))
    assert "No records are listed yet." in empty
    complete = all_text(render_packet(packet(missing=())))
    assert flat("Nothing: every record this doctor is expected to need has been sent") in flat(
        complete
    )


def _lines(pdf: bytes) -> list[str]:
    return [flat(text_line) for page in pages_text(pdf) for text_line in page.splitlines()]


def test_a_status_too_long_for_its_column_wraps_inside_it() -> None:
    # Short cells are drawn as plain strings, which never wrap: a long one must not run on
    # into the next column.
    base = packet()
    state = "Waiting on the hospital's records department"
    records = (*base.records, replace(base.records[0], state=state))
    pdf = render_packet(replace(base, records=records))
    assert flat(state) in flat(all_text(pdf))
    assert not any(flat(state) in text_line for text_line in _lines(pdf))
    # ...while a short status stays on one line
    assert "Received" in _lines(pdf)


def test_every_row_of_a_long_table_shows_its_own_cells() -> None:
    # Rows with the same holder and status share their layout work; each still prints.
    records = tuple(
        RecordLine(
            "Lab results",
            f"R{i:03d}",
            "Riverside Laboratory Services",
            dt.date(2026, 1, 1) + dt.timedelta(days=i),
            "Requested" if i % 2 else "Partly received by the doctor's office",
            dt.date(2026, 10, 1),
            None,
            None,
            None,
            overdue=False,
        )
        for i in range(120)
    )
    pdf = render_packet(packet(records=records, missing=()))
    text = flat(all_text(pdf))
    assert text.count(flat("Riverside Laboratory Services")) == 120
    assert text.count("Requested:Oct1,2026") == 120
    assert text.count(flat("Partly received by the doctor's office")) == 60
    order = [text.index(f"R{i:03d}") for i in range(120)]
    assert order == sorted(order)


def test_visit_times_name_the_zone_as_people_do() -> None:
    from second_opinion.export.text import visit_time

    utc = dt.datetime(2026, 12, 3, 15, 5, tzinfo=dt.UTC)
    assert visit_time(utc, "Etc/UTC") == "Thursday, December 3, 2026, 3:05 PM UTC"
    kolkata = utc.astimezone(ZoneInfo("Asia/Kolkata"))
    assert visit_time(kolkata, "Asia/Kolkata").endswith("8:35 PM IST")
    noon = dt.datetime(2026, 12, 3, 0, 30, tzinfo=ZoneInfo("America/New_York"))
    assert visit_time(noon, "America/New_York") == "Thursday, December 3, 2026, 12:30 AM EST"


def test_the_cover_says_when_the_doctor_may_not_be_independent() -> None:
    data = packet()
    assert "Independence" not in flat(all_text(render_packet(data)))
    note = "Shares the organization “Mercy” with Dr. Ames."
    text = flat(
        all_text(render_packet(replace(data, visit=replace(data.visit, independence=note))))
    )
    assert "Independence" in text and "Maynotbeindependent" in text


def test_the_notes_page_prints_the_visits_notes_before_its_lines() -> None:
    data = packet()
    notes = "Bring the CD from Mercy. Ask about the trial at Lakeshore."
    pdf = render_packet(replace(data, visit=replace(data.visit, notes=notes)))
    last = flat(pages_text(pdf)[-1])
    assert SECTION_TITLES[Section.NOTES].replace(" ", "") in last
    assert flat(notes) in last


def test_no_earlier_opinions_takes_no_page_of_its_own() -> None:
    data = replace(packet(), opinions=())
    pdf = render_packet(data)
    text = flat(all_text(pdf))
    assert "Noearlieropinionsrecorded" not in text
    assert flat(SECTION_TITLES[Section.OPINIONS]) not in text  # nor in the cover's contents
    with_opinions = render_packet(packet())
    assert len(reader(pdf).pages) < len(reader(with_opinions).pages)
