"""The keyring only caches the derived key; any trouble with it means "ask the passphrase"."""

from __future__ import annotations

import base64
import threading
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest

from second_opinion.vault.errors import WrongPassphrase
from second_opinion.vault.keystore import SERVICE, KeyStore
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF, MemoryKeyring
from tests.vault.helpers import snapshot


def test_remembering_stores_the_derived_key_never_the_passphrase(
    vault: Vault, memory_keyring: MemoryKeyring
) -> None:
    store = KeyStore()
    assert store.status().usable
    assert store.save(vault.vault_id, vault.key)

    stored = memory_keyring.store[(SERVICE, vault.vault_id)]
    assert base64.b64decode(stored) == vault.key.raw()
    for form in (
        PASSPHRASE,
        PASSPHRASE.encode().hex(),
        base64.b64encode(PASSPHRASE.encode()).decode(),
        PASSPHRASE.split()[0],
    ):
        assert form not in stored


def test_remembered_key_unlocks_the_vault(vault: Vault, data_dir: Path) -> None:
    store = KeyStore()
    store.save(vault.vault_id, vault.key)
    vault_id = vault.vault_id
    vault.lock()

    key = store.load(vault_id)
    assert key is not None
    Vault.unlock_with_key(data_dir, key).lock()


def test_forget_deletes_the_remembered_key(vault: Vault, memory_keyring: MemoryKeyring) -> None:
    store = KeyStore()
    store.save(vault.vault_id, vault.key)
    assert store.forget(vault.vault_id)
    assert memory_keyring.store == {}
    assert store.load(vault.vault_id) is None
    assert store.forget(vault.vault_id)  # forgetting twice is not an error


class PlaintextFileKeyring(keyring.backend.KeyringBackend):
    """Like keyrings.alt's PlaintextKeyring: a confident priority and a readable file."""

    priority = 0.5  # type: ignore[assignment]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.file_path = str(folder / "keyring_pass.cfg")

    def get_password(self, service: str, username: str) -> str | None:
        path = Path(self.file_path)
        return path.read_text() if path.exists() else None

    def set_password(self, service: str, username: str, password: str) -> None:
        Path(self.file_path).write_text(password)

    def delete_password(self, service: str, username: str) -> None:
        Path(self.file_path).unlink()


UNUSABLE = {
    "fail backend": lambda home: keyring.backends.fail.Keyring(),
    "null backend": lambda home: keyring.backends.null.Keyring(),
    "plaintext file backend": lambda home: PlaintextFileKeyring(home),
    "chain including a plaintext file": lambda home: keyring.backends.chainer.ChainerBackend(),
}


@pytest.mark.parametrize("make_backend", UNUSABLE.values(), ids=UNUSABLE.keys())
def test_untrustworthy_keyrings_are_detected_and_nothing_is_written_anywhere(
    vault: Vault,
    _private_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_backend: object,
) -> None:
    backend = make_backend(_private_home)  # type: ignore[operator]
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        monkeypatch.setattr(
            keyring.backends.chainer.ChainerBackend,
            "backends",
            [MemoryKeyring(), PlaintextFileKeyring(_private_home)],
        )
    keyring.set_keyring(backend)
    home_before = snapshot(_private_home)
    vault_before = snapshot(vault.paths.folder)

    store = KeyStore()
    status = store.status()
    assert not status.usable
    assert status.reason
    assert store.save(vault.vault_id, vault.key) is False
    assert store.load(vault.vault_id) is None
    assert snapshot(_private_home) == home_before
    assert snapshot(vault.paths.folder) == vault_before


def test_stale_remembered_key_falls_back_to_the_passphrase_without_touching_the_vault(
    vault: Vault, data_dir: Path
) -> None:
    store = KeyStore()
    store.save(vault.vault_id, vault.key)
    vault.change_passphrase(PASSPHRASE, "a brand new passphrase", kdf=TEST_KDF)
    vault_id = vault.vault_id
    vault.lock()
    before = snapshot(data_dir)

    stale = store.load(vault_id)
    assert stale is not None
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_key(data_dir, stale)
    assert snapshot(data_dir) == before
    Vault.unlock(data_dir, "a brand new passphrase").lock()


class BrokenKeyring(MemoryKeyring):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error


@pytest.mark.parametrize(
    "error",
    [keyring.errors.KeyringLocked("locked"), keyring.errors.InitError("dbus"), RuntimeError("x")],
    ids=["locked keyring", "init error", "unexpected error"],
)
def test_keyring_error_falls_back_to_the_passphrase_without_touching_the_vault(
    vault: Vault, error: Exception
) -> None:
    keyring.set_keyring(BrokenKeyring(error))
    before = snapshot(vault.paths.folder)
    store = KeyStore()
    assert store.load(vault.vault_id) is None
    assert store.save(vault.vault_id, vault.key) is False
    assert snapshot(vault.paths.folder) == before


class HangingKeyring(MemoryKeyring):
    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(30)
        return base64.b64encode(bytes(range(1, 33))).decode()  # a plausible key, too late


def test_hanging_keyring_is_abandoned_and_falls_back_to_the_passphrase(vault: Vault) -> None:
    hanging = HangingKeyring()
    keyring.set_keyring(hanging)
    before = snapshot(vault.paths.folder)
    try:
        assert KeyStore(timeout_s=0.2).load(vault.vault_id) is None
    finally:
        hanging.release.set()
    assert snapshot(vault.paths.folder) == before


def test_garbage_in_the_keyring_is_ignored(vault: Vault, memory_keyring: MemoryKeyring) -> None:
    store = KeyStore()
    for junk in ("not base64 at all!", base64.b64encode(b"short").decode(), ""):
        memory_keyring.store[(SERVICE, vault.vault_id)] = junk
        assert store.load(vault.vault_id) is None
