"""The structured health summary: entries typed, checked, kept in step with the old text,
and printed where the old text was."""

from __future__ import annotations

import datetime as dt

import pytest

from second_opinion.services import health_summary as hs
from second_opinion.services import profile as profile_service
from second_opinion.services.demo import build_demo
from second_opinion.services.errors import ValidationError
from second_opinion.services.packet import build_packet_data
from tests.factories import make_person


def test_entries_are_added_read_changed_and_deleted(session) -> None:
    pid = make_person(session).id
    med = hs.Medication(
        "  Letrozole ", dose="2.5 mg", frequency="once daily", since=dt.date(2025, 3, 1)
    )
    mid = hs.add_entry(session, pid, med)
    hs.add_entry(session, pid, hs.Result("HbA1c", value="6.1", unit="%", flag="H"))
    summary = hs.get_summary(session, pid)
    assert [e.data.name for e in summary.medications] == ["Letrozole"]
    assert hs.describe(summary.medications[0].data) == (
        "Letrozole (2.5 mg, once daily, since 2025-03-01)"
    )
    assert hs.describe(summary.results[0].data) == "HbA1c (6.1 %, H)"
    hs.update_entry(session, mid, hs.Medication("Letrozole", dose="5 mg"))
    assert hs.get_summary(session, pid).medications[0].data.dose == "5 mg"
    hs.delete_entry(session, hs.Kind.MEDICATION, mid)
    assert hs.get_summary(session, pid).medications == []


def test_a_name_is_needed_and_too_long_is_refused(session) -> None:
    pid = make_person(session).id
    with pytest.raises(ValidationError) as caught:
        hs.add_entry(session, pid, hs.Allergy("   "))
    assert caught.value.field == "name"
    assert "substance" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        hs.add_entry(session, pid, hs.Allergy("Latex", reaction="r" * 1001))
    assert caught.value.field == "reaction"


def test_editing_the_old_text_keeps_its_lines_in_step_and_spares_the_rest(session) -> None:
    pid = make_person(session).id
    hs.add_entry(session, pid, hs.Medication("Imported drug"), source="Portal CCD")
    profile_service.save_profile(
        session, pid, profile_service.Profile(name="A", medications="Aspirin\nVitamin D")
    )
    names = [e.data.name for e in hs.get_summary(session, pid).medications]
    assert names == ["Imported drug", "Aspirin", "Vitamin D"]
    text = "Vitamin D\n\n  Metformin 500 mg  \n"
    profile_service.save_profile(session, pid, profile_service.Profile(name="A", medications=text))
    names = [e.data.name for e in hs.get_summary(session, pid).medications]
    assert names == ["Imported drug", "Vitamin D", "Metformin 500 mg"]
    # the text itself is kept exactly as typed
    assert profile_service.get_profile(session, pid).medications == text


def test_odd_text_survives(session) -> None:
    pid = make_person(session).id
    odd = "<b>&amp;</b> 🎗️ لا " + "y" * 50_000
    hs.add_entry(session, pid, hs.Condition(odd, status="active"))
    [entry] = hs.get_summary(session, pid).conditions
    assert entry.data.name == odd.strip()
    assert hs.as_json(hs.get_summary(session, pid))["conditions"][0]["name"] == odd.strip()


def test_json_has_every_kind_and_names(session) -> None:
    pid = make_person(session).id
    hs.add_entry(session, pid, hs.Allergy("Penicillin", reaction="rash", severity="mild"))
    hs.add_entry(session, pid, hs.Procedure("Biopsy", performed_on=dt.date(2026, 1, 2)))
    data = hs.as_json(hs.get_summary(session, pid))
    assert set(data) == {"conditions", "medications", "allergies", "procedures", "results"}
    assert data["allergies"][0]["substance"] == "Penicillin"
    assert data["allergies"][0]["name"] == "Penicillin"
    assert data["procedures"][0]["performed_on"] == "2026-01-02"


def test_the_packet_prints_the_summary_where_it_printed_the_text(session) -> None:
    from sqlalchemy import select

    from second_opinion.domain.models import Visit

    pid = build_demo(session, dt.date(2026, 11, 26))
    hs.add_entry(session, pid, hs.Medication("Letrozole", dose="2.5 mg"))
    visit_id = session.scalars(select(Visit.id).where(Visit.person_id == pid)).first()
    data = build_packet_data(session, visit_id)
    assert data.medications.splitlines() == [
        "Lisinopril 10 mg once daily",
        "Vitamin D 1000 IU daily",
        "Letrozole (2.5 mg)",
    ]
    assert data.allergies == "Penicillin (rash)"
    assert data.condition.startswith("A 2.1 cm mass")
