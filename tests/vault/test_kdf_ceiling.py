"""The Argon2 ceiling: a header asking for more than a laptop can afford is refused as too
high, before any derivation, and the message says which way it is out of range."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from second_opinion.vault import vault as vault_module
from second_opinion.vault.errors import WeakKdfParameters
from second_opinion.vault.kdf import MAXIMUM_ITERATIONS, MAXIMUM_MEMORY_KIB, KdfParameters
from second_opinion.vault.paths import VaultPaths
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF


def _must_not_derive(*_args: object) -> bytearray:
    raise AssertionError("the key was derived although the header should have been refused")


@pytest.mark.parametrize(
    "field, value, says",
    [
        ("memory_kib", 2 * 1024 * 1024, "too high"),  # the old ceiling: 62 s and 2.1 GB
        ("iterations", 64, "too high"),
        ("parallelism", 64, "too high"),
        ("memory_kib", 1024 * 1024, "too high"),  # 1 GiB at t=2 is fine; t=16 below is not
        ("memory_kib", 1024, "below the safe minimum"),
    ],
)
def test_kdf_settings_out_of_range_are_refused_and_named_the_right_way(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, field: str, value: int, says: str
) -> None:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    paths = VaultPaths(data_dir)
    for header in (paths.header, paths.header_copy):
        data = json.loads(header.read_text("utf-8"))
        data["key"]["kdf"][field] = value
        if value == 1024 * 1024:
            data["key"]["kdf"]["iterations"] = 16
        header.write_text(json.dumps(data), "utf-8")
    monkeypatch.setattr(vault_module, "derive_key", _must_not_derive)
    with pytest.raises(WeakKdfParameters) as raised:
        Vault.unlock(data_dir, PASSPHRASE)
    assert says in str(raised.value)


def test_the_ceiling_is_what_a_laptop_can_afford() -> None:
    assert MAXIMUM_MEMORY_KIB <= 1024 * 1024 and MAXIMUM_ITERATIONS <= 16
    KdfParameters(memory_kib=MAXIMUM_MEMORY_KIB, iterations=4).require_minimum()
    KdfParameters(memory_kib=256 * 1024, iterations=MAXIMUM_ITERATIONS).require_minimum()
