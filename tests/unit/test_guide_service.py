"""The guide's text and each person's progress through it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from second_opinion.domain.enums import (
    ContactRole,
    QuestionCategory,
    RecordKind,
    RequestState,
    TriState,
)
from second_opinion.domain.models import (
    InsuranceCall,
    InsurancePlan,
    Question,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.services import guide
from second_opinion.services.errors import NotFound, ValidationError
from tests.factories import make_contact, make_person


def _all_text() -> str:
    return "\n".join(
        step.title
        + "\n"
        + step.body
        + "".join(f"\n{title}\n{text}" for title, text in step.details)
        + "\n".join(i.label for i in step.items)
        for step in guide.load_guide()
    ).casefold()


def test_every_page_loads_in_reading_order() -> None:
    steps = guide.load_guide()
    assert [s.key for s in steps] == [
        "why", "insurance", "doctor", "records", "questions", "visit", "support", "after",
    ]  # fmt: skip
    assert steps[0].number == 0 and not steps[0].counts
    assert [s.number for s in steps[1:]] == list(range(1, 8))
    for step in steps:
        assert step.title and len(step.body) > 200
        assert "::: checklist" not in step.body and "---" not in step.body.splitlines()[0]
    assert all(step.items for step in steps[1:])


@pytest.mark.parametrize(
    "pattern",
    [
        r"insurance",
        r"independent",
        r"records",
        r"written permission|authorization",
        r"right of access",
        r"questions",
        r"telemedicine",
        r"family member or a friend|support person",
        r"third opinion",
        r"medicare part b",
        r"30\s+calendar days",
        r"not medical advice",
        r"how long it takes",
        r"if records are late",
        r"polite but firm",
        r"treatment cannot wait",
    ],
)
def test_the_guide_covers(pattern: str) -> None:
    assert re.search(pattern, _all_text()), pattern


def test_the_guide_does_not_overstate_the_law() -> None:
    step = guide.find_step("records")
    records = " ".join((step.body + "".join(t for _title, t in step.details)).casefold().split())
    assert "without your written permission" in records
    assert "many offices still ask for a signed form" in records
    assert "must sign" not in _all_text()
    # the fee limit is for copies given to the person, not copies sent to someone else
    assert "for copies given to you, any fee must be reasonable" in records
    assert "no longer applies to copies sent to someone else" in records
    assert "sets no deadline" in records  # provider-to-provider transfers


def test_the_practical_script_comes_before_the_legal_detail() -> None:
    step = guide.find_step("records")
    body = step.body.casefold()
    assert body.index("polite but firm") < body.index("what to send")
    assert "45 cfr" not in body and "right of access" not in body  # folded away
    assert [title for title, _text in step.details] == ["The legal details (United States)"]
    assert len(body.split()) < 500


def test_medicare_is_described_precisely() -> None:
    text = " ".join(guide.find_step("insurance").body.split()).casefold()
    assert "surgery that is not an emergency" in text
    assert "deductible and 20% coinsurance" in text
    assert "medicare advantage plans set their own rules" in text


def test_a_details_block_must_be_closed() -> None:
    page = "---\nkey: x\ntitle: X\n---\nBody\n::: details Law\ntext\n"
    with pytest.raises(guide.GuideFormatError):
        guide.parse_page(page)


def test_not_medical_advice_is_said_once() -> None:
    assert _all_text().count("not medical advice") == 1


def test_item_keys_are_unique_and_fit_the_progress_table() -> None:
    keys = [item.key for step in guide.load_guide() for item in step.items]
    assert len(keys) == len(set(keys))
    assert all(len(k) <= guide.MAX_ITEM_KEY for k in keys)


def test_links_carry_their_arguments() -> None:
    first = next(i for i in guide.find_step("doctor").items if i.key == "doctor.first")
    assert first.target == "contacts.new"
    assert first.target_kwargs == {"role": "first_opinion"}
    # the role named in a link must be a real role, or the contacts tab could not honour it
    roles = {
        i.target_kwargs["role"]
        for s in guide.load_guide()
        for i in s.items
        if "role" in i.target_kwargs
    }
    assert roles <= {r.value for r in ContactRole}
    told = next(i for i in guide.find_step("support").items if i.key == "support.told")
    assert told.target is None


def test_parse_rejects_a_broken_page() -> None:
    with pytest.raises(guide.GuideFormatError):
        guide.parse_page("no header")
    with pytest.raises(guide.GuideFormatError):
        guide.parse_page("---\nkey: x\ntitle: X\n---\nbody\n::: checklist\nx.a | A\n")
    with pytest.raises(guide.GuideFormatError, match="must look like"):
        guide.parse_page("---\nkey: x\ntitle: X\n---\nbody\n::: checklist\ny.a | A\n:::\n")


def test_progress_is_kept_per_person(session) -> None:
    anna = make_person(session, "Anna").id
    ben = make_person(session, "Ben").id
    guide.set_item_done(session, anna, "insurance.details", True)
    guide.set_item_done(session, anna, "insurance.details", True)  # ticking twice is harmless
    assert guide.progress(session, anna) == {"insurance.details"}
    assert guide.progress(session, ben) == set()
    guide.set_item_done(session, anna, "insurance.details", False)
    guide.set_item_done(session, anna, "insurance.details", False)
    assert guide.progress(session, anna) == set()


def test_a_step_counts_only_when_all_its_items_are_done(session) -> None:
    pid = make_person(session).id
    assert guide.summary_for(session, pid) == guide.StepSummary(done=0, total=7)
    items = guide.find_step("insurance").items
    for item in items[:-1]:
        guide.set_item_done(session, pid, item.key, True)
    assert guide.summary_for(session, pid).done == 0
    guide.set_item_done(session, pid, items[-1].key, True)
    summary = guide.summary_for(session, pid)
    assert summary.text == "1 of 7 steps"
    assert not summary.complete


def test_every_item_done_completes_the_guide(session) -> None:
    pid = make_person(session).id
    for key in guide.all_item_keys():
        guide.set_item_done(session, pid, key, True)
    summary = guide.summary_for(session, pid)
    assert summary.text == "7 of 7 steps" and summary.complete


def test_unknown_keys_and_people_are_refused(session) -> None:
    pid = make_person(session).id
    with pytest.raises(ValidationError):
        guide.set_item_done(session, pid, "made.up", True)
    with pytest.raises(NotFound):
        guide.set_item_done(session, pid + 99, "insurance.details", True)


def test_where_the_guide_opens(session) -> None:
    assert guide.first_open_step(set()) == "why"
    insurance = {i.key for i in guide.find_step("insurance").items}
    assert guide.first_open_step(insurance) == "doctor"
    assert guide.first_open_step(guide.all_item_keys()) == "after"


def test_items_tick_themselves_from_what_the_person_entered(session) -> None:
    pid = make_person(session, "Maria").id
    assert guide.progress(session, pid) == set()
    session.add(
        InsurancePlan(
            person_id=pid,
            insurer="Blue Harbor",
            member_id="XJH 1",
            referral_needed=TriState.YES,
            prior_authorization_needed=TriState.NO,
        )
    )
    session.add(InsuranceCall(person_id=pid, called_on=dt.date(2026, 11, 2)))
    first = make_contact(session, "Dr. First", ContactRole.FIRST_OPINION)
    chosen = make_contact(session, "Dr. Second", ContactRole.SECOND_OPINION_CHOSEN)
    make_contact(session, "Sam", ContactRole.SUPPORT_PERSON)
    holder = make_contact(session, "Mercy HIM", ContactRole.RECORDS_DEPARTMENT)
    item = RecordItem(person_id=pid, kind=RecordKind.IMAGING_REPORT, description="CT")
    session.add(item)
    session.flush()
    session.add(
        RecordRequest(
            person_id=pid,
            holder_id=holder.id,
            recipient_id=chosen.id,
            state=RequestState.REQUESTED,
            items=[item],
        )
    )
    session.add(Question(person_id=pid, text="Which stage?", category=QuestionCategory.DIAGNOSIS))
    session.add(
        Visit(
            person_id=pid,
            doctor_id=chosen.id,
            starts_at=dt.datetime(2026, 12, 3, 10, tzinfo=dt.UTC),
        )
    )
    session.flush()
    done = guide.progress(session, pid)
    assert {
        "insurance.details",
        "insurance.asked",
        "insurance.rules",
        "doctor.first",
        "doctor.candidates",
        "doctor.booked",
        "records.list",
        "records.requested",
        "questions.written",
        "visit.mode",
        "support.companion",
    } <= done
    assert "records.confirmed" not in done  # nothing received yet
    assert guide.summary_for(session, pid).done >= 1  # insurance is complete
    assert first.id

    # The person can still untick, and it stays unticked whatever the data says.
    guide.set_item_done(session, pid, "doctor.first", False)
    assert "doctor.first" not in guide.progress(session, pid)
    make_contact(session, "Dr. Another First", ContactRole.FIRST_OPINION)
    assert "doctor.first" not in guide.progress(session, pid)
    guide.set_item_done(session, pid, "doctor.first", True)
    assert "doctor.first" in guide.progress(session, pid)
