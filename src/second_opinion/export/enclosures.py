"""Documents printed after a summary: the visit packet with its documents, and the records
bundle (cover letter, index, documents) for a second doctor.

Each document starts on a new page after a short separator (title, date, source); images are
scaled to fit the page, text is set in a fixed-width font, PDFs go in as they are. The front
pages (contents, summary, letter) are ReportLab; the whole is merged with pypdf, with a
bookmark for every section and document, and every page says "Page i of n" of the whole.
Content arrives as plain data (``EnclosedDocument.load``) and is read one document at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from second_opinion.export.base import (
    ACCENT,
    CONFIDENTIAL,
    MUTED,
    RULE,
    DocumentRenderer,
    _fit,
    _NumberedCanvas,
    page_size,
)
from second_opinion.export.fonts import BOLD, REGULAR, register_fonts
from second_opinion.export.i18n import Words
from second_opinion.export.packet import PacketRenderer, render_packet
from second_opinion.export.text import line, para, printable
from second_opinion.services.enclosures import BundleData, EnclosedDocument
from second_opinion.services.packet_data import SECTION_TITLES, PacketData, Paper, Section

_IMAGE_MARGIN = 15 * mm
_MONO = "Courier"


# ------------------------------------------------------------------ page numbering


def _numbering(offset: int, total: int) -> type[Canvas]:
    class Numbered(_NumberedCanvas):
        def _draw_page_number(self, _total: int) -> None:
            self._pageNumber += offset
            super()._draw_page_number(total)

    return Numbered


class _Anchor(Flowable):  # type: ignore[misc]
    """Invisible; remembers the page it lands on (for contents and bookmarks)."""

    def __init__(self, key: str, seen: dict[str, int]) -> None:
        super().__init__()
        self.key = key
        self.seen = seen

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.seen.setdefault(self.key, self.canv.getPageNumber())


class _AnchoredPacket(PacketRenderer):
    def __init__(self, data: PacketData, offset: int, total: int) -> None:
        super().__init__(data)
        self.canvasmaker = _numbering(offset, total)
        self.anchors: dict[str, int] = {}

    def story(self) -> list[Flowable]:
        # The cover has no heading of its own; it starts the story when it is chosen.
        first = (
            [_Anchor(Section.COVER.value, self.anchors)]
            if Section.COVER in self.data.sections
            else []
        )
        return [*first, *super().story()]

    def _heading(self, section: Section) -> list[Flowable]:
        return [_Anchor(section.value, self.anchors), *super()._heading(section)]


# ------------------------------------------------------------------ the documents


@dataclass
class _Part:
    document: EnclosedDocument
    body: PdfReader | None
    note: str

    @property
    def pages(self) -> int:
        return 1 + (len(self.body.pages) if self.body is not None else 0)


def _prepare(document: EnclosedDocument, paper: Paper, words: Words) -> _Part:
    if not document.viewable:
        note = words.t("This document could not be included: {problem}", problem=document.problem)
        return _Part(document, None, note)
    try:
        content = document.load()
        if document.media_type == "application/pdf":
            reader = PdfReader(BytesIO(content))
            if reader.is_encrypted:
                raise ValueError("protected by a password")
            return _Part(document, reader, "")
        if document.media_type == "text/plain":
            return _Part(document, PdfReader(BytesIO(_text_pages(content, paper))), "")
        return _Part(document, PdfReader(BytesIO(_image_pages(content, paper))), "")
    except Exception:
        return _Part(
            document, None, words.t("This document could not be included: it could not be read.")
        )


def _image_pages(content: bytes, paper: Paper) -> bytes:
    from PIL import Image, ImageOps
    from reportlab.lib.utils import ImageReader

    from second_opinion.services.documents import register_image_formats

    register_image_formats()
    width, height = page_size(paper)
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1)
    with Image.open(BytesIO(content)) as image:
        for index in range(int(getattr(image, "n_frames", 1) or 1)):
            image.seek(index)
            frame = ImageOps.exif_transpose(image.copy()) or image.copy()
            if frame.mode not in ("RGB", "L"):
                frame = frame.convert("RGB")
            box_w = width - 2 * _IMAGE_MARGIN
            box_h = height - 2 * _IMAGE_MARGIN - 8 * mm
            scale = min(box_w / frame.width, box_h / frame.height)
            draw_w, draw_h = frame.width * scale, frame.height * scale
            canvas.drawImage(
                ImageReader(frame),
                (width - draw_w) / 2,
                _IMAGE_MARGIN + 8 * mm + (box_h - draw_h) / 2,
                draw_w,
                draw_h,
            )
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _text_pages(content: bytes, paper: Paper) -> bytes:
    from second_opinion.services.documents import TEXT_LINES_PER_PAGE

    register_fonts()
    width, height = page_size(paper)
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1)
    text = printable(content.decode("utf-8-sig", errors="replace"))
    size = 8.5
    per_line = int((width - 40 * mm) / (size * 0.6))
    lines: list[str] = []
    for raw in text.split("\n") or [""]:
        while len(raw) > per_line:
            lines.append(raw[:per_line])
            raw = raw[per_line:]
        lines.append(raw)
    for start in range(0, max(1, len(lines)), TEXT_LINES_PER_PAGE):
        y = height - 20 * mm
        canvas.setFont(_MONO, size)
        for text_line in lines[start : start + TEXT_LINES_PER_PAGE]:
            canvas.drawString(20 * mm, y, text_line)
            y -= size * 1.45
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _separator(part: _Part, canvas: Canvas, size: tuple[float, float], words: Words) -> None:
    width, height = size
    document = part.document
    canvas.setPageSize(size)
    canvas.setFillColor(ACCENT)
    canvas.rect(20 * mm, height - 62 * mm, 2 * mm, 32 * mm, stroke=0, fill=1)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 9)
    canvas.drawString(26 * mm, height - 34 * mm, words.t("Enclosed document"))
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(BOLD, 16)
    canvas.drawString(
        26 * mm, height - 44 * mm, _fit(printable(document.title), BOLD, 16, width - 50 * mm)
    )
    canvas.setFont(REGULAR, 10)
    t = words.t
    facts = [
        t("Date: {date}", date=words.long_date(document.dated_on))
        if document.dated_on
        else t("Date: not recorded"),
        t("From: {source}", source=printable(document.source_name))
        if document.source_name
        else t("From: not recorded"),
        words.plural(part.pages - 1, "1 page follows", "{count} pages follow")
        if part.body is not None
        else "",
    ]
    y = height - 52 * mm
    for fact in facts:
        if fact:
            canvas.drawString(26 * mm, y, _fit(fact, REGULAR, 10, width - 50 * mm))
            y -= 6 * mm
    if part.note:
        canvas.setFillColor(ACCENT)
        canvas.setFont(BOLD, 10)
        canvas.drawString(26 * mm, y - 4 * mm, _fit(part.note, BOLD, 10, width - 50 * mm))
    canvas.showPage()


def _separators(parts: Sequence[_Part], paper: Paper, words: Words) -> PdfReader:
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=page_size(paper), invariant=1)
    for part in parts:
        _separator(part, canvas, page_size(paper), words)
    canvas.save()
    return PdfReader(BytesIO(buffer.getvalue()))


def _footers(
    sizes: Sequence[tuple[float, float]], first: int, total: int, name: str, words: Words
) -> PdfReader:
    """One overlay page per page from ``first`` on: name, confidentiality, "Page i of n"."""
    register_fonts()
    buffer = BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for index, (width, height) in enumerate(sizes):
        canvas.setPageSize((width, height))
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 7)
        canvas.drawString(8 * mm, 5 * mm, name)
        canvas.setFont(BOLD, 7)
        canvas.drawCentredString(width / 2, 5 * mm, words.t(CONFIDENTIAL))
        canvas.setFont(REGULAR, 7)
        page = words.t("Page {page} of {total}", page=first + index, total=total)
        canvas.drawRightString(width - 8 * mm, 5 * mm, page)
        canvas.showPage()
    canvas.save()
    return PdfReader(BytesIO(buffer.getvalue()))


# ------------------------------------------------------------------ assembling


Front = Callable[[int, list[int]], tuple[bytes, dict[str, int]]]


def _assemble(
    paper: Paper,
    footer_name: str,
    documents: Sequence[EnclosedDocument],
    front: Front,
    outline: Callable[[PdfWriter, dict[str, int]], None],
    title: str,
    front_guess: int,
    words: Words,
) -> bytes:
    """``front(total, starts)`` renders the front pages knowing the total page count and the
    page each document starts on; documents follow, each after its separator."""
    parts = [_prepare(d, paper, words) for d in documents]
    front_pages = front_guess
    for _attempt in range(4):  # the front's length can depend on the numbers it prints
        starts, page = [], front_pages + 1
        for part in parts:
            starts.append(page)
            page += part.pages
        total = page - 1
        rendered, anchors = front(total, starts)
        count = len(PdfReader(BytesIO(rendered)).pages)
        if count == front_pages:
            break
        front_pages = count
    writer = PdfWriter()
    writer.append(PdfReader(BytesIO(rendered)))
    separators = _separators(parts, paper, words)
    tail_sizes: list[tuple[float, float]] = []
    tail = []
    for index, part in enumerate(parts):
        pages = [separators.pages[index], *(part.body.pages if part.body is not None else [])]
        for source in pages:
            writer.add_page(source)
            added = writer.pages[-1]
            if added.get("/Rotate"):
                added.transfer_rotation_to_content()
            box = added.mediabox
            tail_sizes.append((float(box.width), float(box.height)))
            tail.append(added)
    name = _fit(printable(" ".join(footer_name.split())), REGULAR, 7, 70 * mm)
    overlay = _footers(tail_sizes, front_pages + 1, total, name, words)
    for target, stamp in zip(tail, overlay.pages, strict=True):
        box = target.mediabox
        if float(box.left) or float(box.bottom):
            target.merge_transformed_page(
                stamp, Transformation().translate(float(box.left), float(box.bottom))
            )
        else:
            target.merge_page(stamp)
    outline(writer, anchors)
    documents_mark = (
        writer.add_outline_item(title=words.t("Documents"), page_number=starts[0] - 1)
        if parts
        else None
    )
    for part, start in zip(parts, starts, strict=True):
        label = part.document.title
        if part.document.dated_on:
            label += f" ({words.short_date(part.document.dated_on)})"
        writer.add_outline_item(title=label, page_number=start - 1, parent=documents_mark)
    writer.add_metadata({"/Title": words.t(title), "/Producer": "", "/Creator": ""})
    writer.page_mode = "/UseOutlines"
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


# ------------------------------------------------------------------ the visit packet


class _Contents(DocumentRenderer):
    title = "Contents"

    def __init__(
        self,
        data: PacketData,
        sections: list[tuple[str, int]],
        documents: Sequence[tuple[EnclosedDocument, int]],
        total: int,
    ) -> None:
        super().__init__(data.paper, data.person_name, language=data.language)
        self.canvasmaker = _numbering(0, total)
        self.sections = sections
        self.documents = documents
        self.data = data

    def story(self) -> list[Flowable]:
        visit = self.data.visit
        t = self.t
        story: list[Flowable] = [
            self.p(line(self.data.person_name), "H2"),
            self.p(
                t(
                    "Visit packet for the visit with {doctor} on {date}",
                    doctor=line(visit.doctor.name),
                    date=self.words.long_date(visit.starts_at.date()),
                ),
                "Small",
            ),
            HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=2, spaceAfter=10),
            self.p(t("Contents"), "H1"),
        ]
        rows: list[list[Any]] = [
            [self.p(line(t), "Cell"), self.p(str(p), "Right")] for t, p in self.sections
        ]
        if self.documents:
            rows.append([self.p(f"<b>{t('Documents')}</b>", "Cell"), ""])
            for document, page in self.documents:
                when = self.words.short_date(document.dated_on)
                detail = ", ".join(x for x in (when, document.source_name) if x)
                text = line(document.title) + (
                    f" <font color='#5b6670'>· {line(detail)}</font>" if detail else ""
                )
                rows.append(
                    [self.p("&nbsp;&nbsp;&nbsp;" + text, "Cell"), self.p(str(page), "Right")]
                )
        story.append(_rows_table(rows, self.content_width))
        return story


def _rows_table(rows: list[list[Any]], width: float) -> Table:
    table = Table(rows, colWidths=[width - 20 * mm, 20 * mm], repeatRows=0)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def render_packet_with_documents(data: PacketData, documents: Sequence[EnclosedDocument]) -> bytes:
    """The visit packet, then ``documents``: one PDF, with contents and bookmarks. Without
    documents it is exactly ``render_packet``'s."""
    if not documents:
        return render_packet(data)
    words = Words(data.language)
    probe = _AnchoredPacket(data, 0, 0)
    summary_pages = len(PdfReader(BytesIO(probe.render())).pages)
    chosen = [s for s in Section if s in data.sections]

    def front(total: int, starts: list[int]) -> tuple[bytes, dict[str, int]]:
        contents_pages = starts[0] - 1 - summary_pages if starts else 1
        packet = _AnchoredPacket(data, contents_pages, total)
        summary = packet.render()
        sections = [
            (words.t(SECTION_TITLES[s]), packet.anchors[s.value] + contents_pages)
            for s in chosen
            if s.value in packet.anchors
        ]
        contents = _Contents(
            data, sections, list(zip(documents, starts, strict=True)), total
        ).render()
        writer = PdfWriter()
        writer.append(PdfReader(BytesIO(contents)))
        writer.append(PdfReader(BytesIO(summary)))
        out = BytesIO()
        writer.write(out)
        anchors = {words.t("Contents"): 1} | {title: page for title, page in sections}
        return out.getvalue(), anchors

    def outline(writer: PdfWriter, anchors: dict[str, int]) -> None:
        for title, page in anchors.items():
            writer.add_outline_item(title=title, page_number=page - 1)

    return _assemble(
        data.paper,
        data.person_name,
        documents,
        front,
        outline,
        "Visit packet",
        summary_pages + 1,
        words,
    )


# ------------------------------------------------------------------ the records bundle


class _CoverLetter(DocumentRenderer):
    title = "Records bundle"

    def __init__(self, data: BundleData, starts: Sequence[int], total: int) -> None:
        super().__init__(data.paper, data.person_name, language=data.language)
        if total:
            self.canvasmaker = _numbering(0, total)
        self.data = data
        self.starts = starts
        self.anchors: dict[str, int] = {}

    def _address(self, block: Any) -> list[Flowable]:
        lines = [block.name, block.organization, block.address]
        return [self.p("<br/>".join(para(x) for x in lines if x), "Body")]

    def story(self) -> list[Flowable]:
        data = self.data
        t = self.t
        words = self.words
        born = (
            t(", born {date}", date=words.long_date(data.date_of_birth))
            if data.date_of_birth
            else ""
        )
        count = len(data.documents)
        pages = sum(d.pages for d in data.documents)
        enclosed = words.plural(count, "1 document", "{count} documents")
        if pages:
            enclosed += t(" (about {pages} pages)", pages=pages)
        name = line(data.recipient.name)
        records_of = t("Health records of {name}{born}", name=line(data.person_name), born=born)
        story: list[Flowable] = [
            _Anchor(t("Cover letter"), self.anchors),
            *self._address(data.sender),
            Spacer(1, 8 * mm),
            self.p(words.long_date(data.today), "Body"),
            Spacer(1, 4 * mm),
            *self._address(data.recipient),
            Spacer(1, 8 * mm),
            self.p(f"<b>{records_of}</b>", "Body"),
        ]
        if data.reference_number:
            reference = line(data.reference_number)
            story.append(self.p(t("Reference: {reference}", reference=reference), "Small"))
        story += [
            Spacer(1, 4 * mm),
            self.p(t("Dear {name},", name=name) if name else t("Dear Doctor,"), "Body"),
            self.p(
                t(
                    "Enclosed are copies of my health records for my second-opinion visit with "
                    "you: {documents}, listed on the next page. Please let me know if anything "
                    "you need is missing.",
                    documents=enclosed,
                ),
                "Body",
            ),
            self.p(t("Thank you."), "Body"),
            Spacer(1, 10 * mm),
            self.p(line(data.sender.name), "Body"),
            PageBreak(),
            _Anchor(t("Enclosed documents"), self.anchors),
            self.p(t("Enclosed documents"), "H1"),
            HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=1, spaceAfter=8),
        ]
        rows: list[list[Any]] = []
        for index, (document, page) in enumerate(zip(data.documents, self.starts, strict=True), 1):
            when = self.words.short_date(document.dated_on)
            detail = ", ".join(x for x in (when, document.source_name) if x)
            text = f"{index}. {line(document.title)}"
            if detail:
                text += f"<br/><font color='#5b6670'>{line(detail)}</font>"
            rows.append([self.p(text, "Cell"), self.p(t("page {page}", page=page), "Right")])
        if rows:
            story.append(_rows_table(rows, self.content_width))
        else:
            story.append(self.p(t("No documents are linked to this request yet."), "Body"))
        return story


def render_bundle(data: BundleData) -> bytes:
    """The records bundle for one request, as one PDF."""

    def front(total: int, starts: list[int]) -> tuple[bytes, dict[str, int]]:
        letter = _CoverLetter(data, starts, total)
        return letter.render(), letter.anchors

    def outline(writer: PdfWriter, anchors: dict[str, int]) -> None:
        for title, page in anchors.items():
            writer.add_outline_item(title=title, page_number=page - 1)

    if not data.documents:
        return _CoverLetter(data, [], 0).render()
    return _assemble(
        data.paper,
        data.person_name,
        data.documents,
        front,
        outline,
        "Records bundle",
        2,
        Words(data.language),
    )
