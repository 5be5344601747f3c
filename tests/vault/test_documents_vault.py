"""Backup, restore, passphrase change and check with documents in the vault."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from second_opinion.case import documents as docs
from second_opinion.case.case import Case
from second_opinion.services.people import add_person
from second_opinion.vault.errors import VaultDamaged
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.document_files import write_image, write_pdf


def _case_with_documents(vault: Vault, tmp_path: Path) -> tuple[Case, list[int]]:
    with vault.session() as session:
        person = add_person(session, "Ada")
    case = Case(vault, person)
    files = [write_pdf(tmp_path / "a.pdf"), write_image(tmp_path / "b.png", "PNG")]
    rows = docs.attach_files(case, files).value.added
    return case, [r.id for r in rows]


def test_backup_and_restore_bring_the_documents_back(data_dir: Path, tmp_path: Path) -> None:
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    case, ids = _case_with_documents(vault, tmp_path)
    backup = vault.backup_to(tmp_path / "b.sobackup")
    with zipfile.ZipFile(backup) as archive:
        assert sum(n.startswith("documents/") for n in archive.namelist()) == 2
    docs.detach_document(case, ids[0])
    docs.attach_files(case, [write_pdf(tmp_path / "later.pdf", marker="later")])
    vault.lock()

    kept = Vault.restore(data_dir, backup, PASSPHRASE)
    assert kept is not None and len(list((kept / "documents").iterdir())) == 2
    with Vault.unlock(data_dir, PASSPHRASE) as restored:
        case = Case(restored, case.person_id)
        rows = docs.documents_board(case).rows
        assert sorted(r.id for r in rows) == ids
        assert docs.document_content(case, ids[0]).data == (tmp_path / "a.pdf").read_bytes()
        # Only the restored vault's files remain live.
        assert len(restored.documents.stored_names()) == 2
        assert restored.integrity_check().ok


def _contents(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and p.name != "vault.lock"}


def test_a_backup_missing_a_document_is_not_restored(data_dir: Path, tmp_path: Path) -> None:
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    _case_with_documents(vault, tmp_path)
    backup = vault.backup_to(tmp_path / "b.sobackup")
    vault.lock()
    stripped = tmp_path / "stripped.sobackup"
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(stripped, "w") as out:
        names = [n for n in source.namelist() if n.startswith("documents/")]
        for name in source.namelist():
            if name != names[0]:
                out.writestr(name, source.read(name))
    before = {
        p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file() and p.name != "vault.lock"
    }
    with pytest.raises(VaultDamaged, match="missing some of its documents"):
        Vault.restore(data_dir, stripped, PASSPHRASE)
    after = {
        p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file() and p.name != "vault.lock"
    }
    assert after == before


def test_passphrase_change_keeps_documents_readable(data_dir: Path, tmp_path: Path) -> None:
    with Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF) as vault:
        case, ids = _case_with_documents(vault, tmp_path)
        files_before = {p.name: p.read_bytes() for p in vault.paths.documents.iterdir()}
        vault.change_passphrase(PASSPHRASE, "a brand new passphrase", kdf=TEST_KDF)
    with Vault.unlock(data_dir, "a brand new passphrase") as vault:
        case = Case(vault, case.person_id)
        assert docs.document_content(case, ids[1]).data == (tmp_path / "b.png").read_bytes()
        # The files were not rewritten: their keys moved with the re-keyed rows.
        assert {p.name: p.read_bytes() for p in vault.paths.documents.iterdir()} == files_before


@pytest.mark.parametrize("damage", ["flip", "truncate", "delete"])
def test_check_names_a_tampered_document(data_dir: Path, tmp_path: Path, damage: str) -> None:
    with Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF) as vault:
        _case_with_documents(vault, tmp_path)
        assert vault.integrity_check().ok
        victim = sorted(vault.paths.documents.iterdir())[0]
        data = bytearray(victim.read_bytes())
        if damage == "flip":
            data[len(data) // 2] ^= 0x01
            victim.write_bytes(bytes(data))
        elif damage == "truncate":
            victim.write_bytes(bytes(data[:-20]))
        else:
            victim.unlink()
        report = vault.integrity_check()
    assert len(report.problems) == 1
    assert report.problems[0].startswith("document ")


def test_unlock_does_not_read_documents(data_dir: Path, tmp_path: Path) -> None:
    with Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF) as vault:
        _case_with_documents(vault, tmp_path)
        folder = vault.paths.documents
    # Unreadable content must not stop an unlock: it is only read when asked for.
    for path in folder.iterdir():
        path.write_bytes(b"garbage")
    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        assert not vault.integrity_check().ok


def test_leftover_partial_files_are_removed_at_unlock(data_dir: Path) -> None:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    (data_dir / "documents").mkdir()
    part = data_dir / "documents" / ".abc.part"
    part.write_bytes(b"x")
    Vault.unlock(data_dir, PASSPHRASE).lock()
    assert not part.exists()
