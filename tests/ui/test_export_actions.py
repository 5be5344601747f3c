"""Preparing the packet and the letters from the window, as a person would."""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from second_opinion.services.demo import build_demo
from second_opinion.services.packet_data import Section
from second_opinion.ui import export_actions, prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.pdf_dialog import PdfDialog
from second_opinion.vault.vault import Vault
from tests.export.pdfread import all_text, reader


@pytest.fixture
def ctx(vault: Vault) -> Iterator[AppContext]:
    with vault.session() as session:
        person_id = build_demo(session, dt.date.today())
    yield AppContext(vault, person_id)


def _open_packet(ctx: AppContext, settle) -> export_actions.PacketDialog:
    opened: list[export_actions.PacketDialog] = []
    export_actions.prepare_packet(None, ctx, opened=opened.append)
    settle()
    assert len(opened) == 1
    return opened[0]


def _wait_saved(qtbot: QtBot, dialog: PdfDialog) -> Path:
    qtbot.waitUntil(lambda: dialog.last_saved is not None and not dialog.busy, timeout=20_000)
    assert dialog.last_saved is not None
    return dialog.last_saved


def test_save_a_packet_with_chosen_sections_and_paper(
    settle, qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers: prompts.ScriptedAnswers
) -> None:
    dialog = _open_packet(ctx, settle)
    qtbot.addWidget(dialog)
    assert "health information" in dialog.privacy_note.text()
    for section in (Section.INSURANCE, Section.CARE_TEAM, Section.OPINIONS):
        dialog.section_checks[section].setChecked(False)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("letter"))
    answers.save_paths.append(tmp_path / "my packet")  # no suffix typed
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = _wait_saved(qtbot, dialog)
    assert saved == tmp_path / "my packet.pdf"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    text = all_text(saved.read_bytes())
    assert "Questions for this visit" in text
    assert "Care team" not in text
    box = reader(saved.read_bytes()).pages[0].mediabox
    assert round(float(box.width)) == 612
    # the save prompt suggested a name that gives nothing away
    kind, _title, suggested = answers.shown[-1]
    assert kind == "save"
    assert Path(suggested).name.startswith("visit-packet-") and "Maria" not in suggested


def test_cancelled_save_writes_nothing(
    settle, qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers: prompts.ScriptedAnswers
) -> None:
    dialog = _open_packet(ctx, settle)
    qtbot.addWidget(dialog)
    dialog.save()  # no scripted path: the user pressed Cancel
    assert not dialog.busy
    assert list(tmp_path.glob("*.pdf")) == []


def test_no_section_chosen_disables_saving(settle, qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _open_packet(ctx, settle)
    qtbot.addWidget(dialog)
    for check in dialog.section_checks.values():
        check.setChecked(False)
    assert not dialog.save_button.isEnabled()
    assert "at least one section" in dialog.status_label.text()


def test_preview_shows_every_page_without_saving_anything(
    settle, qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers: prompts.ScriptedAnswers
) -> None:
    dialog = _open_packet(ctx, settle)
    qtbot.addWidget(dialog)
    dialog.preview()
    qtbot.waitUntil(
        lambda: dialog.preview_dialog is not None and bool(dialog.preview_dialog.page_labels),
        timeout=20_000,
    )
    preview = dialog.preview_dialog
    assert preview is not None
    labels = preview.page_labels
    assert labels[0].accessibleName() == f"Page 1 of {len(labels)}"
    assert not labels[0].pixmap().isNull()
    assert dialog.last_saved is None
    assert not [kind for kind, _t, _x in answers.shown if kind == "save"]
    preview.close()


def test_print_sends_every_page_to_the_chosen_printer(
    settle, qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers: prompts.ScriptedAnswers
) -> None:
    dialog = _open_packet(ctx, settle)
    qtbot.addWidget(dialog)
    printed = tmp_path / "printer-output.pdf"
    answers.print_to.append(printed)
    answers.save_paths.append(tmp_path / "saved.pdf")
    dialog.print_document()
    qtbot.waitUntil(printed.exists, timeout=20_000)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    dialog.save()
    saved = _wait_saved(qtbot, dialog)
    assert len(reader(printed.read_bytes()).pages) == len(reader(saved.read_bytes()).pages)


def test_cancelled_print_dialog_prints_nothing(
    settle, qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers: prompts.ScriptedAnswers
) -> None:
    dialog = _open_packet(ctx, settle)
    qtbot.addWidget(dialog)
    dialog.print_document()  # nothing scripted: the user cancels the print dialog
    qtbot.waitUntil(lambda: any(k == "print" for k, _t, _x in answers.shown), timeout=20_000)
    assert list(tmp_path.glob("*.pdf")) == []


def test_person_without_visits_is_told_what_to_do(
    settle, qtbot: QtBot, vault: Vault, answers: prompts.ScriptedAnswers
) -> None:
    from tests.factories import make_person

    with vault.session() as session:
        person_id = make_person(session).id
    opened: list[export_actions.PacketDialog] = []
    export_actions.prepare_packet(None, AppContext(vault, person_id), opened=opened.append)
    settle()
    assert opened == []
    assert "Add the visit in the Visits tab" in answers.shown[-1][2]


@pytest.mark.parametrize("kind", ["request", "authorization", "current-doctor"])
def test_save_each_letter(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers: prompts.ScriptedAnswers, kind: str
) -> None:
    dialog = export_actions.export_letter(None, ctx, 1, kind)
    assert dialog is not None
    qtbot.addWidget(dialog)
    answers.save_paths.append(tmp_path / f"{kind}.pdf")
    dialog.save()
    saved = _wait_saved(qtbot, dialog)
    assert dialog.document_title() in reader(saved.read_bytes()).metadata.get("/Title", "")


def test_unknown_request_shows_an_error(
    settle, qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers: prompts.ScriptedAnswers
) -> None:
    dialog = export_actions.export_letter(None, ctx, 4242, "request")
    assert dialog is not None
    qtbot.addWidget(dialog)
    answers.save_paths.append(tmp_path / "x.pdf")
    dialog.save()
    settle()
    assert answers.shown[-1][0] == "error"
    assert not dialog.busy and dialog.save_button.isEnabled()
    assert not (tmp_path / "x.pdf").exists()


def test_closing_the_dialog_while_the_pdf_is_built_is_harmless(
    settle, qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers: prompts.ScriptedAnswers
) -> None:
    dialog = _open_packet(ctx, settle)
    answers.save_paths.append(tmp_path / "p.pdf")
    dialog.save()
    assert dialog.busy
    dialog.close()  # deletes the dialog (WA_DeleteOnClose) before the build ends
    settle(20_000)  # the result arrives for a deleted dialog and is dropped
    # the file the user asked for is still written, completely
    assert reader((tmp_path / "p.pdf").read_bytes()).pages


def test_a_pdf_that_cannot_be_written_says_why_and_keeps_the_dialog_usable(
    settle, qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers: prompts.ScriptedAnswers
) -> None:
    dialog = _open_packet(ctx, settle)
    qtbot.addWidget(dialog)
    answers.save_paths.append(tmp_path / "no such folder" / "p.pdf")
    dialog.save()
    settle(20_000)
    assert answers.shown[-1][0] == "error"
    assert "could not be saved" in answers.shown[-1][2]
    assert dialog.last_saved is None
    assert not dialog.busy and dialog.save_button.isEnabled()


def _previewed(qtbot: QtBot, settle, ctx: AppContext):
    dialog = _open_packet(ctx, settle)
    qtbot.addWidget(dialog)
    dialog.preview()
    settle(20_000)
    preview = dialog.preview_dialog
    assert preview is not None
    qtbot.waitUntil(lambda: bool(preview.page_labels), timeout=20_000)
    return dialog, preview


def test_the_preview_fits_the_screen(settle, qtbot: QtBot, ctx: AppContext) -> None:
    _dialog, preview = _previewed(qtbot, settle, ctx)
    available = preview.screen().availableGeometry()
    assert preview.frameGeometry().height() <= available.height()
    assert preview.frameGeometry().width() <= available.width()
    assert available.contains(preview.frameGeometry())


def test_esc_closes_the_preview_and_only_the_preview(settle, qtbot: QtBot, ctx: AppContext) -> None:
    dialog, _preview = _previewed(qtbot, settle, ctx)
    # Wherever the focus is (a window manager may leave it on the dialog behind), the first
    # Esc closes the preview, the second one the dialog.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.preview_dialog is None, timeout=5_000)
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_packet_encloses_the_documents_linked_to_its_visit(
    settle, qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers: prompts.ScriptedAnswers
) -> None:
    from reportlab.pdfgen import canvas

    from second_opinion.case import documents
    from second_opinion.services.documents import DocumentDetails, LinkRef, LinkTarget

    report = tmp_path / "report.pdf"
    sheet = canvas.Canvas(str(report))
    sheet.drawString(72, 720, "ENCLOSED-PATHOLOGY-REPORT-7731")
    sheet.save()
    dialog = _open_packet(ctx, settle)
    qtbot.addWidget(dialog)
    visit_id = int(dialog.visit_combo.currentData())
    documents.attach_files(
        ctx.case,
        [report],
        DocumentDetails(title="Pathology report"),
        LinkRef(LinkTarget.VISIT, visit_id),
    )
    dialog._load_documents()  # as reopening the dialog would
    qtbot.waitUntil(lambda: dialog.documents.chosen_ids() != [], timeout=10_000)
    answers.save_paths.append(tmp_path / "with-documents.pdf")
    dialog.save()
    text = all_text(_wait_saved(qtbot, dialog).read_bytes())
    assert "ENCLOSED-PATHOLOGY-REPORT-7731" in text
    assert "Pathology report" in text  # its separator page

    dialog.documents.model.set_all(False)  # the person unticks it: the packet leaves it out
    dialog.last_saved = None
    answers.save_paths.append(tmp_path / "without.pdf")
    dialog.save()
    assert "ENCLOSED-PATHOLOGY-REPORT-7731" not in all_text(_wait_saved(qtbot, dialog).read_bytes())


def test_a_form_for_another_recipient_or_a_lapsed_authorization_is_said_before_printing(
    settle, qtbot: QtBot, ctx: AppContext, vault: Vault, tmp_path: Path, answers
) -> None:
    from sqlalchemy import select

    from second_opinion.domain.models import Authorization, RecordRequest

    with vault.session() as session:
        lapsed = session.scalars(
            select(Authorization).where(Authorization.expires_on < dt.date.today())
        ).one()
        request = session.scalars(
            select(RecordRequest).where(
                RecordRequest.holder_id == lapsed.holder_id,
                RecordRequest.recipient_id != lapsed.recipient_id,
            )
        ).first()
        assert request is not None
        request.authorization_id = lapsed.id
        request_id = request.id
    dialog = export_actions.export_letter(None, ctx, request_id, "authorization")
    assert dialog is not None
    qtbot.addWidget(dialog)
    printed = tmp_path / "printed.pdf"
    answers.print_to.append(printed)
    answers.confirms.append(False)
    dialog.print_document()
    settle()
    confirms = [text for kind, _t, text in answers.shown if kind == "confirm"]
    assert len(confirms) == 1
    assert "Dr. Aiko Tanaka" in confirms[0] and "expired" in confirms[0]
    assert not [kind for kind, _t, _x in answers.shown if kind == "print"]

    answers.confirms.append(True)
    dialog.print_document()
    qtbot.waitUntil(printed.exists, timeout=20_000)


def test_a_form_that_fits_prints_without_a_question(
    settle, qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers
) -> None:
    # The demo's request for the health system's records relies on the release it signed
    # for exactly that holder and recipient.
    dialog = export_actions.export_letter(None, ctx, 4, "authorization")
    assert dialog is not None
    qtbot.addWidget(dialog)
    printed = tmp_path / "printed.pdf"
    answers.print_to.append(printed)
    dialog.print_document()
    qtbot.waitUntil(printed.exists, timeout=20_000)
    assert not [kind for kind, _t, _x in answers.shown if kind == "confirm"]


def test_the_packet_dialog_lets_the_person_say_what_this_doctor_does_not_need(
    settle, qtbot: QtBot, ctx: AppContext, answers
) -> None:
    from second_opinion.ui.doctor_needs_form import DoctorNeedsForm

    dialog = _open_packet(ctx, settle)
    qtbot.addWidget(dialog)
    assert dialog.needs_button.accessibleName()
    dialog.needs_button.click()
    settle()
    form = dialog.findChild(DoctorNeedsForm)
    assert form is not None
    # The demo's second opinion: what was requested for Dr. Tanaka, not the 2015 operation.
    shown = form.items.model()
    texts = [shown.index(i, 0).data() for i in range(shown.rowCount())]
    assert texts and not [t for t in texts if "lumpectomy" in t.lower()]
    form.reject()


def test_letters_are_named_by_kind_and_date_in_the_folder_used_last_on_the_paper_chosen_last(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, answers: prompts.ScriptedAnswers
) -> None:
    today = dt.date.today().isoformat()
    first = export_actions.export_letter(None, ctx, 1, "request")
    assert first is not None
    qtbot.addWidget(first)
    other = "a4" if first.paper().value == "letter" else "letter"
    first.paper_combo.setCurrentIndex(first.paper_combo.findData(other))
    folder = tmp_path / "letters"
    folder.mkdir()
    answers.save_paths.append(folder / "mine.pdf")
    first.save()
    _wait_saved(qtbot, first)
    # The name says what it is and when, never who holds the records.
    assert Path(answers.shown[-1][2]).name == f"records-request-{today}.pdf"

    second = export_actions.export_letter(None, ctx, 1, "authorization")
    assert second is not None
    qtbot.addWidget(second)
    assert second.paper().value == other
    answers.save_paths.append(folder / "auth.pdf")
    second.save()
    _wait_saved(qtbot, second)
    assert Path(answers.shown[-1][2]) == folder / f"authorization-{today}.pdf"
