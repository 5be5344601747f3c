"""Remembering a vault's derived key in the operating system's keyring.

The keyring only ever *caches* a key that the passphrase can always re-derive: any trouble
with it (no backend, a locked keyring, an error, a hang, a stale key) means "ask for the
passphrase", never "the data is gone". Only real OS backends are trusted; the null backend
(drops secrets silently), the fail backend and plaintext file backends are refused.
"""

from __future__ import annotations

import base64
import logging
import threading
from dataclasses import dataclass
from typing import Any

import keyring
import keyring.backend
import keyring.errors

from second_opinion.vault.key import VaultKey

SERVICE = "second-opinion-vault"
KEYRING_TIMEOUT_S = 3.0

log = logging.getLogger(__name__)

# Modules whose backends either store nothing or store secrets in a readable file.
_UNTRUSTED_MODULE_PREFIXES = (
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyrings.alt",
    "keyrings.cryptfile",
)


@dataclass(frozen=True)
class KeyringStatus:
    usable: bool
    reason: str = ""


def _leaf_backends(backend: Any) -> list[Any]:
    children = getattr(backend, "backends", None)
    if children is not None and backend.__class__.__module__.startswith("keyring.backends.chainer"):
        return [leaf for child in children for leaf in _leaf_backends(child)]
    return [backend]


def _is_trusted(backend: Any) -> bool:
    module = type(backend).__module__
    if any(module.startswith(prefix) for prefix in _UNTRUSTED_MODULE_PREFIXES):
        return False
    # File-based backends (keyrings.alt and look-alikes) keep secrets in a file of their own,
    # readable or guessable: exactly the fallback file the vault must never leave behind.
    if getattr(backend, "file_path", None) is not None:
        return False
    try:
        priority = float(type(backend).priority)
    except Exception:
        return False
    return priority > 0


class KeyStore:
    """The OS keyring, behind time limits and a trust check."""

    def __init__(self, timeout_s: float = KEYRING_TIMEOUT_S) -> None:
        self._timeout_s = timeout_s

    def status(self) -> KeyringStatus:
        try:
            backend = keyring.get_keyring()
        except Exception:
            return KeyringStatus(False, "No keyring is available on this computer.")
        leaves = _leaf_backends(backend)
        if not leaves or not all(_is_trusted(leaf) for leaf in leaves):
            return KeyringStatus(
                False,
                "This computer has no secure keyring, so the passphrase cannot be "
                "remembered; you will type it each time.",
            )
        return KeyringStatus(True)

    def load(self, vault_id: str) -> VaultKey | None:
        """The remembered key, or None on absence or any trouble (the caller then prompts)."""
        if not self.status().usable:
            return None
        stored = self._call(keyring.get_password, SERVICE, vault_id)
        if not isinstance(stored, str):
            return None
        try:
            raw = base64.b64decode(stored, validate=True)
        except ValueError:
            return None
        if len(raw) != 32 or not any(raw):
            return None
        return VaultKey(bytearray(raw))

    def save(self, vault_id: str, key: VaultKey) -> bool:
        if not self.status().usable:
            return False
        encoded = base64.b64encode(key.raw()).decode("ascii")
        ok = self._call(keyring.set_password, SERVICE, vault_id, encoded, default=False)
        return ok is not False

    def forget(self, vault_id: str) -> bool:
        if not self.status().usable:
            return False
        result = self._call(keyring.delete_password, SERVICE, vault_id, default=False)
        return result is not False

    def _call(self, fn: Any, *args: Any, default: Any = None) -> Any:
        # A keyring that waits for a user to unlock it (or hangs on D-Bus) must not freeze
        # the unlock: give up after a few seconds and fall back to the passphrase. The call
        # runs on a daemon thread so that one that never returns cannot block the app's exit
        # either (a thread pool's worker would be joined at exit).
        outcome: list[tuple[bool, Any]] = []
        done = threading.Event()

        def run() -> None:
            try:
                outcome.append((True, fn(*args)))
            except BaseException as exc:  # reported below, on the caller's thread
                outcome.append((False, exc))
            finally:
                done.set()

        threading.Thread(target=run, name="keyring-call", daemon=True).start()
        if not done.wait(self._timeout_s):
            log.warning("keyring did not answer within %.1f s", self._timeout_s)
            return default
        succeeded, value = outcome[0]
        if succeeded:
            return value
        if isinstance(value, keyring.errors.PasswordDeleteError):
            return True  # nothing stored: forgetting it is already done
        log.warning("keyring call failed: %s", type(value).__name__)
        return default
