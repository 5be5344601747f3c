"""The packaged DejaVu Sans, registered with ReportLab once per process.

A TTF is embedded (subset) so any name the user typed prints: DejaVu Sans covers Latin,
Greek, Cyrillic, Hebrew, Arabic letters, many symbols and some emoji. Characters it has no
glyph for are replaced before they reach ReportLab (see ``export.text``), so the page never
shows an empty box.
"""

from __future__ import annotations

import threading
from importlib import resources
from io import BytesIO
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "SecondOpinionSans"
BOLD = "SecondOpinionSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_coverage: frozenset[int] | None = None


class _EmbeddedFont(TTFont):  # type: ignore[misc]
    """A TTF whose ToUnicode map also works for characters beyond U+FFFF.

    ReportLab writes such code points as bare hex (``<1F600>``) where the PDF format wants
    UTF-16 (``<D83DDE00>``), so viewers cannot copy or search an emoji. This subclass
    rewrites those maps after ReportLab has built them.
    """

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            if all(code <= 0xFFFF for code in subset):
                continue
            prefix = "".join("ABCDEFGIJK"[int(d)] for d in f"{number:06d}")
            base = f"{prefix}+{self.face.name.decode('latin-1')}"
            base += self.face.subfontNameX.decode("latin-1")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = _to_unicode_cmap(base, subset)


def _to_unicode_cmap(name: str, subset: list[int]) -> str:
    def utf16(code: int) -> str:
        if code <= 0xFFFF:
            return f"{code:04X}"
        code -= 0x10000
        return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"

    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(code)}>" for i, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def register_fonts() -> frozenset[int]:
    """Register the fonts (first call only) and return the code points both faces can draw."""
    global _coverage
    with _lock:
        if _coverage is None:
            faces: list[TTFont] = []
            folder = resources.files("second_opinion") / "resources" / "fonts"
            for name, filename in _FILES.items():
                font = _EmbeddedFont(name, BytesIO((folder / filename).read_bytes()))
                pdfmetrics.registerFont(font)
                faces.append(font)
            # So <b> inside our own markup picks the bold face.
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
            covered = set(faces[0].face.charToGlyph)
            for face in faces[1:]:
                covered &= set(face.face.charToGlyph)
            _coverage = frozenset(covered)
        return _coverage
