"""Reading a PDF back the way a person (or a screen reader) would: its text, page by page."""

from __future__ import annotations

import io
import re

import pypdf


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(data).pages]


def flat(text: str) -> str:
    """Whitespace removed: text wraps at different places than it was typed."""
    return re.sub(r"\s+", "", text)


def all_text(data: bytes) -> str:
    return "\n".join(pages_text(data))
