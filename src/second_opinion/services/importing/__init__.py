"""Importing what patient portals hand out: C-CDA documents and FHIR R4 Bundles.

``read_document`` turns a file into a ``ParsedDocument`` (or refuses it with one of the
``ImportFileError`` kinds, each with a one-line message); ``plan.plan_import`` compares it
with the vault for the preview, and ``plan.apply_import`` writes what the person kept.
"""

from __future__ import annotations

from pathlib import Path

from second_opinion.services.importing.model import (
    MAX_FILE_BYTES,
    FileTooLarge,
    ImportFileError,
    MalformedFile,
    ParsedDocument,
    UnsafeFile,
    UnsupportedFile,
)

__all__ = [
    "FileTooLarge",
    "ImportFileError",
    "MalformedFile",
    "ParsedDocument",
    "UnsafeFile",
    "UnsupportedFile",
    "parse_bytes",
    "read_document",
]


def read_document(path: Path) -> ParsedDocument:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileTooLarge(
                "The file is larger than {limit} MB; it was not read.",
                limit=MAX_FILE_BYTES // (1024 * 1024),
            )
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise UnsupportedFile("That is a folder, not a file.") from exc
    except OSError as exc:
        raise ImportFileError(
            "The file could not be read ({reason}).", reason=exc.strerror
        ) from exc
    return parse_bytes(data)


def parse_bytes(data: bytes) -> ParsedDocument:
    """Recognise the format by its first character and read it."""
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLarge(
            "The file is larger than {limit} MB; it was not read.",
            limit=MAX_FILE_BYTES // (1024 * 1024),
        )
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if not start:
        raise MalformedFile("The file is empty.")
    if start == b"<":
        from second_opinion.services.importing.ccda import parse_ccda

        return parse_ccda(data)
    if start in (b"{", b"["):
        from second_opinion.services.importing.fhir import parse_fhir

        return parse_fhir(data)
    raise UnsupportedFile("The file is neither a C-CDA document (XML) nor a FHIR Bundle (JSON).")
