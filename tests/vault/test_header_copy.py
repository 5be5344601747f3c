"""The header's second copy: a lost or overwritten header (and with it the salt) is rebuilt
from it, once the passphrase and the database have both proven the copy right."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from second_opinion.vault.errors import OutputInsideVault, VaultDamaged, WrongPassphrase
from second_opinion.vault.paths import VaultPaths
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.vault.helpers import add_people, names, snapshot, without_lock_file


@pytest.fixture
def closed_vault(data_dir: Path) -> Path:
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    add_people(vault, 5)
    vault.lock()
    return data_dir


def test_the_copy_is_written_private_with_the_header_and_follows_a_passphrase_change(
    closed_vault: Path,
) -> None:
    paths = VaultPaths(closed_vault)
    assert paths.header_copy.read_bytes() == paths.header.read_bytes()
    assert paths.header_copy.stat().st_mode & 0o777 == 0o600
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        vault.change_passphrase(PASSPHRASE, PASSPHRASE + " 2", kdf=TEST_KDF)
    assert paths.header_copy.read_bytes() == paths.header.read_bytes()


@pytest.mark.parametrize(
    "spoil",
    [
        lambda header: header.unlink(),
        lambda header: header.write_bytes(b"%PDF-1.4\n" + b"\x00" * 2000),
        lambda header: header.write_bytes(header.read_bytes()[:40]),
    ],
    ids=["deleted", "overwritten by a PDF", "truncated"],
)
def test_a_lost_or_damaged_header_is_rebuilt_from_its_copy(
    closed_vault: Path, spoil: object, caplog: pytest.LogCaptureFixture
) -> None:
    paths = VaultPaths(closed_vault)
    good = paths.header.read_bytes()
    spoil(paths.header)  # type: ignore[operator]
    with caplog.at_level(logging.INFO), Vault.unlock(closed_vault, PASSPHRASE) as vault:
        assert names(vault) == {f"person {i}" for i in range(5)}
    assert paths.header.read_bytes() == good
    assert paths.header.stat().st_mode & 0o777 == 0o600
    assert any("rebuilt from its copy" in r.getMessage() for r in caplog.records)
    assert all("person" not in r.getMessage() for r in caplog.records)


def test_a_wrong_passphrase_does_not_rebuild_the_header(closed_vault: Path) -> None:
    paths = VaultPaths(closed_vault)
    paths.header.unlink()
    before = without_lock_file(snapshot(closed_vault))
    with pytest.raises(WrongPassphrase):
        Vault.unlock(closed_vault, "not the passphrase")
    assert without_lock_file(snapshot(closed_vault)) == before


def test_both_copies_damaged_is_damage_and_does_not_claim_nothing_changed(
    closed_vault: Path,
) -> None:
    paths = VaultPaths(closed_vault)
    paths.header.write_bytes(b"%PDF-1.4\n")
    paths.header_copy.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(VaultDamaged) as raised:
        Vault.unlock(closed_vault, PASSPHRASE)
    assert "nothing was changed" not in str(raised.value).lower()


def test_a_vault_made_before_the_copy_gets_one_at_its_next_unlock(closed_vault: Path) -> None:
    paths = VaultPaths(closed_vault)
    paths.header_copy.unlink()
    Vault.unlock(closed_vault, PASSPHRASE).lock()
    assert paths.header_copy.read_bytes() == paths.header.read_bytes()


def test_backup_to_refuses_the_vault_folder(vault: Vault, data_dir: Path, tmp_path: Path) -> None:
    before = without_lock_file(snapshot(data_dir))
    link = tmp_path / "link"
    link.symlink_to(data_dir)
    for target in (data_dir / "vault.db", data_dir / "backups" / "b.sobackup", link / "x"):
        with pytest.raises(OutputInsideVault):
            vault.backup_to(target)
    assert without_lock_file(snapshot(data_dir)) == before
    assert not os.path.exists(data_dir / "backups")
