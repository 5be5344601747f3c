"""Secrets in memory (issue 23.10): no core dumps, keys wiped on lock, no hex key as a str."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from second_opinion.vault import connection
from second_opinion.vault.key import VaultKey
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF

SRC = Path(__file__).resolve().parents[2] / "src"


def test_the_entry_point_turns_core_dumps_off_before_anything_else() -> None:
    code = (
        "import resource, sys\n"
        "from second_opinion.__main__ import main\n"
        "from second_opinion.hardening import is_dumpable\n"
        "before = resource.getrlimit(resource.RLIMIT_CORE)\n"
        "main(['--version'])\n"
        "print(before, resource.getrlimit(resource.RLIMIT_CORE), is_dumpable(), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        timeout=60,
        check=True,
    )
    last = done.stderr.strip().splitlines()[-1]
    assert last.endswith("(0, 0) False"), last


def test_lock_wipes_the_key_bytes(data_dir: Path) -> None:
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    key = vault.key
    held = key.buffer()
    with vault.session():
        pass  # the engine's connections hold the same key object
    vault.lock()
    assert key.wiped
    assert held == bytearray(32)


def test_unlock_and_change_passphrase_key_connections_from_wiped_buffers(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    given: list[Any] = []
    real_connect = connection.sqlcipher3.connect

    class Recording:
        def __init__(self, conn: Any) -> None:
            self._conn = conn

        def set_key(self, literal: Any) -> None:
            given.append(literal)
            self._conn.set_key(literal)

        def reset_key(self, literal: Any) -> None:
            given.append(literal)
            self._conn.reset_key(literal)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._conn, name)

    monkeypatch.setattr(
        connection.sqlcipher3, "connect", lambda *a, **kw: Recording(real_connect(*a, **kw))
    )
    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        vault.change_passphrase(PASSPHRASE, "another passphrase", kdf=TEST_KDF)
    assert len(given) >= 2
    for literal in given:
        # A bytearray (never a str, which no one can wipe), zeroed once the call returned.
        assert isinstance(literal, bytearray)
        assert literal == bytearray(len(literal)) and len(literal) == 67


def test_the_literal_is_sqlciphers_raw_key_form() -> None:
    key = VaultKey(bytearray(range(32)))
    with key.sqlcipher_literal() as literal:
        assert bytes(literal) == b"x'" + bytes(range(32)).hex().encode() + b"'"
    assert literal == bytearray(67)
    assert not key.wiped
