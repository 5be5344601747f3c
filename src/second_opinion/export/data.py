"""The plain data the renderers take (defined in ``services.packet_data``, below this layer)."""

from __future__ import annotations

from second_opinion.services.packet_data import (
    ALL_SECTIONS,
    LETTER_TITLES,
    SECTION_TITLES,
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
    Section,
    VisitInfo,
    default_paper,
)

__all__ = [
    "ALL_SECTIONS",
    "LETTER_TITLES",
    "SECTION_TITLES",
    "AuthorizationTerms",
    "CareTeamMember",
    "ContactBlock",
    "InsuranceCallLine",
    "InsuranceInfo",
    "LetterData",
    "LetterKind",
    "MissingRecord",
    "OpinionSummary",
    "PacketData",
    "Paper",
    "QuestionLine",
    "RecordItemLine",
    "RecordLine",
    "Section",
    "VisitInfo",
    "default_paper",
]
