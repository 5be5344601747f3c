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

from second_opinion.export.fonts import BOLD, REGULAR, register_fonts
from second_opinion.export.i18n import ENGLISH, Words
from second_opinion.export.text import chunk_text, para, printable
from second_opinion.services.packet_data import Paper

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
    sheet.add(ParagraphStyle("Indented", parent=base, leftIndent=8 * mm, spaceAfter=0))
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
    # Section headings of a form: tighter, so an authorization fits one sheet.
    sheet.add(ParagraphStyle("FormH2", parent=sheet["H2"], spaceBefore=5, spaceAfter=2))
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
    sheet.add(ParagraphStyle("Statement", parent=base, fontSize=9, leading=12, spaceAfter=3))
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
    #: the document's words ("Page i of n" in its language); set per document by ``render``
    words = Words(ENGLISH)

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
            width - DocumentRenderer.margin_x,
            11 * mm,
            self.words.t("Page {page} of {total}", page=self._pageNumber, total=total),
        )
        self.restoreState()


class DocumentRenderer:
    """Base of every document: subclasses set ``title`` and build ``story()``."""

    margin_x = 20 * mm
    margin_top = 20 * mm
    margin_bottom = 24 * mm

    #: the PDF's only metadata: says what the document is, never whom it is about (English
    #: here; ``render`` writes it in the document's language)
    title = "Document"
    #: draws "Page i of n"; a document printed inside a larger one numbers its pages in that
    canvasmaker: type[Canvas] = _NumberedCanvas

    def __init__(
        self, paper: Paper, footer_name: str, running_head: str = "", language: str = ENGLISH
    ) -> None:
        self.paper = paper
        self.pagesize = page_size(paper)
        self.styles = build_styles()
        #: the document's language ("en" or "es"): every fixed word goes through ``self.t``
        self.words = Words(language)
        self.t = self.words.t
        self.confidential = self.t(CONFIDENTIAL)
        # Fitted once here, not on every page: a 50 000-character name would cost seconds.
        slot = self.pagesize[0] / 2 - stringWidth(self.confidential, BOLD, 8) / 2
        slot -= 10 + self.margin_x
        self.footer_name = _fit(printable(" ".join(footer_name.split())), REGULAR, 8, slot)
        self.running_head = _fit(
            printable(" ".join(running_head.split())), REGULAR, 8, self.content_width
        )
        # Table cells with the same text and style share one paragraph: a long table repeats
        # the same holder or label hundreds of times, and each paragraph costs parsing and
        # line breaking. (Sharing is safe: a table wraps a cell just before drawing it.)
        self._cell_paragraphs: dict[tuple[str, str], CachedParagraph] = {}

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
            title=self.t(self.title),
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
        canvasmaker, words = self.canvasmaker, self.words

        def maker(*args: Any, **kwargs: Any) -> Canvas:
            canvas = canvasmaker(*args, **kwargs)
            canvas.words = words  # the canvas numbers the pages in the document's language
            return canvas

        doc.build(self.story(), canvasmaker=maker)
        return buffer.getvalue()

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(self.margin_x, 16 * mm, width - self.margin_x, 16 * mm)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 8)
        canvas.drawString(self.margin_x, 11 * mm, self.footer_name)
        canvas.setFont(BOLD, 8)
        canvas.drawCentredString(width / 2, 11 * mm, self.confidential)
        if self.running_head and doc.page > 1:
            canvas.setFont(REGULAR, 8)
            canvas.drawString(self.margin_x, height - 12 * mm, self.running_head)
            canvas.setStrokeColor(FAINT_RULE)
            canvas.line(self.margin_x, height - 14 * mm, width - self.margin_x, height - 14 * mm)
        canvas.restoreState()

    # Small building blocks shared by the documents -------------------------------------

    def p(self, markup: str, style: str = "Body") -> Paragraph:
        """A paragraph from markup that is already escaped (see ``export.text.para``)."""
        return Paragraph(markup, self.styles[style])

    def paras(self, cell: Cell, style: str = "Body") -> list[Flowable]:
        """User text (``Long`` parts) as paragraphs outside a table, one per part."""
        if isinstance(cell, Plain):
            cell = Long(cell.text, empty=cell.empty)
        if not isinstance(cell, str | Long | tuple):
            return cell if isinstance(cell, list) else [cell]
        parts = cell if isinstance(cell, tuple) else (cell,)
        return [self.p(m, s) for m, s in _pack([p for part in parts for p in _pieces(part, style)])]

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
    ) -> Flowable:
        """A table with its header row on top of every page it runs over.

        Cells are markup, ``Long`` or ``Plain`` text, or flowables.
        """
        text_widths = [w - 2 * _GRID_PADDING for w in widths]
        expanded, groups = self._expand(rows, ["Cell"] * len(header), text_widths)
        head: list[CellValue] = [CachedParagraph(h, self.styles["HeadCell"]) for h in header]
        return _PagedGrid(_GridLayout(head, expanded, groups, widths))

    def _cell_paragraph(self, markup: str, style: str) -> CachedParagraph:
        key = (markup, style)
        paragraph = self._cell_paragraphs.get(key)
        if paragraph is None:
            paragraph = CachedParagraph(markup, self.styles[style])
            self._cell_paragraphs[key] = paragraph
        return paragraph

    def _expand(
        self,
        rows: Sequence[Sequence[Cell]],
        styles: Sequence[str],
        text_widths: Sequence[float] | None = None,
    ) -> tuple[list[list[CellValue]], list[tuple[int, int]]]:
        """Table rows with long user text spread over several physical rows.

        A row taller than a page cannot be placed, and ReportLab's way out (splitting inside
        a row) is slow and repeats the header row in the middle of a page. So user text comes
        in as ``Long`` and is cut into short pieces, one physical row each, that the table can
        break between. Returns the rows and, per logical row, its first and last physical row.
        ``Plain`` text stays a plain string where it fits its column's ``text_widths``.
        """
        out: list[list[CellValue]] = []
        groups: list[tuple[int, int]] = []
        for row in rows:
            columns: list[list[CellValue]] = []
            for index, (cell, style) in enumerate(zip(row, styles, strict=False)):
                if isinstance(cell, Plain):
                    width = text_widths[index] if text_widths is not None else 0.0
                    plain = _plain_text(cell, width)
                    if plain is not None:
                        columns.append([plain])
                        continue
                    cell = Long(cell.text, empty=cell.empty)
                if isinstance(cell, str | Long | tuple):
                    parts = cell if isinstance(cell, tuple) else (cell,)
                    pieces = _pack([p for part in parts for p in _pieces(part, style)])
                    columns.append([self._cell_paragraph(markup, st) for markup, st in pieces])
                else:
                    columns.append([cell])  # a flowable or a list of them
            height = max(len(c) for c in columns)
            first = len(out)
            for index in range(height):
                out.append([c[index] if index < len(c) else "" for c in columns])
            groups.append((first, len(out) - 1))
        return out, groups


@dataclass(frozen=True)
class Plain:
    """Short text for a grid table cell, drawn as a plain string in the cell font.

    A string costs a fraction of a paragraph to lay out and draw, which counts in a table of
    a thousand rows. Text that does not fit its column on one line per line prints like
    ``Long`` instead (wrapped), so nothing is ever cut off.
    """

    text: str
    empty: str = "—"  # shown when there is no text


@dataclass(frozen=True)
class Long:
    """User text for a table cell (it may be very long): escaped and cut by the table."""

    text: str
    style: str = ""
    empty: str = "—"  # shown when there is no text
    bold: bool = False


#: markup and ``Long`` texts shown one under the other
Parts = tuple[Union[str, Long], ...]  # noqa: UP007 - a runtime alias
#: markup, a ``Long`` or ``Plain``, several of them, or ready-made flowables
Cell = Union[str, Long, Plain, Parts, Flowable, list[Flowable]]  # noqa: UP007
#: what a ReportLab table cell holds once laid out: a flowable (or a list) or a plain string
CellValue = Union[Flowable, list[Flowable], str]  # noqa: UP007

# How much text one table row may hold: even in the narrowest column it stays well under a
# page, so no row ever has to be split.
_ROW_TEXT_LIMIT = 400


def _pieces(part: str | Long, style: str) -> list[tuple[str, str]]:
    if isinstance(part, str):
        return [(part, style)] if part else []
    chunks = [para(piece) for piece in chunk_text(part.text, _ROW_TEXT_LIMIT)]
    if part.bold:
        chunks = [f"<b>{chunk}</b>" for chunk in chunks]
    if not chunks and part.empty:
        chunks = [part.empty]
    return [(chunk, part.style or style) for chunk in chunks]


def _pack(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join short neighbouring pieces of one style into one paragraph (one table row)."""
    packed: list[tuple[str, str]] = []
    for markup, style in pieces:
        if (
            packed
            and packed[-1][1] == style
            and len(packed[-1][0]) + len(markup) < (_ROW_TEXT_LIMIT)
        ):
            packed[-1] = (packed[-1][0] + "<br/>" + markup, style)
        else:
            packed.append((markup, style))
    return packed or [("", "Cell")]


def _joined_rows(first: int, last: int) -> list[tuple[Any, ...]]:
    # Rows that continue one long text: no padding between them, so it reads as one block.
    return [
        ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
        ("TOPPADDING", (0, first + 1), (-1, last), 0),
    ]


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so it fits ``width`` points."""
    if stringWidth(text[: int(width) + 1], font, size) <= width and len(text) <= width:
        return text
    # Bound the search: a footer never shows more characters than it has points of width.
    text = text[: int(width) + 1]
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


# Grid tables -------------------------------------------------------------------------------

_GRID_PADDING = 4  # left and right padding of a grid table cell
# Plain cell text: the "Cell" paragraph style's font, so plain and wrapped cells look alike.
_PLAIN_SIZE = 9
_PLAIN_LEADING = 12
# A plain cell with more lines than this is left to a paragraph, which the table can cut
# into rows that break between pages.
_PLAIN_MAX_LINES = 8
# Rows measured at a time while a long table is laid out.
_MEASURE_CHUNK = 40


def _plain_text(cell: Plain, width: float) -> str | None:
    """``cell`` as the string a table cell draws, or None when it would not fit ``width``."""
    lines = [" ".join(text_line.split()) for text_line in printable(cell.text).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        return cell.empty
    if len(lines) > _PLAIN_MAX_LINES:
        return None
    if any(stringWidth(text_line, REGULAR, _PLAIN_SIZE) > width for text_line in lines):
        return None
    return "\n".join(lines)


class CachedParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph broken into lines once per width, however often it is asked to wrap.

    A long table measures each cell and then wraps it again to draw it, and a block kept
    together is wrapped whole and then again paragraph by paragraph. Breaking lines is most
    of the cost of a big packet, and the text and the width never change in between.
    """

    _wrapped_for: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # ReportLab drops blPara when it wants a paragraph measured afresh (after a split).
        if self._wrapped_for != avail_width or not hasattr(self, "blPara"):
            super().wrap(avail_width, avail_height)
            self._wrapped_for = avail_width
        return self.width, self.height


class _GridLayout:
    """What all the pages of one grid table share: its rows, their styles and heights."""

    def __init__(
        self,
        header: list[CellValue],
        body: list[list[CellValue]],
        groups: list[tuple[int, int]],
        widths: Sequence[float],
    ) -> None:
        self.header = header
        self.body = body
        self.groups = groups
        self.widths = [float(w) for w in widths]
        self.width = sum(self.widths)
        #: for each physical row, the logical row (group) it belongs to
        self.group_of = [number for number, (a, b) in enumerate(groups) for _ in range(a, b + 1)]
        #: heights of the body rows measured so far (in order, from the first)
        self.heights: list[float] = []
        self.header_height = 0.0
        if header:
            self.header_height = self._table([header], self._style(0, 0, header=True)).wrap(
                self.width, 1e9
            )[1]

    def _style(self, start: int, stop: int, header: bool) -> list[tuple[Any, ...]]:
        """Style commands of a table showing the body rows ``start:stop`` (after the header)."""
        offset = 1 if header else 0
        style: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), _GRID_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), _GRID_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("FONT", (0, 0), (-1, -1), REGULAR, _PLAIN_SIZE, _PLAIN_LEADING),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ]
        if header:
            style.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT))
        if stop <= start:
            return style

        def row(index: int) -> int:
            return index - start + offset

        for number in range(self.group_of[start], self.group_of[stop - 1] + 1):
            first, last = self.groups[number]
            shown_first, shown_last = max(first, start), min(last, stop - 1)
            if last == shown_last:
                style.append(("LINEBELOW", (0, row(last)), (-1, row(last)), 0.4, FAINT_RULE))
            if number % 2:
                style.append(("BACKGROUND", (0, row(shown_first)), (-1, row(shown_last)), SHADE))
            # Rows that continue one long text: no padding between them, so it reads as one
            # block (also where a page break cuts the block).
            followed_to = min(last - 1, shown_last)  # rows with more of their text below
            if shown_first <= followed_to:
                style.append(("BOTTOMPADDING", (0, row(shown_first)), (-1, row(followed_to)), 0))
            continued_from = max(first + 1, shown_first)  # rows going on from the one above
            if continued_from <= shown_last:
                style.append(("TOPPADDING", (0, row(continued_from)), (-1, row(shown_last)), 0))
        return style

    def _table(
        self,
        data: list[list[CellValue]],
        style: list[tuple[Any, ...]],
        heights: list[float] | None = None,
    ) -> Table:
        table = Table(data, colWidths=self.widths, rowHeights=heights, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        return table

    def measure(self, stop: int) -> None:
        """Make sure the heights of the body rows before ``stop`` are known."""
        stop = min(stop, len(self.body))
        while len(self.heights) < stop:
            start = len(self.heights)
            end = min(len(self.body), start + _MEASURE_CHUNK)
            table = self._table(self.body[start:end], self._style(start, end, header=False))
            table.wrap(self.width, 1e9)
            # ReportLab's own row heights, so a page's table (given these heights) lays out
            # exactly as if it had measured itself.
            self.heights.extend(table._rowHeights)

    def rows_fitting(self, start: int, height: float) -> tuple[int, float]:
        """How many body rows from ``start`` fit in ``height`` under the header, and their
        height; when they do not all fit, the height returned is of one row more."""
        room = height - self.header_height
        used = 0.0
        index = start
        while index < len(self.body):
            if index >= len(self.heights):
                self.measure(index + 1)
            if used + self.heights[index] > room:
                return index - start, self.header_height + used + self.heights[index]
            used += self.heights[index]
            index += 1
        return index - start, self.header_height + used

    def page(self, start: int, stop: int) -> Table:
        """A finished table of the header and the body rows ``start:stop``."""
        self.measure(stop)
        data = ([self.header] if self.header else []) + self.body[start:stop]
        heights = ([self.header_height] if self.header else []) + self.heights[start:stop]
        return self._table(data, self._style(start, stop, bool(self.header)), heights)


class _PagedGrid(Flowable):  # type: ignore[misc]
    """A grid table that breaks between pages with its header row on top of each page.

    ReportLab's own table re-measures and re-styles all the rows left each time it splits
    at a page end, which made a table of a thousand rows take seconds. Here each row is
    measured once, and ReportLab is handed one page's rows at a time.
    """

    def __init__(self, layout: _GridLayout, start: int = 0) -> None:
        super().__init__()
        self.layout = layout
        self.start = start
        self.hAlign = "LEFT"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        layout = self.layout
        _count, height = layout.rows_fitting(self.start, avail_height)
        self.width = layout.width
        # When not every row fits, the height says so (it exceeds what is available) without
        # measuring the rest of a long table.
        self.height = height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        layout = self.layout
        count, _height = layout.rows_fitting(self.start, avail_height)
        if count == 0:
            return []  # not even one row fits here: the whole table moves on
        stop = self.start + count
        if stop >= len(layout.body):
            return [layout.page(self.start, stop)]
        return [layout.page(self.start, stop), _PagedGrid(layout, stop)]

    def draw(self) -> None:
        table = self.layout.page(self.start, len(self.layout.body))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)
