"""Which files make up a vault, and whether there is one.

Apart from the rest of ``paths`` (permissions, atomic writes) because the window asks
"is there a vault here?" before its first paint, where every module loaded costs time; so
this one needs nothing but ``pathlib``. (A NamedTuple, not a dataclass, for the same reason.)
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class VaultPaths(NamedTuple):
    """The files of the vault in ``folder``."""

    folder: Path

    @property
    def header(self) -> Path:
        return self.folder / "vault.header.json"

    @property
    def header_copy(self) -> Path:
        """A second copy of the header (small, not secret): the salt survives losing one."""
        return self.folder / "vault.header.copy.json"

    @property
    def database(self) -> Path:
        return self.folder / "vault.db"

    @property
    def lock(self) -> Path:
        return self.folder / "vault.lock"

    @property
    def documents(self) -> Path:
        """Encrypted document files (see ``vault.documents``)."""
        return self.folder / "documents"

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    def exists(self) -> bool:
        return self.header.exists() or self.database.exists()
