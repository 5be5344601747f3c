"""Shared tools for the vault's fault tests: file snapshots, sample rows, forked children."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from second_opinion.domain.models import Person
from second_opinion.vault.vault import Vault

# Forked children start in milliseconds (no re-import), which keeps the kill -9 tests fast.
# The parent must hold no open vault while forking: the child would inherit its lock.
_FORK = multiprocessing.get_context("fork")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its exact bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def without_lock_file(files: dict[str, bytes]) -> dict[str, bytes]:
    # vault.lock only marks "open in a process"; it holds no data.
    return {name: data for name, data in files.items() if name != "vault.lock"}


def add_people(vault: Vault, count: int, prefix: str = "person") -> None:
    with vault.session() as s:
        s.add_all(Person(name=f"{prefix} {i}", condition="x" * 200) for i in range(count))


def count_people(vault: Vault) -> int:
    with vault.session() as s:
        return int(s.scalar(select(func.count()).select_from(Person)) or 0)


def names(vault: Vault) -> set[str]:
    with vault.session() as s:
        return set(s.scalars(select(Person.name)))


class Child:
    """A forked process running ``target(send, *args)``; ``send`` reports progress lines."""

    def __init__(self, target: Callable[..., None], *args: Any) -> None:
        self._receive, send = _FORK.Pipe(duplex=False)
        self.process = _FORK.Process(target=_run_child, args=(target, send, args), daemon=True)
        self.process.start()
        send.close()
        self.messages: list[Any] = []

    def wait_for(self, expected: Any, timeout: float = 20.0) -> Any:
        """Read reports until one equals ``expected`` (or satisfies it, if callable)."""
        matches = expected if callable(expected) else (lambda message: message == expected)
        while True:
            if not self._receive.poll(timeout):
                raise AssertionError(f"child never said {expected!r}; said {self.messages!r}")
            message = self._receive.recv()
            self.messages.append(message)
            if isinstance(message, tuple) and message and message[0] == "error":
                raise AssertionError(f"child failed: {message[1]}")
            if matches(message):
                return message

    def kill(self) -> list[Any]:
        """SIGKILL (no cleanup of any kind), then everything it had reported before dying."""
        assert self.process.pid is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.join(10)
        while True:
            try:
                if not self._receive.poll(0):
                    break
                self.messages.append(self._receive.recv())
            except (EOFError, OSError):
                break
        self._receive.close()
        return self.messages


def _run_child(
    target: Callable[..., None], send: multiprocessing.connection.Connection, args: tuple[Any, ...]
) -> None:
    try:
        target(send, *args)
    except BaseException as exc:
        send.send(("error", f"{type(exc).__name__}: {exc}"))
        raise
