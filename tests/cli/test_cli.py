"""The command line as a script would use it: passphrases on stdin, exit codes, messages."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from second_opinion.cli import run
from second_opinion.vault.errors import VaultDamaged, WrongPassphrase

DEMO_WORDS = [
    "Maria Example",
    "Tomás Example",
    "Helen Ward",
    "Aiko Tanaka",
    "Riverbend",
    "Northfield",
    "mastectomy",
    "invasive ductal carcinoma",
    "Penicillin",
    "Lisinopril",
    "PMH-4471-0923",
]


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return run(argv)


@pytest.fixture
def demo_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "demo"
    assert _run(monkeypatch, ["--data-dir", str(folder), "demo"], "demo pass\n") == 0
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_demo_vault_has_no_readable_words_on_disk(demo_dir: Path) -> None:
    files = _snapshot(demo_dir)
    assert "vault.db" in files
    for name, content in files.items():
        assert not content.startswith(b"SQLite format 3"), name
        for word in DEMO_WORDS:
            for encoding in ("utf-8", "utf-16-le"):
                assert word.encode(encoding) not in content, (name, word)


def test_check_passes_on_a_healthy_vault(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(monkeypatch, ["--data-dir", str(demo_dir), "check"], "demo pass\n") == 0
    assert "intact" in capsys.readouterr().out


def test_wrong_passphrase_exits_with_its_own_code_and_changes_nothing(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(demo_dir)
    code = _run(monkeypatch, ["--data-dir", str(demo_dir), "check"], "not it\n")
    assert code == WrongPassphrase.exit_code != 0
    assert "passphrase" in capsys.readouterr().err.lower()
    assert _snapshot(demo_dir) == before


def test_random_bytes_in_the_middle_are_reported_as_damage(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = demo_dir / "vault.db"
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 512] = os.urandom(512)
    db.write_bytes(bytes(data))
    code = _run(monkeypatch, ["--data-dir", str(demo_dir), "check"], "demo pass\n")
    assert code == VaultDamaged.exit_code
    err = capsys.readouterr().err.lower()
    assert "damaged" in err
    assert "wrong passphrase" not in err


def test_passwd_then_only_the_new_passphrase_opens(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["--data-dir", str(demo_dir)]
    assert _run(monkeypatch, [*args, "passwd"], "demo pass\nnew pass\n") == 0
    assert _run(monkeypatch, [*args, "check"], "demo pass\n") == WrongPassphrase.exit_code
    assert _run(monkeypatch, [*args, "check"], "new pass\n") == 0


def test_backup_and_restore_round_trip(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from second_opinion.services.people import add_person, list_people
    from second_opinion.vault.vault import Vault

    backup = tmp_path / "out" / "b.sobackup"
    args = ["--data-dir", str(demo_dir)]
    assert _run(monkeypatch, [*args, "backup", "--out", str(backup)], "demo pass\n") == 0
    with Vault.unlock(demo_dir, "demo pass") as vault, vault.session() as s:
        before = list_people(s)
        add_person(s, "Added after the backup")
    assert _run(monkeypatch, [*args, "restore", str(backup)], "demo pass\n") == 0
    with Vault.unlock(demo_dir, "demo pass") as vault, vault.session() as s:
        assert list_people(s) == before


def test_init_refuses_to_overwrite_an_existing_vault(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(demo_dir)
    code = _run(monkeypatch, ["--data-dir", str(demo_dir), "init"], "other\n")
    assert code != 0
    assert _snapshot(demo_dir) == before


def test_usage_errors_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(monkeypatch, ["no-such-command"], "") == 2


def test_the_installed_script_reports_its_version() -> None:
    from second_opinion import __version__

    result = subprocess.run(
        [sys.executable, "-m", "second_opinion", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert __version__ in result.stdout
