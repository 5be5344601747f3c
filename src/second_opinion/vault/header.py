"""The vault's small plaintext header: the salt, KDF settings and key-check value.

It holds nothing secret and no health data. While a passphrase change is under way it also
holds the *pending* key's salt and check, so that after a crash at any point exactly one of
the old and new passphrases opens the vault (see ``Vault.change_passphrase``).
"""

from __future__ import annotations

import base64
import json
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from second_opinion.vault.errors import NotAVault, VaultFromNewerVersion, WeakKdfParameters
from second_opinion.vault.kdf import KdfParameters
from second_opinion.vault.layout import VaultPaths
from second_opinion.vault.paths import atomic_write_bytes

MAGIC = "second-opinion-vault"
FORMAT_VERSION = 1
# A header is a few hundred bytes (about 1 KiB with a pending slot); anything much larger is
# not one, and is refused before it is read into memory.
MAX_HEADER_BYTES = 16 * 1024
_UNREADABLE = "The vault's header file cannot be read as a header."


@dataclass(frozen=True)
class KeySlot:
    salt: bytes
    kdf: KdfParameters
    key_check: bytes

    def to_json(self) -> dict[str, object]:
        return {
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "kdf": self.kdf.to_json(),
            "key_check": base64.b64encode(self.key_check).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: object) -> KeySlot:
        if not isinstance(data, dict):
            raise NotAVault()
        kdf_data = data.get("kdf")
        if not isinstance(kdf_data, dict):
            raise WeakKdfParameters()
        try:
            salt = base64.b64decode(str(data["salt"]), validate=True)
            check = base64.b64decode(str(data["key_check"]), validate=True)
        except (KeyError, ValueError) as exc:
            raise NotAVault() from exc
        if len(salt) < 16 or len(check) != 32:
            raise NotAVault()
        return cls(salt=salt, kdf=KdfParameters.from_json(kdf_data), key_check=check)


@dataclass(frozen=True)
class VaultHeader:
    vault_id: str
    current: KeySlot
    pending: KeySlot | None = None
    #: While a restore swaps the database: the restored vault's id and key. Kept beside
    #: ``current`` and ``pending`` (an interrupted passphrase change stays as it was), so that
    #: after a crash the database decides which of them it is encrypted with.
    restoring: tuple[str, KeySlot] | None = None

    @classmethod
    def new(cls, slot: KeySlot) -> VaultHeader:
        import uuid  # only a new vault needs one; opening should not load it

        return cls(vault_id=str(uuid.uuid4()), current=slot)

    def with_pending(self, slot: KeySlot | None) -> VaultHeader:
        return replace(self, pending=slot)

    def promoted(self) -> VaultHeader:
        assert self.pending is not None
        return replace(self, current=self.pending, pending=None)

    @property
    def settled(self) -> bool:
        return self.pending is None and self.restoring is None

    def slots(self) -> list[tuple[KeySlot, str]]:
        """Every key slot with its role: "current", "pending" or "restoring"."""
        found = [(self.current, "current")]
        if self.pending is not None:
            found.append((self.pending, "pending"))
        if self.restoring is not None:
            found.append((self.restoring[1], "restoring"))
        return found

    def settled_on(self, role: str) -> VaultHeader:
        """The header once the database has shown which slot's key it is encrypted with."""
        if role == "pending":
            assert self.pending is not None
            return VaultHeader(vault_id=self.vault_id, current=self.pending)
        if role == "restoring":
            assert self.restoring is not None
            return VaultHeader(vault_id=self.restoring[0], current=self.restoring[1])
        return VaultHeader(vault_id=self.vault_id, current=self.current)

    def to_bytes(self) -> bytes:
        data: dict[str, object] = {
            "magic": MAGIC,
            "format": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "key": self.current.to_json(),
        }
        if self.pending is not None:
            data["pending_key"] = self.pending.to_json()
        if self.restoring is not None:
            data["restoring"] = {"vault_id": self.restoring[0], "key": self.restoring[1].to_json()}
        return json.dumps(data, indent=2, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> VaultHeader:
        if len(raw) > MAX_HEADER_BYTES:
            raise NotAVault()
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise NotAVault() from exc
        if not isinstance(data, dict) or data.get("magic") != MAGIC:
            raise NotAVault()
        fmt = data.get("format")
        if not isinstance(fmt, int):
            raise NotAVault()
        if fmt > FORMAT_VERSION:
            raise VaultFromNewerVersion()
        vault_id = data.get("vault_id")
        if not isinstance(vault_id, str) or not vault_id:
            raise NotAVault()
        pending_raw = data.get("pending_key")
        restoring_raw = data.get("restoring")
        restoring: tuple[str, KeySlot] | None = None
        if restoring_raw is not None:
            if not isinstance(restoring_raw, dict):
                raise NotAVault()
            restored_id = restoring_raw.get("vault_id")
            if not isinstance(restored_id, str) or not restored_id:
                raise NotAVault()
            restoring = (restored_id, KeySlot.from_json(restoring_raw.get("key")))
        return cls(
            vault_id=vault_id,
            current=KeySlot.from_json(data.get("key")),
            pending=KeySlot.from_json(pending_raw) if pending_raw is not None else None,
            restoring=restoring,
        )

    @classmethod
    def read(cls, path: Path) -> VaultHeader:
        """Read the header at ``path``; anything that is not a small regular file is refused
        before a byte of it is read (a header is a few hundred bytes)."""
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError as exc:
            raise NotAVault(
                "The vault's header file is missing, so the passphrase cannot be checked. "
                "Restore the vault from a backup."
            ) from exc
        except OSError as exc:
            raise NotAVault(_UNREADABLE) from exc
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_HEADER_BYTES:
                raise NotAVault(_UNREADABLE)
            with os.fdopen(fd, "rb", closefd=False) as handle:
                raw = handle.read(MAX_HEADER_BYTES + 1)
        except OSError as exc:
            raise NotAVault(_UNREADABLE) from exc
        finally:
            os.close(fd)
        if len(raw) > MAX_HEADER_BYTES:
            raise NotAVault(_UNREADABLE)
        return cls.from_bytes(raw)

    def write(self, path: Path) -> None:
        """Write the header, then its second copy beside it (each atomically, 0600).

        The copy is written second, so it never names a key the database has not had: a
        passphrase change re-keys only after both hold the pending slot.
        """
        data = self.to_bytes()
        atomic_write_bytes(path, data)
        atomic_write_bytes(copy_path(path), data)


def copy_path(header_path: Path) -> Path:
    """Where the second copy of the header at ``header_path`` lives."""
    return VaultPaths(header_path.parent).header_copy


def _refuse_constant(name: str) -> object:
    # Python's json accepts NaN and Infinity, which no header of ours contains.
    raise ValueError(f"{name} is not valid in a header")
