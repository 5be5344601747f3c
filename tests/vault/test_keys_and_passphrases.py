"""Keys: the KDF settings live in the header, weak ones are refused, passphrases round-trip."""

from __future__ import annotations

import base64
import json
import unicodedata
from pathlib import Path

import argon2.low_level
import pytest

from second_opinion.vault import vault as vault_module
from second_opinion.vault.errors import EmptyPassphrase, WeakKdfParameters, WrongPassphrase
from second_opinion.vault.kdf import MINIMUM, KdfParameters
from second_opinion.vault.paths import VaultPaths
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.vault.helpers import add_people, names, snapshot, without_lock_file


def _header(folder: Path) -> dict[str, object]:
    data = json.loads(VaultPaths(folder).header.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _write_header(folder: Path, data: dict[str, object]) -> None:
    VaultPaths(folder).header.write_text(json.dumps(data), "utf-8")


def test_kdf_settings_and_salt_are_read_from_the_header(data_dir: Path) -> None:
    chosen = KdfParameters(memory_kib=MINIMUM.memory_kib + 1024, iterations=2, parallelism=2)
    Vault.create(data_dir, PASSPHRASE, kdf=chosen).lock()

    key_slot = _header(data_dir)["key"]
    assert isinstance(key_slot, dict)
    assert key_slot["kdf"] == {
        "algorithm": "argon2id",
        "memory_kib": chosen.memory_kib,
        "iterations": 2,
        "parallelism": 2,
    }
    assert len(base64.b64decode(key_slot["salt"])) >= 16
    Vault.unlock(data_dir, PASSPHRASE).lock()

    # Proof that unlock uses the header's salt rather than anything built in: change it and
    # the right passphrase no longer derives the right key.
    data = _header(data_dir)
    key_slot = data["key"]
    assert isinstance(key_slot, dict)
    key_slot["salt"] = base64.b64encode(b"\x00" * 16).decode()
    _write_header(data_dir, data)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, PASSPHRASE)


@pytest.mark.parametrize(
    "field, value",
    [
        ("memory_kib", 1024),
        ("iterations", 1),
        ("parallelism", 0),
        ("memory_kib", 64 * 1024 * 1024),  # a crafted header asking for 64 GiB
        ("iterations", 10_000),
    ],
)
def test_header_with_kdf_settings_outside_the_accepted_range_is_refused_before_deriving(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, field: str, value: int
) -> None:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    data = _header(data_dir)
    key_slot = data["key"]
    assert isinstance(key_slot, dict)
    key_slot["kdf"][field] = value
    _write_header(data_dir, data)
    before = snapshot(data_dir)
    monkeypatch.setattr(vault_module, "derive_key", _must_not_derive)

    with pytest.raises(WeakKdfParameters):
        Vault.unlock(data_dir, PASSPHRASE)
    assert without_lock_file(snapshot(data_dir)) == without_lock_file(before)


def test_creating_a_vault_with_kdf_settings_below_the_minimum_is_refused(data_dir: Path) -> None:
    weak = KdfParameters(memory_kib=8 * 1024, iterations=1, parallelism=1)
    with pytest.raises(WeakKdfParameters):
        Vault.create(data_dir, PASSPHRASE, kdf=weak)
    assert not VaultPaths(data_dir).header.exists()


def _must_not_derive(*_args: object) -> bytearray:
    raise AssertionError("the key was derived although the request should have been refused")


PASSPHRASES = {
    "quotes": "it's \"quoted\" '; PRAGMA key='x",
    "backslashes": "C:\\new\\table\\0\\x00",
    "emoji": "🩺 second opinion 💊👩🏽‍⚕️",
    "1024 characters": ("é🙂a" * 342)[:1024],
    "surrounding spaces": "  spaced out  ",
    "right to left": "كلمة المرور שלום",
}


@pytest.mark.parametrize("passphrase", PASSPHRASES.values(), ids=PASSPHRASES.keys())
def test_unusual_passphrases_round_trip(data_dir: Path, passphrase: str) -> None:
    vault = Vault.create(data_dir, passphrase, kdf=TEST_KDF)
    add_people(vault, 1)
    vault.lock()

    reopened = Vault.unlock(data_dir, passphrase)
    assert names(reopened) == {"person 0"}
    reopened.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, passphrase[:-1] or "x")


def test_the_same_passphrase_typed_composed_or_decomposed_unlocks(data_dir: Path) -> None:
    composed = unicodedata.normalize("NFC", "Crème brûlée, São Paulo, Ångström")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed

    Vault.create(data_dir, decomposed, kdf=TEST_KDF).lock()
    Vault.unlock(data_dir, composed).lock()
    Vault.unlock(data_dir, decomposed).lock()


def test_an_empty_passphrase_is_refused_before_any_work(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vault_module, "derive_key", _must_not_derive)
    monkeypatch.setattr(argon2.low_level, "hash_secret_raw", _must_not_derive)

    with pytest.raises(EmptyPassphrase):
        Vault.create(data_dir, "", kdf=TEST_KDF)
    assert not data_dir.exists()


def test_unlocking_with_an_empty_passphrase_is_refused_before_reading_the_vault(
    vault: Vault, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.lock()
    monkeypatch.setattr(vault_module, "derive_key", _must_not_derive)
    monkeypatch.setattr(vault_module.VaultHeader, "read", _must_not_derive)
    with pytest.raises(EmptyPassphrase):
        Vault.unlock(data_dir, "")


def test_the_header_holds_neither_the_passphrase_nor_the_key(vault: Vault, data_dir: Path) -> None:
    header = VaultPaths(data_dir).header.read_bytes()
    key = vault.key.raw()
    for secret in (
        PASSPHRASE.encode(),
        key,
        key.hex().encode(),
        base64.b64encode(key),
        base64.b64encode(PASSPHRASE.encode()),
    ):
        assert secret not in header
