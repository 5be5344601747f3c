"""The visit packet and the records bundle with documents, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io

import pypdfium2 as pdfium
from PIL import Image

from second_opinion.export.enclosures import render_bundle, render_packet_with_documents
from second_opinion.export.packet import render_packet
from second_opinion.services.enclosures import BundleData, EnclosedDocument
from second_opinion.services.packet_data import ContactBlock, Paper
from tests.document_files import MARKER, pdf_bytes
from tests.export.pdfread import pages_text, reader
from tests.export.samples import DOCTOR, packet


def _doc(i: int, media: str, content: bytes, pages: int, **kw: object) -> EnclosedDocument:
    fields: dict[str, object] = {
        "id": i,
        "title": f"Document {i}",
        "dated_on": dt.date(2026, 10, i),
        "source_name": "Riverbend Lab",
        "media_type": media,
        "pages": pages,
        "viewable": True,
        "problem": "",
        "load": lambda: content,
    }
    fields.update(kw)
    return EnclosedDocument(**fields)  # type: ignore[arg-type]


def _png(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 200, 10)).save(buffer, format="PNG")
    return buffer.getvalue()


def _outline(pdf: bytes) -> list[tuple[str, int]]:
    r = reader(pdf)
    out: list[tuple[str, int]] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((item.title, r.get_destination_page_number(item) + 1))

    walk(r.outline)
    return out


def test_without_documents_the_packet_is_unchanged() -> None:
    data = packet()
    assert render_packet_with_documents(data, ()) == render_packet(data)


def test_documents_follow_the_summary_with_contents_bookmarks_and_page_numbers() -> None:
    data = packet()
    summary_pages = len(reader(render_packet(data)).pages)
    docs = [
        _doc(1, "application/pdf", pdf_bytes(3), 3),
        _doc(2, "image/png", _png((3000, 400)), 1),
        _doc(3, "text/plain", b"line one\nline two\n", 1),
    ]
    pdf = render_packet_with_documents(data, docs)
    texts = [" ".join(t.split()) for t in pages_text(pdf)]
    total = 1 + summary_pages + (1 + 3) + (1 + 1) + (1 + 1)
    assert len(texts) == total
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {total}" in text, number
    first_doc = 1 + summary_pages + 1
    # The separator: title, date, source; then the document's own pages.
    assert "Document 1" in texts[first_doc - 1] and "Riverbend Lab" in texts[first_doc - 1]
    assert f"{MARKER} page 1" in texts[first_doc]
    assert "line two" in texts[total - 1]
    # The contents page lists every document with the page its separator is on.
    contents = texts[0]
    for title, page in (("Document 1", first_doc), ("Document 2", first_doc + 4)):
        assert f"{title}" in contents and str(page) in contents
    marks = _outline(pdf)
    assert ("Contents", 1) in marks
    assert ("Document 1 (Oct 1, 2026)", first_doc) in marks
    assert ("Document 2 (Oct 2, 2026)", first_doc + 4) in marks
    assert ("Document 3 (Oct 3, 2026)", first_doc + 6) in marks
    assert any(title == "The visit" for title, _ in marks)


def test_an_image_is_scaled_to_fit_the_page() -> None:
    pdf = render_packet_with_documents(
        packet(paper=Paper.LETTER), [_doc(1, "image/png", _png((5000, 300)), 1)]
    )
    document = pdfium.PdfDocument(pdf)
    page = document[len(document) - 1]
    width, height = page.get_size()
    bitmap = page.render(scale=0.5).to_pil().convert("RGB")
    column = [bitmap.getpixel((bitmap.width // 2, y)) for y in range(bitmap.height)]
    green = [y for y, px in enumerate(column) if px[1] > 150 and px[0] < 80]
    assert green, "the image is on the page"
    row = [bitmap.getpixel((x, green[len(green) // 2])) for x in range(bitmap.width)]
    inked = [x for x, px in enumerate(row) if px[1] > 150 and px[0] < 80]
    # Scaled down to the width between the margins, not cut off at the page's edge.
    assert 0 < inked[0] < bitmap.width * 0.1 and bitmap.width * 0.9 < inked[-1] < bitmap.width
    assert (round(width), round(height)) == (612, 792)


def test_a_damaged_document_is_skipped_with_a_note_on_its_separator() -> None:
    def broken() -> bytes:
        raise ValueError("gone")

    docs = [
        _doc(1, "application/pdf", b"", 1, viewable=False, problem="the PDF is incomplete"),
        _doc(2, "application/pdf", b"", 1, load=broken),
        _doc(3, "application/pdf", pdf_bytes(1), 1),
    ]
    pdf = render_packet_with_documents(packet(), docs)
    texts = [" ".join(t.split()) for t in pages_text(pdf)]
    notes = [t for t in texts if "could not be included" in t]
    assert len(notes) == 2
    assert "the PDF is incomplete" in notes[0]
    assert f"{MARKER} page 1" in texts[-1]


def test_the_bundle_has_a_letter_an_index_and_the_documents() -> None:
    data = BundleData(
        paper=Paper.A4,
        person_name="Ada Example",
        date_of_birth=dt.date(1960, 5, 1),
        sender=ContactBlock(name="Ada Example", address="1 Main St"),
        recipient=DOCTOR,
        holder=ContactBlock(name="Riverbend Lab"),
        request_id=4,
        reference_number="R-77",
        today=dt.date(2026, 12, 1),
        documents=(_doc(1, "application/pdf", pdf_bytes(2), 2),),
    )
    pdf = render_bundle(data)
    texts = [" ".join(t.split()) for t in pages_text(pdf)]
    assert len(texts) == 2 + 1 + 2
    assert DOCTOR.name in texts[0] and "Ada Example" in texts[0]
    assert "Enclosed documents" in texts[1] and "page 3" in texts[1]
    assert [t for t, _ in _outline(pdf)] == [
        "Cover letter",
        "Enclosed documents",
        "Documents",
        "Document 1 (Oct 1, 2026)",
    ]
    assert all(f"of {len(texts)}" in t for t in texts)
