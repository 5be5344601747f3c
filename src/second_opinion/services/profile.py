"""The person's profile, their insurance plan, and the log of calls to the insurer.

The profile holds what a visit packet's cover needs; the insurance plan and call log hold what
step 1 of the guide asks the reader to find out and write down. Text is stored as typed (only
single-line fields are trimmed), and anything the vault cannot sensibly hold is refused with a
message naming the field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from second_opinion.domain.enums import TriState
from second_opinion.domain.models import InsuranceCall, InsurancePlan, Person
from second_opinion.services import health_summary
from second_opinion.services.contacts import check_email, check_phone
from second_opinion.services.errors import NotFound, ValidationError, must_exist
from second_opinion.services.people import clean_name

EARLIEST_DATE = dt.date(1900, 1, 1)
MAX_LINE = 200  # one-line fields: names, numbers
MAX_TEXT = 100_000  # notes, medication lists: generous, but not unbounded


@dataclass(frozen=True)
class Profile:
    name: str
    date_of_birth: dt.date | None = None
    condition: str = ""
    medications: str = ""
    allergies: str = ""
    #: where the person can be reached: the sender's block of a records request letter
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class InsuranceDetails:
    insurer: str = ""
    plan_name: str = ""
    member_id: str = ""
    group_number: str = ""
    phone: str = ""
    second_opinion_covered: TriState = TriState.UNKNOWN
    referral_needed: TriState = TriState.UNKNOWN
    prior_authorization_needed: TriState = TriState.UNKNOWN
    notes: str = ""


@dataclass(frozen=True)
class CallInput:
    called_on: dt.date
    spoke_with: str = ""
    reference_number: str = ""
    summary: str = ""


@dataclass(frozen=True)
class CallRow:
    id: int
    called_on: dt.date
    spoke_with: str
    reference_number: str
    summary: str


# ------------------------------------------------------------------ validation helpers


def _line(value: str, field: str, label: str) -> str:
    cleaned = value.strip()
    if len(cleaned) > MAX_LINE:
        raise ValidationError(f"{label} can be at most {MAX_LINE} characters.", field=field)
    if "\n" in cleaned or "\r" in cleaned:
        raise ValidationError(f"{label} must fit on one line.", field=field)
    return cleaned


def _text(value: str, field: str, label: str) -> str:
    if len(value) > MAX_TEXT:
        raise ValidationError(
            f"{label} can be at most {MAX_TEXT:,} characters; this has {len(value):,}.",
            field=field,
        )
    return value


def _past_date(value: dt.date, field: str, what: str, today: dt.date | None) -> dt.date:
    today = today or dt.date.today()
    if value > today:
        raise ValidationError(f"{what} cannot be in the future.", field=field)
    if value < EARLIEST_DATE:
        raise ValidationError(f"{what} cannot be before 1900.", field=field)
    return value


def _phone(value: str) -> str:
    cleaned = _line(value, "phone", "The phone number")
    # Letters are allowed: insurers publish numbers like 1-800-MEDICARE.
    if cleaned and sum(ch.isdigit() for ch in cleaned) < 3:
        raise ValidationError("A phone number needs at least a few digits.", field="phone")
    return cleaned


def _person(session: Session, person_id: int) -> Person:
    return must_exist(session, Person, person_id, "This person no longer exists.")


# ------------------------------------------------------------------ profile


def get_profile(session: Session, person_id: int) -> Profile:
    person = _person(session, person_id)
    return Profile(
        name=person.name,
        date_of_birth=person.date_of_birth,
        condition=person.condition,
        medications=person.medications,
        allergies=person.allergies,
        address=person.address,
        phone=person.phone,
        email=person.email,
    )


def clean_profile(profile: Profile, today: dt.date | None = None) -> Profile:
    """The profile as it will be stored, or ValidationError for the first bad field."""
    dob = profile.date_of_birth
    return Profile(
        name=clean_name(profile.name),
        date_of_birth=None
        if dob is None
        else _past_date(dob, "date_of_birth", "The date of birth", today),
        condition=_text(profile.condition, "condition", "The condition"),
        medications=_text(profile.medications, "medications", "The medication list"),
        allergies=_text(profile.allergies, "allergies", "The allergy list"),
        address=_address(profile.address),
        # "own_phone": the insurance page has a "phone" field of its own
        phone=check_phone(profile.phone, "own_phone"),
        email=check_email(profile.email),
    )


def _address(value: str) -> str:
    cleaned = _text(value.strip(), "address", "The address")
    if len(cleaned.splitlines()) > 6:
        raise ValidationError("An address fits on six lines at most.", field="address")
    return cleaned


def save_profile(
    session: Session, person_id: int, profile: Profile, today: dt.date | None = None
) -> Profile:
    person = _person(session, person_id)
    cleaned = clean_profile(profile, today)
    for kind, column in health_summary.TEXT_COLUMN.items():
        old, new = getattr(person, column), getattr(cleaned, column)
        health_summary.sync_text(session, person_id, kind, old, new)
    person.name = cleaned.name
    person.date_of_birth = cleaned.date_of_birth
    person.condition = cleaned.condition
    person.medications = cleaned.medications
    person.allergies = cleaned.allergies
    person.address = cleaned.address
    person.phone = cleaned.phone
    person.email = cleaned.email
    session.flush()
    return cleaned


# ------------------------------------------------------------------ insurance plan


def get_insurance(session: Session, person_id: int) -> InsuranceDetails:
    """The person's plan; empty details (all "not known yet") when none was entered."""
    plan = _person(session, person_id).insurance
    if plan is None:
        return InsuranceDetails()
    return InsuranceDetails(
        insurer=plan.insurer,
        plan_name=plan.plan_name,
        member_id=plan.member_id,
        group_number=plan.group_number,
        phone=plan.phone,
        second_opinion_covered=plan.second_opinion_covered,
        referral_needed=plan.referral_needed,
        prior_authorization_needed=plan.prior_authorization_needed,
        notes=plan.notes,
    )


def clean_insurance(details: InsuranceDetails) -> InsuranceDetails:
    return InsuranceDetails(
        insurer=_line(details.insurer, "insurer", "The insurer"),
        plan_name=_line(details.plan_name, "plan_name", "The plan name"),
        member_id=_line(details.member_id, "member_id", "The member ID"),
        group_number=_line(details.group_number, "group_number", "The group number"),
        phone=_phone(details.phone),
        second_opinion_covered=TriState(details.second_opinion_covered),
        referral_needed=TriState(details.referral_needed),
        prior_authorization_needed=TriState(details.prior_authorization_needed),
        notes=_text(details.notes, "notes", "The notes"),
    )


def save_insurance(session: Session, person_id: int, details: InsuranceDetails) -> InsuranceDetails:
    person = _person(session, person_id)
    cleaned = clean_insurance(details)
    plan = person.insurance
    if plan is None:
        plan = InsurancePlan(person_id=person_id)
        person.insurance = plan
    plan.insurer = cleaned.insurer
    plan.plan_name = cleaned.plan_name
    plan.member_id = cleaned.member_id
    plan.group_number = cleaned.group_number
    plan.phone = cleaned.phone
    plan.second_opinion_covered = cleaned.second_opinion_covered
    plan.referral_needed = cleaned.referral_needed
    plan.prior_authorization_needed = cleaned.prior_authorization_needed
    plan.notes = cleaned.notes
    session.flush()
    return cleaned


# ------------------------------------------------------------------ call log


def _row(call: InsuranceCall) -> CallRow:
    return CallRow(
        id=call.id,
        called_on=call.called_on,
        spoke_with=call.spoke_with,
        reference_number=call.reference_number,
        summary=call.summary,
    )


def clean_call(call: CallInput, today: dt.date | None = None) -> CallInput:
    return CallInput(
        called_on=_past_date(call.called_on, "called_on", "The date of the call", today),
        spoke_with=_line(call.spoke_with, "spoke_with", "The name"),
        reference_number=_line(call.reference_number, "reference_number", "The reference number"),
        summary=_text(call.summary, "summary", "What was said"),
    )


def list_calls(session: Session, person_id: int) -> list[CallRow]:
    """Newest call first: the latest answer is usually the one that counts."""
    calls = session.scalars(
        select(InsuranceCall)
        .where(InsuranceCall.person_id == person_id)
        .order_by(InsuranceCall.called_on.desc(), InsuranceCall.id.desc())
    ).all()
    return [_row(call) for call in calls]


def add_call(
    session: Session, person_id: int, call: CallInput, today: dt.date | None = None
) -> CallRow:
    _person(session, person_id)
    cleaned = clean_call(call, today)
    record = InsuranceCall(
        person_id=person_id,
        called_on=cleaned.called_on,
        spoke_with=cleaned.spoke_with,
        reference_number=cleaned.reference_number,
        summary=cleaned.summary,
    )
    session.add(record)
    session.flush()
    return _row(record)


def _call(session: Session, person_id: int, call_id: int) -> InsuranceCall:
    record = session.get(InsuranceCall, call_id)
    # A call of another person is treated as missing: ids must not reach across cases.
    if record is None or record.person_id != person_id:
        raise NotFound("This call is no longer in the log.")
    return record


def update_call(
    session: Session, person_id: int, call_id: int, call: CallInput, today: dt.date | None = None
) -> CallRow:
    record = _call(session, person_id, call_id)
    cleaned = clean_call(call, today)
    record.called_on = cleaned.called_on
    record.spoke_with = cleaned.spoke_with
    record.reference_number = cleaned.reference_number
    record.summary = cleaned.summary
    session.flush()
    return _row(record)


def delete_call(session: Session, person_id: int, call_id: int) -> None:
    session.delete(_call(session, person_id, call_id))
    session.flush()
