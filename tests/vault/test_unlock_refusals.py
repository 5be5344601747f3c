"""Unlock tells a wrong passphrase from a damaged, missing, foreign or newer vault, and
changes nothing on disk when it refuses."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from second_opinion.vault import paths as paths_module
from second_opinion.vault.errors import (
    DataFolderNotWritable,
    NotAVault,
    VaultDamaged,
    VaultExists,
    VaultFromNewerVersion,
    VaultMissing,
    WrongPassphrase,
)
from second_opinion.vault.paths import VaultPaths
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.vault.helpers import add_people, snapshot

PAGE = 4096


@pytest.fixture
def closed_vault(data_dir: Path) -> Path:
    """A vault of several dozen pages, locked again, so damage can land past page 1."""
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    add_people(vault, 300)
    vault.lock()
    assert VaultPaths(data_dir).database.stat().st_size > 20 * PAGE
    return data_dir


def test_wrong_passphrase_is_reported_as_such_and_leaves_every_file_byte_identical(
    closed_vault: Path,
) -> None:
    before = snapshot(closed_vault)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(closed_vault, PASSPHRASE + "!")
    assert snapshot(closed_vault) == before
    assert not (closed_vault / "vault.db-journal").exists()


def _flip_byte(offset: int) -> object:
    def damage(db: Path) -> None:
        data = bytearray(db.read_bytes())
        data[offset] ^= 0x5A
        db.write_bytes(bytes(data))

    return damage


def _random_bytes_in_the_middle(db: Path) -> None:
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 512] = os.urandom(512)
    db.write_bytes(bytes(data))


def _truncate_to_half(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: (len(data) // 2) // PAGE * PAGE])


def _truncate_mid_page(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) - 1000])


DAMAGE = {
    "tampered first page": _flip_byte(200),
    "tampered data page": _flip_byte(7 * PAGE + 300),
    "tampered last page": _flip_byte(-50),
    "512 random bytes in the middle": _random_bytes_in_the_middle,
    "truncated to half": _truncate_to_half,
    "truncated mid-page": _truncate_mid_page,
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_file_is_reported_as_damaged_never_as_wrong_passphrase_and_left_untouched(
    closed_vault: Path, damage: object
) -> None:
    db = VaultPaths(closed_vault).database
    damage(db)  # type: ignore[operator]
    before = snapshot(closed_vault)

    with pytest.raises(VaultDamaged):
        Vault.unlock(closed_vault, PASSPHRASE)
    assert snapshot(closed_vault) == before


def test_damage_appearing_while_the_vault_is_open_is_found_by_integrity_check(
    closed_vault: Path,
) -> None:
    vault = Vault.unlock(closed_vault, PASSPHRASE)
    try:
        assert vault.integrity_check().ok
        _random_bytes_in_the_middle(vault.paths.database)
        report = vault.integrity_check()
        assert not report.ok
        assert any("cipher_integrity_check" in problem for problem in report.problems)
    finally:
        vault.lock()


def test_damaged_file_opened_with_a_remembered_key_is_reported_as_damaged(
    closed_vault: Path,
) -> None:
    vault = Vault.unlock(closed_vault, PASSPHRASE)
    key = vault.key.copy()
    vault.lock()
    _flip_byte(200)(vault.paths.database)  # type: ignore[operator]
    with pytest.raises(VaultDamaged):
        Vault.unlock_with_key(closed_vault, key)


@pytest.mark.parametrize("state", ["empty", "missing"])
def test_empty_or_missing_database_beside_its_header_is_reported_missing_and_not_recreated(
    closed_vault: Path, state: str
) -> None:
    db = VaultPaths(closed_vault).database
    if state == "empty":
        db.write_bytes(b"")
    else:
        db.unlink()
    before = snapshot(closed_vault)

    with pytest.raises(VaultMissing):
        Vault.unlock(closed_vault, PASSPHRASE)
    with pytest.raises(VaultExists):
        Vault.create(closed_vault, PASSPHRASE, kdf=TEST_KDF)
    assert snapshot(closed_vault) == before
    assert (db.exists(), db.exists() and db.stat().st_size) == (state == "empty", 0)


def _plain_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('plain')")
    conn.commit()
    conn.close()


def test_plain_sqlite_file_in_place_of_the_vault_is_not_a_vault(closed_vault: Path) -> None:
    db = VaultPaths(closed_vault).database
    db.unlink()
    _plain_sqlite(db)
    before = snapshot(closed_vault)
    with pytest.raises(NotAVault):
        Vault.unlock(closed_vault, PASSPHRASE)
    assert snapshot(closed_vault) == before


def test_folder_holding_only_a_plain_sqlite_file_is_not_a_vault(data_dir: Path) -> None:
    data_dir.mkdir()
    _plain_sqlite(VaultPaths(data_dir).database)
    before = snapshot(data_dir)
    with pytest.raises(NotAVault):
        Vault.unlock(data_dir, PASSPHRASE)
    assert snapshot(data_dir) == before


def test_vault_from_a_newer_app_is_refused_and_left_unchanged(closed_vault: Path) -> None:
    vault = Vault.unlock(closed_vault, PASSPHRASE)
    with vault.session() as s:
        s.execute(text("UPDATE alembic_version SET version_num = 'f0f0f0_from_the_future'"))
    vault.lock()
    before = snapshot(closed_vault)

    with pytest.raises(VaultFromNewerVersion):
        Vault.unlock(closed_vault, PASSPHRASE)
    assert snapshot(closed_vault) == before
    assert not (closed_vault / "backups").exists()


def test_data_folder_below_a_regular_file_is_reported_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DataFolderNotWritable):
        Vault.create(blocker / "vault", PASSPHRASE, kdf=TEST_KDF)
    assert blocker.read_text() == "x"


def test_data_folder_refusing_new_files_is_reported_not_writable(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Running as root, permissions cannot deny a write; make the folder refuse it instead.
    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(paths_module.tempfile, "mkstemp", refuse)
    with pytest.raises(DataFolderNotWritable):
        Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    assert not VaultPaths(data_dir).exists()


def test_unlocking_where_the_lock_file_cannot_be_created_is_reported_not_writable(
    closed_vault: Path,
) -> None:
    lock_file = VaultPaths(closed_vault).lock
    lock_file.unlink(missing_ok=True)
    lock_file.mkdir()  # something that cannot be opened as the lock file
    before = snapshot(closed_vault)
    with pytest.raises(DataFolderNotWritable):
        Vault.unlock(closed_vault, PASSPHRASE)
    assert snapshot(closed_vault) == before


@pytest.mark.parametrize(
    "spoil",
    [
        lambda header: header.write_bytes(header.read_bytes()[:40]),
        lambda header: header.write_bytes(b"\x00" * 300),
        lambda header: header.write_text('{"magic": "second-opinion-vault", "format": 1}'),
    ],
    ids=["truncated", "zeroed", "fields missing"],
)
def test_damaged_header_and_copy_beside_the_database_are_reported_damaged_and_left_untouched(
    closed_vault: Path, spoil: object
) -> None:
    # Both: with its copy intact, a damaged header is rebuilt (see test_header_copy.py).
    spoil(VaultPaths(closed_vault).header)  # type: ignore[operator]
    spoil(VaultPaths(closed_vault).header_copy)  # type: ignore[operator]
    before = snapshot(closed_vault)
    with pytest.raises(VaultDamaged):
        Vault.unlock(closed_vault, PASSPHRASE)
    assert snapshot(closed_vault) == before


def test_unreadable_database_path_is_reported_damaged_not_as_a_crash(closed_vault: Path) -> None:
    db = VaultPaths(closed_vault).database
    db.unlink()
    db.mkdir()  # something that is there but cannot be read as a file
    with pytest.raises(VaultDamaged):
        Vault.unlock(closed_vault, PASSPHRASE)
    assert db.is_dir() and not any(db.iterdir())
