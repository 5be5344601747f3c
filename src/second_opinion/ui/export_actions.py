"""Preparing, previewing, saving and printing the PDFs from inside the app.

``prepare_packet`` (Visits tab, File menu) and ``export_letter`` (Records tab) open a small
non-modal dialog. Preview, Save and Print each run one query on the operations runner that
gathers the document's plain data (``case.exports``), renders it (``export/``) and, for Save,
writes the file, while a busy bar runs; the bytes come back to the GUI thread to be shown or
printed. Nothing is ever written to a temporary folder: the PDF holds health data, so it goes
only where the user chooses.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import exports
from second_opinion.services.packet_data import (
    ALL_SECTIONS,
    LETTER_TITLES,
    SECTION_TITLES,
    LetterKind,
    Paper,
    Section,
    default_paper,
    letter_file_name,
)
from second_opinion.ui import prompts
from second_opinion.ui.authorization_fit import print_warning
from second_opinion.ui.context import AppContext
from second_opinion.ui.doctor_needs_form import open_doctor_needs
from second_opinion.ui.settings import AppSettings

if TYPE_CHECKING:
    from second_opinion.case.case import Case
    from second_opinion.services.authorizations import PrintCheck
    from second_opinion.services.packet import VisitChoice

log = logging.getLogger(__name__)


#: the folder the last PDF was saved in, offered for the next one while the app runs; kept
#: in memory only (settings.py never stores export paths: a folder's name can say too much)
_last_folder: Path | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("export_actions", text)


@dataclass(frozen=True)
class Built:
    """A rendered document, and why it could not be written where asked (if it could not)."""

    data: bytes
    write_error: str | None = None


#: what runs on the worker: the case in, the PDF's bytes out (never Qt)
Render = Callable[["Case"], bytes]


class PdfDialog(QDialog):
    """Shared behavior: paper choice, busy bar, Preview / Save / Print, one privacy note."""

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
        _fit_to_screen(dialog, self)
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


class PacketDialog(PdfDialog):
    """Choose the visit, the sections and the paper; then preview, save or print."""

    def __init__(
        self,
        ctx: AppContext,
        choices: list[VisitChoice],
        visit_id: int | None,
        parent: QWidget | None = None,
    ):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Prepare visit packet"))
        self.choices = choices

        self.visit_combo = QComboBox(self)
        self.visit_combo.setAccessibleName(self.tr("Visit"))
        for choice in self.choices:
            self.visit_combo.addItem(self._visit_label(choice), choice.id)
        if visit_id is not None and self.visit_combo.findData(visit_id) >= 0:
            self.visit_combo.setCurrentIndex(self.visit_combo.findData(visit_id))
        self.form.addRow(self.tr("Visit:"), self.visit_combo)
        self.needs_button = QPushButton(self.tr("What this doctor needs…"), self)
        self.needs_button.setAccessibleName(self.tr("Choose what this doctor does not need"))
        self.needs_button.setToolTip(self.tr("Records not needed are not listed as missing"))
        self.needs_button.clicked.connect(
            lambda: open_doctor_needs(self, ctx, int(self.visit_combo.currentData()))
        )
        self.form.addRow("", self.needs_button)

        self.sections_box = QGroupBox(self.tr("Sections to include"), self)
        grid = QGridLayout(self.sections_box)
        self.section_checks: dict[Section, QCheckBox] = {}
        rows = (len(ALL_SECTIONS) + 1) // 2
        for index, section in enumerate(ALL_SECTIONS):
            label = (
                self.tr("Cover: the person and the visit")
                if section is Section.COVER
                else QCoreApplication.translate("export_sections", SECTION_TITLES[section])
            )
            check = QCheckBox(label, self.sections_box)
            check.setChecked(True)
            check.setAccessibleName(label)
            check.toggled.connect(self._sections_changed)
            grid.addWidget(check, index % rows, index // rows)
            self.section_checks[section] = check
        self.layout_.addWidget(self.sections_box)

        from second_opinion.ui.documents.packet_choice import PacketDocumentsChoice

        self.documents = PacketDocumentsChoice(ctx, self)
        self.documents.setAccessibleName(self.tr("Documents to add after the summary"))
        self.form.addRow(self.tr("Documents:"), self.documents)
        self.visit_combo.currentIndexChanged.connect(self._load_documents)
        self._load_documents()
        self._finish_layout()
        self.resize(620, self.sizeHint().height())

    def _visit_label(self, choice: VisitChoice) -> str:
        local: dt.datetime = choice.starts_at
        locale = QLocale()
        # The long date names the weekday: "Saturday, 5 December 2026" leaves no doubt.
        when = locale.toString(
            QDate(local.year, local.month, local.day), QLocale.FormatType.LongFormat
        )
        when += " " + locale.toString(
            QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
        )
        mode = QCoreApplication.translate("labels", choice.mode)
        label = f"{when} {local.tzname() or ''} — {choice.doctor_name} ({mode})"
        if not choice.upcoming:
            status = QCoreApplication.translate("labels", choice.status)
            label += " · " + self.tr("past: %1").replace("%1", status)
        return label

    def _load_documents(self, *_args: object) -> None:
        visit_id = self.visit_combo.currentData()
        if visit_id is not None:
            self.documents.load(int(visit_id))

    def chosen_sections(self) -> tuple[Section, ...]:
        return tuple(s for s, check in self.section_checks.items() if check.isChecked())

    def _sections_changed(self) -> None:
        if not self.busy:
            nothing = not self.chosen_sections()
            for button in (self.preview_button, self.save_button, self.print_button):
                button.setEnabled(not nothing)
            self.status_label.setText(self.tr("Choose at least one section.") if nothing else "")

    def document_title(self) -> str:
        return self.tr("Visit packet")

    def suggested_name(self) -> str:
        # The file name is seen by anyone who looks at the folder: a date, never a diagnosis.
        for choice in self.choices:
            if choice.id == self.visit_combo.currentData():
                return f"visit-packet-{choice.starts_at.date().isoformat()}.pdf"
        return "visit-packet.pdf"

    def renderer(self) -> Render | None:
        visit_id = self.visit_combo.currentData()
        sections, paper = self.chosen_sections(), self.paper()
        if visit_id is None or not sections:
            return None

        chosen = self.documents.chosen_ids()

        def render(case: Case) -> bytes:
            from second_opinion.case import documents
            from second_opinion.export.enclosures import render_packet_with_documents

            data = exports.packet_data(case, int(visit_id), sections, paper)
            enclosed = documents.packet_documents(case, int(visit_id), chosen=chosen)
            return render_packet_with_documents(data, enclosed)

        return render


class LetterDialog(PdfDialog):
    """One letter or form for one records request."""

    def __init__(
        self, ctx: AppContext, request_id: int, kind: LetterKind, parent: QWidget | None = None
    ):
        super().__init__(ctx, parent)
        self.request_id = request_id
        self.kind = kind
        self.setWindowTitle(self.document_title())
        intro = {
            LetterKind.REQUEST: self.tr(
                "A written request for copies of your records, under your right of access. "
                "It lists the records, where to send them and how, and the 30-day deadline."
            ),
            LetterKind.AUTHORIZATION: self.tr(
                "A release form with every element a valid HIPAA authorization needs. Doctors "
                "may share records with each other for treatment without it, but many offices "
                "still ask for one. Sign and date it by hand."
            ),
            LetterKind.CURRENT_DOCTOR: self.tr(
                "A short, friendly letter telling your current doctor about the second "
                "opinion and asking for your records to be sent."
            ),
        }[kind]
        label = QLabel(intro, self)
        label.setWordWrap(True)
        self.layout_.insertWidget(0, label)
        self._finish_layout()
        self.resize(520, self.sizeHint().height())

    def document_title(self) -> str:
        return QCoreApplication.translate("export_letters", LETTER_TITLES[self.kind])

    def suggested_name(self) -> str:
        return letter_file_name(self.kind, dt.date.today())

    def save(self) -> None:
        self._check_then(super().save)

    def print_document(self) -> None:
        self._check_then(super().print_document)

    def _check_then(self, go: Callable[[], None]) -> None:
        """A release form first checks the authorization it carries, and asks when it is for
        other parties or has lapsed."""
        if self.kind is not LetterKind.AUTHORIZATION:
            go()
            return
        request_id = self.request_id

        def answer(check: PrintCheck) -> None:
            text = print_warning(check)
            if not text or prompts.ask_confirm(self, self.document_title(), text):
                go()

        self.ctx.ops.query(
            lambda case: exports.letter_check(case, request_id),
            owner=self,
            title=self.document_title(),
        ).success(answer).run()

    def renderer(self) -> Render | None:
        request_id, kind, paper = self.request_id, self.kind, self.paper()

        def render(case: Case) -> bytes:
            from second_opinion.export.letters import render_letter

            return render_letter(exports.letter_data(case, request_id, kind, paper))

        return render


def _fit_to_screen(dialog: QWidget, near: QWidget) -> None:
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


def prepare_packet(
    parent: QWidget | None,
    ctx: AppContext,
    visit_id: int | None = None,
    opened: Callable[[PacketDialog], None] | None = None,
) -> None:
    """Open "Prepare visit packet" once the person's visits are read (``opened`` gets it), or
    say what to do first when there is no visit yet."""

    def show(choices: list[VisitChoice]) -> None:
        if not choices:
            prompts.show_info(
                parent,
                _tr("Visit packet"),
                _tr(
                    "There is no visit yet. Add the visit in the Visits tab, then prepare its "
                    "packet."
                ),
            )
            return
        dialog = PacketDialog(ctx, choices, visit_id, parent)
        dialog.show()
        if opened is not None:
            opened(dialog)

    ctx.ops.query(exports.packet_visits, owner=parent, title=_tr("Visit packet")).success(
        show
    ).run()


def export_letter(
    parent: QWidget | None, ctx: AppContext, request_id: int, kind: LetterKind | str
) -> LetterDialog | None:
    """Open the dialog for the request letter, authorization form or letter to the doctor."""
    try:
        letter_kind = LetterKind(kind)
    except ValueError:
        log.warning("unknown letter kind requested")
        return None
    dialog = LetterDialog(ctx, request_id, letter_kind, parent)
    dialog.show()
    return dialog
