"""Visits of one person: planning them, keeping them in order, and saying what is next.

A visit's moment is stored in UTC (the vault's rule) together with the IANA name of the zone
it was booked in, so "10:00 in New York" stays 10:00 in New York when the laptop travels or
the clocks change. Validation refuses what cannot be right (a visit in 1850) and only warns
about what may well be right (entering last week's visit after the fact).
"""

from __future__ import annotations

import datetime as dt
import enum
import zoneinfo
from dataclasses import dataclass
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from second_opinion.domain.enums import ContactRole, TriState, VisitMode, VisitStatus
from second_opinion.domain.models import Contact, InsurancePlan, Person, Question, Visit
from second_opinion.services.contacts import ContactChoice
from second_opinion.services.errors import NotFound, ValidationError, must_exist

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
MAX_DURATION_MINUTES = 24 * 60
MAX_SHORT_TEXT = 2_000
MAX_NOTES = 100_000
MAX_COST_CENTS = 100_000_000_00  # a hundred million: beyond this it is a typo


class VisitTiming(enum.IntEnum):
    """Where a visit sits in the list; the value is its rank (lower shows first)."""

    NEXT = 0  # the first planned visit that has not ended yet
    UPCOMING = 1  # other planned visits still ahead
    PLANNED_PASSED = 2  # still "planned" although its time is over: needs marking done
    PAST = 3  # done or canceled


@dataclass(frozen=True)
class VisitInput:
    """What a person enters for a visit. ``starts_at`` must be timezone-aware."""

    doctor_id: int
    starts_at: dt.datetime
    time_zone: str
    duration_minutes: int = 60
    mode: VisitMode = VisitMode.IN_PERSON
    location: str = ""
    telemedicine_url: str = ""
    companion_id: int | None = None
    referral_needed: bool = False
    referral_obtained: bool = False
    referral_number: str = ""
    prior_auth_needed: bool = False
    prior_auth_obtained: bool = False
    prior_auth_number: str = ""
    expected_cost_cents: int | None = None
    status: VisitStatus = VisitStatus.PLANNED
    notes: str = ""


@dataclass(frozen=True)
class VisitRow:
    id: int
    person_id: int
    doctor_id: int
    doctor_name: str
    starts_at: dt.datetime  # UTC, aware
    time_zone: str
    duration_minutes: int
    mode: VisitMode
    location: str
    telemedicine_url: str
    companion_id: int | None
    companion_name: str
    referral_needed: bool
    referral_obtained: bool
    referral_number: str
    prior_auth_needed: bool
    prior_auth_obtained: bool
    prior_auth_number: str
    expected_cost_cents: int | None
    status: VisitStatus
    notes: str
    question_count: int
    timing: VisitTiming
    #: whole calendar days from today to the visit's day (in the visit's zone); None if past
    days_until: int | None

    @property
    def local_start(self) -> dt.datetime:
        """The start as the clock on the wall where the visit happens shows it."""
        return self.starts_at.astimezone(zone_or_utc(self.time_zone))

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)

    @property
    def place(self) -> str:
        """Where to go: the address, or the link for a telemedicine visit."""
        if self.mode is VisitMode.TELEMEDICINE:
            return self.telemedicine_url or self.location
        return self.location


@dataclass(frozen=True)
class SaveResult:
    id: int
    warnings: tuple[str, ...]
    #: the doctor (id, name) when still only a candidate: booking a visit usually means the
    #: person chose them, so the screen offers to say so
    candidate_doctor: tuple[int, str] | None = None


# ------------------------------------------------------------------ time zones
@cache
def available_time_zones() -> tuple[str, ...]:
    """IANA zone names a visit can be booked in, sorted for a picker (read once: it walks the
    zone database's files)."""
    return tuple(sorted(zoneinfo.available_timezones()))


def zone_or_utc(name: str) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def local_datetime(day: dt.date, time: dt.time, time_zone: str) -> dt.datetime:
    """The aware moment for a wall-clock date and time in ``time_zone``.

    Raises ValidationError (field "time_zone") for an unknown zone name.
    """
    zone = _zone(time_zone)
    return dt.datetime.combine(day, time).replace(tzinfo=zone)


def _zone(name: str) -> zoneinfo.ZoneInfo:
    cleaned = name.strip()
    if not cleaned:
        raise ValidationError("Choose the time zone the visit is in.", field="time_zone")
    try:
        return zoneinfo.ZoneInfo(cleaned)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"“{cleaned[:60]}” is not a known time zone. Pick one from the list, "
            "for example Europe/London or America/New_York.",
            field="time_zone",
        ) from None


# ------------------------------------------------------------------ validation
def _text(value: str, field: str, label: str, limit: int = MAX_SHORT_TEXT) -> str:
    if len(value) > limit:
        raise ValidationError(f"{label} can be at most {limit:,} characters.", field=field)
    return value


def _contact(session: Session, contact_id: int | None, field: str, what: str) -> Contact | None:
    if contact_id is None:
        return None
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise ValidationError(f"The {what} chosen no longer exists.", field=field)
    return contact


def check_link(url: str) -> str:
    """The video link, trimmed; refused with a ``ValidationError`` when it cannot work."""
    stripped = url.strip()
    if not stripped:
        return ""
    lowered = stripped.casefold()
    if not (lowered.startswith("https://") or lowered.startswith("http://")):
        raise ValidationError(
            "A video link starts with https:// — copy it whole from the invitation.",
            field="telemedicine_url",
        )
    if any(ch.isspace() for ch in stripped):
        raise ValidationError("A video link has no spaces in it.", field="telemedicine_url")
    return stripped


def is_past_but_planned(data: VisitInput, now: dt.datetime) -> bool:
    """Whether the visit has ended by ``now`` yet is still marked planned (a form asks first)."""
    ends = data.starts_at + dt.timedelta(minutes=data.duration_minutes)
    return data.status is VisitStatus.PLANNED and ends < now.astimezone(dt.UTC)


#: what a visit's checks tell people, in English: the visit form translates them (context
#: "service"), and scripts/translations.py collects them from here for the catalogue
VISIT_TEXTS: dict[str, str] = {
    "past_but_planned": (
        "This visit is in the past. Set its status to Done (or Canceled), or correct the date."
    ),
    "still_planned": (
        "This visit is in the past but still marked planned. "
        "Mark it done (or canceled) once it has happened."
    ),
    "no_link": (
        "No video link yet. Add it when the clinic sends it, so it is in your "
        "calendar and visit packet."
    ),
}
PAST_BUT_PLANNED = VISIT_TEXTS["past_but_planned"]


def check_visit(data: VisitInput, now: dt.datetime) -> tuple[str, ...]:
    """Refuse what cannot be right; return warnings for what is merely unusual.

    Used by the form while the user types and again on save.
    """
    if data.starts_at.tzinfo is None:
        raise ValidationError("The visit time needs a time zone.", field="time_zone")
    zone = _zone(data.time_zone)
    local = data.starts_at.astimezone(zone)
    if not (EARLIEST_YEAR <= local.year <= LATEST_YEAR):
        raise ValidationError(
            f"The date must be between {EARLIEST_YEAR} and {LATEST_YEAR}.", field="starts_at"
        )
    if not (1 <= data.duration_minutes <= MAX_DURATION_MINUTES):
        raise ValidationError(
            "A visit lasts between 1 minute and 24 hours.", field="duration_minutes"
        )
    if data.expected_cost_cents is not None and not (
        0 <= data.expected_cost_cents <= MAX_COST_CENTS
    ):
        raise ValidationError(
            "The expected cost must be zero or more, and below 100 million.",
            field="expected_cost_cents",
        )
    _text(data.location, "location", "The place")
    _text(data.referral_number, "referral_number", "The referral number")
    _text(data.prior_auth_number, "prior_auth_number", "The authorization number")
    _text(data.notes, "notes", "Notes", MAX_NOTES)
    _text(data.telemedicine_url, "telemedicine_url", "The link")
    url = check_link(data.telemedicine_url)

    warnings: list[str] = []
    if is_past_but_planned(data, now):
        warnings.append(VISIT_TEXTS["still_planned"])
    if data.mode is VisitMode.TELEMEDICINE and not url:
        warnings.append(VISIT_TEXTS["no_link"])
    return tuple(warnings)


def _apply(session: Session, visit: Visit, data: VisitInput, now: dt.datetime) -> tuple[str, ...]:
    warnings = check_visit(data, now)
    doctor = _contact(session, data.doctor_id, "doctor_id", "doctor")
    if doctor is None:  # pragma: no cover - doctor_id is an int, never None
        raise ValidationError("Choose the doctor.", field="doctor_id")
    _contact(session, data.companion_id, "companion_id", "companion")
    visit.doctor_id = data.doctor_id
    visit.starts_at = data.starts_at.astimezone(dt.UTC)
    visit.time_zone = data.time_zone.strip()
    visit.duration_minutes = data.duration_minutes
    visit.mode = data.mode
    visit.location = data.location
    visit.telemedicine_url = check_link(data.telemedicine_url)
    visit.companion_id = data.companion_id
    visit.referral_needed = data.referral_needed
    visit.referral_obtained = data.referral_obtained
    visit.referral_number = data.referral_number
    visit.prior_auth_needed = data.prior_auth_needed
    visit.prior_auth_obtained = data.prior_auth_obtained
    visit.prior_auth_number = data.prior_auth_number
    visit.expected_cost_cents = data.expected_cost_cents
    visit.status = data.status
    visit.notes = data.notes
    return warnings


# ------------------------------------------------------------------ changing
def add_visit(
    session: Session, person_id: int, data: VisitInput, now: dt.datetime | None = None
) -> SaveResult:
    if session.get(Person, person_id) is None:
        raise NotFound("This person no longer exists.")
    visit = Visit(person_id=person_id)
    warnings = _apply(session, visit, data, now or dt.datetime.now(dt.UTC))
    session.add(visit)
    session.flush()
    return _result(visit, warnings)


def update_visit(
    session: Session, visit_id: int, data: VisitInput, now: dt.datetime | None = None
) -> SaveResult:
    visit = _get(session, visit_id)
    warnings = _apply(session, visit, data, now or dt.datetime.now(dt.UTC))
    session.flush()
    return _result(visit, warnings)


def _result(visit: Visit, warnings: tuple[str, ...]) -> SaveResult:
    doctor = visit.doctor
    candidate = doctor.role is ContactRole.SECOND_OPINION_CANDIDATE
    return SaveResult(visit.id, warnings, (doctor.id, doctor.name) if candidate else None)


def choose_doctor(session: Session, contact_id: int) -> None:
    """The candidate becomes the chosen second-opinion doctor."""
    doctor = must_exist(session, Contact, contact_id, "This doctor no longer exists.")
    doctor.role = ContactRole.SECOND_OPINION_CHOSEN
    session.flush()


def set_status(session: Session, visit_id: int, status: VisitStatus) -> None:
    _get(session, visit_id).status = status
    session.flush()


def delete_visit(session: Session, visit_id: int) -> int:
    """Delete a visit; its questions stay in the list, no longer tied to it.

    Returns how many questions were unlinked, so the UI can say so.
    """
    visit = _get(session, visit_id)
    unlinked = 0
    for question in list(visit.questions):
        question.visit_id = None
        unlinked += 1
    session.delete(visit)
    session.flush()
    return unlinked


def linked_question_count(session: Session, visit_id: int) -> int:
    stmt = select(func.count()).select_from(Question).where(Question.visit_id == visit_id)
    return int(session.scalar(stmt) or 0)


# ------------------------------------------------------------------ reading
def _get(session: Session, visit_id: int) -> Visit:
    return must_exist(session, Visit, visit_id, "This visit no longer exists.")


def _timing(visit: Visit, now: dt.datetime) -> VisitTiming:
    if visit.status is not VisitStatus.PLANNED:
        return VisitTiming.PAST
    ends = visit.starts_at + dt.timedelta(minutes=visit.duration_minutes)
    # A visit going on right now is still "next": the user may be sitting in the waiting room.
    return VisitTiming.UPCOMING if ends >= now else VisitTiming.PLANNED_PASSED


def _row(visit: Visit, now: dt.datetime, timing: VisitTiming, question_count: int) -> VisitRow:
    zone = zone_or_utc(visit.time_zone)
    days_until: int | None = None
    if timing in (VisitTiming.NEXT, VisitTiming.UPCOMING):
        days_until = max(
            0, (visit.starts_at.astimezone(zone).date() - now.astimezone(zone).date()).days
        )
    return VisitRow(
        id=visit.id,
        person_id=visit.person_id,
        doctor_id=visit.doctor_id,
        doctor_name=visit.doctor.name,
        starts_at=visit.starts_at,
        time_zone=visit.time_zone,
        duration_minutes=visit.duration_minutes,
        mode=visit.mode,
        location=visit.location,
        telemedicine_url=visit.telemedicine_url,
        companion_id=visit.companion_id,
        companion_name=visit.companion.name if visit.companion is not None else "",
        referral_needed=visit.referral_needed,
        referral_obtained=visit.referral_obtained,
        referral_number=visit.referral_number,
        prior_auth_needed=visit.prior_auth_needed,
        prior_auth_obtained=visit.prior_auth_obtained,
        prior_auth_number=visit.prior_auth_number,
        expected_cost_cents=visit.expected_cost_cents,
        status=visit.status,
        notes=visit.notes,
        question_count=question_count,
        timing=timing,
        days_until=days_until,
    )


def _question_counts(session: Session, person_id: int) -> dict[int, int]:
    stmt = (
        select(Question.visit_id, func.count())
        .where(Question.person_id == person_id, Question.visit_id.is_not(None))
        .group_by(Question.visit_id)
    )
    return {int(vid): int(n) for vid, n in session.execute(stmt).all() if vid is not None}


def list_visits(session: Session, person_id: int, now: dt.datetime) -> list[VisitRow]:
    """All visits of a person, in the order the Visits tab shows them.

    The next planned visit first, then the other planned ones soonest first, then planned
    visits whose time has passed (they need marking done), then past visits latest first.
    """
    now = now.astimezone(dt.UTC)
    visits = session.scalars(
        select(Visit)
        .where(Visit.person_id == person_id)
        .order_by(Visit.starts_at, Visit.id)
        # Doctor and companion names in the same read: loading them visit by visit cost a
        # query each on a long list.
        .options(selectinload(Visit.doctor), selectinload(Visit.companion))
    ).all()
    counts = _question_counts(session, person_id)
    timed = [(v, _timing(v, now)) for v in visits]
    upcoming = [v for v, t in timed if t is VisitTiming.UPCOMING]
    passed = [v for v, t in timed if t is VisitTiming.PLANNED_PASSED]
    past = [v for v, t in timed if t is VisitTiming.PAST]
    rows: list[VisitRow] = []
    for position, visit in enumerate(upcoming):
        timing = VisitTiming.NEXT if position == 0 else VisitTiming.UPCOMING
        rows.append(_row(visit, now, timing, counts.get(visit.id, 0)))
    rows += [_row(v, now, VisitTiming.PLANNED_PASSED, counts.get(v.id, 0)) for v in passed]
    rows += [_row(v, now, VisitTiming.PAST, counts.get(v.id, 0)) for v in reversed(past)]
    return rows


def next_visit(session: Session, person_id: int, now: dt.datetime) -> VisitRow | None:
    """The next planned visit (what new questions are for), or None."""
    rows = list_visits(session, person_id, now)
    if rows and rows[0].timing is VisitTiming.NEXT:
        return rows[0]
    return None


def get_visit(session: Session, visit_id: int, now: dt.datetime | None = None) -> VisitRow:
    """One visit, with its place in the person's list (next, upcoming, past)."""
    visit = _get(session, visit_id)
    for row in list_visits(session, visit.person_id, now or dt.datetime.now(dt.UTC)):
        if row.id == visit_id:
            return row
    raise NotFound("This visit no longer exists.")  # pragma: no cover - listed above


def to_input(row: VisitRow) -> VisitInput:
    """The editable fields of a stored visit, to prefill a form."""
    return VisitInput(
        doctor_id=row.doctor_id,
        starts_at=row.local_start,
        time_zone=row.time_zone,
        duration_minutes=row.duration_minutes,
        mode=row.mode,
        location=row.location,
        telemedicine_url=row.telemedicine_url,
        companion_id=row.companion_id,
        referral_needed=row.referral_needed,
        referral_obtained=row.referral_obtained,
        referral_number=row.referral_number,
        prior_auth_needed=row.prior_auth_needed,
        prior_auth_obtained=row.prior_auth_obtained,
        prior_auth_number=row.prior_auth_number,
        expected_cost_cents=row.expected_cost_cents,
        status=row.status,
        notes=row.notes,
    )


# ------------------------------------------------------------------ pickers
#: who can come along to a visit as its companion
COMPANION_ROLES = frozenset({ContactRole.SUPPORT_PERSON, ContactRole.OTHER})


def doctor_choices(people: list[ContactChoice]) -> list[ContactChoice]:
    """Contacts for a "which doctor" picker: the doctors first, then everyone else, by name."""
    return sorted(people, key=lambda c: (not c.role.is_doctor, c.name.casefold()))


def companion_choices(people: list[ContactChoice], keep: int | None = None) -> list[ContactChoice]:
    """Contacts who may come along: support people (and "other"), plus ``keep`` whatever its
    role, so editing a visit never drops the companion it already has."""
    return [c for c in people if c.role in COMPANION_ROLES or c.id == keep]


@dataclass(frozen=True)
class PlanNeeds:
    """What the person's insurance plan says a visit needs (a new visit starts ticked so)."""

    referral: bool = False
    prior_auth: bool = False


def plan_needs(session: Session, person_id: int) -> PlanNeeds:
    """Only a plain "yes" ticks a box: "not known yet" is left for the person to find out."""
    plan = session.scalar(select(InsurancePlan).where(InsurancePlan.person_id == person_id))
    if plan is None:
        return PlanNeeds()
    return PlanNeeds(
        referral=plan.referral_needed is TriState.YES,
        prior_auth=plan.prior_authorization_needed is TriState.YES,
    )
