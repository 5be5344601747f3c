"""Plain data for the printed documents: the visit packet and the letters.

These are what a service hands to the PDF renderers (``second_opinion.export``): strings,
dates and tuples only, no ORM objects and no Qt, so a packet can be made from the command
line, the GUI or a test alike. They live here, below ``export``, because layers import
downward only: the services build them and the renderers import them from here.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from second_opinion.services.health_summary import HealthSummary
from second_opinion.services.legal_basis import RequestBasis


class Paper(enum.StrEnum):
    A4 = "a4"
    LETTER = "letter"


# Territories that print on US Letter; everyone else uses A4 (ISO 216).
_LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "PA", "DO", "SV", "NI", "BZ"}
)


def default_paper(locale_name: str | None) -> Paper:
    """The paper size people in this locale ("en_US", "de-DE", "fr_CA.UTF-8") load by default."""
    if not locale_name:
        return Paper.A4
    base = locale_name.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    territory = base.split("_")[-1].upper() if "_" in base else ""
    return Paper.LETTER if territory in _LETTER_TERRITORIES else Paper.A4


class Section(enum.StrEnum):
    """The parts of a visit packet, in the order they print."""

    COVER = "cover"
    INSURANCE = "insurance"
    CARE_TEAM = "care-team"
    RECORDS = "records"
    QUESTIONS = "questions"
    MEDICATIONS = "medications"
    OPINIONS = "opinions"
    NOTES = "notes"


ALL_SECTIONS: tuple[Section, ...] = tuple(Section)

#: English; the export layer prints them in the document's language (export/i18n.py)
SECTION_TITLES: dict[Section, str] = {
    Section.COVER: "The visit",
    Section.INSURANCE: "Insurance, referral and prior authorization",
    Section.CARE_TEAM: "Care team",
    Section.RECORDS: "Records sent to this doctor",
    Section.QUESTIONS: "Questions for this visit",
    Section.MEDICATIONS: "Health summary",
    Section.OPINIONS: "Earlier opinions",
    Section.NOTES: "Notes",
}


class LetterKind(enum.StrEnum):
    REQUEST = "request"
    AUTHORIZATION = "authorization"
    CURRENT_DOCTOR = "current-doctor"


LETTER_TITLES: dict[LetterKind, str] = {
    LetterKind.REQUEST: "Request for copies of health records",
    LetterKind.AUTHORIZATION: "Authorization to disclose health information",
    LetterKind.CURRENT_DOCTOR: "Letter to my doctor about a second opinion",
}

#: the start of a letter's file name; the holder's or doctor's name never goes into it, since
#: anyone who sees the folder sees the name (a cancer center's name says what the letter is for)
LETTER_FILE_STEMS: dict[LetterKind, str] = {
    LetterKind.REQUEST: "records-request",
    LetterKind.AUTHORIZATION: "authorization",
    LetterKind.CURRENT_DOCTOR: "letter-to-current-doctor",
}


def letter_file_name(kind: LetterKind, on: dt.date) -> str:
    """What a letter's PDF is called: what it is and the day it was made."""
    return f"{LETTER_FILE_STEMS[kind]}-{on.isoformat()}.pdf"


@dataclass(frozen=True)
class ContactBlock:
    """A doctor, office or support person as it prints: every field may be empty."""

    name: str
    role: str = ""
    specialty: str = ""
    organization: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""


@dataclass(frozen=True)
class VisitInfo:
    doctor: ContactBlock
    #: the start in the visit's own time zone (aware), so the packet shows local clock time
    starts_at: dt.datetime
    time_zone: str
    duration_minutes: int
    mode: str
    is_telemedicine: bool
    location: str
    telemedicine_url: str
    companion: ContactBlock | None
    status: str
    #: "May not be independent: <reason>" when the doctor shares an organization or health
    #: system with the first opinion; "" otherwise
    independence: str = ""
    #: the visit's own notes, printed on the Notes page above its writing lines
    notes: str = ""


@dataclass(frozen=True)
class InsuranceCallLine:
    called_on: dt.date
    spoke_with: str
    reference_number: str
    summary: str


@dataclass(frozen=True)
class InsuranceInfo:
    insurer: str = ""
    plan_name: str = ""
    member_id: str = ""
    group_number: str = ""
    phone: str = ""
    second_opinion_covered: str = ""
    referral_needed: str = ""
    prior_authorization_needed: str = ""
    notes: str = ""
    #: what this visit needs and has: "Needed, obtained", "Not needed", ...
    visit_referral: str = ""
    visit_referral_number: str = ""
    visit_prior_auth: str = ""
    visit_prior_auth_number: str = ""
    expected_cost: str = ""
    calls: tuple[InsuranceCallLine, ...] = ()


@dataclass(frozen=True)
class CareTeamMember:
    #: why this person is on the list: "First-opinion doctor", "This visit", "Primary care"
    relation: str
    contact: ContactBlock


@dataclass(frozen=True)
class RecordLine:
    kind: str
    description: str
    holder: str
    date_of_service: dt.date | None
    state: str
    requested_on: dt.date | None
    due_on: dt.date | None
    sent_on: dt.date | None
    received_on: dt.date | None
    overdue: bool = False


@dataclass(frozen=True)
class MissingRecord:
    kind: str
    description: str
    holder: str
    reason: str


@dataclass(frozen=True)
class QuestionLine:
    text: str
    category: str
    priority: str
    is_top: bool
    answer: str = ""


@dataclass(frozen=True)
class OpinionSummary:
    doctor: str
    given_on: dt.date
    diagnosis: str = ""
    stage: str = ""
    recommended_treatment: str = ""
    alternatives: str = ""
    benefits: str = ""
    risks: str = ""
    urgency: str = ""
    confidence: str = ""


@dataclass(frozen=True)
class PacketData:
    """Everything a visit packet prints; ``sections`` says which parts to include."""

    person_name: str
    date_of_birth: dt.date | None
    condition: str
    prepared_on: dt.date
    visit: VisitInfo
    insurance: InsuranceInfo = field(default_factory=InsuranceInfo)
    care_team: tuple[CareTeamMember, ...] = ()
    records: tuple[RecordLine, ...] = ()
    missing: tuple[MissingRecord, ...] = ()
    questions: tuple[QuestionLine, ...] = ()
    medications: str = ""
    allergies: str = ""
    #: every structured entry (conditions, medications, allergies, procedures, results);
    #: when present the packet prints it instead of the two texts above
    health_summary: HealthSummary | None = None
    opinions: tuple[OpinionSummary, ...] = ()
    sections: tuple[Section, ...] = ALL_SECTIONS
    paper: Paper = Paper.A4
    #: the language the packet prints in: "en" or "es" (see export/i18n.py)
    language: str = "en"


@dataclass(frozen=True)
class RecordItemLine:
    kind: str
    description: str
    date_of_service: dt.date | None
    #: slides or blocks: lent by the lab, never asked for under the right of access
    physical: bool = False


@dataclass(frozen=True)
class AuthorizationTerms:
    """What a stored authorization says; empty strings print as blanks to fill by hand."""

    scope: str = ""
    purpose: str = ""
    expires_on: dt.date | None = None
    expiry_event: str = ""
    signed_on: dt.date | None = None


@dataclass(frozen=True)
class LetterData:
    """One letter or form about one records request, from the person to a record holder."""

    kind: LetterKind
    person_name: str
    date_of_birth: dt.date | None
    #: the person's own address, phone and e-mail when the vault has them (a "self" contact)
    sender: ContactBlock
    holder: ContactBlock
    recipient: ContactBlock
    recipient_is_sender: bool
    method: str
    items: tuple[RecordItemLine, ...]
    requested_on: dt.date | None
    reference_number: str
    condition: str
    authorization: AuthorizationTerms | None
    prepared_on: dt.date
    paper: Paper = Paper.A4
    #: the rule the request rests on
    basis: RequestBasis = RequestBasis.OWN_COPIES
    #: "by fax", "through the patient portal": the method as a letter says it (in ``language``)
    method_phrase: str = ""
    #: the language the letter prints in: "en" or "es" (see export/i18n.py)
    language: str = "en"
