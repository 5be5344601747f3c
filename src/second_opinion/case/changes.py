"""What an operation changed, so every screen can decide for itself whether to reload.

An operation on the case returns a ``Changes`` (or an ``Outcome`` carrying one beside its
value). The UI's operations runner announces it once to every screen; a screen that shows
none of the areas named does nothing, and the screen that made the change may skip its own
reload because it already shows the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Area(StrEnum):
    """The parts of a case that screens show; one change can touch several."""

    PEOPLE = "people"
    PROFILE = "profile"
    INSURANCE = "insurance"
    CONTACTS = "contacts"
    RECORDS = "records"
    QUESTIONS = "questions"
    VISITS = "visits"
    OPINIONS = "opinions"
    GUIDE = "guide"
    DOCUMENTS = "documents"
    SETTINGS = "settings"


@dataclass(frozen=True)
class Changes:
    """The areas an operation changed and, where known, the ids of the rows it changed.

    ``ids`` is a hint for fine-grained updates; an area named in ``areas`` without ids means
    "anything in it may have changed".
    """

    areas: frozenset[Area] = frozenset()
    ids: Mapping[Area, frozenset[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, area: Area, *ids: int, also: Iterable[Area] = ()) -> Changes:
        areas = frozenset({area, *also})
        return cls(areas, {area: frozenset(ids)} if ids else {})

    @classmethod
    def none(cls) -> Changes:
        return cls()

    def touches(self, *areas: Area) -> bool:
        return any(area in self.areas for area in areas)

    def ids_in(self, area: Area) -> frozenset[int]:
        return self.ids.get(area, frozenset())

    def __bool__(self) -> bool:
        return bool(self.areas)

    def __or__(self, other: Changes) -> Changes:
        ids = dict(self.ids)
        for area, more in other.ids.items():
            ids[area] = ids.get(area, frozenset()) | more
        return Changes(self.areas | other.areas, ids)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """An operation's result for the screen that asked, with what it changed for everyone."""

    value: T
    changes: Changes
