"""Example documents for the export tests: one full packet and one letter of each kind."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

from second_opinion.services.legal_basis import RequestBasis
from second_opinion.services.packet_data import (
    AuthorizationTerms,
    CareTeamMember,
    ContactBlock,
    InsuranceCallLine,
    InsuranceInfo,
    LetterData,
    LetterKind,
    MissingRecord,
    OpinionSummary,
    PacketData,
    Paper,
    QuestionLine,
    RecordItemLine,
    RecordLine,
    VisitInfo,
)

ZONE = "America/Chicago"
DOCTOR = ContactBlock(
    name="Dr. Ana Rao",
    role="Second-opinion doctor",
    specialty="Breast surgical oncology",
    organization="Lakeside University Cancer Center",
    address="1200 Lakeshore Drive\nSuite 400\nChicago, IL 60611",
    phone="+1 312 555 0140",
    fax="+1 312 555 0141",
    email="breastclinic@lakeside.example",
)
FIRST = ContactBlock(
    name="Dr. Peter Holm",
    role="First-opinion doctor",
    specialty="General surgery",
    organization="Riverside Surgical Group",
    address="55 River Road\nSpringfield, IL 62701",
    phone="+1 217 555 0110",
    fax="+1 217 555 0111",
)


def packet(**changes: object) -> PacketData:
    data = PacketData(
        person_name="Maria Example",
        date_of_birth=dt.date(1968, 4, 12),
        condition="A 2.1 cm mass in the left breast; core biopsy read as invasive ductal "
        "carcinoma. I want a second opinion on the diagnosis and on breast-conserving options.",
        prepared_on=dt.date(2026, 11, 26),
        visit=VisitInfo(
            doctor=DOCTOR,
            starts_at=dt.datetime(2026, 12, 3, 9, 30, tzinfo=ZoneInfo(ZONE)),
            time_zone=ZONE,
            duration_minutes=60,
            mode="In person",
            is_telemedicine=False,
            location="Lakeside University Cancer Center, Building B, 4th floor",
            telemedicine_url="",
            companion=ContactBlock(name="Lucia Example", phone="+1 217 555 0199"),
            status="Planned",
        ),
        insurance=InsuranceInfo(
            insurer="Prairie Health Mutual",
            plan_name="Choice PPO 500",
            member_id="PHM-448812-03",
            group_number="G-77120",
            phone="+1 800 555 0100",
            second_opinion_covered="Yes",
            referral_needed="Yes",
            prior_authorization_needed="No",
            visit_referral="Needed, obtained",
            visit_referral_number="REF-2026-1187",
            visit_prior_auth="Not needed",
            expected_cost="$40.00",
            calls=(
                InsuranceCallLine(
                    dt.date(2026, 11, 2),
                    "Janet (member services)",
                    "CALL-5531",
                    "Second opinions covered in network with a referral.",
                ),
            ),
        ),
        care_team=(
            CareTeamMember("This visit", DOCTOR),
            CareTeamMember("First-opinion doctor", FIRST),
            CareTeamMember(
                "Primary care", ContactBlock(name="Dr. Grace Lee", phone="+1 217 555 0120")
            ),
        ),
        records=(
            RecordLine(
                "Pathology report",
                "Core biopsy, left breast",
                "Riverside Pathology",
                dt.date(2026, 10, 14),
                "Received",
                dt.date(2026, 10, 20),
                dt.date(2026, 11, 19),
                dt.date(2026, 10, 28),
                dt.date(2026, 10, 30),
            ),
            RecordLine(
                "Imaging files (disc or link)",
                "Mammogram and ultrasound images",
                "Springfield Imaging",
                dt.date(2026, 10, 2),
                "Requested",
                dt.date(2026, 10, 22),
                dt.date(2026, 11, 21),
                None,
                None,
                overdue=True,
            ),
        ),
        missing=(
            MissingRecord(
                "Imaging files (disc or link)",
                "Mammogram and ultrasound images",
                "Springfield Imaging",
                "Requested 22 Oct 2026; 5 days overdue",
            ),
        ),
        questions=(
            QuestionLine(
                "Do you agree with the diagnosis and the stage?", "Diagnosis", "Top", True
            ),
            QuestionLine(
                "Am I a candidate for breast-conserving surgery?", "Treatment options", "Top", True
            ),
            QuestionLine(
                "What would you do differently, and why?",
                "The second opinion itself",
                "Normal",
                False,
            ),
        ),
        medications="Lisinopril 10 mg once daily\nVitamin D 1000 IU daily",
        allergies="Penicillin (rash)",
        opinions=(
            OpinionSummary(
                "Dr. Peter Holm",
                dt.date(2026, 10, 21),
                diagnosis="Invasive ductal carcinoma, left breast",
                stage="IIA",
                recommended_treatment="Mastectomy with sentinel node biopsy",
                alternatives="None discussed",
                urgency="Within 4–6 weeks",
            ),
        ),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def letter(kind: LetterKind = LetterKind.REQUEST, **changes: object) -> LetterData:
    data = LetterData(
        kind=kind,
        person_name="Maria Example",
        date_of_birth=dt.date(1968, 4, 12),
        sender=ContactBlock(
            name="Maria Example",
            address="8 Elm Street\nSpringfield, IL 62704",
            phone="+1 217 555 0190",
            email="maria@example.org",
        ),
        holder=ContactBlock(
            name="Springfield Imaging",
            organization="Springfield Imaging",
            address="300 Main Street\nSpringfield, IL 62701",
            phone="+1 217 555 0130",
            fax="+1 217 555 0131",
        ),
        recipient=DOCTOR,
        recipient_is_sender=False,
        method="Disc",
        items=(
            RecordItemLine(
                "Imaging files (disc or link)",
                "Mammogram and ultrasound images",
                dt.date(2026, 10, 2),
            ),
            RecordItemLine("Imaging report", "Diagnostic mammogram report", dt.date(2026, 10, 2)),
        ),
        requested_on=dt.date(2026, 10, 22),
        reference_number="ROI-88123",
        condition="Breast cancer",
        authorization=AuthorizationTerms(
            scope="Imaging studies and reports of both breasts, 2024 to now.",
            purpose="A second medical opinion, at my request.",
            expires_on=dt.date(2027, 4, 22),
        ),
        prepared_on=dt.date(2026, 11, 26),
        paper=Paper.LETTER,
        basis=RequestBasis.DIRECTED_ELECTRONIC,
        method_phrase="on a disc (CD or DVD) sent by mail",
    )
    return replace(data, **changes)  # type: ignore[arg-type]
