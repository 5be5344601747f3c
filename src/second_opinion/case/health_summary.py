"""The person's structured health summary: its read model and its changes."""

from __future__ import annotations

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.services import health_summary as hs


def summary(case: Case) -> hs.HealthSummary:
    with case.reading() as session:
        return hs.get_summary(session, case.person_id)


def save_entry(
    case: Case, data: hs.EntryData, entry_id: int | None = None
) -> Outcome[hs.HealthSummary]:
    """Add (``entry_id`` None) or change an entry; ``ValidationError`` names the bad field."""
    with case.unit() as session:
        if entry_id is None:
            entry_id = hs.add_entry(session, case.person_id, data)
        else:
            hs.update_entry(session, entry_id, data)
        after = hs.get_summary(session, case.person_id)
    return Outcome(after, Changes.of(Area.PROFILE, entry_id))


def delete_entry(case: Case, kind: hs.Kind, entry_id: int) -> Outcome[hs.HealthSummary]:
    with case.unit() as session:
        hs.delete_entry(session, kind, entry_id)
        after = hs.get_summary(session, case.person_id)
    return Outcome(after, Changes.of(Area.PROFILE, entry_id))
