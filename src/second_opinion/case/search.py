"""Find anything: the finder's read model (one search over the whole case, grouped by kind).

The index is kept current by the vault itself (see ``services.search_index``), so a change
made through any operation is found by the next search.
"""

from __future__ import annotations

from dataclasses import dataclass

from second_opinion.case.case import Case
from second_opinion.services import search as search_service
from second_opinion.services.search import Hit


@dataclass(frozen=True)
class Found:
    """What the finder shows for one search: its text, and the hits grouped by kind in the
    finder's order (kinds without hits left out)."""

    query: str
    groups: list[tuple[str, list[Hit]]]

    @property
    def hits(self) -> list[Hit]:
        return [hit for _kind, hits in self.groups for hit in hits]

    def __bool__(self) -> bool:
        return bool(self.groups)


def find(case: Case, query: str, *, everyone: bool = False) -> Found:
    """Everything in this person's case (and the shared contacts) that matches ``query``;
    with ``everyone``, in every person's case."""
    with case.reading() as session:
        result = search_service.search(
            session, query, person_id=None if everyone else case.person_id
        )
    return Found(query, list(result.by_kind().items()))
