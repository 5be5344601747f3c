"""English names of the enum values, for people to read.

They live below the UI so the PDF exports and the command line can use them too. The UI passes
each one through Qt's translator (context "labels"), so they are translatable where shown.
"""

from __future__ import annotations

from second_opinion.domain.enums import (
    ContactKind,
    ContactRole,
    Priority,
    QuestionCategory,
    RecordKind,
    RequestState,
    TransferMethod,
    TriState,
    VisitMode,
    VisitStatus,
)

CONTACT_ROLE = {
    ContactRole.FIRST_OPINION: "First-opinion doctor",
    ContactRole.SECOND_OPINION_CANDIDATE: "Second-opinion candidate",
    ContactRole.SECOND_OPINION_CHOSEN: "Second-opinion doctor",
    ContactRole.PRIMARY_CARE: "Primary care",
    ContactRole.SPECIALIST: "Other specialist",
    ContactRole.RECORDS_DEPARTMENT: "Records department",
    ContactRole.INSURER: "Insurer",
    ContactRole.SUPPORT_PERSON: "Support person",
    ContactRole.SELF: "The patient",
    ContactRole.OTHER: "Other",
}

CONTACT_KIND = {
    ContactKind.INDIVIDUAL: "Person",
    ContactKind.ORGANIZATION: "Organization",
}

TRI_STATE = {TriState.UNKNOWN: "Not known yet", TriState.YES: "Yes", TriState.NO: "No"}

RECORD_KIND = {
    RecordKind.LAB_RESULTS: "Lab results",
    RecordKind.IMAGING_REPORT: "Imaging report",
    RecordKind.IMAGING_FILES: "Imaging files (disc or link)",
    RecordKind.PATHOLOGY_REPORT: "Pathology report",
    RecordKind.PATHOLOGY_MATERIAL: "Pathology slides or blocks",
    RecordKind.VISIT_NOTES: "Visit notes",
    RecordKind.OPERATIVE_REPORT: "Operative report",
    RecordKind.DISCHARGE_SUMMARY: "Discharge summary",
    RecordKind.MEDICATION_LIST: "Medication list",
    RecordKind.OTHER: "Other",
}

TRANSFER_METHOD = {
    TransferMethod.PORTAL: "Patient portal",
    TransferMethod.FAX: "Fax",
    TransferMethod.MAIL: "Mail",
    TransferMethod.DISC: "Disc",
    TransferMethod.COURIER: "Courier",
    TransferMethod.IN_PERSON: "In person",
    TransferMethod.EMAIL: "E-mail",
}

REQUEST_STATE = {
    RequestState.TO_REQUEST: "To request",
    RequestState.REQUESTED: "Requested",
    RequestState.EXTENDED: "Extended",
    RequestState.WAITING_ON_ME: "Waiting on me",
    RequestState.PARTLY_RECEIVED: "Partly received",
    RequestState.SENT: "Sent",
    RequestState.RECEIVED: "Received",
    RequestState.PROBLEM: "Refused / problem",
}

VISIT_MODE = {VisitMode.IN_PERSON: "In person", VisitMode.TELEMEDICINE: "Telemedicine"}

VISIT_STATUS = {
    VisitStatus.PLANNED: "Planned",
    VisitStatus.DONE: "Done",
    VisitStatus.CANCELLED: "Canceled",
}

QUESTION_CATEGORY = {
    QuestionCategory.DIAGNOSIS: "Diagnosis",
    QuestionCategory.TREATMENT: "Treatment options",
    QuestionCategory.RISKS: "Risks and side effects",
    QuestionCategory.PROGNOSIS: "Prognosis",
    QuestionCategory.COSTS: "Costs and insurance",
    QuestionCategory.LOGISTICS: "Logistics",
    QuestionCategory.SECOND_OPINION: "The second opinion itself",
}

PRIORITY = {Priority.TOP: "Top", Priority.NORMAL: "Normal", Priority.LOW: "Low"}
