"""Previewing and printing a PDF the app made, without writing it anywhere first."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from second_opinion.ui import prompts
from second_opinion.ui.pdf_pages import page_count, render_pages
from second_opinion.ui.tasks import run_in_background

PREVIEW_DPI = 90  # an A4 page 744 px wide: the whole width fits the dialog
PRINT_DPI = 300  # sharp on paper; the printer's own resolution could need gigabytes a page


class PdfPreviewDialog(QDialog):
    """The pages one under another, rendered off the GUI thread."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.page_labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Drawing the pages"))
        layout.addWidget(self.progress)
        self.page_area = QScrollArea(self)
        self.page_area.setWidgetResizable(True)
        self.page_area.setAccessibleName(self.tr("Pages"))
        self.pages = QWidget(self.page_area)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_area.setWidget(self.pages)
        layout.addWidget(self.page_area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 900)
        run_in_background(
            lambda: list(render_pages(data, PREVIEW_DPI)), self._show_pages, self._failed
        )

    def _show_pages(self, images: list[QImage]) -> None:
        self.progress.hide()
        total = len(images)
        for number, image in enumerate(images, start=1):
            label = QLabel(self.pages)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(
                self.tr("Page %1 of %2").replace("%1", str(number)).replace("%2", str(total))
            )
            label.setFrameShape(QLabel.Shape.Box)
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        prompts.show_error(
            self, self.windowTitle(), self.tr("The pages could not be drawn for the preview.")
        )


def print_pdf(parent: QWidget, data: bytes, title: str) -> bool:
    """Ask for a printer (Qt's print dialog) and print every chosen page; False if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    total = page_count(data)
    printer.setFromTo(1, total)
    if not prompts.ask_print(parent, printer):
        return False
    first = max(printer.fromPage(), 1) - 1
    last = (printer.toPage() or total) - 1
    painter = QPainter()
    if not painter.begin(printer):
        prompts.show_error(parent, title, parent.tr("The printer could not be started."))
        return False
    try:
        area = painter.viewport()
        for offset, image in enumerate(render_pages(data, PRINT_DPI, first, last)):
            if offset:
                printer.newPage()
            fitted = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.topLeft(), fitted), image)
    finally:
        painter.end()
    return True
