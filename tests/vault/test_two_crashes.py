"""Two crashes in a row: a passphrase change killed half-way, then a restore killed before the
database swap. The vault must still open with the key its database actually has."""

from __future__ import annotations

import signal
import zipfile
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest

from second_opinion.vault.header import VaultHeader
from second_opinion.vault.paths import VaultPaths
from second_opinion.vault.vault import Vault
from tests.conftest import TEST_KDF
from tests.vault.helpers import Child, add_people
from tests.vault.test_crashes import (
    NEW,
    OLD,
    _change_then_die_after_rekey_committed,
    _die,
    _opens_with,
)

pytestmark = pytest.mark.slow


def _killed(target: Any, *args: Any) -> None:
    child = Child(target, *args)
    child.wait_for("ready")
    child.process.join(20)
    assert child.process.exitcode == -signal.SIGKILL


def _restore_then_die_before_the_swap(
    send: Connection, folder: Path, backup: Path, passphrase: str
) -> None:
    real_write = VaultHeader.write
    with zipfile.ZipFile(backup) as archive:
        restored = VaultHeader.from_bytes(archive.read("vault.header.json"))

    def write(header: VaultHeader, path: Path) -> None:
        real_write(header, path)
        # The first header that names the restored key: written just before the swap.
        if restored.current in (slot for slot, _ in header.slots()):
            _die()

    VaultHeader.write = write  # type: ignore[method-assign]
    send.send("ready")
    Vault.restore(folder, backup, passphrase, replace_other_vault=True)


@pytest.mark.parametrize("backup_passphrase", [OLD, NEW])
def test_passwd_then_restore_both_killed_still_opens_with_the_databases_key(
    data_dir: Path, tmp_path: Path, backup_passphrase: str
) -> None:
    other = tmp_path / "other"
    with Vault.create(other, backup_passphrase, kdf=TEST_KDF) as source:
        add_people(source, 7)
        backup = source.backup_to(tmp_path / "b.sobackup")
    vault = Vault.create(data_dir, OLD, kdf=TEST_KDF)
    add_people(vault, 40)
    vault.lock()

    # 1: the re-key committed (the database is under NEW), the header still says "pending".
    _killed(_change_then_die_after_rekey_committed, data_dir, NEW)
    assert VaultHeader.read(VaultPaths(data_dir).header).pending is not None
    # 2: a restore killed once its header is written, before the database was swapped.
    _killed(_restore_then_die_before_the_swap, data_dir, backup, backup_passphrase)

    assert _opens_with(data_dir, NEW, people=40)
    assert not _opens_with(data_dir, OLD, people=40)
