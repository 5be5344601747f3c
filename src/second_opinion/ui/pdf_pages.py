"""Turning PDF bytes into page images, for the in-app preview and for printing.

Qt's own PDF module ships only in the large PySide6-Addons wheels; pypdfium2 (PDFium, the
renderer inside Chromium, about 4 MB) draws the same pages into images we can show or paint
onto a ``QPrinter``. Rendering happens in memory: the PDF never touches a temporary file.
"""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

from second_opinion.pdfium_lock import PDFIUM

POINTS_PER_INCH = 72


def page_count(data: bytes) -> int:
    with PDFIUM:
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
    end = last
    index = max(first, 0)
    while True:
        # The lock is held for one page at a time, never across a yield: the caller may take
        # its time with each image (or stop) while other threads use PDFium meanwhile.
        with PDFIUM:
            document = pdfium.PdfDocument(data)
            try:
                stop = len(document) - 1 if end is None else min(end, len(document) - 1)
                if index > stop:
                    return
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
            finally:
                document.close()
        yield image
        index += 1
