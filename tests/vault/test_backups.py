"""Backups: consistent while others write, atomic when they fail, checked before a restore."""

from __future__ import annotations

import errno
import shutil
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from second_opinion.domain.models import Person
from second_opinion.vault import vault as vault_module
from second_opinion.vault.errors import (
    BackupFailed,
    NotAVault,
    VaultDamaged,
    VaultFromNewerVersion,
    WrongPassphrase,
)
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.vault.helpers import add_people, names, snapshot, without_lock_file


def test_backup_taken_during_writes_opens_with_the_same_key_and_holds_all_earlier_commits(
    vault: Vault, tmp_path: Path
) -> None:
    add_people(vault, 200, prefix="seed")
    committed: list[str] = []
    stop = threading.Event()
    enough = threading.Event()

    def keep_writing() -> None:
        i = 0
        while not stop.is_set():
            with vault.session() as s:
                s.add(Person(name=f"written {i}", condition="w" * 500))
            committed.append(f"written {i}")
            if i == 20:
                enough.set()
            i += 1
            time.sleep(0.002)  # a brisk typist, not a tight loop that starves every reader

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        assert enough.wait(30)
        before = set(committed)
        backup = vault.backup_to(tmp_path / "during-writes.sobackup")
        written_during_backup = len(committed)
        assert enough.wait(30)
    finally:
        stop.set()
        writer.join(30)
    assert len(committed) >= written_during_backup

    restored_dir = tmp_path / "restored"
    Vault.restore(restored_dir, backup, PASSPHRASE)
    restored = Vault.unlock_with_key(restored_dir, vault.key.copy())
    try:
        held = names(restored)
        assert {f"seed {i}" for i in range(200)} <= held
        assert before <= held
        report = restored.integrity_check()
        assert report.ok, report.problems
    finally:
        restored.lock()


def _fail_in_the_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    def write_half_then_fail(self: zipfile.ZipFile, filename: Any, arcname: Any = None) -> None:
        data = Path(filename).read_bytes()
        with self.open(str(arcname), "w") as member:
            member.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", write_half_then_fail)


def _fail_in_the_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    def copy_half_then_fail(source: Path, key: Any, target: Path) -> None:
        target.write_bytes(source.read_bytes()[:8192])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(vault_module, "_snapshot_database", copy_half_then_fail)


@pytest.mark.parametrize(
    "fail",
    [_fail_in_the_archive, _fail_in_the_snapshot],
    ids=["disk full while writing the archive", "disk full while copying the database"],
)
def test_backup_failing_half_way_leaves_the_previous_backup_identical_and_no_partial_file(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: Any
) -> None:
    add_people(vault, 10)
    shelf = tmp_path / "shelf"
    destination = vault.backup_to(shelf / "weekly.sobackup")
    previous = destination.read_bytes()
    vault_files = set(snapshot(vault.paths.folder))
    add_people(vault, 10, prefix="newer")

    fail(monkeypatch)
    with pytest.raises(BackupFailed):
        vault.backup_to(destination)

    assert destination.read_bytes() == previous
    assert sorted(p.name for p in shelf.iterdir()) == ["weekly.sobackup"]
    assert set(snapshot(vault.paths.folder)) == vault_files


@pytest.fixture
def backup_and_live(vault: Vault, data_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A backup holding "old" rows, and a locked live vault holding "old" and "new" ones."""
    add_people(vault, 5, prefix="old")
    backup = vault.backup_to(tmp_path / "old.sobackup")
    add_people(vault, 5, prefix="new")
    vault.lock()
    return backup, data_dir


OLD_NAMES = {f"old {i}" for i in range(5)}
NEW_NAMES = {f"new {i}" for i in range(5)}


def test_restore_brings_back_the_backup_and_keeps_the_live_vault_as_a_pre_restore_copy(
    backup_and_live: tuple[Path, Path], tmp_path: Path
) -> None:
    backup, live = backup_and_live
    kept = Vault.restore(live, backup, PASSPHRASE)

    restored = Vault.unlock(live, PASSPHRASE)
    try:
        assert names(restored) == OLD_NAMES
    finally:
        restored.lock()

    assert kept is not None and kept.parent == live / "backups"
    reopened_copy = tmp_path / "pre-restore-copy"
    shutil.copytree(kept, reopened_copy)
    previous = Vault.unlock(reopened_copy, PASSPHRASE)
    try:
        assert names(previous) == OLD_NAMES | NEW_NAMES
    finally:
        previous.lock()


def _assert_live_vault_untouched(live: Path, before: dict[str, bytes]) -> None:
    assert without_lock_file(snapshot(live)) == without_lock_file(before)
    assert not (live / "backups").exists()
    vault = Vault.unlock(live, PASSPHRASE)
    try:
        assert names(vault) == OLD_NAMES | NEW_NAMES
    finally:
        vault.lock()


def test_restore_refuses_a_backup_made_under_another_passphrase_before_touching_the_vault(
    backup_and_live: tuple[Path, Path],
) -> None:
    backup, live = backup_and_live
    vault = Vault.unlock(live, PASSPHRASE)
    vault.change_passphrase(PASSPHRASE, "newer passphrase", kdf=TEST_KDF)
    vault.change_passphrase("newer passphrase", PASSPHRASE, kdf=TEST_KDF)
    vault.lock()
    before = snapshot(live)

    with pytest.raises(WrongPassphrase):
        Vault.restore(live, backup, "newer passphrase")
    _assert_live_vault_untouched(live, before)


def _rewrite_backup(backup: Path, target: Path, change_db: Any) -> Path:
    with zipfile.ZipFile(backup) as archive:
        header = archive.read("vault.header.json")
        db = archive.read("vault.db")
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("vault.header.json", header)
        archive.writestr("vault.db", change_db(db))
    return target


def _flip(data: bytes, offset: int) -> bytes:
    changed = bytearray(data)
    changed[offset] ^= 0x5A
    return bytes(changed)


def _other_vaults_database(tmp_path: Path) -> bytes:
    other = Vault.create(tmp_path / "other", PASSPHRASE, kdf=TEST_KDF)
    other.lock()
    return other.paths.database.read_bytes()


BAD_BACKUPS = {
    "database encrypted with another key": lambda b, t: _rewrite_backup(
        b, t / "mismatch.sobackup", lambda db: _other_vaults_database(t)
    ),
    "tampered page, checksums redone": lambda b, t: _rewrite_backup(
        b, t / "tampered.sobackup", lambda db: _flip(db, len(db) - 3000)
    ),
    "truncated database, checksums redone": lambda b, t: _rewrite_backup(
        b, t / "truncated.sobackup", lambda db: db[: len(db) // 2]
    ),
    "bytes changed inside the archive": lambda b, t: _corrupt_archive_member(b),
}


def _corrupt_archive_member(backup: Path) -> Path:
    data = bytearray(backup.read_bytes())
    position = data.rfind(b"vault.db") - 2000  # inside the database member's bytes
    data[position] ^= 0xFF
    backup.write_bytes(bytes(data))
    return backup


@pytest.mark.parametrize("spoil", BAD_BACKUPS.values(), ids=BAD_BACKUPS.keys())
def test_restore_refuses_a_damaged_backup_before_touching_the_vault(
    backup_and_live: tuple[Path, Path], tmp_path: Path, spoil: Any
) -> None:
    backup, live = backup_and_live
    bad = spoil(backup, tmp_path)
    before = snapshot(live)
    with pytest.raises(VaultDamaged):
        Vault.restore(live, bad, PASSPHRASE)
    _assert_live_vault_untouched(live, before)


def test_restore_refuses_a_file_that_is_not_a_backup(
    backup_and_live: tuple[Path, Path], tmp_path: Path
) -> None:
    _, live = backup_and_live
    stranger = tmp_path / "holiday.sobackup"
    stranger.write_bytes(b"PK\x03\x04 not really a zip")
    before = snapshot(live)
    with pytest.raises(NotAVault):
        Vault.restore(live, stranger, PASSPHRASE)
    _assert_live_vault_untouched(live, before)


def test_restore_refuses_a_backup_from_a_newer_app(
    vault: Vault, data_dir: Path, tmp_path: Path
) -> None:
    from sqlalchemy import text

    add_people(vault, 5, prefix="old")
    add_people(vault, 5, prefix="new")
    with vault.session() as s:
        s.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
    future = vault.backup_to(tmp_path / "future.sobackup")
    with vault.session() as s:
        s.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": _head()})
    vault.lock()
    before = snapshot(data_dir)
    with pytest.raises(VaultFromNewerVersion):
        Vault.restore(data_dir, future, PASSPHRASE)
    _assert_live_vault_untouched(data_dir, before)


def _head() -> str:
    from second_opinion.vault.migrate import head_revision

    return head_revision()
