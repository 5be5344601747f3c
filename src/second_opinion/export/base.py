"""What every printed document shares: geometry, styles, fonts, footer and page numbers.

A renderer subclass supplies ``story()`` (the flowables) and a few strings; ``render()``
returns the finished PDF as bytes. The caller decides where the bytes go.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any, Union

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from second_opinion.export.data import Paper
from second_opinion.export.fonts import BOLD, REGULAR, register_fonts
from second_opinion.export.text import chunk_text, para, printable

CONFIDENTIAL = "Confidential health information"

INK = colors.HexColor("#1d2329")
MUTED = colors.HexColor("#5b6670")
ACCENT = colors.HexColor("#1f5a70")
RULE = colors.HexColor("#b9c2ca")
FAINT_RULE = colors.HexColor("#d5dbe0")
SHADE = colors.HexColor("#eef2f5")
WARN = colors.HexColor("#8a3b12")


def page_size(paper: Paper) -> tuple[float, float]:
    width, height = LETTER if paper is Paper.LETTER else A4
    return float(width), float(height)


def build_styles() -> StyleSheet1:
    """The named styles every document draws from, so sizes and spacing stay consistent."""
    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle(
        "Body",
        fontName=REGULAR,
        fontSize=10,
        leading=14,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=5,
        splitLongWords=1,
    )
    sheet.add(base)
    sheet.add(ParagraphStyle("Right", parent=base, alignment=TA_RIGHT))
    sheet.add(ParagraphStyle("Small", parent=base, fontSize=8.5, leading=11.5, textColor=MUTED))
    sheet.add(
        ParagraphStyle(
            "Eyebrow",
            parent=base,
            fontName=BOLD,
            fontSize=9,
            leading=12,
            textColor=ACCENT,
            spaceAfter=2,
        )
    )
    sheet.add(
        ParagraphStyle("Title", parent=base, fontName=BOLD, fontSize=22, leading=27, spaceAfter=4)
    )
    sheet.add(
        ParagraphStyle(
            "Subtitle", parent=base, fontSize=11.5, leading=15, textColor=MUTED, spaceAfter=14
        )
    )
    # Headings keep with what follows, so none is left alone at the foot of a page.
    sheet.add(
        ParagraphStyle(
            "H1",
            parent=base,
            fontName=BOLD,
            fontSize=15,
            leading=19,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=3,
            keepWithNext=1,
        )
    )
    sheet.add(
        ParagraphStyle(
            "H2",
            parent=base,
            fontName=BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        )
    )
    sheet.add(
        ParagraphStyle(
            "FormTitle", parent=base, fontName=BOLD, fontSize=17, leading=21, spaceAfter=2
        )
    )
    sheet.add(
        ParagraphStyle(
            "Label", parent=base, fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=0
        )
    )
    sheet.add(ParagraphStyle("Cell", parent=base, fontSize=9, leading=12, spaceAfter=0))
    sheet.add(
        ParagraphStyle("CellBold", parent=base, fontName=BOLD, fontSize=9, leading=12, spaceAfter=0)
    )
    sheet.add(
        ParagraphStyle(
            "HeadCell",
            parent=base,
            fontName=BOLD,
            fontSize=8.5,
            leading=11,
            textColor=MUTED,
            spaceAfter=0,
        )
    )
    sheet.add(ParagraphStyle("Question", parent=base, fontSize=10.5, leading=14.5, spaceAfter=2))
    sheet.add(ParagraphStyle("Statement", parent=base, fontSize=9.5, leading=13, spaceAfter=4))
    return sheet


class WritingLines(Flowable):  # type: ignore[misc]
    """Ruled lines to write on by hand."""

    def __init__(self, count: int, gap: float = 8.5 * mm, indent: float = 0) -> None:
        super().__init__()
        self.count = count
        self.gap = gap
        self.indent = indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.count * self.gap

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for i in range(self.count):
            y = i * self.gap
            canvas.line(self.indent, y, self.width, y)
        canvas.restoreState()


class FillWithLines(WritingLines):
    """Ruled lines down to the bottom of the frame (the notes page)."""

    def __init__(self, gap: float = 8.5 * mm) -> None:
        super().__init__(0, gap)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.count = max(1, int(avail_height // self.gap))
        return avail_width, self.count * self.gap - 1


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until the end, so each can say "Page i of n"."""

    footer_font = REGULAR

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_page_number(total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_page_number(self, total: int) -> None:
        width = self._pagesize[0]
        self.saveState()
        self.setFont(self.footer_font, 8)
        self.setFillColor(MUTED)
        self.drawRightString(
            width - DocumentRenderer.margin_x, 11 * mm, f"Page {self._pageNumber} of {total}"
        )
        self.restoreState()


class DocumentRenderer:
    """Base of every document: subclasses set ``title`` and build ``story()``."""

    margin_x = 20 * mm
    margin_top = 20 * mm
    margin_bottom = 24 * mm

    #: the PDF's only metadata: says what the document is, never whom it is about
    title = "Document"

    def __init__(self, paper: Paper, footer_name: str, running_head: str = "") -> None:
        self.paper = paper
        self.pagesize = page_size(paper)
        self.styles = build_styles()
        self.footer_name = printable(" ".join(footer_name.split()))
        self.running_head = printable(" ".join(running_head.split()))

    @property
    def content_width(self) -> float:
        return float(self.pagesize[0] - 2 * self.margin_x)

    def story(self) -> list[Flowable]:
        raise NotImplementedError

    def render(self) -> bytes:
        buffer = BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.pagesize,
            leftMargin=self.margin_x,
            rightMargin=self.margin_x,
            topMargin=self.margin_top,
            bottomMargin=self.margin_bottom,
            title=self.title,
            author="",
            subject="",
            creator="",
            producer="",
            keywords="",
            # No creation time or random file id: the file says nothing about when it was made.
            invariant=1,
        )
        frame = Frame(
            self.margin_x,
            self.margin_bottom,
            self.content_width,
            self.pagesize[1] - self.margin_top - self.margin_bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])
        doc.build(self.story(), canvasmaker=_NumberedCanvas)
        return buffer.getvalue()

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(self.margin_x, 16 * mm, width - self.margin_x, 16 * mm)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 8)
        # The right third is the page number (drawn later by the canvas).
        slot = self.content_width * 0.36
        canvas.drawString(self.margin_x, 11 * mm, _fit(self.footer_name, REGULAR, 8, slot))
        canvas.setFont(BOLD, 8)
        canvas.drawCentredString(width / 2, 11 * mm, CONFIDENTIAL)
        if self.running_head and doc.page > 1:
            canvas.setFont(REGULAR, 8)
            canvas.drawString(
                self.margin_x,
                height - 12 * mm,
                _fit(self.running_head, REGULAR, 8, self.content_width),
            )
            canvas.setStrokeColor(FAINT_RULE)
            canvas.line(self.margin_x, height - 14 * mm, width - self.margin_x, height - 14 * mm)
        canvas.restoreState()

    # Small building blocks shared by the documents -------------------------------------

    def p(self, markup: str, style: str = "Body") -> Paragraph:
        """A paragraph from markup that is already escaped (see ``export.text.para``)."""
        return Paragraph(markup, self.styles[style])

    def key_value_table(
        self, rows: Sequence[tuple[str, Cell]], label_width: float = 42 * mm
    ) -> Table:
        """Label/value pairs; a value is escaped markup or ``Long`` user text."""
        expanded, groups = self._expand(
            [[label, value] for label, value in rows], ["Label", "Cell"]
        )
        table = Table(
            expanded,
            colWidths=[label_width, self.content_width - label_width],
            hAlign="LEFT",
            splitInRow=1,
        )
        style: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]
        for first, last in groups:
            style.append(("LINEBELOW", (0, last), (-1, last), 0.4, FAINT_RULE))
            if last > first:
                style += _joined_rows(first, last)
        table.setStyle(TableStyle(style))
        return table

    def grid_table(
        self, header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float]
    ) -> Table:
        """A table with a repeated header row; cells are markup, ``Long`` text or flowables."""
        expanded, groups = self._expand(rows, ["Cell"] * len(header))
        data = [[self.p(h, "HeadCell") for h in header], *expanded]
        table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
        style: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ]
        for number, (first, last) in enumerate(groups):
            first, last = first + 1, last + 1  # below the header row
            style.append(("LINEBELOW", (0, last), (-1, last), 0.4, FAINT_RULE))
            if number % 2:
                style.append(("BACKGROUND", (0, first), (-1, last), SHADE))
            if last > first:
                style += _joined_rows(first, last)
        table.setStyle(TableStyle(style))
        return table

    def _expand(
        self, rows: Sequence[Sequence[Cell]], styles: Sequence[str]
    ) -> tuple[list[list[Flowable]], list[tuple[int, int]]]:
        """Table rows with long user text spread over several physical rows.

        ReportLab splits one tall row across pages very slowly (a 50 000-character note took
        seconds), so a long text becomes a run of short rows that the table can break between.
        Returns the rows and, per logical row, its first and last physical row.
        """
        out: list[list[Flowable]] = []
        groups: list[tuple[int, int]] = []
        for row in rows:
            columns: list[list[Flowable]] = []
            for cell, style in zip(row, styles, strict=False):
                if isinstance(cell, Long):
                    chunks = [para(piece) for piece in chunk_text(cell.text)] or [""]
                    if cell.prefix:
                        chunks[0] = cell.prefix + ("<br/>" + chunks[0] if chunks[0] else "")
                    chunks[0] = chunks[0] or cell.empty
                    columns.append([self.p(chunk, cell.style or style) for chunk in chunks])
                elif isinstance(cell, str):
                    columns.append([self.p(cell, style)])
                else:
                    columns.append([cell])  # a flowable or a list of them
            height = max(len(c) for c in columns)
            first = len(out)
            for index in range(height):
                out.append([c[index] if index < len(c) else "" for c in columns])
            groups.append((first, len(out) - 1))
        return out, groups


@dataclass(frozen=True)
class Long:
    """User text for a table cell that may be very long: escaped and split by the table."""

    text: str
    prefix: str = ""  # markup shown before the text, e.g. "<b>Lab results</b>"
    style: str = ""
    empty: str = "—"


Cell = Union[str, Long, Flowable, list[Flowable]]  # noqa: UP007 - a runtime alias


def _joined_rows(first: int, last: int) -> list[tuple[Any, ...]]:
    # Rows that continue one long text: no padding between them, so it reads as one block.
    return [
        ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
        ("TOPPADDING", (0, first + 1), (-1, last), 0),
    ]


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so it fits ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"
