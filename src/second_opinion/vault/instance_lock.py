"""The lock that keeps a second process out of an open vault (a second window, the command line).

An exclusive, non-blocking lock on ``vault.lock`` held for as long as the vault is open: the
operating system drops it when the process ends, however it ends, so a crash never leaves the
vault locked out. One open file, one ``flock`` (or ``msvcrt.locking`` on Windows) call.

Why not the ``filelock`` package, which does this and more: since 3.2x it imports asyncio at
import time, about 60 ms measured here, and opening the vault is on the path from launch to
the unlocked window, where every millisecond is felt. We need none of its extras (timeouts,
re-entrance, async).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from second_opinion.private_files import PRIVATE_FILE_MODE
from second_opinion.vault.errors import DataFolderNotWritable, UnsafeDataFolder, VaultInUse

_NOT_A_LOCK = (
    "The vault's lock file (vault.lock) is a link or not a plain file, so someone may be "
    "trying to redirect the vault's files. Remove it and try again; nothing was changed."
)

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class InstanceLock:
    """Held from ``acquire`` to ``release``; any thread may release it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock now or refuse: ``VaultInUse`` when another holder has it,
        ``DataFolderNotWritable`` when the lock file cannot be opened."""
        if self._fd is not None:
            return
        # Never through a symbolic link (it could make us create or lock a file elsewhere),
        # and never anything but a regular file (a FIFO would block, a device would be
        # opened for writing).
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self.path, flags, PRIVATE_FILE_MODE)
        except OSError as exc:
            if exc.errno == errno.ELOOP or os.path.islink(self.path):
                raise UnsafeDataFolder(_NOT_A_LOCK) from None
            raise DataFolderNotWritable() from exc
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise UnsafeDataFolder(_NOT_A_LOCK)
        except BaseException:
            os.close(fd)
            raise
        try:
            _try_lock(fd)
        except OSError:
            os.close(fd)
            raise VaultInUse() from None
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)
