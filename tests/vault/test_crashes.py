"""Killed with -9 at random moments: nothing acknowledged is lost and exactly one passphrase
opens the vault."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from second_opinion.domain.enums import QuestionCategory
from second_opinion.domain.models import Contact, Person, Question, Visit
from second_opinion.vault import vault as vault_module
from second_opinion.vault.errors import WrongPassphrase
from second_opinion.vault.header import VaultHeader
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.vault.helpers import Child, add_people, count_people

pytestmark = pytest.mark.slow


def _write_forever(send: Connection, folder: Path, round_no: int) -> None:
    vault = Vault.unlock(folder, PASSPHRASE)
    send.send("ready")
    i = 0
    while True:
        with vault.session() as s:
            s.add(Person(name=f"r{round_no} #{i}", condition="y" * 300))
        send.send(f"r{round_no} #{i}")  # acknowledged only after the commit returned
        i += 1


def test_every_acknowledged_write_survives_kill_9_and_the_vault_stays_intact(
    data_dir: Path,
) -> None:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    rng = random.Random(9)
    acknowledged: set[str] = set()
    for round_no in range(20):
        child = Child(_write_forever, data_dir, round_no)
        child.wait_for(lambda m: m != "ready")  # writing is under way
        time.sleep(rng.uniform(0.0, 0.15))
        acknowledged |= {m for m in child.kill() if m != "ready"}

        vault = Vault.unlock(data_dir, PASSPHRASE)
        try:
            with vault.session() as s:
                stored = set(s.scalars(select(Person.name)))
            assert acknowledged <= stored, f"lost in round {round_no}: {acknowledged - stored}"
            report = vault.integrity_check()
            assert report.ok, report.problems
        finally:
            vault.lock()


OLD, NEW = PASSPHRASE, "the new passphrase, with ünïcödé"


def _change_forever(send: Connection, folder: Path) -> None:
    try:
        vault, current = Vault.unlock(folder, OLD), OLD
    except WrongPassphrase:
        vault, current = Vault.unlock(folder, NEW), NEW
    send.send(("ready", current))
    while True:
        other = NEW if current == OLD else OLD
        send.send(("changing", other))
        vault.change_passphrase(current, other, kdf=TEST_KDF)
        current = other
        send.send(("changed", current))


def _opens_with(folder: Path, passphrase: str, people: int = 40) -> bool:
    try:
        vault = Vault.unlock(folder, passphrase)
    except WrongPassphrase:
        return False
    try:
        assert count_people(vault) == people, "rows lost while changing the passphrase"
        report = vault.integrity_check()
        assert report.ok, report.problems
    finally:
        vault.lock()
    return True


def test_passphrase_change_killed_at_any_moment_leaves_exactly_one_passphrase_working(
    data_dir: Path,
) -> None:
    vault = Vault.create(data_dir, OLD, kdf=TEST_KDF)
    add_people(vault, 40)
    vault.lock()
    rng = random.Random(15)
    killed_mid_change = 0
    for round_no in range(15):
        child = Child(_change_forever, data_dir)
        child.wait_for(lambda m: m[0] == "ready")
        time.sleep(rng.uniform(0.0, 0.3))
        killed_mid_change += child.kill()[-1][0] == "changing"

        # Try the two in a random order: a failed try on the losing side (which may find the
        # change unresolved in the header) must not disturb the winner.
        first, second = rng.sample([OLD, NEW], 2)
        opens = {first: _opens_with(data_dir, first), second: _opens_with(data_dir, second)}
        assert sum(opens.values()) == 1, f"round {round_no}: {opens}"
        winner = OLD if opens[OLD] else NEW
        assert _opens_with(data_dir, winner)
    # Most kills must really land inside a change, or this proves nothing.
    assert killed_mid_change >= 10


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _change_then_die_after_pending_slot_written(send: Connection, folder: Path, new: str) -> None:
    real_write = VaultHeader.write

    def write_then_die(header: VaultHeader, path: Path) -> None:
        real_write(header, path)
        if header.pending is not None:
            _die()

    VaultHeader.write = write_then_die  # type: ignore[method-assign]
    vault = Vault.unlock(folder, OLD)
    send.send("ready")
    vault.change_passphrase(OLD, new, kdf=TEST_KDF)


def _change_then_die_after_rekey_committed(send: Connection, folder: Path, new: str) -> None:
    real_open = vault_module.open_keyed

    class DiesAfterRekey:
        def __init__(self, conn: Any) -> None:
            self._conn = conn

        def execute(self, sql: str) -> Any:
            result = self._conn.execute(sql)
            if sql.startswith("PRAGMA rekey"):
                _die()
            return result

        def reset_key(self, literal: bytearray) -> None:  # sqlite3_rekey: what the re-key uses
            self._conn.reset_key(literal)
            _die()

        def close(self) -> None:
            self._conn.close()

    vault = Vault.unlock(folder, OLD)
    vault_module.open_keyed = lambda path, key: DiesAfterRekey(real_open(path, key))  # type: ignore[assignment]
    send.send("ready")
    vault.change_passphrase(OLD, new, kdf=TEST_KDF)


@pytest.mark.parametrize(
    "crash, survivor",
    [
        (_change_then_die_after_pending_slot_written, OLD),
        (_change_then_die_after_rekey_committed, NEW),
    ],
    ids=["killed before re-keying", "killed after re-keying, before the header caught up"],
)
def test_passphrase_change_killed_between_its_steps_opens_with_the_side_the_database_holds(
    data_dir: Path, crash: Any, survivor: str
) -> None:
    vault = Vault.create(data_dir, OLD, kdf=TEST_KDF)
    add_people(vault, 40)
    vault.lock()
    child = Child(crash, data_dir, NEW)
    child.wait_for("ready")
    child.process.join(20)
    assert child.process.exitcode == -signal.SIGKILL

    loser = NEW if survivor == OLD else OLD
    assert not _opens_with(data_dir, loser)
    assert _opens_with(data_dir, survivor)
    assert not _opens_with(data_dir, loser)


@pytest.mark.parametrize(
    "crash",
    [_change_then_die_after_pending_slot_written, _change_then_die_after_rekey_committed],
    ids=["killed before re-keying", "killed after re-keying"],
)
def test_re_choosing_the_same_passphrase_killed_between_steps_still_opens_with_it(
    data_dir: Path, crash: Any
) -> None:
    # Both header slots then match the passphrase; only the database knows which key it has.
    vault = Vault.create(data_dir, OLD, kdf=TEST_KDF)
    add_people(vault, 40)
    vault.lock()
    child = Child(crash, data_dir, OLD)
    child.wait_for("ready")
    child.process.join(20)
    assert child.process.exitcode == -signal.SIGKILL

    assert _opens_with(data_dir, OLD)
    assert _opens_with(data_dir, OLD)


def _change_and_announce_the_rekey(send: Connection, folder: Path) -> None:
    real_open = vault_module.open_keyed

    class AnnouncesRekey:
        def __init__(self, conn: Any) -> None:
            self._conn = conn

        def execute(self, sql: str) -> Any:
            if sql.startswith("PRAGMA rekey"):
                send.send("rekeying")
            return self._conn.execute(sql)

        def reset_key(self, literal: bytearray) -> None:  # sqlite3_rekey: what the re-key uses
            send.send("rekeying")
            self._conn.reset_key(literal)

        def close(self) -> None:
            self._conn.close()

    try:
        vault, current = Vault.unlock(folder, OLD), OLD
    except WrongPassphrase:
        vault, current = Vault.unlock(folder, NEW), NEW
    vault_module.open_keyed = lambda path, key: AnnouncesRekey(real_open(path, key))  # type: ignore[assignment]
    send.send("ready")
    vault.change_passphrase(current, NEW if current == OLD else OLD, kdf=TEST_KDF)
    send.send("changed")


def test_passphrase_change_killed_inside_the_rekey_transaction_is_rolled_back_or_complete(
    data_dir: Path,
) -> None:
    vault = Vault.create(data_dir, OLD, kdf=TEST_KDF)
    add_people(vault, 1500)  # enough pages that the re-key takes a while to write
    vault.lock()
    rng = random.Random(2)
    killed_mid_transaction = 0
    for round_no in range(6):
        child = Child(_change_and_announce_the_rekey, data_dir)
        child.wait_for("rekeying")
        time.sleep(rng.uniform(0.0, 0.01))
        child.kill()
        journal_left = (data_dir / "vault.db-journal").exists()
        first, second = rng.sample([OLD, NEW], 2)
        opens = {p: _opens_with(data_dir, p, people=1500) for p in (first, second)}
        assert sum(opens.values()) == 1, f"round {round_no}: {opens}"
        killed_mid_transaction += journal_left
    # The re-key's rollback journal was left behind: the kills did land inside the transaction.
    assert killed_mid_transaction >= 1


def _die_mid_transaction(send: Connection, folder: Path) -> None:
    vault = Vault.unlock(folder, OLD)
    with vault.session() as s:
        # A tiny page cache makes SQLite spill changed pages into the database file before
        # the commit, as a big edit would: the journal then holds the only good copy.
        s.execute(text("PRAGMA cache_size = 2"))
        for person in s.scalars(select(Person)):
            person.condition = "half-saved " * 30
        s.flush()
        send.send("mid-transaction")
        while True:
            time.sleep(1)


def test_restore_over_a_vault_with_an_unfinished_journal_keeps_both_intact(
    data_dir: Path, tmp_path: Path
) -> None:
    vault = Vault.create(data_dir, OLD, kdf=TEST_KDF)
    add_people(vault, 40, prefix="backed up")
    backup = vault.backup_to(tmp_path / "before.sobackup")
    add_people(vault, 40, prefix="later")
    vault.lock()
    child = Child(_die_mid_transaction, data_dir)
    child.wait_for("mid-transaction")
    child.kill()
    assert (data_dir / "vault.db-journal").exists()

    kept = Vault.restore(data_dir, backup, OLD)

    # The old journal belongs to the old database: played onto the restored one it would
    # scramble it. It travels with the pre-restore copy instead.
    restored = Vault.unlock(data_dir, OLD)
    try:
        assert count_people(restored) == 40
        assert restored.integrity_check().ok
    finally:
        restored.lock()
    assert kept is not None and (kept / "vault.db-journal").exists()
    copy = tmp_path / "copy"
    shutil.copytree(kept, copy)
    previous = Vault.unlock(copy, OLD)  # rolls the half-saved transaction back
    try:
        assert count_people(previous) == 80
        with previous.session() as s:
            assert not any("half-saved" in c for c in s.scalars(select(Person.condition)))
        assert previous.integrity_check().ok
    finally:
        previous.lock()


def _restore_then_die_at(step: str) -> Any:
    def run(send: Connection, folder: Path, backup: Path) -> None:
        real_write, real_replace = VaultHeader.write, os.replace

        def write(header: VaultHeader, path: Path) -> None:
            real_write(header, path)
            if step == "header" and header.restoring is not None:
                _die()

        def replace(src: Any, dst: Any) -> None:
            real_replace(src, dst)
            if step == "database" and Path(dst).name == "vault.db":
                _die()

        VaultHeader.write = write  # type: ignore[method-assign]
        vault_module.os.replace = replace  # type: ignore[attr-defined]
        send.send("ready")
        Vault.restore(folder, backup, OLD)

    return run


@pytest.mark.parametrize(
    "step, survivor, people",
    [("header", NEW, 80), ("database", OLD, 40)],
    ids=["killed before the database was swapped", "killed before the header caught up"],
)
def test_restore_killed_half_way_leaves_either_vault_openable_with_its_passphrase(
    data_dir: Path, tmp_path: Path, step: str, survivor: str, people: int
) -> None:
    vault = Vault.create(data_dir, OLD, kdf=TEST_KDF)
    add_people(vault, 40)
    backup = vault.backup_to(tmp_path / "under-old.sobackup")
    add_people(vault, 40, prefix="later")
    vault.change_passphrase(OLD, NEW, kdf=TEST_KDF)
    vault.lock()

    child = Child(_restore_then_die_at(step), data_dir, backup)
    child.wait_for("ready")
    child.process.join(20)
    assert child.process.exitcode == -signal.SIGKILL

    loser = OLD if survivor == NEW else NEW
    assert not _opens_with(data_dir, loser, people=people)
    assert _opens_with(data_dir, survivor, people=people)


def _save_visits_forever(send: Connection, folder: Path) -> None:
    vault = Vault.unlock(folder, OLD)
    send.send("ready")
    n = 0
    while True:
        with vault.session() as s:
            visit = Visit(
                person_id=1,
                doctor_id=1,
                starts_at=dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC),
                notes="bring the scans " * 20,
            )
            s.add(visit)
            s.add_all(
                Question(
                    person_id=1,
                    text=f"question {q} for visit {n}",
                    category=QuestionCategory.TREATMENT,
                    visit=visit,
                )
                for q in range(5)
            )
        send.send(n)
        n += 1


def test_a_visit_saved_with_its_questions_survives_kill_9_all_or_nothing(data_dir: Path) -> None:
    vault = Vault.create(data_dir, OLD, kdf=TEST_KDF)
    with vault.session() as s:
        s.add_all([Person(name="Pat"), Contact(name="Dr. Who")])
    vault.lock()
    rng = random.Random(5)
    acknowledged = 0
    for _ in range(8):
        child = Child(_save_visits_forever, data_dir)
        child.wait_for(lambda m: isinstance(m, int))  # saving is under way
        time.sleep(rng.uniform(0.0, 0.2))
        acknowledged += sum(1 for m in child.kill() if isinstance(m, int))

        vault = Vault.unlock(data_dir, OLD)
        try:
            with vault.session() as s:
                per_visit = s.execute(
                    select(Visit.id, func.count(Question.id))
                    .outerjoin(Question, Question.visit_id == Visit.id)
                    .group_by(Visit.id)
                ).all()
                orphans = s.scalar(
                    select(func.count()).select_from(Question).where(Question.visit_id.is_(None))
                )
            assert {count for _, count in per_visit} <= {5}, "a visit lost some questions"
            assert orphans == 0
            assert len(per_visit) >= acknowledged
        finally:
            vault.lock()
