"""The documents commands as scripts use them: exact output, exit codes, nothing changed on
refusal."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from second_opinion.cli import run
from tests.document_files import (
    MARKER,
    PNG_SIGNATURE,
    write_image,
    write_pdf,
    write_protected_pdf,
    write_truncated_pdf,
)

PW = "demo pass\n"


def _run(monkeypatch: pytest.MonkeyPatch, folder: Path, *argv: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PW))
    return run(["--data-dir", str(folder), *argv])


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "demo"
    assert _run(monkeypatch, folder, "demo") == 0
    return folder


def _listing(monkeypatch: pytest.MonkeyPatch, folder: Path, capsys) -> list[dict]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    assert _run(monkeypatch, folder, "documents", "--json") == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _folder_state(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.name != "vault.lock"
    }


def test_attach_prints_id_tab_title_and_documents_lists_them(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    pdf = write_pdf(tmp_path / "biopsy.pdf", pages=2)
    png = write_image(tmp_path / "scan.png", "PNG")
    capsys.readouterr()
    assert _run(monkeypatch, demo, "attach", str(pdf), str(png), "--visit", "1") == 0
    assert capsys.readouterr().out == "1\tbiopsy\n2\tscan\n"
    assert (
        _run(monkeypatch, demo, "attach", str(pdf), "--title", "Again", "--kind", "lab_results")
        == 0
    )
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not stored twice" in captured.err
    rows = _listing(monkeypatch, demo, capsys)
    assert [r["id"] for r in rows] == [1, 2]
    first = rows[0]
    assert {"id", "title", "kind", "media_type", "pages", "bytes", "sha256", "links"} <= set(first)
    assert (first["media_type"], first["pages"], first["bytes"]) == (
        "application/pdf",
        2,
        pdf.stat().st_size,
    )
    assert first["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert first["links"] == [{"type": "visit", "id": 1}]
    for path in demo.rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes(), path
            assert PNG_SIGNATURE not in path.read_bytes(), path


def test_export_document_writes_the_original_byte_for_byte_and_detach_deletes(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    pdf = write_pdf(tmp_path / "a.pdf")
    assert _run(monkeypatch, demo, "attach", str(pdf), "--title", "Report") == 0
    out = tmp_path / "copy.pdf"
    assert _run(monkeypatch, demo, "export-document", "1", "--out", str(out)) == 0
    assert out.read_bytes() == pdf.read_bytes()
    assert "not encrypted" in capsys.readouterr().out
    assert _run(monkeypatch, demo, "detach", "1") == 0
    assert _listing(monkeypatch, demo, capsys) == []
    assert not any((demo / "documents").iterdir())
    assert _run(monkeypatch, demo, "detach", "1") == 29
    assert _run(monkeypatch, demo, "export-document", "1", "--out", str(out)) == 29


def test_each_bad_input_has_its_code_and_changes_nothing(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "photo.pdf").write_bytes(PNG_SIGNATURE + b"\x00" * 64)
    (tmp_path / "odd.bin").write_bytes(b"\x00\x01" * 50)
    good = write_pdf(tmp_path / "good.pdf")
    cases = {
        str(tmp_path / "missing.pdf"): 20,
        str(tmp_path): 21,
        str(tmp_path / "empty.pdf"): 23,
        str(tmp_path / "photo.pdf"): 24,
        str(tmp_path / "odd.bin"): 25,
        str(write_truncated_pdf(tmp_path / "cut.pdf")): 26,
        str(write_protected_pdf(tmp_path / "locked.pdf")): 28,
    }
    before = _folder_state(demo)
    for path, code in cases.items():
        capsys.readouterr()
        assert _run(monkeypatch, demo, "attach", str(good), path) == code, path
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("second-opinion: "), err
        assert _folder_state(demo) == before
    assert _run(monkeypatch, demo, "attach", str(good), "--item", "999") == 29
    assert _folder_state(demo) == before


def test_too_large_is_code_27(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from second_opinion.services import documents as rules

    monkeypatch.setattr(rules, "MAX_DOCUMENT_BYTES", 100)
    assert _run(monkeypatch, demo, "attach", str(write_pdf(tmp_path / "a.pdf"))) == 27


def test_packet_takes_linked_documents_by_default(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        _run(monkeypatch, demo, "attach", str(write_pdf(tmp_path / "a.pdf", 3)), "--visit", "1")
        == 0
    )
    assert _run(monkeypatch, demo, "attach", str(write_pdf(tmp_path / "b.pdf", 5, "other"))) == 0
    pages = {}
    for choice in ("none", "linked", "all"):
        out = tmp_path / f"{choice}.pdf"
        args = ["export-packet", "--visit", "1", "--out", str(out), "--documents", choice]
        assert _run(monkeypatch, demo, *args) == 0
        pages[choice] = len(PdfReader(out).pages)
    default = tmp_path / "default.pdf"
    assert _run(monkeypatch, demo, "export-packet", "--visit", "1", "--out", str(default)) == 0
    assert len(PdfReader(default).pages) == pages["linked"]
    # + a contents page, + a separator and 3 pages; then + a separator and 5 pages
    assert pages["linked"] == pages["none"] + 1 + 4
    assert pages["all"] == pages["linked"] + 6


def test_export_bundle_encloses_the_requests_documents(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = write_pdf(tmp_path / "path.pdf", 2)
    assert _run(monkeypatch, demo, "attach", str(pdf), "--request", "1") == 0
    out = tmp_path / "bundle.pdf"
    assert _run(monkeypatch, demo, "export-bundle", "--request", "1", "--out", str(out)) == 0
    reader = PdfReader(out)
    # cover letter, index, separator, 2 pages
    assert len(reader.pages) == 5
    assert "Enclosed documents" in (reader.pages[1].extract_text() or "")
    assert MARKER in (reader.pages[3].extract_text() or "")
    assert "Page 5 of 5" in (reader.pages[4].extract_text() or "")
    assert _run(monkeypatch, demo, "export-bundle", "--request", "999", "--out", str(out)) == 29


def test_check_names_a_tampered_document(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    assert _run(monkeypatch, demo, "attach", str(write_pdf(tmp_path / "a.pdf"))) == 0
    assert _run(monkeypatch, demo, "check") == 0
    [victim] = (demo / "documents").iterdir()
    data = bytearray(victim.read_bytes())
    data[100] ^= 0xFF
    victim.write_bytes(bytes(data))
    capsys.readouterr()
    assert _run(monkeypatch, demo, "check") == 4
    assert "document 1:" in capsys.readouterr().err
