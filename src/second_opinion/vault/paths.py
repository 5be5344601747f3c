"""Where a vault lives, and the file permissions that keep it private."""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from pathlib import Path

from second_opinion import APP_ID
from second_opinion.private_files import (
    PRIVATE_DIR_MODE,
    PRIVATE_FILE_MODE,
    make_private_dirs,
    write_private_atomically,
)
from second_opinion.vault.errors import DataFolderNotWritable, UnsafeDataFolder
from second_opinion.vault.layout import VaultPaths

log = logging.getLogger(__name__)

__all__ = [
    "PRIVATE_DIR_MODE",
    "VaultPaths",
    "atomic_write_bytes",
    "default_data_dir",
    "ensure_private_dir",
    "make_private",
    "require_empty_or_ours",
    "require_safe_folder",
    "require_usable_path",
]


def default_data_dir() -> Path:
    import platformdirs  # only needed when no --data-dir was given

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=True))


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (0700, and any missing parent 0700) and prove we can write in it;
    refuse a folder others could write to or that belongs to someone else."""
    try:
        make_private_dirs(folder)
        require_safe_folder(folder)
        probe_fd, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
        os.close(probe_fd)
        os.unlink(probe)
    except OSError as exc:
        raise DataFolderNotWritable() from exc


#: The longest name the vault puts in its folder (a restore's staged file and its journal),
#: and the longest full path SQLite opens (its Unix VFS's MAX_PATHNAME).
_LONGEST_OWN_NAME = 64
_SQLITE_MAX_PATH = 512
_NAME_MAX = 255


def require_usable_path(folder: Path) -> None:
    """Refuse, before anything is created, a data folder whose name is too long for the file
    system or whose path is too long for SQLite (which would fail half-way through)."""
    absolute = Path(folder).expanduser().absolute()
    if any(len(os.fsencode(part)) > _NAME_MAX for part in absolute.parts):
        raise DataFolderNotWritable(
            "The data folder's name is too long for this system (at most 255 bytes per "
            "folder name). Choose a shorter one; nothing was changed."
        )
    if len(os.fsencode(str(absolute))) + 1 + _LONGEST_OWN_NAME > _SQLITE_MAX_PATH:
        raise DataFolderNotWritable(
            f"The data folder's path is too long for the vault's database (at most "
            f"{_SQLITE_MAX_PATH - 1 - _LONGEST_OWN_NAME} bytes). Choose a shorter one; "
            "nothing was changed."
        )


def require_safe_folder(folder: Path) -> None:
    """Refuse (``UnsafeDataFolder``) a folder owned by another user, or one others can write
    to and that cannot be made private (0700). A folder of ours is made 0700 on the way.

    Whoever can write to the folder can replace the vault's header, database or lock: the
    encryption keeps them from reading it, not from swapping it for another.
    """
    info = os.stat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise DataFolderNotWritable("The data folder is a file, not a folder.")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise UnsafeDataFolder(
            "The data folder belongs to another user, who could change or replace the "
            "vault's files. Use a folder of your own; nothing was changed."
        )
    if stat.S_IMODE(info.st_mode) & 0o077:
        try:
            os.chmod(folder, PRIVATE_DIR_MODE)
        except OSError:
            if os.name == "posix" and stat.S_IMODE(info.st_mode) & 0o022:
                raise UnsafeDataFolder() from None
            log.warning("the data folder could not be made private (0700)")


def require_empty_or_ours(folder: Path, ours: tuple[str, ...]) -> None:
    """Refuse to make a vault in an existing folder that holds anything but ``ours``."""
    try:
        names = {entry.name for entry in os.scandir(folder)}
    except FileNotFoundError:
        return
    except NotADirectoryError:
        raise DataFolderNotWritable("The data folder is a file, not a folder.") from None
    except OSError as exc:
        raise DataFolderNotWritable() from exc
    if names - set(ours):
        raise UnsafeDataFolder(
            "The data folder already holds other files and is not a vault. Choose an empty "
            "folder, or a new one, for the vault; nothing was changed."
        )


def make_private(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, PRIVATE_FILE_MODE)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one."""
    write_private_atomically(path, data)
