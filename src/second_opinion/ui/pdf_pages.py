"""Turning PDF bytes into page images, for the in-app preview and for printing.

Qt's own PDF module ships only in the large PySide6-Addons wheels; pypdfium2 (PDFium, the
renderer inside Chromium, about 4 MB) draws the same pages into images we can show or paint
onto a ``QPrinter``. Rendering happens in memory: the PDF never touches a temporary file.
"""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72


def page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def render_pages(
    data: bytes, dpi: float, first: int = 0, last: int | None = None
) -> Iterator[QImage]:
    """Yield pages ``first``..``last`` (0-based, inclusive) as images at ``dpi``.

    A generator, so printing a long packet holds one page image in memory at a time.
    """
    document = pdfium.PdfDocument(data)
    try:
        end = len(document) - 1 if last is None else min(last, len(document) - 1)
        for index in range(max(first, 0), end + 1):
            page = document[index]
            bitmap = page.render(scale=dpi / POINTS_PER_INCH)
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_BGR888,
            ).copy()  # own the pixels: the bitmap's buffer is freed below
            bitmap.close()
            page.close()
            yield image
    finally:
        document.close()
