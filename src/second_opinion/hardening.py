"""Process-wide protections for the secrets an unlocked vault holds in memory.

A core dump (a crash, or ``gcore``/``kill -ABRT``) would write the process's memory, with the
vault key and every decrypted page, to a file in the current folder or to a system crash
collector. ``disable_core_dumps`` turns them off at start, before any passphrase is read:
the soft and hard ``RLIMIT_CORE`` go to 0, and on Linux ``PR_SET_DUMPABLE`` 0 also stops
core-pattern pipes (systemd-coredump, apport) and other processes of the same user from
attaching with ptrace or reading ``/proc/<pid>/mem``. Called by the entry point (``__main__``)
for the GUI and the command line alike. Best effort: a platform without these is left as is.
"""

from __future__ import annotations

import contextlib
import sys

__all__ = ["disable_core_dumps", "is_dumpable"]

_PR_GET_DUMPABLE = 3
_PR_SET_DUMPABLE = 4


def disable_core_dumps() -> None:
    with contextlib.suppress(ImportError, OSError, ValueError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            _prctl(_PR_SET_DUMPABLE, 0)


def is_dumpable() -> bool | None:
    """Whether the kernel would dump this process (Linux only; None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    return bool(_prctl(_PR_GET_DUMPABLE, 0))


def _prctl(option: int, value: int) -> int:
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    result = int(libc.prctl(option, value, 0, 0, 0))
    if result < 0:
        raise OSError(ctypes.get_errno(), "prctl failed")
    return result
