"""A full disk and a second running instance: a clear refusal, and earlier data intact."""

from __future__ import annotations

import errno
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import text

from second_opinion.domain.models import Person
from second_opinion.vault import connection as connection_module
from second_opinion.vault import header as header_module
from second_opinion.vault import vault as vault_module
from second_opinion.vault.connection import open_keyed
from second_opinion.vault.errors import CouldNotSave, VaultInUse, WrongPassphrase
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.vault.helpers import Child, add_people, count_people, names, snapshot


def _fill_the_disk(session: object) -> None:
    """Cap the file at its current size, as a full disk would (SQLITE_FULL on the next page)."""
    pages = session.execute(text("PRAGMA page_count")).scalar_one()  # type: ignore[attr-defined]
    session.execute(text(f"PRAGMA max_page_count = {int(pages)}"))  # type: ignore[attr-defined]


def test_disk_full_while_saving_raises_could_not_save_and_keeps_earlier_data(
    vault: Vault, data_dir: Path
) -> None:
    add_people(vault, 5, prefix="saved")

    with pytest.raises(CouldNotSave), vault.session() as s:
        _fill_the_disk(s)
        s.add_all(Person(name=f"unsaved {i}", condition="z" * 4000) for i in range(50))

    vault.lock()
    reopened = Vault.unlock(data_dir, PASSPHRASE)
    try:
        assert names(reopened) == {f"saved {i}" for i in range(5)}
        assert reopened.integrity_check().ok
        add_people(reopened, 1, prefix="after space was freed")
        assert count_people(reopened) == 6
    finally:
        reopened.lock()


def test_database_refusing_writes_while_saving_raises_could_not_save(vault: Vault) -> None:
    add_people(vault, 2, prefix="saved")
    with pytest.raises(CouldNotSave), vault.session() as s:
        raw = s.connection().connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA query_only = ON")  # SQLITE_READONLY, as from a read-only file
        s.add(Person(name="unsaved"))
        s.flush()
    raw.execute("PRAGMA query_only = OFF")
    assert names(vault) == {"saved 0", "saved 1"}


def test_a_second_unlock_in_the_same_process_is_refused_as_in_use(
    vault: Vault, data_dir: Path
) -> None:
    add_people(vault, 3)
    before = snapshot(data_dir)
    with pytest.raises(VaultInUse):
        Vault.unlock(data_dir, PASSPHRASE)
    assert snapshot(data_dir) == before
    add_people(vault, 1, prefix="still usable")
    assert count_people(vault) == 4
    assert vault.integrity_check().ok


def _hold_open(send: Connection, folder: Path) -> None:
    vault = Vault.unlock(folder, PASSPHRASE)
    add_people(vault, 1, prefix="other process")
    send.send("holding")
    while True:
        add_people(vault, 1, prefix="other process")


def test_a_second_instance_in_another_process_is_refused_without_corruption(
    data_dir: Path,
) -> None:
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    vault.lock()
    child = Child(_hold_open, data_dir)
    try:
        child.wait_for("holding")
        with pytest.raises(VaultInUse):
            Vault.unlock(data_dir, PASSPHRASE)
        with pytest.raises(VaultInUse):
            Vault.restore(data_dir, data_dir / "whatever.sobackup", PASSPHRASE)
    finally:
        child.kill()
    again = Vault.unlock(data_dir, PASSPHRASE)
    try:
        assert count_people(again) >= 1
        assert again.integrity_check().ok
    finally:
        again.lock()


def _hold_exclusive_lock_briefly(vault: Vault) -> threading.Thread:
    """Another connection mid-commit: it holds the whole file for a moment, then lets go."""
    holder = open_keyed(vault.paths.database, vault.key)
    holder.execute("BEGIN EXCLUSIVE")

    def release() -> None:
        time.sleep(0.4)
        holder.execute("COMMIT")
        holder.close()

    thread = threading.Thread(target=release)
    thread.start()
    return thread


def test_integrity_check_during_another_commit_waits_instead_of_reporting_damage(
    vault: Vault,
) -> None:
    add_people(vault, 3)
    holder = _hold_exclusive_lock_briefly(vault)
    try:
        report = vault.integrity_check()
    finally:
        holder.join()
    assert report.ok, report.problems


def test_backup_during_another_commit_waits_instead_of_failing(
    vault: Vault, tmp_path: Path
) -> None:
    add_people(vault, 3)
    holder = _hold_exclusive_lock_briefly(vault)
    try:
        backup = vault.backup_to(tmp_path / "busy.sobackup")
    finally:
        holder.join()
    restored = tmp_path / "restored"
    Vault.restore(restored, backup, PASSPHRASE)
    again = Vault.unlock(restored, PASSPHRASE)
    try:
        assert count_people(again) == 3
    finally:
        again.lock()


def test_database_held_by_another_program_is_reported_in_use_never_damaged(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    add_people(vault, 3)
    key = vault.key.copy()
    vault.lock()
    # A database browser or sync tool that ignores our lock file and sits on the database.
    foreign = open_keyed(data_dir / "vault.db", key)
    foreign.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(connection_module, "BUSY_TIMEOUT_MS", 50)
    before = snapshot(data_dir)
    try:
        with pytest.raises(VaultInUse):
            Vault.unlock(data_dir, PASSPHRASE)
    finally:
        foreign.execute("ROLLBACK")
        foreign.close()
    assert snapshot(data_dir) == before
    Vault.unlock(data_dir, PASSPHRASE).lock()


def test_disk_full_while_writing_the_new_key_slot_keeps_the_old_passphrase(
    vault: Vault, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_people(vault, 3)
    header_before = (data_dir / "vault.header.json").read_bytes()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(header_module, "atomic_write_bytes", full)
    with pytest.raises(CouldNotSave):
        vault.change_passphrase(PASSPHRASE, "never applied", kdf=TEST_KDF)
    monkeypatch.undo()

    assert (data_dir / "vault.header.json").read_bytes() == header_before
    assert count_people(vault) == 3  # the open vault goes on working
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, "never applied")
    Vault.unlock(data_dir, PASSPHRASE).lock()


def test_disk_full_during_the_rekey_keeps_the_old_passphrase_and_every_row(
    vault: Vault, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_people(vault, 30)
    real_open = vault_module.open_keyed

    class FullDuringRekey:
        def __init__(self, conn: Any) -> None:
            self._conn = conn

        def execute(self, sql: str) -> Any:
            if sql.startswith("PRAGMA rekey"):
                # What SQLite reports when the journal cannot grow; it undoes the transaction.
                raise sqlcipher3.OperationalError("database or disk is full")
            return self._conn.execute(sql)

        def reset_key(self, literal: bytearray) -> None:  # sqlite3_rekey: what the re-key uses
            raise sqlcipher3.OperationalError("database or disk is full")

        def close(self) -> None:
            self._conn.close()

    monkeypatch.setattr(vault_module, "open_keyed", lambda p, k: FullDuringRekey(real_open(p, k)))
    with pytest.raises(CouldNotSave):
        vault.change_passphrase(PASSPHRASE, "never applied", kdf=TEST_KDF)
    monkeypatch.undo()

    assert count_people(vault) == 30
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, "never applied")
    again = Vault.unlock(data_dir, PASSPHRASE)
    try:
        assert count_people(again) == 30
        assert again.integrity_check().ok
    finally:
        again.lock()
