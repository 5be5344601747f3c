"""``import`` and ``summary`` as another program drives them: stdin passphrase, JSON, exit codes."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from second_opinion.cli import run
from second_opinion.cli_import import (
    EXIT_MALFORMED,
    EXIT_NO_SUCH_PERSON,
    EXIT_UNREADABLE,
    EXIT_UNSAFE,
    EXIT_UNSUPPORTED,
)
from second_opinion.domain.models import Person
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
KEYS = {
    "contacts",
    "record_items",
    "conditions",
    "medications",
    "allergies",
    "procedures",
    "results",
    "documents",
    "duplicates",
}


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    return run(argv)


@pytest.fixture
def folder(data_dir: Path) -> Path:
    with Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF) as vault, vault.session() as s:
        s.add(Person(name="Me"))
        s.add(Person(name="maria  example", date_of_birth=dt.date(1968, 4, 12)))
    return data_dir


def _json(capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    return json.loads(capsys.readouterr().out)


def _import(monkeypatch, folder: Path, name: str, *more: str) -> int:
    return _run(monkeypatch, ["--data-dir", str(folder), "import", str(FIXTURES / name), *more])


def test_import_matches_the_patient_then_adds_nothing_the_second_time(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(monkeypatch, folder, "ccd.xml", "--dry-run", "--json") == 0
    dry = _json(capsys)
    assert set(dry) == KEYS
    assert _import(monkeypatch, folder, "ccd.xml", "--json") == 0
    first = _json(capsys)
    assert first == dry
    assert first == {
        "contacts": 5,
        "record_items": 1,
        "conditions": 3,
        "medications": 2,
        "allergies": 1,
        "procedures": 1,
        "results": 2,
        "documents": 1,  # the imported file itself, kept encrypted
        "duplicates": 0,
    }
    assert _run(monkeypatch, ["--data-dir", str(folder), "documents", "--json"]) == 0
    kept = json.loads(capsys.readouterr().out)
    assert [d["title"] for d in kept] == ["Imported file: ccd.xml"]
    assert kept[0]["links"]  # linked to the record item the import made
    assert _import(monkeypatch, folder, "ccd.xml", "--json") == 0
    again = _json(capsys)
    assert {k: v for k, v in again.items() if k != "duplicates"} == dict.fromkeys(
        KEYS - {"duplicates"}, 0
    )
    assert again["duplicates"] == 15
    # the FHIR bundle of the same facts adds only what the CCD did not have
    assert _import(monkeypatch, folder, "fhir_document.json", "--json") == 0
    fhir = _json(capsys)
    assert fhir["contacts"] == 0  # NPI and name + organization match the CCD's
    assert fhir["record_items"] == 1
    assert fhir["conditions"] == 1  # only the rhinitis is new
    assert (
        _run(
            monkeypatch,
            ["--data-dir", str(folder), "summary", "--person", "Maria Example", "--json"],
        )
        == 0
    )
    summary = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in summary["conditions"]][:2] == [
        "Infiltrating duct carcinoma of breast",
        "Essential hypertension",
    ]
    assert summary["allergies"][0]["name"] == "Penicillin"
    assert all("name" in e for kind in summary.values() for e in kind)


def test_without_a_match_a_new_person_is_made_and_the_message_says_so(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF) as vault, vault.session() as s:
        s.add(Person(name="Maria Example", date_of_birth=dt.date(1970, 1, 1)))  # not her
    assert _import(monkeypatch, data_dir, "referral_note.xml") == 0
    captured = capsys.readouterr()
    assert "new person" in captured.err
    assert "Added:" in captured.out
    assert _run(monkeypatch, ["--data-dir", str(data_dir), "summary"]) == 0
    assert "(none)" in capsys.readouterr().out  # the first person got nothing


def test_a_chosen_person_who_does_not_match_is_warned_about(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(monkeypatch, folder, "ccd.xml", "--person", "Me", "--json") == 0
    captured = capsys.readouterr()
    assert "does not match" in captured.err
    assert json.loads(captured.out)["conditions"] == 3


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("hostile/truncated.xml", EXIT_MALFORMED),
        ("hostile/truncated.json", EXIT_MALFORMED),
        ("hostile/empty.xml", EXIT_MALFORMED),
        ("hostile/xxe.xml", EXIT_UNSAFE),
        ("hostile/billion_laughs.xml", EXIT_UNSAFE),
        ("hostile/not_fhir.json", EXIT_UNSUPPORTED),
        ("hostile/not_a_bundle.json", EXIT_UNSUPPORTED),
        ("hostile/history_bundle.json", EXIT_UNSUPPORTED),
        ("hostile/not_cda.xml", EXIT_UNSUPPORTED),
        ("hostile/document.pdf", EXIT_UNSUPPORTED),
        ("no-such-file.xml", EXIT_UNREADABLE),
    ],
)
def test_refused_files_get_their_own_code_one_line_and_an_unchanged_vault(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    code: int,
) -> None:
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert _import(monkeypatch, folder, name) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert after == before


def test_an_unknown_person_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(monkeypatch, folder, "ccd.xml", "--person", "Nobody") == EXIT_NO_SUCH_PERSON
    assert _run(monkeypatch, ["--data-dir", str(folder), "summary", "--person", "Nobody"]) == (
        EXIT_NO_SUCH_PERSON
    )


def test_a_pdf_wrapped_in_the_file_is_kept_as_a_document_too(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(monkeypatch, folder, "unstructured_pdf.xml", "--dry-run", "--json") == 0
    assert _json(capsys)["documents"] == 2
    assert _import(monkeypatch, folder, "unstructured_pdf.xml", "--json") == 0
    assert _json(capsys)["documents"] == 2  # the XML file, and the PDF it carries
    assert _run(monkeypatch, ["--data-dir", str(folder), "documents", "--json"]) == 0
    kept = json.loads(capsys.readouterr().out)
    assert sorted(d["media_type"] for d in kept) == ["application/pdf", "text/plain"]
