"""An in-memory keyring for the benchmark's child processes, never the machine's real one.

The child selects it with ``PYTHON_KEYRING_BACKEND=probe_keyring.MemoryKeyring`` (this folder on
``PYTHONPATH``), so ``keyring`` loads it only when the app first asks for the keyring, on the
app's own unlock path, and the start-up pays nothing extra for it. It holds the one remembered
key given in ``SO_BENCH_REMEMBERED`` as ``"<service>|<vault id>|<base64 key>"``.
"""

from __future__ import annotations

import os

import keyring.backend
import keyring.errors


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}
        remembered = os.environ.get("SO_BENCH_REMEMBERED", "")
        if remembered:
            service, vault_id, key = remembered.split("|", 2)
            self.store[(service, vault_id)] = key

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.store:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.store[(service, username)]
