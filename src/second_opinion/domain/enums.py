"""The fixed vocabularies of a case.

Values are stored as their ``value`` strings, so renaming a member's Python name never changes
what is on disk. Human labels live in the UI and export layers, where they can be translated.
"""

from __future__ import annotations

import enum


class ContactRole(enum.StrEnum):
    FIRST_OPINION = "first_opinion"
    SECOND_OPINION_CANDIDATE = "second_opinion_candidate"
    SECOND_OPINION_CHOSEN = "second_opinion_chosen"
    PRIMARY_CARE = "primary_care"
    SPECIALIST = "specialist"
    RECORDS_DEPARTMENT = "records_department"
    INSURER = "insurer"
    SUPPORT_PERSON = "support_person"
    SELF = "self"
    OTHER = "other"

    @property
    def is_second_opinion(self) -> bool:
        return self in (ContactRole.SECOND_OPINION_CANDIDATE, ContactRole.SECOND_OPINION_CHOSEN)

    @property
    def is_doctor(self) -> bool:
        return self in (
            ContactRole.FIRST_OPINION,
            ContactRole.SECOND_OPINION_CANDIDATE,
            ContactRole.SECOND_OPINION_CHOSEN,
            ContactRole.PRIMARY_CARE,
            ContactRole.SPECIALIST,
        )


class ContactKind(enum.StrEnum):
    """vCard 4.0 KIND: a single person or an organization such as a records department."""

    INDIVIDUAL = "individual"
    ORGANIZATION = "org"


class TriState(enum.StrEnum):
    """An answer the user may not know yet (coverage, network status)."""

    UNKNOWN = "unknown"
    YES = "yes"
    NO = "no"


class RecordKind(enum.StrEnum):
    LAB_RESULTS = "lab_results"
    IMAGING_REPORT = "imaging_report"
    IMAGING_FILES = "imaging_files"
    PATHOLOGY_REPORT = "pathology_report"
    PATHOLOGY_MATERIAL = "pathology_material"
    VISIT_NOTES = "visit_notes"
    OPERATIVE_REPORT = "operative_report"
    DISCHARGE_SUMMARY = "discharge_summary"
    MEDICATION_LIST = "medication_list"
    OTHER = "other"

    @property
    def needs_physical_transfer(self) -> bool:
        """Material a doctor cannot receive on the day of a telemedicine visit."""
        return self in (RecordKind.IMAGING_FILES, RecordKind.PATHOLOGY_MATERIAL)


class TransferMethod(enum.StrEnum):
    PORTAL = "portal"
    FAX = "fax"
    MAIL = "mail"
    DISC = "disc"
    COURIER = "courier"
    IN_PERSON = "in_person"
    EMAIL = "email"


class RequestState(enum.StrEnum):
    TO_REQUEST = "to_request"
    REQUESTED = "requested"
    EXTENDED = "extended"
    WAITING_ON_ME = "waiting_on_me"
    PARTLY_RECEIVED = "partly_received"
    SENT = "sent"
    RECEIVED = "received"
    PROBLEM = "problem"

    @property
    def is_open(self) -> bool:
        """Still expected to move: counts towards overdue."""
        return self not in (RequestState.TO_REQUEST, RequestState.RECEIVED)


class VisitMode(enum.StrEnum):
    IN_PERSON = "in_person"
    TELEMEDICINE = "telemedicine"


class VisitStatus(enum.StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class QuestionCategory(enum.StrEnum):
    DIAGNOSIS = "diagnosis"
    TREATMENT = "treatment"
    RISKS = "risks"
    PROGNOSIS = "prognosis"
    COSTS = "costs"
    LOGISTICS = "logistics"
    SECOND_OPINION = "second_opinion"


class Priority(enum.IntEnum):
    """Lower sorts first, so "top" questions lead the printed list."""

    TOP = 1
    NORMAL = 2
    LOW = 3


class StainKind(enum.StrEnum):
    """What is on a pathology slide sent for a consult."""

    HE = "he"  # hematoxylin and eosin, the standard stain
    IHC = "ihc"  # immunohistochemistry (a marker such as ER, PR, HER2, Ki-67)
    UNSTAINED = "unstained"  # unstained recuts, for the consulting lab's own stains


class MaterialForm(enum.StrEnum):
    """Whether the lab lends its original slides or cuts new ones from the blocks."""

    ORIGINALS = "originals"
    RECUTS = "recuts"


class Carrier(enum.StrEnum):
    USPS = "usps"
    UPS = "ups"
    FEDEX = "fedex"
    DHL = "dhl"
    COURIER = "courier"
    OTHER = "other"


class ShipmentDirection(enum.StrEnum):
    #: from the holder to the recipient
    OUTBOUND = "outbound"
    #: lent material (slides, blocks) going back to the lab that lent it
    RETURN = "return"


class ComparedField(enum.StrEnum):
    """An aspect of two opinions the person can judge "same" or "different" themself."""

    DIAGNOSIS = "diagnosis"
    STAGE = "stage"
    RECOMMENDED_TREATMENT = "recommended_treatment"
    ALTERNATIVES = "alternatives"
    BENEFITS = "benefits"
    RISKS = "risks"
    URGENCY = "urgency"
    CONFIDENCE = "confidence"


class Verdict(enum.StrEnum):
    """The person's own reading of two opinions on one aspect."""

    SAME = "same"
    DIFFERENT = "different"
