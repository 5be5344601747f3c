"""No command may write its output over the vault: exports and backups into the vault's folder
are refused with their own exit code, before anything is written."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from second_opinion.cli import run
from second_opinion.vault.errors import OutputInsideVault
from tests.vault.helpers import snapshot, without_lock_file

PASS = "demo pass\n"


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS))
    return run(argv)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-guard") / "demo"
    with pytest.MonkeyPatch.context() as patch:
        assert _run(patch, ["--data-dir", str(folder), "demo"]) == 0
    return folder


def _targets(demo_dir: Path) -> list[Path]:
    link = demo_dir.parent / "link-to-vault"
    if not link.exists():
        link.symlink_to(demo_dir)
    return [
        demo_dir / "vault.header.json",
        demo_dir / "vault.db",
        demo_dir / "vault.lock",
        demo_dir / "backups" / "x.pdf",
        demo_dir / "new-file.pdf",
        demo_dir / "backups" / ".." / "vault.header.json",
        link / "vault.db",  # a symlink to the vault's folder
        demo_dir.parent / "elsewhere" / ".." / demo_dir.name / "vault.header.json",
    ]


@pytest.mark.parametrize(
    "command",
    [
        ["export-packet", "--visit", "next"],
        ["export-letter", "--request", "1", "--kind", "request"],
        ["backup"],
    ],
    ids=["export-packet", "export-letter", "backup"],
)
def test_output_into_the_vault_folder_is_refused_and_the_vault_still_opens(
    demo_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    before = without_lock_file(snapshot(demo_dir))
    for target in _targets(demo_dir):
        code = _run(monkeypatch, ["--data-dir", str(demo_dir), *command, "--out", str(target)])
        assert code == OutputInsideVault.exit_code == 15, target
        err = capsys.readouterr().err
        assert "vault's own folder" in err and err.count("\n") == 1
    assert without_lock_file(snapshot(demo_dir)) == before
    assert _run(monkeypatch, ["--data-dir", str(demo_dir), "check"]) == 0


def test_a_relative_path_into_the_vault_folder_is_refused(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(demo_dir)
    before = without_lock_file(snapshot(demo_dir))
    for out in ("vault.db", "no-such/../vault.header.json", f"../{demo_dir.name}/vault.db"):
        code = _run(monkeypatch, ["--data-dir", str(demo_dir), "backup", "--out", out])
        assert code == OutputInsideVault.exit_code, out
    assert without_lock_file(snapshot(demo_dir)) == before


def test_output_beside_the_vault_folder_is_still_written(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A sibling whose name starts like the vault's folder is not inside it.
    out = demo_dir.parent / (demo_dir.name + "-exports") / "packet.pdf"
    out.parent.mkdir(exist_ok=True)
    code = _run(
        monkeypatch,
        ["--data-dir", str(demo_dir), "export-packet", "--visit", "next", "--out", str(out)],
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    os.unlink(out)
