"""A vault in use is "in use", never "damaged": the instance lock is taken before the header
is read, so a passphrase change in another window cannot change the header under an unlock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from second_opinion.vault import vault as vault_module
from second_opinion.vault.errors import VaultInUse
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF

NEW = PASSPHRASE + " and more"


def test_unlock_beside_a_passphrase_change_reports_in_use_not_damaged(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    other_window = Vault.unlock(data_dir, PASSPHRASE)
    real_derive = vault_module.derive_key
    busy = False

    def derive_while_the_other_window_changes_the_passphrase(*args: Any) -> bytearray:
        # Whatever this unlock read so far, the other window now changes the passphrase and
        # closes: the worst moment for an unlock that read the header without the lock.
        nonlocal busy
        key = real_derive(*args)
        if not busy and not other_window.is_locked:
            busy = True
            other_window.change_passphrase(PASSPHRASE, NEW, kdf=TEST_KDF)
            other_window.lock()
        return key

    monkeypatch.setattr(
        vault_module, "derive_key", derive_while_the_other_window_changes_the_passphrase
    )
    try:
        with pytest.raises(VaultInUse):
            Vault.unlock(data_dir, PASSPHRASE)
    finally:
        other_window.lock()
    monkeypatch.undo()
    Vault.unlock(data_dir, PASSPHRASE).lock()
