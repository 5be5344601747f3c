"""Where a vault lives, and the file permissions that keep it private."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from second_opinion import APP_ID
from second_opinion.private_files import PRIVATE_FILE_MODE, write_private_atomically
from second_opinion.vault.errors import DataFolderNotWritable
from second_opinion.vault.layout import VaultPaths

__all__ = [
    "PRIVATE_DIR_MODE",
    "VaultPaths",
    "atomic_write_bytes",
    "default_data_dir",
    "ensure_private_dir",
    "make_private",
]

PRIVATE_DIR_MODE = 0o700


def default_data_dir() -> Path:
    import platformdirs  # only needed when no --data-dir was given

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=True))


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (0700) and prove we can write in it, or refuse with a clear error."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        with contextlib.suppress(OSError):
            os.chmod(folder, PRIVATE_DIR_MODE)
        probe_fd, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
        os.close(probe_fd)
        os.unlink(probe)
    except OSError as exc:
        raise DataFolderNotWritable() from exc


def make_private(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, PRIVATE_FILE_MODE)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one."""
    write_private_atomically(path, data)
