"""The derived key, held in a bytearray so it can be wiped when the vault locks."""

from __future__ import annotations

from second_opinion.vault.errors import VaultLocked


class VaultKey:
    def __init__(self, material: bytearray) -> None:
        if len(material) != 32:
            raise ValueError("a vault key is 32 bytes")
        self._material = material

    @property
    def wiped(self) -> bool:
        return not any(self._material)

    def raw(self) -> bytes:
        self._require()
        return bytes(self._material)

    def pragma_literal(self) -> str:
        """The key as SQLCipher's raw-key literal (x'..'), which skips its own PBKDF2."""
        self._require()
        return "\"x'" + self._material.hex() + "'\""

    def copy(self) -> VaultKey:
        self._require()
        return VaultKey(bytearray(self._material))

    def wipe(self) -> None:
        for i in range(len(self._material)):
            self._material[i] = 0

    def _require(self) -> None:
        if self.wiped:
            raise VaultLocked()
