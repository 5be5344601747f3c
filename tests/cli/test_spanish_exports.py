"""export-packet, export-letter and export-bundle with --lang es, as a script would call them."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from second_opinion.cli import run
from tests.document_files import pdf_bytes
from tests.export.pdfread import all_text, flat

PASS = "demo pass\n"


def _run(monkeypatch: pytest.MonkeyPatch, folder: Path, *argv: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS))
    return run(["--data-dir", str(folder), *argv])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-spanish") / "demo"
    with pytest.MonkeyPatch.context() as patch:
        assert _run(patch, folder, "demo") == 0
    return folder


def test_export_packet_in_spanish(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "paquete.pdf"
    argv = ["export-packet", "--visit", "next", "--out", str(out), "--lang", "es"]
    assert _run(monkeypatch, demo, *argv) == 0
    text = all_text(out.read_bytes())
    for snippet in (
        "PAQUETE PARA LA VISITA · SEGUNDA OPINIÓN",
        "Preguntas para esta visita",
        "Información médica confidencial",
        "Página 1 de",
    ):
        assert flat(snippet) in flat(text), snippet
    for english in ("Visit packet", "Questions for this visit", "Confidential health", "Page 1 of"):
        assert flat(english) not in flat(text), english


MONTHS = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
SPANISH_LONG_DATE = re.compile(rf"\d{{1,2}}de(?:{MONTHS})de\d{{4}}")


@pytest.mark.parametrize(
    ("kind", "spanish"),
    [
        ("request", "Al departamento de expedientes médicos:"),
        ("authorization", "Puedo negarme a firmar esta autorización."),
        ("current-doctor", "Sobre mi atención: una segunda opinión"),
    ],
)
def test_export_letter_in_spanish(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, spanish: str
) -> None:
    out = tmp_path / f"{kind}.pdf"
    argv = ["export-letter", "--request", "1", "--kind", kind, "--out", str(out), "--lang", "es"]
    assert _run(monkeypatch, demo, *argv) == 0
    text = flat(all_text(out.read_bytes()))
    assert flat(spanish) in text
    assert SPANISH_LONG_DATE.search(text)  # such as "22 de octubre de 2026"
    assert flat("Page 1 of") not in text and flat("Date of birth") not in text


def test_the_default_stays_english_and_an_unknown_language_is_refused(
    demo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "letter.pdf"
    base = ["export-letter", "--request", "1", "--kind", "authorization", "--out", str(out)]
    assert _run(monkeypatch, demo, *base) == 0
    assert "I may refuse to sign this authorization." in all_text(out.read_bytes())
    assert _run(monkeypatch, demo, *base, "--lang", "fr") == 2
    assert "--lang" in capsys.readouterr().err


def test_export_bundle_in_spanish(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "informe.pdf"
    pdf.write_bytes(pdf_bytes(2))
    assert _run(monkeypatch, demo, "attach", str(pdf), "--request", "1") == 0
    out = tmp_path / "envio.pdf"
    argv = ["export-bundle", "--request", "1", "--out", str(out), "--lang", "es"]
    assert _run(monkeypatch, demo, *argv) == 0
    text = flat(all_text(out.read_bytes()))
    for snippet in (
        "Expediente médico de",
        "Documentos adjuntos",
        "Documento adjunto",
        "Página 5 de 5",
    ):
        assert flat(snippet) in text, snippet
    assert flat("Enclosed documents") not in text
