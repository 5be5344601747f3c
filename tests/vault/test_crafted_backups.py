"""Crafted backups and headers cost neither disk nor memory: a zip bomb, a header bomb, a
backup that lies about its sizes or carries more than ours do, all refused before unpacking."""

from __future__ import annotations

import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from second_opinion.vault import vault as vault_module
from second_opinion.vault.errors import (
    CouldNotSave,
    NotAVault,
    VaultDamaged,
    VaultError,
    WrongPassphrase,
)
from second_opinion.vault.header import VaultHeader
from second_opinion.vault.paths import VaultPaths
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.vault.helpers import add_people, names, snapshot, without_lock_file

MIB = 1 << 20


@pytest.fixture
def live(data_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A locked live vault, and a genuine backup of it."""
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    add_people(vault, 5)
    backup = vault.backup_to(tmp_path / "real.sobackup")
    vault.lock()
    return data_dir, backup


def _members(backup: Path) -> tuple[bytes, bytes]:
    with zipfile.ZipFile(backup) as archive:
        return archive.read("vault.header.json"), archive.read("vault.db")


def _staged_files(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """Records every temporary file restore creates in the vault's folder."""
    made: list[str] = []
    real_mkstemp = vault_module.tempfile.mkstemp

    def spy(*args: Any, **kwargs: Any) -> Any:
        fd, name = real_mkstemp(*args, **kwargs)
        if Path(name).parent == folder and Path(name).name.startswith(".restore-"):
            made.append(name)
        return fd, name

    monkeypatch.setattr(vault_module.tempfile, "mkstemp", spy)
    return made


def _assert_untouched(folder: Path, before: dict[str, bytes]) -> None:
    assert without_lock_file(snapshot(folder)) == without_lock_file(before)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert names(vault) == {f"person {i}" for i in range(5)}


def test_a_wrong_passphrase_unpacks_nothing(
    live: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, backup = live
    before = snapshot(folder)
    made = _staged_files(monkeypatch, folder)
    with pytest.raises(WrongPassphrase):
        Vault.restore(folder, backup, "not the passphrase")
    assert made == []
    _assert_untouched(folder, before)


def test_a_zip_bomb_is_refused_without_writing_or_reading_it(
    live: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, backup = live
    header, _ = _members(backup)
    bomb = tmp_path / "bomb.sobackup"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("vault.header.json", header)
        with archive.open("vault.db", "w", force_zip64=True) as member:
            for _ in range(64):
                member.write(bytes(MIB))
    assert bomb.stat().st_size < MIB
    before = snapshot(folder)
    made = _staged_files(monkeypatch, folder)
    for passphrase in ("not the passphrase", PASSPHRASE):
        with pytest.raises(NotAVault):
            Vault.restore(folder, bomb, passphrase)
    assert made == []
    _assert_untouched(folder, before)


def _header_bomb(target: Path, header: bytes, db: bytes, size: int) -> Path:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("vault.header.json", "w", force_zip64=True) as member:
            member.write(header[:-1])
            for _ in range(size // MIB):
                member.write(b" " * MIB)
            member.write(header[-1:])
        archive.writestr("vault.db", db)
    return target


def _peak_bytes(action: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        with pytest.raises(VaultError):
            action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_header_bomb_in_a_backup_is_refused_without_reading_it(
    live: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, backup = live
    bomb = _header_bomb(tmp_path / "hb.sobackup", *_members(backup), size=64 * MIB)
    before = snapshot(folder)
    assert _peak_bytes(lambda: Vault.restore(folder, bomb, PASSPHRASE)) < 4 * MIB
    _assert_untouched(folder, before)


def test_a_stored_header_larger_than_a_header_is_refused(
    live: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, backup = live
    header, db = _members(backup)
    padded = tmp_path / "padded.sobackup"
    with zipfile.ZipFile(padded, "w") as archive:
        archive.writestr("vault.header.json", header[:-1] + b" " * (2 * MIB) + header[-1:])
        archive.writestr("vault.db", db)
    with pytest.raises(NotAVault):
        Vault.restore(folder, padded, PASSPHRASE)


def test_a_header_bomb_on_disk_is_not_read_into_memory(live: tuple[Path, Path]) -> None:
    folder, _ = live
    paths = VaultPaths(folder)
    header = paths.header.read_bytes()
    with paths.header.open("wb") as handle:
        handle.write(header[:-1])
        for _ in range(64):
            handle.write(b" " * MIB)
        handle.write(header[-1:])
    paths.header_copy.write_bytes(paths.header.read_bytes()[:100])
    assert _peak_bytes(lambda: Vault.unlock(folder, PASSPHRASE)) < 4 * MIB


def test_a_header_bomb_on_disk_is_rebuilt_from_the_copy(live: tuple[Path, Path]) -> None:
    folder, _ = live
    paths = VaultPaths(folder)
    with paths.header.open("ab") as handle:
        handle.write(b" " * (2 * MIB))
    Vault.unlock(folder, PASSPHRASE).lock()
    assert paths.header.stat().st_size < 4096


def _rewrite(backup: Path, target: Path, **extra: bytes) -> Path:
    header, db = _members(backup)
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("vault.header.json", extra.pop("header", header))
        archive.writestr("vault.db", db)
        for name, data in extra.items():
            archive.writestr(name, data)
    return target


def test_a_backup_with_more_members_than_ours_is_refused(
    live: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, backup = live
    before = snapshot(folder)
    extra = _rewrite(backup, tmp_path / "extra.sobackup", **{"../evil": b"x"})
    with pytest.raises(NotAVault):
        Vault.restore(folder, extra, PASSPHRASE)
    _assert_untouched(folder, before)


@pytest.mark.parametrize(
    "member",
    [
        "documents/../../evil.sodoc",
        "documents/not-a-hex-name.sodoc",
        "documents/" + "a" * 32 + ".txt",
        "documents/sub/" + "b" * 32 + ".sodoc",
    ],
)
def test_document_members_that_backups_never_hold_are_refused(
    live: tuple[Path, Path], tmp_path: Path, member: str
) -> None:
    folder, backup = live
    before = snapshot(folder)
    crafted = _rewrite(backup, tmp_path / "crafted.sobackup", **{member: b"x" * 64})
    with pytest.raises(NotAVault):
        Vault.restore(folder, crafted, PASSPHRASE)
    _assert_untouched(folder, before)


def test_a_backup_with_a_pending_key_slot_is_refused(
    live: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, backup = live
    header = VaultHeader.from_bytes(_members(backup)[0])
    pending = header.with_pending(header.current).to_bytes()
    crafted = _rewrite(backup, tmp_path / "pending.sobackup", header=pending)
    before = snapshot(folder)
    with pytest.raises(NotAVault):
        Vault.restore(folder, crafted, PASSPHRASE)
    _assert_untouched(folder, before)


def test_a_backup_larger_than_the_free_space_is_refused_before_unpacking(
    live: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, backup = live
    before = snapshot(folder)
    made = _staged_files(monkeypatch, folder)

    class Usage:
        total, used, free = 10 * MIB, 9 * MIB, MIB

    monkeypatch.setattr(vault_module.shutil, "disk_usage", lambda _path: Usage())
    with pytest.raises(CouldNotSave, match="free space"):
        Vault.restore(folder, backup, PASSPHRASE)
    assert made == []
    _assert_untouched(folder, before)


def test_a_backup_lying_about_its_size_is_damaged_and_leaves_no_staged_file(
    live: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, backup = live
    data = bytearray(backup.read_bytes())
    # Shorten the database's stated size in both the local and the central header: the
    # member then holds more than it says (zipfile reads what it is told, the CRC fails).
    _, db = _members(backup)
    size = len(db).to_bytes(4, "little")
    smaller = (len(db) - 4096).to_bytes(4, "little")
    assert data.count(size) >= 2
    lying = tmp_path / "lying.sobackup"
    lying.write_bytes(bytes(data).replace(size, smaller))
    before = snapshot(folder)
    with pytest.raises((VaultDamaged, NotAVault)):
        Vault.restore(folder, lying, PASSPHRASE)
    assert not list(folder.glob(".restore-*"))
    _assert_untouched(folder, before)
