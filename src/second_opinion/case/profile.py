"""A person's profile, insurance plan and insurer call log (the Profile and insurance dialog).

The dialog is opened for one person and keeps saving to that person even if the switcher
moves on meanwhile, so these take the person's id rather than the case's current person.
"""

from __future__ import annotations

from dataclasses import dataclass

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.services import profile as profile_service
from second_opinion.services.profile import CallInput, CallRow, InsuranceDetails, Profile


@dataclass(frozen=True)
class ProfileBoard:
    """What the Profile and insurance dialog shows."""

    profile: Profile
    insurance: InsuranceDetails
    calls: list[CallRow]


def profile_board(case: Case, person_id: int) -> ProfileBoard:
    """``NotFound`` if the person is gone."""
    with case.reading() as session:
        return ProfileBoard(
            profile_service.get_profile(session, person_id),
            profile_service.get_insurance(session, person_id),
            profile_service.list_calls(session, person_id),
        )


def save_profile_and_insurance(
    case: Case, person_id: int, profile: Profile, insurance: InsuranceDetails
) -> Outcome[Profile]:
    """Both or neither: a ``ValidationError`` on either leaves both as they were."""
    with case.unit() as session:
        before = profile_service.get_profile(session, person_id).name
        saved = profile_service.save_profile(session, person_id, profile)
        profile_service.save_insurance(session, person_id, insurance)
    # The packet's cover and the visits' readiness read the profile.
    also = [Area.INSURANCE, Area.VISITS]
    if saved.name != before:
        also.append(Area.PEOPLE)  # the person switcher shows the name
    return Outcome(saved, Changes.of(Area.PROFILE, person_id, also=also))


def save_call(
    case: Case, person_id: int, call: CallInput, call_id: int | None = None
) -> Outcome[CallRow]:
    """Add (``call_id`` None) or change a call in the log."""
    with case.unit() as session:
        if call_id is None:
            row = profile_service.add_call(session, person_id, call)
        else:
            row = profile_service.update_call(session, person_id, call_id, call)
    return Outcome(row, Changes.of(Area.INSURANCE, row.id))


def delete_call(case: Case, person_id: int, call_id: int) -> Changes:
    with case.unit() as session:
        profile_service.delete_call(session, person_id, call_id)
    return Changes.of(Area.INSURANCE, call_id)
