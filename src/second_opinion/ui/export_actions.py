"""The visit packet and the records letters, prepared from inside the app.

``prepare_packet`` (Visits tab, File menu) and ``export_letter`` (Records tab) open a small
non-modal dialog built on ``pdf_dialog.PdfDialog``: its renderer gathers the document's plain
data (``case.exports``) and renders it (``export/``) on the operations runner's worker.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from second_opinion.case import exports
from second_opinion.services.packet_data import (
    ALL_SECTIONS,
    LETTER_TITLES,
    SECTION_TITLES,
    LetterKind,
    Section,
    letter_file_name,
)
from second_opinion.ui import prompts
from second_opinion.ui.authorization_fit import print_warning
from second_opinion.ui.context import AppContext
from second_opinion.ui.doctor_needs_form import open_doctor_needs
from second_opinion.ui.pdf_dialog import PdfDialog, Render

if TYPE_CHECKING:
    from second_opinion.case.case import Case
    from second_opinion.services.authorizations import PrintCheck
    from second_opinion.services.packet import VisitChoice

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("export_actions", text)


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
        sections, paper, language = self.chosen_sections(), self.paper(), self.language()
        if visit_id is None or not sections:
            return None

        chosen = self.documents.chosen_ids()

        def render(case: Case) -> bytes:
            from second_opinion.case import documents
            from second_opinion.export.enclosures import render_packet_with_documents

            data = exports.packet_data(case, int(visit_id), sections, paper, language)
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
        request_id, kind, paper, language = (
            self.request_id,
            self.kind,
            self.paper(),
            self.language(),
        )

        def render(case: Case) -> bytes:
            from second_opinion.export.letters import render_letter

            return render_letter(exports.letter_data(case, request_id, kind, paper, language))

        return render


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
