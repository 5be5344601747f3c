"""Odd input (issue 23.5): every bad case is one line and its own exit code, never a
traceback, and leaves no stray file (.vault.db.creating, lock files, temp files) behind."""

from __future__ import annotations

import errno
import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

from second_opinion.cli import run
from second_opinion.vault import instance_lock
from second_opinion.vault import paths as paths_module
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF

GOOD = PASSPHRASE + "\n"
LONG_NAME = "n" * 300
VAULT_FILES = ["vault.db", "vault.header.copy.json", "vault.header.json", "vault.lock"]


def _listing(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _cli(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    stdin: bytes | str = GOOD,
) -> tuple[int, str]:
    raw = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    # What Python gives a script reading a pipe: UTF-8, with undecodable bytes escaped.
    text = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors="surrogateescape")
    monkeypatch.setattr(sys, "stdin", text)
    capsys.readouterr()
    code = run(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) <= 1, err
    return code, err


@pytest.fixture
def existing(data_dir: Path) -> Path:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    return data_dir


# --------------------------------------------------------------- passphrases on stdin
@pytest.mark.parametrize("command", ["init", "demo"])
def test_invalid_utf8_for_a_new_vault_is_refused_and_nothing_is_created(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    folder = tmp_path / "vault"
    code, err = _cli(monkeypatch, capsys, ["--data-dir", str(folder), command], b"\xff\xfe ok\n")
    assert code == 2 and "not valid text" in err
    assert not folder.exists()


@pytest.mark.parametrize("command", ["check", "passwd"])
def test_invalid_utf8_to_unlock_is_refused_and_nothing_changes(
    existing: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    before = _listing(existing)
    code, err = _cli(monkeypatch, capsys, ["--data-dir", str(existing), command], b"\xc3\x28\n")
    assert code == 2 and "not valid text" in err
    assert _listing(existing) == before


def test_invalid_utf8_as_the_new_passphrase_changes_nothing(
    existing: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = GOOD.encode() + b"\xed\xa0\x80 new\n"
    code, _ = _cli(monkeypatch, capsys, ["--data-dir", str(existing), "passwd"], stdin)
    assert code == 2
    assert _listing(existing) == VAULT_FILES
    Vault.unlock(existing, PASSPHRASE).lock()


def test_invalid_utf8_with_pw_stdin_for_the_app_is_refused(tmp_path: Path) -> None:
    from second_opinion.app import build_window
    from second_opinion.vault.errors import PassphraseNotText

    folder = tmp_path / "vault"
    with pytest.raises(PassphraseNotText):
        build_window(folder, b"\xff abc".decode("utf-8", "surrogateescape"))
    assert not folder.exists()


# --------------------------------------------------------------- names and paths too long
@pytest.mark.parametrize("command", ["backup", "export-packet"])
def test_an_out_file_name_over_255_characters_is_refused_before_anything(
    existing: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    out = tmp_path / "exports" / LONG_NAME
    argv = ["--data-dir", str(existing), command, "--out", str(out)]
    if command == "export-packet":
        argv += ["--visit", "next"]
    code, err = _cli(monkeypatch, capsys, argv)
    assert code == 2 and "too long" in err
    assert _listing(existing) == VAULT_FILES
    assert not out.parent.exists()


@pytest.mark.parametrize("command", ["init", "demo", "check", "restore"])
def test_a_data_folder_name_over_255_characters_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    argv = ["--data-dir", str(tmp_path / LONG_NAME), command]
    if command == "restore":
        argv.append(str(tmp_path / "b.sobackup"))
    code, err = _cli(monkeypatch, capsys, argv)
    assert code == 8 and "name is too long" in err
    assert _listing(tmp_path) == []


def test_a_data_folder_path_too_long_for_sqlite_is_refused_before_anything_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / ("b" * 200) / ("c" * 200) / ("d" * 200)
    code, err = _cli(monkeypatch, capsys, ["--data-dir", str(folder), "init"])
    assert code == 8 and "path is too long" in err
    assert _listing(tmp_path) == []


def test_a_create_that_sqlite_cannot_open_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Past the up-front checks (e.g. a file system with a lower limit): SQLite cannot open.
    monkeypatch.setattr(paths_module, "_SQLITE_MAX_PATH", 10_000)
    folder = tmp_path / ("b" * 200) / ("c" * 200) / ("d" * 200)
    code, err = _cli(monkeypatch, capsys, ["--data-dir", str(folder), "init"])
    assert code == 8 and "could not be created" in err
    assert not folder.exists()


# --------------------------------------------------------------- no permission (simulated)
def _deny(monkeypatch: pytest.MonkeyPatch, module: object, name: str, suffix: str) -> None:
    real = getattr(module, name)

    def denied(path: object, *args: object, **kwargs: object) -> object:
        if str(kwargs.get("dir", path)).endswith(suffix) or str(path).endswith(suffix):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(module, name, denied)


def test_init_in_a_read_only_folder_is_refused_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    real_mkstemp = paths_module.tempfile.mkstemp

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        if Path(str(kwargs.get("dir"))) == folder:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(paths_module.tempfile, "mkstemp", mkstemp)
    code, err = _cli(monkeypatch, capsys, ["--data-dir", str(folder), "init"])
    assert code == 8 and "cannot be written" in err
    assert _listing(folder) == []


def test_unlock_where_the_lock_file_cannot_be_opened_is_refused(
    existing: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _deny(monkeypatch, instance_lock.os, "open", "vault.lock")
    code, _ = _cli(monkeypatch, capsys, ["--data-dir", str(existing), "check"])
    assert code == 8
    assert _listing(existing) == VAULT_FILES


def test_backup_into_a_read_only_folder_is_refused_and_leaves_no_temp_file(
    existing: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out_dir = tmp_path / "read-only-out"
    out_dir.mkdir()
    import second_opinion.vault.vault as vault_module

    real_mkstemp = vault_module.tempfile.mkstemp

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        if Path(str(kwargs.get("dir"))) == out_dir:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(vault_module.tempfile, "mkstemp", mkstemp)
    argv = ["--data-dir", str(existing), "backup", "--out", str(out_dir / "b.sobackup")]
    code, _ = _cli(monkeypatch, capsys, argv)
    assert code == 13
    assert _listing(existing) == VAULT_FILES
    assert _listing(out_dir) == []


# --------------------------------------------------------------- damaged headers and backups
@pytest.mark.parametrize("value", ["Infinity", "NaN", "-Infinity", "1e999"])
def test_a_header_with_non_numbers_is_refused(
    existing: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    value: str,
) -> None:
    header = existing / "vault.header.json"
    text = header.read_text()
    crafted = text.replace('"iterations": 2', f'"iterations": {value}')
    assert crafted != text
    header.write_text(crafted)
    (existing / "vault.header.copy.json").write_text(crafted)
    code, _ = _cli(monkeypatch, capsys, ["--data-dir", str(existing), "check"])
    assert code in (4, 6)
    assert _listing(existing) == VAULT_FILES


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_header_that_is_a_folder_or_a_fifo_is_refused_without_hanging(
    existing: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    for name in ("vault.header.json", "vault.header.copy.json"):
        (existing / name).unlink()
        if kind == "folder":
            (existing / name).mkdir()
        else:
            os.mkfifo(existing / name)
    before = _listing(existing)
    code, err = _cli(monkeypatch, capsys, ["--data-dir", str(existing), "check"])
    assert code in (4, 6) and "header" in err
    assert _listing(existing) == before


@pytest.fixture
def backup(existing: Path, tmp_path: Path) -> Path:
    with Vault.unlock(existing, PASSPHRASE) as vault:
        return vault.backup_to(tmp_path / "good.sobackup")


def test_a_bit_flipped_backup_is_refused_and_leaves_no_staged_file(
    existing: Path,
    backup: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = bytearray(backup.read_bytes())
    with zipfile.ZipFile(backup) as archive:
        info = archive.getinfo("vault.db")
    middle = info.header_offset + 30 + len(info.filename) + info.file_size // 2
    data[middle] ^= 0x10
    flipped = tmp_path / "flipped.sobackup"
    flipped.write_bytes(bytes(data))
    before = _listing(existing)
    code, err = _cli(monkeypatch, capsys, ["--data-dir", str(existing), "restore", str(flipped)])
    assert code == 4 and "damaged" in err
    assert _listing(existing) == before


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.99])
def test_a_truncated_backup_is_refused_and_leaves_no_staged_file(
    existing: Path,
    backup: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    keep: float,
) -> None:
    data = backup.read_bytes()
    cut = tmp_path / "cut.sobackup"
    cut.write_bytes(data[: int(len(data) * keep)])
    before = _listing(existing)
    code, _ = _cli(monkeypatch, capsys, ["--data-dir", str(existing), "restore", str(cut)])
    assert code in (4, 6)
    assert _listing(existing) == before
