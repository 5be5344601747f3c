"""``search TEXT [--json]`` and ``check --reindex`` as a script would call them."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from second_opinion.cli import run
from second_opinion.vault.vault import Vault

PASS = "demo pass"


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS + "\n"))
    return run(argv)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-search") / "demo"
    with pytest.MonkeyPatch.context() as patch:
        assert _run(patch, ["--data-dir", str(folder), "demo"]) == 0
    return folder


def _search(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    capsys.readouterr()
    code = _run(monkeypatch, ["--data-dir", str(demo_dir), "search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_kind_id_title_and_person(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _search(demo_dir, monkeypatch, capsys, "tanaka", "--json")
    assert code == 0 and err == ""
    hits = json.loads(out)
    assert hits and {"kind", "id", "title", "person"} <= set(hits[0])
    contact = next(hit for hit in hits if hit["kind"] == "contact")
    assert contact["title"] == "Dr. Aiko Tanaka" and contact["person"] is None
    assert any(hit["person"] == "Maria Example" for hit in hits if hit["kind"] != "contact")


def test_plain_output_groups_by_kind(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _search(demo_dir, monkeypatch, capsys, "Tanaka")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Contacts"
    assert "Dr. Aiko Tanaka" in lines[1] and "shared contact" in lines[1]


@pytest.mark.parametrize("typed", ["312 555 0177", "3125550177", "+1 (312) 555-0177"])
def test_phone_numbers_match_in_any_format(
    demo_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    typed: str,
) -> None:
    _code, out, _err = _search(demo_dir, monkeypatch, capsys, typed, "--json")
    assert [hit["title"] for hit in json.loads(out)] == ["Dr. Aiko Tanaka"]


def test_accents_and_a_typo_are_forgiven(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, out, _err = _search(demo_dir, monkeypatch, capsys, "tanaak", "--json")
    hits = json.loads(out)
    assert hits and all(hit["fuzzy"] for hit in hits)
    assert "Dr. Aiko Tanaka" in [hit["title"] for hit in hits]


@pytest.mark.parametrize("typed", ['"', "NEAR(", "a*b", "(x OR", "x" * 10_000, "", "   "])
def test_odd_text_is_plain_text_and_never_an_error(
    demo_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    typed: str,
) -> None:
    code, out, err = _search(demo_dir, monkeypatch, capsys, typed, "--json")
    assert code == 0 and err == ""
    assert isinstance(json.loads(out), list)


def test_nothing_found_says_so_calmly(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _search(demo_dir, monkeypatch, capsys, "zzzqqqxxx")
    assert (code, out) == (0, "Nothing matches.\n")
    code, out, _err = _search(demo_dir, monkeypatch, capsys, "--", "-")
    assert (code, out) == (0, "Nothing matches.\n")


def test_wrong_passphrase_is_refused_like_every_command(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("wrong\n"))
    code = run(["--data-dir", str(demo_dir), "search", "tanaka"])
    assert code == 3
    assert capsys.readouterr().out == ""


def test_check_reindex_rebuilds_a_damaged_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    assert _run(monkeypatch, ["--data-dir", str(folder), "demo"]) == 0
    with Vault.unlock(folder, PASS) as vault, vault.session() as session:
        session.execute(text("DELETE FROM search_index_data WHERE id > 1"))
    assert _run(monkeypatch, ["--data-dir", str(folder), "check"]) != 0

    capsys.readouterr()
    assert _run(monkeypatch, ["--data-dir", str(folder), "check", "--reindex"]) == 0
    out = capsys.readouterr().out
    assert "search index was rebuilt" in out and "intact" in out
    _code, out, _err = _search(folder, monkeypatch, capsys, "tanaka", "--json")
    assert "Dr. Aiko Tanaka" in [hit["title"] for hit in json.loads(out)]
