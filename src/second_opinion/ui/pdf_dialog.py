"""The dialog every PDF of the app is made from: paper, language, Preview / Save / Print.

Preview, Save and Print each run one query on the operations runner that gathers the
document's plain data, renders it and, for Save, writes the file, while a busy bar runs; the
bytes come back to the GUI thread to be shown or printed. Nothing is ever written to a
temporary folder: the PDF holds health data, so it goes only where the user chooses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from second_opinion.services.packet_data import Paper, default_paper
from second_opinion.services.printed_words import LANGUAGE_NAMES, language_of
from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.settings import AppSettings

if TYPE_CHECKING:
    from second_opinion.case.case import Case

log = logging.getLogger(__name__)


#: the folder the last PDF was saved in, offered for the next one while the app runs; kept
#: in memory only (settings.py never stores export paths: a folder's name can say too much)
_last_folder: Path | None = None


@dataclass(frozen=True)
class Built:
    """A rendered document, and why it could not be written where asked (if it could not)."""

    data: bytes
    write_error: str | None = None


#: what runs on the worker: the case in, the PDF's bytes out (never Qt)
Render = Callable[["Case"], bytes]


class PdfDialog(QDialog):
    """Shared behavior: paper and language, busy bar, Preview / Save / Print, a privacy note."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.busy = False
        self.last_saved: Path | None = None
        self.preview_dialog: QDialog | None = None

        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)

        self.paper_combo = QComboBox(self)
        self.paper_combo.setAccessibleName(self.tr("Paper size"))
        self.paper_combo.addItem(self.tr("A4"), Paper.A4.value)
        self.paper_combo.addItem(self.tr("US Letter"), Paper.LETTER.value)
        remembered = AppSettings().paper
        preferred = remembered if remembered in (Paper.A4, Paper.LETTER) else None
        preferred = preferred or default_paper(QLocale().name()).value
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(preferred))
        self.paper_combo.currentIndexChanged.connect(self._remember_paper)

        # The document's own language, the app's by default: the person may read Spanish
        # while a records office wants English.
        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(self.tr("Language of the document"))
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            self.language_combo.findData(language_of(QLocale().name()))
        )

        self.privacy_note = QLabel(
            self.tr(
                "This PDF holds health information. Save it only where you mean to keep it, "
                "and print it on a printer you trust."
            ),
            self,
        )
        self.privacy_note.setWordWrap(True)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # a busy bar: building a PDF has no useful percentage
        self.progress.setAccessibleName(self.tr("Building the PDF"))
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Status"))

        self.buttons = QDialogButtonBox(self)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setAccessibleName(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("See the pages before saving or printing"))
        self.save_button = QPushButton(self.tr("Save PDF…"), self)
        self.save_button.setAccessibleName(self.tr("Save PDF"))
        self.save_button.setDefault(True)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print"))
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_document)

    def _finish_layout(self) -> None:
        self.form.addRow(self.tr("Paper:"), self.paper_combo)
        self.form.addRow(self.tr("&Language:"), self.language_combo)
        self.layout_.addWidget(self.privacy_note)
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.status_label)
        self.layout_.addWidget(self.buttons)

    # What subclasses provide ---------------------------------------------------------

    def document_title(self) -> str:
        raise NotImplementedError

    def suggested_name(self) -> str:
        raise NotImplementedError

    def renderer(self) -> Render | None:
        """What builds the document on the worker, from what is chosen now; None: nothing."""
        raise NotImplementedError

    # Actions ----------------------------------------------------------------------------

    def paper(self) -> Paper:
        return Paper(self.paper_combo.currentData())

    def language(self) -> str:
        """The language the document is printed in ("en" or "es")."""
        return str(self.language_combo.currentData())

    def _remember_paper(self, *_args: object) -> None:
        AppSettings().paper = str(self.paper_combo.currentData())

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(not busy)
        self.status_label.setText(message)

    def _build(self, then: Callable[[Built], None], write_to: Path | None = None) -> None:
        render = self.renderer()
        if render is None:
            return

        def work(case: Case) -> Built:
            data = render(case)
            if write_to is not None:
                from second_opinion.private_files import write_private_atomically

                try:
                    write_private_atomically(write_to, data)
                except OSError as exc:
                    return Built(data, exc.strerror or type(exc).__name__)
            return Built(data)

        self._set_busy(True, self.tr("Building the PDF…"))

        # Owned by the dialog: closed (or the vault locked) meanwhile, the result is dropped.
        def done(built: Built) -> None:
            self._set_busy(False)
            then(built)

        def finished() -> None:  # refused (e.g. the visit is gone) or failed: said already
            if self.busy:
                self._set_busy(False)

        self.ctx.ops.query(work, owner=self, title=self.document_title()).success(done).finished(
            finished
        ).run()

    def _ask_path(self) -> Path | None:
        global _last_folder
        folder = _last_folder if _last_folder is not None and _last_folder.is_dir() else None
        name = self.suggested_name()
        path = prompts.ask_save_path(
            self,
            self.tr("Save %1").replace("%1", self.document_title()),
            str(folder / name) if folder is not None else name,
            self.tr("PDF files (*.pdf)"),
        )
        if path is not None and path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if path is not None:
            _last_folder = path.parent
        return path

    def save(self) -> None:
        path = self._ask_path()
        if path is None:
            return
        self._build(lambda built: self._saved(path, built), write_to=path)

    def _saved(self, path: Path, built: Built) -> None:
        if built.write_error is not None:
            log.warning("export not written")  # no path, no health data
            text = self.tr("The PDF could not be saved: %1").replace("%1", built.write_error)
            self.status_label.setText(text)
            prompts.show_error(self, self.document_title(), text)
            return
        self.last_saved = path
        self.status_label.setText(self.tr("Saved to %1").replace("%1", str(path)))
        self.ctx.sig_status.emit(self.tr("%1 saved.").replace("%1", self.document_title()))

    def preview(self) -> None:
        self._build(self._show_preview)

    def _show_preview(self, built: Built) -> None:
        from second_opinion.ui.pdf_preview import PdfPreviewDialog

        if self.preview_dialog is not None:
            self.preview_dialog.close()
        dialog = PdfPreviewDialog(built.data, self.document_title(), self)
        fit_to_screen(dialog, self)
        dialog.destroyed.connect(self._preview_gone)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.preview_dialog = dialog

    def _preview_gone(self, *_args: object) -> None:
        self.preview_dialog = None

    def reject(self) -> None:
        """Esc closes one thing: the preview when it is open (a window manager may leave the
        focus here), else this dialog."""
        if self.preview_dialog is not None and self.preview_dialog.isVisible():
            self.preview_dialog.close()
            return
        super().reject()

    def print_document(self) -> None:
        self._build(self._print_pages)

    def _print_pages(self, built: Built) -> None:
        from second_opinion.ui.pdf_preview import print_pdf

        if print_pdf(self, built.data, self.document_title()):
            self.ctx.sig_status.emit(self.tr("Sent to the printer."))


def fit_to_screen(dialog: QWidget, near: QWidget) -> None:
    """Keep ``dialog`` (frame included) inside the screen ``near`` is on, e.g. a 768-pixel one."""
    screen = near.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    # The window manager's frame is not known before the window shows: allow for a title bar
    # and thin borders.
    frame_width, frame_height = 16, 40
    width = min(dialog.width(), available.width() - frame_width)
    height = min(dialog.height(), available.height() - frame_height)
    dialog.resize(width, height)
    left = min(near.frameGeometry().left(), available.right() + 1 - width - frame_width)
    top = min(near.frameGeometry().top(), available.bottom() + 1 - height - frame_height)
    dialog.move(max(available.left(), left), max(available.top(), top))
