"""Eight threads hammering the vault: no closed connections, no refusals, one key derivation."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from second_opinion.domain.models import Person
from second_opinion.vault import vault as vault_module
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF

THREADS = 8
OPERATIONS = 1_000


@pytest.mark.slow
def test_eight_threads_of_a_thousand_operations_run_cleanly_on_a_key_derived_once(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    derivations = 0
    real_derive = vault_module.derive_key

    def counting_derive(*args: Any) -> bytearray:
        nonlocal derivations
        derivations += 1
        return real_derive(*args)

    monkeypatch.setattr(vault_module, "derive_key", counting_derive)
    vault = Vault.unlock(data_dir, PASSPHRASE)
    with vault.session() as s:
        s.add(Person(name="shared"))

    failures: list[str] = []
    inserted = [0] * THREADS

    def work(worker: int) -> None:
        for op in range(OPERATIONS):
            try:
                with vault.session() as s:
                    kind = op % 100
                    if kind == 0:  # a new row
                        s.add(Person(name=f"worker {worker} op {op}"))
                        inserted[worker] += 1
                    elif kind == 50:  # read, then change what was read
                        shared = s.scalars(select(Person).where(Person.name == "shared")).one()
                        shared.condition = f"{worker}:{op}"
                    else:  # reads: the bulk of what a user's screens do (writes cost an fsync each)
                        s.scalar(select(func.count()).select_from(Person))
            except Exception as exc:
                failures.append(f"{type(exc).__name__}: {str(exc)[:120]}")

    threads = [threading.Thread(target=work, args=(w,)) for w in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    try:
        assert failures == []
        with vault.session() as s:
            assert s.scalar(select(func.count()).select_from(Person)) == 1 + sum(inserted)
        report = vault.integrity_check()
        assert report.ok, report.problems
        assert derivations == 1
    finally:
        vault.lock()
