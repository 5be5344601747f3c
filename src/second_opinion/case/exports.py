"""The plain data the visit packet and the letters print, gathered from the case.

These only read; ``export/`` turns their dataclasses into PDF bytes (the UI runs both steps
on the database worker, the command line one after the other).
"""

from __future__ import annotations

from collections.abc import Iterable

from second_opinion.case.case import Case
from second_opinion.services import authorizations
from second_opinion.services import packet as packet_service
from second_opinion.services.packet import VisitChoice
from second_opinion.services.packet_data import LetterData, LetterKind, PacketData, Paper, Section


def packet_visits(case: Case) -> list[VisitChoice]:
    """The current person's visits a packet can be made for, upcoming ones first."""
    with case.reading() as session:
        return packet_service.list_packet_visits(session, case.person_id)


def packet_data(
    case: Case, visit_id: int, sections: Iterable[Section], paper: Paper, language: str = "en"
) -> PacketData:
    """Everything the packet for ``visit_id`` prints, in ``language`` ("en" or "es");
    ``NotFound`` if the visit is gone."""
    with case.reading() as session:
        return packet_service.build_packet_data(
            session, visit_id, tuple(sections), paper, language=language
        )


def letter_data(
    case: Case, request_id: int, kind: LetterKind, paper: Paper, language: str = "en"
) -> LetterData:
    """The letter or form ``kind`` for a records request, in ``language`` ("en" or "es");
    ``NotFound`` if it is gone."""
    with case.reading() as session:
        return packet_service.build_letter_data(session, request_id, kind, paper, language=language)


def letter_check(case: Case, request_id: int) -> authorizations.PrintCheck:
    """Whether the authorization a printed form for the request carries fits it today."""
    with case.reading() as session:
        return authorizations.print_check(session, request_id)
