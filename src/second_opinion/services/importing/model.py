"""What a parsed portal document holds, as plain data, before anything is compared or written.

The C-CDA and FHIR readers both produce a ``ParsedDocument``; ``plan`` compares it with the
vault and ``apply`` writes what the person kept. Nothing here knows a session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from second_opinion.domain.enums import ContactKind, ContactRole, RecordKind
from second_opinion.services.errors import ServiceError
from second_opinion.services.health_summary import EntryData

#: bigger files are refused before they are parsed (a portal's full export is a few MB)
MAX_FILE_BYTES = 64 * 1024 * 1024


class ImportFileError(ServiceError):
    """The file cannot be imported; the message says why in one line, without health data."""


class MalformedFile(ImportFileError):
    """The file is damaged or cut short: it does not parse as the format it claims."""


class UnsupportedFile(ImportFileError):
    """The file parses but is not a C-CDA document or a FHIR R4 Bundle we can read."""


class UnsafeFile(ImportFileError):
    """The XML declares a DOCTYPE, entities or external references (XXE, billion laughs)."""


class FileTooLarge(ImportFileError):
    pass


@dataclass(frozen=True)
class ParsedPatient:
    name: str
    birth_date: dt.date | None = None


@dataclass(frozen=True)
class ParsedContact:
    name: str
    kind: ContactKind = ContactKind.INDIVIDUAL
    role: ContactRole = ContactRole.OTHER
    organization: str = ""
    npi: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    address: str = ""
    specialty: str = ""


@dataclass(frozen=True)
class Attachment:
    """A file the document carries (the original, or an embedded PDF), for the documents store."""

    filename: str
    media_type: str
    data: bytes


@dataclass
class ParsedDocument:
    format: str  # "C-CDA" or "FHIR"
    doc_key: str
    title: str
    kind: RecordKind
    date: dt.date | None
    patient: ParsedPatient | None
    #: who holds the records (the custodian organization), an index into ``contacts``
    holder: int | None = None
    contacts: list[ParsedContact] = field(default_factory=list)
    entries: list[EntryData] = field(default_factory=list)
    #: files embedded in the document (a wrapped PDF); the original file itself is ``original``
    attachments: list[Attachment] = field(default_factory=list)
    original: bytes = b""
    #: problems that did not stop the import (an entry without a name, a code we do not know)
    warnings: list[str] = field(default_factory=list)

    def add_contact(self, contact: ParsedContact | None) -> int | None:
        """Add a contact unless the file named it already; its index either way."""
        if contact is None or not contact.name.strip():
            return None
        for index, known in enumerate(self.contacts):
            if _same_in_file(known, contact):
                return index
        self.contacts.append(contact)
        return len(self.contacts) - 1


def _same_in_file(a: ParsedContact, b: ParsedContact) -> bool:
    if a.npi and a.npi == b.npi:
        return True
    return (a.name.casefold(), a.organization.casefold(), a.kind) == (
        b.name.casefold(),
        b.organization.casefold(),
        b.kind,
    )


def parse_hl7_date(value: str | None) -> dt.date | None:
    """A date from an HL7 v3 timestamp ("20240315", "202403151030-0500") or a FHIR date.

    A year alone or a year and month give the first day; anything unreadable gives None.
    """
    if not value:
        return None
    digits = value.replace("-", "")[:8] if "T" in value or "-" in value[:8] else value[:8]
    digits = "".join(ch for ch in digits if ch.isdigit())
    try:
        if len(digits) >= 8:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        if len(digits) >= 6:
            return dt.date(int(digits[:4]), int(digits[4:6]), 1)
        if len(digits) == 4:
            return dt.date(int(digits), 1, 1)
    except ValueError:
        return None
    return None
