"""Pause points in the long reads, where the thread running them may let another one go first.

A read of a large case turns tens of thousands of rows into Python objects and holds the
interpreter for most of that time. In the app such a read runs on the database worker while
the window's thread handles input and paints; each call the window makes into Python then
waits for its turn, and a repaint takes about twice as long as it would alone. The long reads
call ``pause_point`` every few hundred rows. The app sets a hook there (``ui.ops``) that waits
a moment while the window is in the middle of something, so the window finishes it alone.
Without a hook (the command line, the tests of the services) a pause point does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlalchemy import Executable
    from sqlalchemy.orm import Session

T = TypeVar("T")

#: rows read between two pause points
EVERY = 250

_hook: Callable[[], None] | None = None


def set_hook(hook: Callable[[], None] | None) -> None:
    global _hook
    _hook = hook


def pause_point() -> None:
    hook = _hook
    if hook is not None:
        hook()


def paced(rows: Iterable[T]) -> Iterator[T]:
    """``rows``, with a pause point before every ``EVERY`` of them."""
    if _hook is None:
        yield from rows
        return
    for position, row in enumerate(rows):
        if not position % EVERY:
            pause_point()
        yield row


def fetch_all(result: Any) -> list[Any]:
    """Every row of an SQLAlchemy ``Result``, fetched ``EVERY`` at a time with a pause point
    before each slice (``result.all()`` in one go, without a hook)."""
    if _hook is None:
        return list(result.all())
    rows: list[Any] = []
    for part in result.partitions(EVERY):
        pause_point()
        rows.extend(part)
    return rows


def selected(session: Session, stmt: Executable) -> Iterator[Any]:
    """The rows of ``stmt`` run in ``session``, read ``EVERY`` at a time with a pause point
    before each slice.

    Iterating ``session.execute(stmt)`` is not enough: without ``yield_per`` the ORM fetches
    and converts every row on the first step, so a read of thousands of rows held the
    interpreter throughout with no pause point in it.
    """
    if _hook is None:
        yield from session.execute(stmt)
        return
    for part in session.execute(stmt, execution_options={"yield_per": EVERY}).partitions():
        pause_point()
        yield from part
