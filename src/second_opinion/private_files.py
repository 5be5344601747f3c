"""Writing a file that holds health data without leaving a readable or half-written one.

Used for everything the app writes: the vault's header, exported PDFs, vCards and calendar
files. The file is created 0600 (never the 0644 a library would use), fully written and
synced under a temporary name in the destination folder, and only then renamed over the
destination, so a crash or a full disk never leaves a truncated file in its place. It imports
nothing from the app, so every layer may use it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

PRIVATE_FILE_MODE = 0o600


def write_private_atomically(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write ``data`` (bytes, or chunks of them) to ``path`` (0600) atomically; returns the
    absolute path written."""
    target = Path(path).expanduser().absolute()
    folder = target.parent
    # mkstemp creates the file 0600 already; the explicit chmod keeps that true under any umask.
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):  # not on Windows, where mkstemp's mode already applies
                os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
            if isinstance(data, bytes | bytearray):
                handle.write(data)
            else:
                for chunk in data:
                    handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_folder(folder)
    return target


PRIVATE_DIR_MODE = 0o700


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and every missing parent 0700, whatever the umask.

    ``Path.mkdir(parents=True, mode=...)`` applies ``mode`` to the last folder only; the
    parents get 0777 minus the umask (0777 itself under umask 000). Folders that already
    exist are left as they are.
    """
    folder = Path(folder).expanduser().absolute()
    missing: list[Path] = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for created in reversed(missing):
        try:
            os.mkdir(created, PRIVATE_DIR_MODE)
        except FileExistsError:
            continue  # made meanwhile by someone else: not ours to change
        os.chmod(created, PRIVATE_DIR_MODE)


def _sync_folder(folder: Path) -> None:
    # The rename itself is only durable once the directory entry is on disk (POSIX).
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
