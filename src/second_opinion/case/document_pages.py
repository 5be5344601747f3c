"""Pages of a document as pixels, for the viewer: rendered in memory, never on the GUI thread.

The viewer asks through the operations runner, so these functions run on its one database
worker: PDFium (pypdfium2) is not thread-safe, and every PDFium call of the app's screens
happens there. They return plain pixels (RGB, 3 bytes a pixel); the screen wraps them in an
image. Nothing is written to a disk. A page that cannot be drawn is a ``problem`` to show
calmly, never an exception.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from second_opinion.case.case import Case
from second_opinion.case.documents import ContentError, document_content, document_row
from second_opinion.pdfium_lock import PDFIUM
from second_opinion.services.documents import IMAGE_TYPES, PDF, TEXT, register_image_formats

#: PDF points shown at 100 %: 96 pixels an inch, 72 points an inch
PDF_BASE_SCALE = 96 / 72
#: the longest side of a page image, so a wild zoom cannot take the memory
MAX_SIDE = 6000
ROTATIONS = (0, 90, 180, 270)


@dataclass(frozen=True)
class PageImage:
    """One page as RGB pixels, ``stride`` bytes a row. ``zoom`` is its size against 100 %."""

    index: int
    width: int
    height: int
    stride: int
    pixels: bytes
    zoom: float


@dataclass(frozen=True)
class Opened:
    """A document decrypted into memory for the viewer, or why it cannot be shown."""

    document_id: int
    title: str
    media_type: str
    data: bytes
    pages: int
    text: str = ""
    problem: str = ""


@dataclass(frozen=True)
class Rendered:
    pages: list[PageImage]
    problem: str = ""


def open_document(case: Case, document_id: int) -> Opened:
    """Decrypt the document into memory and count what there is to show."""
    row = document_row(case, document_id)
    if not row.viewable:
        return Opened(document_id, row.title, row.media_type, b"", 0, problem=row.problem)
    try:
        content = document_content(case, document_id)
    except ContentError as exc:
        return Opened(document_id, row.title, row.media_type, b"", 0, problem=str(exc))
    media, data = content.media_type, content.data
    if media == TEXT:
        return Opened(
            document_id, row.title, media, b"", 1, text=data.decode("utf-8-sig", "replace")
        )
    try:
        pages = _count(data, media)
    except Exception:
        return Opened(document_id, row.title, media, b"", 0, problem="it cannot be read")
    return Opened(document_id, row.title, media, data, pages)


def count_pages(data: bytes, media: str) -> int:
    """How many pages ``data`` has (a PDF's, an image's frames); ``ValueError`` otherwise."""
    try:
        return _count(data, media)
    except ValueError:
        raise
    except Exception as exc:  # a PDF or image its library cannot open
        raise ValueError("cannot be read") from exc


def _count(data: bytes, media: str) -> int:
    if media == PDF:
        import pypdfium2 as pdfium

        with PDFIUM:
            pdf = pdfium.PdfDocument(data)
            try:
                return len(pdf)
            finally:
                pdf.close()
    if media in IMAGE_TYPES:
        from PIL import Image

        register_image_formats()
        with Image.open(io.BytesIO(data)) as image:
            return int(getattr(image, "n_frames", 1) or 1)
    raise ValueError(media)


def render(
    data: bytes,
    media: str,
    indexes: Sequence[int],
    rotation: int = 0,
    width: int | None = None,
    zoom: float = 1.0,
    box: int | None = None,
) -> Rendered:
    """Draw pages ``indexes``, turned clockwise by ``rotation`` degrees, at one of three sizes:
    ``box`` (fits a square of that many pixels: thumbnails), ``width`` (fits that width) or
    ``zoom`` (times 100 %)."""
    rotation = rotation % 360 if rotation % 90 == 0 else 0
    try:
        if media == PDF:
            return Rendered(_pdf(data, indexes, rotation, width, zoom, box))
        if media in IMAGE_TYPES:
            return Rendered(_images(data, indexes, rotation, width, zoom, box))
    except Exception:
        return Rendered([], "this page cannot be shown")
    return Rendered([], "this kind of document has no pages to draw")


def _scale_for(
    w: float, h: float, base: float, width: int | None, zoom: float, box: int | None
) -> float:
    if box is not None:
        scale = box / max(w, h)
    elif width is not None:
        scale = max(width, 16) / w
    else:
        scale = base * zoom
    return min(scale, MAX_SIDE / max(w, h))


def _pdf(
    data: bytes,
    indexes: Sequence[int],
    rotation: int,
    width: int | None,
    zoom: float,
    box: int | None,
) -> list[PageImage]:
    import pypdfium2 as pdfium

    with PDFIUM:  # PDFium is not thread-safe (see pdfium_lock)
        out = []
        pdf = pdfium.PdfDocument(data)
        try:
            for index in indexes:
                if not 0 <= index < len(pdf):
                    continue
                page = pdf[index]
                try:
                    w, h = page.get_size()
                    if rotation in (90, 270):
                        w, h = h, w
                    scale = _scale_for(w, h, PDF_BASE_SCALE, width, zoom, box)
                    bitmap = page.render(scale=scale, rotation=rotation, rev_byteorder=True)
                    try:
                        out.append(
                            PageImage(
                                index,
                                bitmap.width,
                                bitmap.height,
                                bitmap.stride,
                                bytes(bitmap.buffer),
                                scale / PDF_BASE_SCALE,
                            )
                        )
                    finally:
                        bitmap.close()
                finally:
                    page.close()
        finally:
            pdf.close()
        return out


_TRANSPOSE = {90: 4, 180: 3, 270: 2}  # PIL: ROTATE_270 turns clockwise by 90, and so on


def _images(
    data: bytes,
    indexes: Sequence[int],
    rotation: int,
    width: int | None,
    zoom: float,
    box: int | None,
) -> list[PageImage]:
    from PIL import Image

    register_image_formats()
    out = []
    with Image.open(io.BytesIO(data)) as source:
        frames = int(getattr(source, "n_frames", 1) or 1)
        for index in indexes:
            if not 0 <= index < frames:
                continue
            source.seek(index)
            image = source.convert("RGB")
            if rotation:
                image = image.transpose(Image.Transpose(_TRANSPOSE[rotation]))
            scale = _scale_for(image.width, image.height, 1.0, width, zoom, box)
            size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
            if size != image.size:
                image = image.resize(
                    size, Image.Resampling.LANCZOS if scale < 1 else Image.Resampling.BICUBIC
                )
            out.append(
                PageImage(index, image.width, image.height, image.width * 3, image.tobytes(), scale)
            )
    return out
