"""The derived key, held in a bytearray so it can be wiped when the vault locks.

SQLCipher gets the key through ``sqlite3_key`` / ``sqlite3_rekey`` (``set_key`` and
``reset_key`` of the driver), which take a bytes-like object: its raw-key literal (x'..') is
built here in a bytearray, byte by byte, and wiped as soon as the call returns, so the key
never becomes an immutable ``str`` of hex that no one can wipe. What copies remain (inside
SQLCipher, argon2's result, the keyring) is listed in docs/design/key-derivation.md.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from second_opinion.vault.errors import VaultLocked

_HEX_DIGITS = b"0123456789abcdef"


def wipe(buffer: bytearray) -> None:
    """Overwrite ``buffer`` with zeros in place."""
    buffer[:] = bytes(len(buffer))


class VaultKey:
    def __init__(self, material: bytearray) -> None:
        if len(material) != 32:
            raise ValueError("a vault key is 32 bytes")
        self._material = material

    @property
    def wiped(self) -> bool:
        return not any(self._material)

    def raw(self) -> bytes:
        """An immutable copy (for the keyring, which only takes text); prefer ``buffer``."""
        self._require()
        return bytes(self._material)

    def buffer(self) -> bytearray:
        """The key's own buffer (no copy), for a call that only reads it; never keep it."""
        self._require()
        return self._material

    @contextlib.contextmanager
    def sqlcipher_literal(self) -> Iterator[bytearray]:
        """SQLCipher's raw-key literal ``x'<64 hex>'`` (which skips its own PBKDF2), in a
        bytearray that is wiped when the block ends."""
        self._require()
        literal = bytearray(3 + 2 * len(self._material))
        literal[0:2] = b"x'"
        for i, byte in enumerate(self._material):
            literal[2 + 2 * i] = _HEX_DIGITS[byte >> 4]
            literal[3 + 2 * i] = _HEX_DIGITS[byte & 0x0F]
        literal[-1] = ord("'")
        try:
            yield literal
        finally:
            wipe(literal)

    def copy(self) -> VaultKey:
        self._require()
        return VaultKey(bytearray(self._material))

    def wipe(self) -> None:
        wipe(self._material)

    def _require(self) -> None:
        if self.wiped:
            raise VaultLocked()
