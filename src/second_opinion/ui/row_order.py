"""Where a row goes in a sorted list, found by halving rather than by sorting again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Row = TypeVar("Row")


def insertion_point(
    rows: Sequence[Row], row: Row, key: Callable[[Row], Any], descending: bool
) -> int | None:
    """The place ``sorted(rows + [row], key=key, reverse=descending)`` gives ``row``, for
    ``rows`` already sorted so: after the rows whose key equals its key, as a stable sort
    puts it. None when the keys cannot be compared (the caller sorts again)."""
    wanted = key(row)
    low, high = 0, len(rows)
    try:
        while low < high:
            middle = (low + high) // 2
            here = key(rows[middle])
            if (here < wanted) if descending else (wanted < here):
                high = middle
            else:
                low = middle + 1
    except TypeError:
        return None
    return low
