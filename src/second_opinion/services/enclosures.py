"""Plain data for printing documents: what a packet or a records bundle encloses.

Built by the case layer; the export layer renders it without a session. A document's content
is fetched (decrypted, into memory) only when the renderer reaches it, through ``load``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass

from second_opinion.services.packet_data import ContactBlock, Paper


class DocumentChoice(enum.StrEnum):
    """Which documents a visit packet takes."""

    ALL = "all"
    LINKED = "linked"
    NONE = "none"


@dataclass(frozen=True)
class EnclosedDocument:
    id: int
    title: str
    dated_on: dt.date | None
    source_name: str
    media_type: str
    pages: int
    #: False for a damaged file kept anyway: its separator page says it was left out
    viewable: bool
    problem: str
    load: Callable[[], bytes]


@dataclass(frozen=True)
class BundleData:
    """A records bundle: a cover letter, an index of what is enclosed, then the documents."""

    paper: Paper
    person_name: str
    date_of_birth: dt.date | None
    sender: ContactBlock
    recipient: ContactBlock
    holder: ContactBlock
    request_id: int
    reference_number: str
    today: dt.date
    documents: tuple[EnclosedDocument, ...]
    #: the language the cover letter and index print in: "en" or "es"
    language: str = "en"
