"""Reading portal files, the preview's comparison, and the import through the case layer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.case.importing import preview_import, run_import
from second_opinion.case.progress import Cancelled, Progress
from second_opinion.domain.enums import RecordKind
from second_opinion.domain.models import Contact, HealthCondition, Person, RecordItem
from second_opinion.services import health_summary as hs
from second_opinion.services.importing import (
    FileTooLarge,
    MalformedFile,
    UnsafeFile,
    UnsupportedFile,
    parse_bytes,
    read_document,
)
from second_opinion.services.importing import model as import_model
from second_opinion.services.importing.plan import Status, names_match
from second_opinion.vault.vault import Vault

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"


@pytest.mark.parametrize(
    ("name", "kind", "entries"),
    [
        ("ccd.xml", RecordKind.VISIT_NOTES, 9),
        ("referral_note.xml", RecordKind.VISIT_NOTES, 5),
        ("discharge_summary.xml", RecordKind.DISCHARGE_SUMMARY, 7),
        ("transfer_summary.xml", RecordKind.DISCHARGE_SUMMARY, 1),
        ("unstructured_pdf.xml", RecordKind.PATHOLOGY_REPORT, 0),
        ("fhir_document.json", RecordKind.VISIT_NOTES, 6),
        ("fhir_ips.json", RecordKind.VISIT_NOTES, 6),
        ("fhir_collection.json", RecordKind.OTHER, 6),
        ("fhir_searchset.json", RecordKind.OTHER, 6),
        ("fhir_transaction.json", RecordKind.OTHER, 6),
    ],
)
def test_every_kind_of_document_is_read(name: str, kind: RecordKind, entries: int) -> None:
    doc = read_document(FIXTURES / name)
    assert doc.kind is kind
    assert len(doc.entries) == entries
    assert doc.patient is not None
    assert (doc.patient.name, doc.patient.birth_date) == ("Maria Example", dt.date(1968, 4, 12))
    assert doc.original == (FIXTURES / name).read_bytes()


def test_the_wrapped_pdf_is_handed_over_intact() -> None:
    doc = read_document(FIXTURES / "unstructured_pdf.xml")
    [pdf] = doc.attachments
    assert pdf.media_type == "application/pdf"
    assert pdf.data.startswith(b"%PDF-1.4") and b"Pathology report (fictional)" in pdf.data


def test_ccd_fields_and_unknown_code_systems_kept_as_text() -> None:
    doc = read_document(FIXTURES / "ccd.xml")
    by_name = {e.name: e for e in doc.entries}
    local = by_name["Ménière's disease <left> & tinnitus"]
    assert (local.code, local.code_system) == ("X-42", "Riverside local codes")
    lisinopril = by_name["Lisinopril 10 MG Oral Tablet"]
    assert isinstance(lisinopril, hs.Medication)
    assert (lisinopril.dose, lisinopril.frequency, lisinopril.since) == (
        "10 mg",
        "every 24 hours",
        dt.date(2019, 3, 1),
    )
    allergy = by_name["Penicillin"]
    assert isinstance(allergy, hs.Allergy)
    assert (allergy.reaction, allergy.severity) == ("Hives", "Moderate")
    npis = {c.npi for c in doc.contacts if c.npi}
    assert npis == {"1234567893", "1928374650", "1112223339"}
    fhir = read_document(FIXTURES / "fhir_document.json")
    rhinitis = next(e for e in fhir.entries if e.name.startswith("Seasonal"))
    assert rhinitis.code_system == "urn:oid:1.2.3.4.5"
    assert not any(e.name == "Heart rate" for e in fhir.entries)  # vital signs are not results


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("xxe.xml", UnsafeFile),
        ("billion_laughs.xml", UnsafeFile),
        ("truncated.xml", MalformedFile),
        ("truncated.json", MalformedFile),
        ("empty.xml", MalformedFile),
        ("not_fhir.json", UnsupportedFile),
        ("not_cda.xml", UnsupportedFile),
        ("document.pdf", UnsupportedFile),
    ],
)
def test_hostile_and_broken_files_are_refused_with_a_message(name: str, error: type) -> None:
    with pytest.raises(error) as caught:
        read_document(FIXTURES / "hostile" / name)
    assert str(caught.value) and "\n" not in str(caught.value)


def test_xxe_never_reads_the_file_it_names(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&x;</title></ClinicalDocument>'
    ).encode()
    with pytest.raises(UnsafeFile):
        parse_bytes(xml)


def test_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_model, "MAX_FILE_BYTES", 10)
    import second_opinion.services.importing as importing

    monkeypatch.setattr(importing, "MAX_FILE_BYTES", 10)
    with pytest.raises(FileTooLarge):
        parse_bytes(b"{" + b" " * 20 + b"}")


def test_names_match_ignores_case_accents_and_middle_names() -> None:
    assert names_match("Tomás Example", "tomas  EXAMPLE")
    assert names_match("Maria Q. Example", "Maria Example")
    assert not names_match("Maria Example", "Mario Example")
    assert not names_match("", "Maria")


@pytest.fixture
def maria(vault: Vault) -> Case:
    with vault.session() as s:
        s.add(Person(name="Someone Else"))
        person = Person(name="Maria Example", date_of_birth=dt.date(1968, 4, 12))
        s.add(person)
        s.flush()
        pid = person.id
    return Case(vault, pid)


def _count(vault: Vault, model: type) -> int:
    with vault.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_the_preview_writes_nothing_and_the_import_writes_only_what_was_ticked(
    maria: Case,
) -> None:
    steps: list[tuple[int, int]] = []
    preview = preview_import(
        maria, FIXTURES / "ccd.xml", progress=Progress(lambda d, t, _: steps.append((d, t)))
    )
    assert steps[-1] == (3, 3)
    plan = preview.plan
    assert plan.person_id == maria.person_id and plan.warnings == []
    assert _count(maria.vault, Contact) == 0 and _count(maria.vault, HealthCondition) == 0
    keep = {i.index for i in plan.items if i.category != "conditions"}
    outcome = run_import(maria, preview.path, keep=keep, document=preview.document)
    assert outcome.value.counts["conditions"] == 0
    assert outcome.value.counts["medications"] == 2
    assert outcome.changes.touches(Area.CONTACTS, Area.RECORDS, Area.PROFILE)
    assert _count(maria.vault, HealthCondition) == 0
    with maria.vault.session() as s:
        item = s.scalars(select(RecordItem)).one()
        assert item.holder is not None and item.holder.name == "Riverside Health Records"
        assert item.date_of_service == dt.date(2026, 10, 15)
    # the conditions left out come back as new the next time; nothing else does
    again = preview_import(maria, FIXTURES / "ccd.xml").plan
    assert {i.category for i in again.items if i.status is Status.NEW} == {"conditions"}


def test_a_different_value_is_a_conflict_and_ticking_it_takes_the_files(maria: Case) -> None:
    with maria.vault.session() as s:
        hs.add_entry(s, maria.person_id, hs.Allergy("penicillin", reaction="Rash"))
    plan = preview_import(maria, FIXTURES / "ccd.xml").plan
    [conflict] = [i for i in plan.items if i.status is Status.CONFLICT]
    assert conflict.existing == "penicillin (Rash)"
    assert conflict.index not in plan.default_keep()
    run_import(maria, FIXTURES / "ccd.xml", keep=plan.default_keep() | {conflict.index})
    with maria.vault.session() as s:
        [allergy] = hs.get_summary(s, maria.person_id).allergies
    assert (allergy.data.name, allergy.data.reaction) == ("Penicillin", "Hives")


def test_a_cancelled_import_keeps_nothing(maria: Case) -> None:
    progress = Progress()

    def stop(done: int, total: int, text: str) -> None:
        if done == 2:
            progress.cancel()

    progress = Progress(stop)
    with pytest.raises(Cancelled):
        run_import(maria, FIXTURES / "ccd.xml", progress=progress)
    assert _count(maria.vault, Contact) == 0 and _count(maria.vault, RecordItem) == 0
