"""export-packet and export-letter as a script would call them."""

from __future__ import annotations

import io
import stat
import sys
from pathlib import Path

import pytest

from second_opinion.cli import run
from second_opinion.cli_exports import parse_sections
from second_opinion.services.packet_data import Paper, Section, default_paper
from tests.export.pdfread import all_text, reader

PASS = "demo pass\n"


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS))
    return run(argv)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One demo vault for the module: every command here only reads it.
    folder = tmp_path_factory.mktemp("cli-export") / "demo"
    with pytest.MonkeyPatch.context() as patch:
        assert _run(patch, ["--data-dir", str(folder), "demo"]) == 0
    return folder


def test_packet_for_the_next_visit(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "packet.pdf"
    argv = [
        "--data-dir",
        str(demo_dir),
        "export-packet",
        "--visit",
        "next",
        "--out",
        str(out),
        "--paper",
        "letter",
        "--sections",
        "cover,questions",
    ]
    assert _run(monkeypatch, argv) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = all_text(out.read_bytes())
    assert "Questions for this visit" in text
    assert "Care team" not in text
    box = reader(out.read_bytes()).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    said = capsys.readouterr()
    assert "Wrote the packet for visit" in said.out
    assert "Maria" not in said.out + said.err  # messages carry no health data


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--visit", "9999"], "no visit with id 9999"),
        (["--visit", "soon"], "--visit takes 'next' or a visit id"),
        (["--visit", "next", "--sections", "cover,gossip"], "unknown section 'gossip'"),
    ],
)
def test_packet_usage_errors_exit_2_and_write_nothing(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "packet.pdf"
    argv = ["--data-dir", str(demo_dir), "export-packet", *args, "--out", str(out)]
    assert _run(monkeypatch, argv) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("kind", ["request", "authorization", "current-doctor"])
def test_each_letter_kind(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    out = tmp_path / f"{kind}.pdf"
    argv = [
        "--data-dir",
        str(demo_dir),
        "export-letter",
        "--request",
        "1",
        "--kind",
        kind,
        "--out",
        str(out),
        "--paper",
        "a4",
    ]
    assert _run(monkeypatch, argv) == 0
    assert "Confidential health information" in all_text(out.read_bytes())


def test_unknown_request_exits_2(
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = [
        "--data-dir",
        str(demo_dir),
        "export-letter",
        "--request",
        "4242",
        "--kind",
        "request",
        "--out",
        str(tmp_path / "x.pdf"),
    ]
    assert _run(monkeypatch, argv) == 2
    assert "no records request with id 4242" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("locale_name", "paper"),
    [
        ("en_US.UTF-8", Paper.LETTER),
        ("fr_CA", Paper.LETTER),
        ("es-MX", Paper.LETTER),
        ("en_GB.UTF-8", Paper.A4),
        ("de_DE@euro", Paper.A4),
        ("C", Paper.A4),
        ("", Paper.A4),
        (None, Paper.A4),
    ],
)
def test_paper_follows_the_locale(locale_name: str | None, paper: Paper) -> None:
    assert default_paper(locale_name) is paper


def test_sections_are_parsed_in_any_case_and_order() -> None:
    assert parse_sections("Questions, cover,care_team") == (
        Section.QUESTIONS,
        Section.COVER,
        Section.CARE_TEAM,
    )
    assert parse_sections(None) == tuple(Section)
    with pytest.raises(ValueError, match="unknown section 'x'"):
        parse_sections("cover,x")
