"""The guide's checklist: which items the current person has ticked, and ticking them.

The guide's text is read from the package (``services.guide``); only the ticks are in the
vault, one set per person.
"""

from __future__ import annotations

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes
from second_opinion.services import guide as guide_service


def done_keys(case: Case) -> set[str]:
    """The item keys the current person has ticked (only those the guide still has)."""
    with case.reading() as session:
        return guide_service.progress(session, case.person_id)


def set_item_done(case: Case, key: str, done: bool) -> Changes:
    """Tick (or untick) a checklist item for the current person."""
    with case.unit() as session:
        guide_service.set_item_done(session, case.person_id, key, done)
    return Changes.of(Area.GUIDE)
