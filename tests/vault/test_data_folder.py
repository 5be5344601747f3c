"""The data folder (issue 23.9): unsafe folders refused, only our own leftovers removed,
no symlinked lock, and what the app creates is private."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest

from second_opinion.cli import run
from second_opinion.vault import paths as paths_module
from second_opinion.vault.errors import UnsafeDataFolder
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _refuse_chmod_of(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real_chmod = os.chmod

    def chmod(path: object, mode: int, *args: object, **kwargs: object) -> None:
        if Path(str(path)) == target:
            raise PermissionError(1, "Operation not permitted")
        real_chmod(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "chmod", chmod)


def test_a_folder_others_can_write_to_is_refused_when_it_cannot_be_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o777)
    _refuse_chmod_of(monkeypatch, folder)
    with pytest.raises(UnsafeDataFolder) as refused:
        Vault.create(folder, PASSPHRASE, kdf=TEST_KDF)
    assert refused.value.exit_code == 17
    assert list(folder.iterdir()) == []


def test_a_folder_of_ours_that_others_could_write_to_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "loose"
    folder.mkdir()
    os.chmod(folder, 0o777)
    Vault.create(folder, PASSPHRASE, kdf=TEST_KDF).lock()
    assert _mode(folder) == 0o700


def test_a_folder_owned_by_someone_else_is_refused_at_create_and_unlock(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    other = tmp = data_dir.parent / "theirs"
    tmp.mkdir()
    monkeypatch.setattr(paths_module.os, "geteuid", lambda: os.getuid() + 4242)
    with pytest.raises(UnsafeDataFolder, match="another user"):
        Vault.unlock(data_dir, PASSPHRASE)
    with pytest.raises(UnsafeDataFolder, match="another user"):
        Vault.create(other, PASSPHRASE, kdf=TEST_KDF)
    assert list(other.iterdir()) == []


def test_an_existing_folder_with_other_files_is_neither_used_nor_chmod_ed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    os.chmod(folder, 0o755)
    (folder / "taxes.pdf").write_bytes(b"%PDF")
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    assert run(["--data-dir", str(folder), "init"]) == 17
    assert "already holds other files" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["taxes.pdf"]
    assert _mode(folder) == 0o755


def test_restore_into_a_folder_with_other_files_is_refused(vault: Vault, tmp_path: Path) -> None:
    backup = vault.backup_to(tmp_path / "b.sobackup")
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(UnsafeDataFolder):
        Vault.restore(folder, backup, PASSPHRASE)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_unlock_removes_only_the_leftovers_it_made(data_dir: Path, tmp_path: Path) -> None:
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    vault.backup_to(tmp_path / "b.sobackup")  # to learn the names it gives its temp files
    vault.lock()
    someone_elses = [data_dir / ".backup-holiday.db", data_dir / ".restore-photos.db"]
    for path in someone_elses:
        path.write_bytes(b"not ours")
    from second_opinion.vault.vault import _tag

    with Vault.unlock(data_dir, PASSPHRASE) as opened:
        tag = _tag(opened.vault_id)
    ours = [data_dir / f".backup-{tag}-x1.db", data_dir / f".restore-{tag}-x2.db"]
    for path in ours:
        path.write_bytes(b"left by a crash")
    Vault.unlock(data_dir, PASSPHRASE).lock()
    assert all(path.exists() for path in someone_elses)
    assert not any(path.exists() for path in ours)


def test_a_symlinked_lock_file_is_refused_and_its_target_never_created(
    data_dir: Path, tmp_path: Path
) -> None:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    (data_dir / "vault.lock").unlink()
    target = tmp_path / "elsewhere" / "planted"
    target.parent.mkdir()
    (data_dir / "vault.lock").symlink_to(target)
    with pytest.raises(UnsafeDataFolder, match=r"vault\.lock"):
        Vault.unlock(data_dir, PASSPHRASE)
    assert not target.exists()


def test_backup_out_creates_missing_parent_folders_private_under_umask_000(
    vault: Vault, tmp_path: Path
) -> None:
    out = tmp_path / "new" / "deeper" / "deepest" / "b.sobackup"
    previous = os.umask(0)
    try:
        vault.backup_to(out)
    finally:
        os.umask(previous)
    for folder in (out.parent, out.parent.parent, out.parent.parent.parent):
        assert _mode(folder) == 0o700, folder
    assert _mode(out) == 0o600
