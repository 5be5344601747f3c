"""Restoring a backup of another vault says so: refused unless the caller was told (issue 23.11)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from second_opinion.cli import run
from second_opinion.vault.errors import BackupOfAnotherVault
from second_opinion.vault.vault import Vault, vault_id_of_backup, vault_id_of_folder
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.vault.helpers import add_people, names, snapshot, without_lock_file


@pytest.fixture
def two_vaults(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(live folder, its own backup, a backup of a different vault), same passphrase."""
    live = tmp_path / "live"
    with Vault.create(live, PASSPHRASE, kdf=TEST_KDF) as vault:
        add_people(vault, 2, prefix="mine")
        own = vault.backup_to(tmp_path / "own.sobackup")
    with Vault.create(tmp_path / "other", PASSPHRASE, kdf=TEST_KDF) as other:
        add_people(other, 3, prefix="theirs")
        foreign = other.backup_to(tmp_path / "foreign.sobackup")
    return live, own, foreign


def test_the_ids_are_readable_without_a_passphrase(two_vaults: tuple[Path, Path, Path]) -> None:
    live, own, foreign = two_vaults
    assert vault_id_of_backup(own) == vault_id_of_folder(live) is not None
    assert vault_id_of_backup(foreign) not in (None, vault_id_of_folder(live))
    assert vault_id_of_backup(live / "vault.db") is None
    assert vault_id_of_folder(live.parent / "nothing-here") is None


def test_a_backup_of_another_vault_is_refused_and_nothing_is_written(
    two_vaults: tuple[Path, Path, Path],
) -> None:
    live, _own, foreign = two_vaults
    before = without_lock_file(snapshot(live))
    with pytest.raises(BackupOfAnotherVault) as refused:
        Vault.restore(live, foreign, PASSPHRASE)
    assert "different vault" in str(refused.value)
    assert without_lock_file(snapshot(live)) == before
    with Vault.unlock(live, PASSPHRASE) as vault:
        assert names(vault) == {"mine 0", "mine 1"}


def test_its_own_backup_restores_without_being_asked(two_vaults: tuple[Path, Path, Path]) -> None:
    live, own, _foreign = two_vaults
    Vault.restore(live, own, PASSPHRASE)


def test_replace_other_vault_restores_it(two_vaults: tuple[Path, Path, Path]) -> None:
    live, _own, foreign = two_vaults
    Vault.restore(live, foreign, PASSPHRASE, replace_other_vault=True)
    with Vault.unlock(live, PASSPHRASE) as vault:
        assert names(vault) == {"theirs 0", "theirs 1", "theirs 2"}
        assert vault.vault_id == vault_id_of_backup(foreign)


def test_into_an_empty_folder_any_backup_is_fine(
    two_vaults: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    _live, _own, foreign = two_vaults
    Vault.restore(tmp_path / "fresh", foreign, PASSPHRASE)


def test_the_cli_refuses_with_exit_18_unless_forced(
    two_vaults: tuple[Path, Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    live, _own, foreign = two_vaults
    args = ["--data-dir", str(live), "restore", str(foreign)]
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    assert run(args) == BackupOfAnotherVault.exit_code == 18
    err = capsys.readouterr().err
    assert "different vault" in err and "--force" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    assert run([*args, "--force"]) == 0
    with Vault.unlock(live, PASSPHRASE) as vault:
        assert names(vault) == {"theirs 0", "theirs 1", "theirs 2"}
