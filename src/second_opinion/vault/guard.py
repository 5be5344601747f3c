"""The one rule that keeps exports and backups from being written over the vault itself.

Every file the app writes where the user chose (exported PDFs, vCards, calendar files,
backups) is checked here first, by the command line and by every save dialog. The vault's
folder holds the database, its header, the lock and ``backups/``; a file written anywhere in
it could replace one of them, and without the header's salt the vault could never be opened
again. Qt-free, so the command line and the UI share it.
"""

from __future__ import annotations

import os
from pathlib import Path

from second_opinion.vault.errors import OutputInsideVault

__all__ = ["is_inside_vault", "refuse_output_in_vault"]


def _real(path: Path) -> Path:
    # Absolute without collapsing ".." first: realpath resolves each symlink before applying
    # the ".." that follows it, as the operating system will when the file is opened.
    absolute = Path(path).expanduser()
    if not absolute.is_absolute():
        absolute = Path.cwd() / absolute
    return Path(os.path.normcase(os.path.realpath(absolute)))


def is_inside_vault(path: Path, data_dir: Path) -> bool:
    """Whether ``path`` (after symlinks and "..") is the vault's folder or anything in it."""
    target = _real(path)
    folder = _real(data_dir)
    if target == folder or folder in target.parents:
        return True
    # The same folder reached by another spelling (a case-insensitive file system, a bind
    # mount): compare the folders that exist by identity, not by name.
    try:
        folder_stat = os.stat(folder)
    except OSError:
        return False
    for candidate in (target, *target.parents):
        try:
            if os.path.samestat(os.stat(candidate), folder_stat):
                return True
        except OSError:
            continue
    return False


def refuse_output_in_vault(path: Path, data_dir: Path) -> None:
    """Raise ``OutputInsideVault`` when writing ``path`` could touch the vault in ``data_dir``."""
    if is_inside_vault(path, data_dir):
        raise OutputInsideVault()
