"""User text on its way into a ReportLab Paragraph.

ReportLab reads paragraph text as a small XML-like markup, so a name such as ``A<b>`` or a
note with ``&`` would be taken as markup (or crash the parser). Everything the user typed
passes through ``para`` here: control characters dropped, characters the embedded font cannot
draw replaced by U+FFFD (a visible sign, never an empty box), markup characters escaped and
line breaks kept.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from xml.sax.saxutils import escape

from second_opinion.export.fonts import register_fonts
from second_opinion.services import printed_words as words
from second_opinion.services.printed_words import ENGLISH

REPLACEMENT = "\ufffd"

# Invisible characters that only steer rendering (variation selectors, joiners, bidi marks);
# the font has no glyph for most of them and dropping them loses nothing on paper.
_VARIATION_SELECTORS = range(0xFE00, 0xFE10)
_VARIATION_SELECTORS_SUPPLEMENT = range(0xE0100, 0xE01F0)


def _printed(ch: str, covered: frozenset[int]) -> str:
    """What one character becomes on paper: itself, a line break, U+FFFD or nothing."""
    code = ord(ch)
    if ch == "\n":
        return ch
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs", "Co") or (category == "Cf" and code not in covered):
        return ""
    if code in _VARIATION_SELECTORS or code in _VARIATION_SELECTORS_SUPPLEMENT:
        return ""
    if category in ("Zl", "Zp"):
        return "\n"
    return ch if code in covered else REPLACEMENT


@functools.cache
def _unchanged() -> frozenset[str]:
    """The characters that print as themselves (worked out once, from the fonts)."""
    covered = register_fonts()
    candidates = (chr(code) for code in covered | {ord("\n")})
    return frozenset(ch for ch in candidates if _printed(ch, covered) == ch)


def printable(text: str) -> str:
    """``text`` as it will appear on paper (before markup escaping)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    # Nearly all text prints as typed; one set lookup per character (in C) says so, where
    # asking Unicode about each character costs a large packet a tenth of a second.
    if _unchanged().issuperset(text):
        return text
    covered = register_fonts()
    return "".join(_printed(ch, covered) for ch in text)


def para(text: str) -> str:
    """``text`` ready to be the content of a Paragraph: escaped, line breaks as ``<br/>``."""
    return escape(printable(text)).replace("\n", "<br/>")


def chunk_text(text: str, limit: int = 1200) -> list[str]:
    """``text`` (printable) in pieces of at most ``limit`` characters, cut where it reads well.

    Prefers a line break, then the end of a sentence, then a space; an unbroken run of
    characters is cut where it must be.
    """
    text = printable(text)
    pieces: list[str] = []
    while len(text) > limit:
        window = text[:limit]
        cut = window.rfind("\n")
        if cut < limit // 2:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut >= limit // 2 else window.rfind(" ")
        if cut < limit // 2:
            cut = limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip(" \n")
    pieces.append(text)
    return [piece for piece in pieces if piece.strip()]


def line(text: str) -> str:
    """Like ``para`` for a one-line field: line breaks become spaces."""
    return escape(" ".join(printable(text).split()))


# Spelled out (in services.printed_words) rather than with strftime("%B"): Qt sets the C locale
# on start-up, and a German month name in the middle of an English letter would look careless.
# Each function takes the document's language: "en" (US order) or "es".


def short_date(value: dt.date | None, language: str = ENGLISH) -> str:
    """ "Dec 3, 2026" / "3 dic. 2026": the month as a word, so no reader mistakes it for 12/3."""
    return words.short_date(value, language)


def long_date(value: dt.date | None, language: str = ENGLISH) -> str:
    """ "December 3, 2026" / "3 de diciembre de 2026"."""
    return words.long_date(value, language)


def visit_time(value: dt.datetime, zone: str, language: str = ENGLISH) -> str:
    """ "Thursday, December 3, 2026, 9:30 AM CST": the clock as the invitation shows it
    ("jueves, 3 de diciembre de 2026, 9:30 a. m. CST" in Spanish).

    The zone is named by its everyday abbreviation (CST, EDT, UTC), not by its database name
    ("America/Chicago"); a zone without one prints as its offset ("UTC+05:30").
    """
    abbreviation = value.tzname() or ""
    if not abbreviation or abbreviation[0] in "+-":
        offset = value.utcoffset() or dt.timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        hours, rest = divmod(abs(minutes), 60)
        abbreviation = f"UTC{sign}{hours:02d}:{rest:02d}" if minutes else "UTC"
    day = words.weekday(value.date(), language)
    when = long_date(value.date(), language)
    return f"{day}, {when}, {words.clock(value, language)} {line(abbreviation)}"
