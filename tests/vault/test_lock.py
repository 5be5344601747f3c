"""Locking drops every decrypted connection, zeroes the key and refuses further use."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from second_opinion.vault.errors import VaultLocked
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.vault.helpers import add_people, count_people


def test_lock_closes_the_pooled_connections(vault: Vault) -> None:
    with vault.session() as s:
        raw = s.connection().connection.dbapi_connection
    assert raw is not None
    raw.execute("SELECT 1")  # back in the pool, still open and keyed

    vault.lock()
    with pytest.raises(sqlcipher3.ProgrammingError):
        raw.execute("SELECT 1")


def test_lock_zeroes_the_key_bytes(vault: Vault) -> None:
    key = vault.key
    assert any(key._material)
    vault.lock()
    assert key.wiped
    assert bytes(key._material) == bytes(32)


@pytest.mark.parametrize(
    "use",
    [
        lambda v, tmp: v.session().__enter__(),
        lambda v, tmp: v.key,
        lambda v, tmp: v.engine,
        lambda v, tmp: v.session_factory(),
        lambda v, tmp: v.integrity_check(),
        lambda v, tmp: v.backup_to(tmp / "after-lock.sobackup"),
        lambda v, tmp: v.change_passphrase(PASSPHRASE, "another passphrase", kdf=TEST_KDF),
    ],
    ids=[
        "session",
        "key",
        "engine",
        "session_factory",
        "integrity_check",
        "backup_to",
        "change_passphrase",
    ],
)
def test_every_use_after_lock_is_refused(vault: Vault, tmp_path: Path, use: object) -> None:
    vault.lock()
    with pytest.raises(VaultLocked):
        use(vault, tmp_path)  # type: ignore[operator]
    assert not (tmp_path / "after-lock.sobackup").exists()


def test_locking_twice_is_harmless_and_releases_the_vault_for_the_next_unlock(
    vault: Vault, data_dir: Path
) -> None:
    add_people(vault, 2)
    vault.lock()
    vault.lock()
    again = Vault.unlock(data_dir, PASSPHRASE)
    try:
        assert count_people(again) == 2
    finally:
        again.lock()
