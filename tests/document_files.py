"""Real document files for the documents tests: PDFs written with ReportLab, images with Pillow."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from pypdf import PdfWriter
from reportlab.pdfgen.canvas import Canvas

MARKER = "ZEBRA-LYMPH-7731"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def pdf_bytes(pages: int = 3, marker: str = MARKER) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for index in range(pages):
        canvas.drawString(72, 700, f"{marker} page {index + 1}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def write_pdf(path: Path, pages: int = 3, marker: str = MARKER) -> Path:
    path.write_bytes(pdf_bytes(pages, marker))
    return path


def write_image(path: Path, fmt: str, size: tuple[int, int] = (640, 480), frames: int = 1) -> Path:
    images = [Image.new("RGB", size, (30 * i % 255, 120, 200)) for i in range(frames)]
    if frames > 1:
        images[0].save(path, format=fmt, save_all=True, append_images=images[1:])
    else:
        images[0].save(path, format=fmt)
    return path


def write_protected_pdf(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(300, 300)
    writer.encrypt("secret")
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def write_truncated_pdf(path: Path) -> Path:
    data = pdf_bytes(3)
    path.write_bytes(data[: len(data) // 2])
    return path


def write_damaged_png(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 400), (1, 2, 3)).save(buffer, format="PNG")
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) // 2])
    return path
