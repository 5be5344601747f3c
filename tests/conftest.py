"""Shared fixtures. Tests never touch the real keyring, the real data folder or the network."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: draw offscreen, never on the developer's display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

import keyring
import keyring.backend
import pytest

from second_opinion.vault.kdf import MINIMUM, KdfParameters
from second_opinion.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"
# The smallest settings the vault accepts: real Argon2id, just cheaper, so the suite stays fast.
TEST_KDF = KdfParameters(
    memory_kib=MINIMUM.memory_kib, iterations=MINIMUM.iterations, parallelism=1
)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory keyring, so no test ever reads or writes the developer's real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        import keyring.errors

        if (service, username) not in self.store:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point every per-user folder (data, config, cache) at a temporary one."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        target = home / sub
        target.mkdir(exist_ok=True)
        monkeypatch.setenv(var, str(target))
    # Qt works out the settings folder once per process; point it here for every test.
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / "config"))
    return home


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    v = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    yield v
    v.lock()


@pytest.fixture
def session(vault: Vault):
    """A session on a fresh vault; committed at the end of the test."""
    with vault.session() as s:
        yield s


@pytest.fixture(autouse=True, scope="session")
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    """As in the app (ui/gui_gc.py): the automatic cycle collector, which may run on any
    thread, stays off; each test's garbage is collected on the main thread at its end."""
    import gc

    gc.disable()
    yield
    gc.enable()


_tests_run = 0


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    global _tests_run
    yield
    import gc

    _tests_run += 1
    gc.collect(2 if _tests_run % 25 == 0 else 1)
