"""The Documents tab used as a person would: add files, drop them, paste, look, link, delete."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QPushButton

from second_opinion.case.progress import Progress
from second_opinion.domain.enums import ContactRole, RecordKind
from second_opinion.services.documents import LinkTarget
from second_opinion.services.errors import ValidationError
from second_opinion.ui.context import AppContext
from second_opinion.ui.documents import model as columns
from second_opinion.ui.documents.form import DocumentForm
from second_opinion.ui.documents.link_picker import LinkPicker
from second_opinion.ui.tabs.documents_tab import DocumentsTab
from tests.document_files import write_image, write_pdf, write_truncated_pdf
from tests.factories import make_contact, make_person


class RecordingNavigator:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def navigate(self, target: str, **kwargs: Any) -> None:
        self.calls.append((target, kwargs))


@pytest.fixture
def ids(vault) -> dict[str, int]:
    with vault.session() as s:
        person = make_person(s, "Maria Lopez")
        lab = make_contact(s, "Riverside Pathology", ContactRole.RECORDS_DEPARTMENT)
        return {"person": person.id, "lab": lab.id}


@pytest.fixture
def tab(qtbot, settle, vault, ids) -> DocumentsTab:
    widget = DocumentsTab(AppContext(vault, ids["person"]), RecordingNavigator())
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.reload()
    settle()
    return widget


def cell(tab: DocumentsTab, row: int, column: int) -> str:
    return tab.proxy.index(row, column).data() or ""


def titles(tab: DocumentsTab) -> list[str]:
    return sorted(cell(tab, r, columns.TITLE) for r in range(tab.proxy.rowCount()))


def add_through_dialog(tab: DocumentsTab, settle, answers, paths: list[Path]) -> None:
    answers.open_path_lists.append(paths)
    tab.add_button.click()
    settle()


def messages(answers, kind: str) -> list[str]:
    return [text for k, _title, text in answers.shown if k == kind]


def vault_files(vault) -> set[Path]:
    folder = vault.paths.documents
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


# ---------------------------------------------------------------------------- adding


def test_the_empty_page_invites_the_first_document(tab) -> None:
    assert tab.pages.currentWidget() is tab.empty_state
    assert "No documents yet" in tab.empty_state.text.text()


def test_add_pdf_png_and_jpeg_through_the_file_dialog(tab, settle, answers, tmp_path) -> None:
    files = [
        write_pdf(tmp_path / "biopsy_report.pdf", pages=3),
        write_image(tmp_path / "scan.png", "PNG"),
        write_image(tmp_path / "letter.jpg", "JPEG"),
    ]
    add_through_dialog(tab, settle, answers, files)
    assert tab.pages.currentIndex() == 1
    assert titles(tab) == ["biopsy report", "letter", "scan"]
    by_title = {cell(tab, r, columns.TITLE): r for r in range(tab.proxy.rowCount())}
    assert cell(tab, by_title["biopsy report"], columns.PAGES) == "3"
    assert cell(tab, by_title["scan"], columns.STATE) == ""
    assert len(vault_files(tab.ctx.vault)) == 3


def test_a_fake_pdf_shows_its_message_and_adds_nothing(tab, settle, answers, tmp_path) -> None:
    fake = write_image(tmp_path / "scan.pdf", "PNG")
    good = write_pdf(tmp_path / "good.pdf")
    add_through_dialog(tab, settle, answers, [good, fake])
    [error] = messages(answers, "error")
    assert "scan.pdf: named like a PDF but its content is not" in error
    assert tab.model.rowCount() == 0
    assert vault_files(tab.ctx.vault) == set()


def _missing(folder: Path) -> Path:
    return folder / "missing.pdf"


def _folder(folder: Path) -> Path:
    (folder / "scans").mkdir()
    return folder / "scans"


def _empty(folder: Path) -> Path:
    (folder / "empty.txt").write_bytes(b"")
    return folder / "empty.txt"


def _too_big(folder: Path) -> Path:
    path = folder / "huge.pdf"
    with open(path, "wb") as handle:  # sparse: takes no room on the disk
        handle.truncate(513 * 1024 * 1024)
    return path


def _protected(folder: Path) -> Path:
    from tests.document_files import write_protected_pdf

    return write_protected_pdf(folder / "locked.pdf")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_missing, "missing.pdf: no such file"),
        (_folder, "scans: is a folder"),
        (_empty, "empty.txt: the file is empty"),
        (_too_big, "huge.pdf: larger than the limit of 512 MiB"),
        (_protected, "locked.pdf: the PDF is protected by a password"),
    ],
)
def test_each_refusal_is_its_one_line(tab, settle, answers, tmp_path, make, expected) -> None:
    add_through_dialog(tab, settle, answers, [make(tmp_path)])
    [error] = messages(answers, "error")
    assert expected in error and "\n" not in error
    assert tab.model.rowCount() == 0


def test_a_damaged_file_can_be_kept_as_cannot_be_shown(tab, settle, answers, tmp_path) -> None:
    bad = write_truncated_pdf(tmp_path / "cut.pdf")
    answers.confirms.append(True)  # "Keep it anyway"
    add_through_dialog(tab, settle, answers, [bad])
    settle()
    [question] = messages(answers, "confirm")
    assert "cut.pdf: the PDF is incomplete" in question
    assert tab.model.rowCount() == 1
    assert cell(tab, 0, columns.STATE) == "Cannot be shown"
    assert "cannot be shown" in tab.viewer.message.text()
    assert tab.viewer.stack.currentIndex() == 1  # the calm message, no pages


def test_a_damaged_file_refused_adds_nothing(tab, settle, answers, tmp_path) -> None:
    answers.confirms.append(False)
    add_through_dialog(tab, settle, answers, [write_truncated_pdf(tmp_path / "cut.pdf")])
    settle()
    assert tab.model.rowCount() == 0


def test_the_same_content_twice_is_said(tab, settle, answers, tmp_path) -> None:
    pdf = write_pdf(tmp_path / "a.pdf")
    add_through_dialog(tab, settle, answers, [pdf])
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(pdf.read_bytes())
    add_through_dialog(tab, settle, answers, [copy])
    [info] = messages(answers, "info")
    assert "copy.pdf: already among your documents" in info
    assert tab.model.rowCount() == 1


def _drop(widget, paths: list[Path]) -> bool:
    """Drop ``paths`` on ``widget`` as a file manager would; whether the drop was taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    # As a real drag does: the widget must take the drag's entry before it may take the drop.
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_drop_files_on_the_tab_and_on_the_detail_pane(tab, settle, tmp_path) -> None:
    assert _drop(tab, [write_pdf(tmp_path / "dropped.pdf", marker="one")])
    settle()
    assert titles(tab) == ["dropped"]
    assert _drop(tab.detail, [write_image(tmp_path / "photo.png", "PNG")])
    settle()
    assert titles(tab) == ["dropped", "photo"]


def test_paste_files_and_a_picture(qtbot, tab, settle, tmp_path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write_pdf(tmp_path / "copied.pdf")))])
    QGuiApplication.clipboard().setMimeData(mime)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert titles(tab) == ["copied"]
    picture = QImage(120, 80, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(picture)
    tab.paste_button.click()
    settle()
    assert tab.model.rowCount() == 2
    assert any(t.startswith("Pasted picture") for t in titles(tab))


def test_cancel_half_way_leaves_nothing(qtbot, tab, settle, answers, tmp_path, monkeypatch) -> None:
    files = [write_pdf(tmp_path / f"part{n}.pdf", marker=f"m{n}") for n in range(3)]
    gate = threading.Event()
    real_step = Progress.step

    def step(self: Progress, done: int, total: int, text: str = "") -> None:
        real_step(self, done, total, text)
        if text.startswith("Encrypting part1"):  # the worker waits here for the person
            gate.wait(10)

    monkeypatch.setattr(Progress, "step", step)
    answers.open_path_lists.append(files)
    tab.add_button.click()
    qtbot.waitUntil(
        lambda: (
            tab.attacher.progress is not None
            and "Encrypting part1" in tab.attacher.progress.labelText()
        )
    )
    tab.attacher.progress.findChild(QPushButton).click()  # Cancel
    gate.set()
    settle()
    assert tab.model.rowCount() == 0
    assert vault_files(tab.ctx.vault) == set()  # part0, already encrypted, is gone too
    assert tab.attacher.progress is None and not tab.attacher.busy
    assert not [m for k, _t, m in answers.shown if k == "error"]


# ---------------------------------------------------------------------------- the viewer


def shown_size(tab: DocumentsTab) -> tuple[int, int]:
    pixmap = tab.viewer.page_view.pixmap()
    return pixmap.width(), pixmap.height()


def test_the_viewer_shows_page_one_and_a_thumbnail_per_page(
    qtbot, qtmodeltester, tab, settle, answers, tmp_path
) -> None:
    add_through_dialog(tab, settle, answers, [write_pdf(tmp_path / "ct.pdf", pages=14)])
    settle()
    viewer = tab.viewer
    assert viewer.page_label.text() == "Page 1 of 14"
    assert not viewer.page_view.pixmap().isNull()
    assert viewer.thumbnails.model().rowCount() == 14
    assert viewer.thumbnails.model().index(13, 0).data() == "Page 14"
    qtmodeltester.check(viewer.thumbnails.model())
    assert viewer.thumbnail_count() == 14  # every thumbnail has its picture
    width, height = shown_size(tab)
    assert height > width  # a portrait page, fit to the width of the view
    viewer.next_button.click()
    settle()
    assert viewer.page_label.text() == "Page 2 of 14"
    # The thumbnails follow the page shown, and choosing one shows its page.
    assert viewer.thumbnails.currentIndex().data() == "Page 2"
    viewer.thumbnails.setFocus()
    qtbot.keyClick(viewer.thumbnails, Qt.Key.Key_End)
    settle()
    assert viewer.page_label.text() == "Page 14 of 14"
    assert viewer.thumbnails.currentIndex().data() == "Page 14"
    picture = viewer.thumbnails.model().index(13, 0).data(Qt.ItemDataRole.DecorationRole)
    assert picture is not None and not picture.isNull()


def test_rotate_and_zoom_change_the_shown_image(tab, settle, answers, tmp_path) -> None:
    add_through_dialog(tab, settle, answers, [write_pdf(tmp_path / "ct.pdf", pages=2)])
    settle()
    viewer = tab.viewer
    width, height = shown_size(tab)
    viewer.rotate_right_button.click()
    settle()
    turned = shown_size(tab)
    assert turned[0] > turned[1]  # landscape now
    viewer.rotate_left_button.click()
    settle()
    assert shown_size(tab) == (width, height)
    viewer.zoom_in_button.click()
    settle()
    bigger = shown_size(tab)
    assert bigger[0] > width and not viewer.fit_button.isChecked()
    assert viewer.zoom_label.text().endswith("%")
    viewer.zoom_out_button.click()
    viewer.zoom_out_button.click()
    settle()
    assert shown_size(tab)[0] < width
    viewer.fit_button.click()
    settle()
    assert shown_size(tab) == (width, height)


def test_a_picture_shows_as_one_page(tab, settle, answers, tmp_path) -> None:
    add_through_dialog(tab, settle, answers, [write_image(tmp_path / "x.jpg", "JPEG", (300, 200))])
    settle()
    assert tab.viewer.page_label.text() == "Page 1 of 1"
    width, height = shown_size(tab)
    assert width > height


def test_a_damaged_content_file_shows_a_calm_message(tab, settle, answers, tmp_path) -> None:
    add_through_dialog(tab, settle, answers, [write_pdf(tmp_path / "a.pdf")])
    settle()
    for path in tab.ctx.vault.paths.documents.iterdir():
        path.write_bytes(path.read_bytes()[:-40])  # altered on the disk behind the app's back
    tab.viewer.show_document(tab.current_row().id)
    settle()
    assert tab.viewer.stack.currentIndex() == 1
    assert "cannot be shown" in tab.viewer.message.text()


def test_save_a_copy_writes_the_original_bytes(tab, settle, answers, tmp_path) -> None:
    original = write_pdf(tmp_path / "a.pdf", pages=2)
    add_through_dialog(tab, settle, answers, [original])
    settle()
    out = tmp_path / "out" / "copy.pdf"
    out.parent.mkdir()
    answers.save_paths.append(out)
    tab.viewer.save_button.click()
    settle()
    assert out.read_bytes() == original.read_bytes()
    assert "not encrypted" in tab.viewer.notice.text()


# ---------------------------------------------------------------------------- details, links


def test_edit_details_through_the_form(tab, settle, answers, tmp_path, ids) -> None:
    add_through_dialog(tab, settle, answers, [write_pdf(tmp_path / "scan_0001.pdf")])
    tab.edit_button.click()
    settle()  # the form opens once the contacts to choose from are read
    form = tab.form
    assert isinstance(form, DocumentForm)
    form.title_edit.clear()
    form.accept()
    settle()
    assert form.errors.message("title") == "Give the document a title."
    form.title_edit.setText("Biopsy report")
    form.kind.setCurrentIndex(form.kind.findData(RecordKind.PATHOLOGY_REPORT.value))
    form.source.setCurrentIndex(form.source.findData(ids["lab"]))
    form.accept()
    settle()
    assert tab.form is None
    assert cell(tab, 0, columns.TITLE) == "Biopsy report"
    assert cell(tab, 0, columns.SOURCE) == "Riverside Pathology"
    assert "from Riverside Pathology" in tab.detail.fields["what"].text()


def test_delete_names_the_document_and_removes_its_content(tab, settle, answers, tmp_path) -> None:
    add_through_dialog(tab, settle, answers, [write_pdf(tmp_path / "biopsy.pdf")])
    answers.confirms.append(False)
    tab.delete_button.click()
    settle()
    assert tab.model.rowCount() == 1
    answers.confirms.append(True)
    tab.delete_button.click()
    settle()
    questions = messages(answers, "confirm")
    assert len(questions) == 2 and "Delete “biopsy”" in questions[1]
    assert tab.model.rowCount() == 0
    assert tab.pages.currentWidget() is tab.empty_state
    assert vault_files(tab.ctx.vault) == set()


def test_search_and_kind_filter(tab, settle, answers, tmp_path) -> None:
    add_through_dialog(
        tab,
        settle,
        answers,
        [
            write_pdf(tmp_path / "biopsy.pdf", marker="a"),
            write_pdf(tmp_path / "lab.pdf", marker="b"),
        ],
    )
    tab.search.setText("biop")
    assert titles(tab) == ["biopsy"]
    tab.search.clear()
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(RecordKind.LAB_RESULTS.value))
    assert titles(tab) == []
    tab.kind_filter.setCurrentIndex(0)
    assert titles(tab) == ["biopsy", "lab"]


def test_link_to_a_contact_and_remove_the_link(
    qtbot, qtmodeltester, tab, settle, answers, tmp_path, ids
) -> None:
    add_through_dialog(tab, settle, answers, [write_pdf(tmp_path / "a.pdf")])
    tab.detail.link_button.click()
    settle()  # the picker opens once the things to link to are read
    picker = tab.form
    assert isinstance(picker, LinkPicker)
    picker.search.setText("riverside")
    picker.accept()
    settle()
    links = tab.detail.links.model()
    assert [links.index(i, 0).data() for i in range(links.rowCount())] == [
        "Contact: Riverside Pathology"
    ]
    qtmodeltester.check(links)
    assert cell(tab, 0, columns.LINKS) == "1"
    assert not tab.detail.unlink_button.isEnabled()  # no link chosen yet
    tab.detail.links.setCurrentIndex(links.index(0, 0))
    assert tab.detail.unlink_button.isEnabled()
    # Enter on the link goes to the contact.
    qtbot.keyClick(tab.detail.links, Qt.Key.Key_Return)
    assert tab.navigator.calls[-1] == ("contacts.open", {"contact_id": ids["lab"]})
    tab.detail.unlink_button.click()
    settle()
    assert links.rowCount() == 0


def test_the_link_picker_narrows_by_kind_and_words_and_keeps_the_choice(
    qtmodeltester, tab, settle, answers, tmp_path, vault
) -> None:
    with vault.session() as s:
        make_contact(s, "Hilltop Imaging", ContactRole.RECORDS_DEPARTMENT)
        make_contact(s, "River Clinic", ContactRole.RECORDS_DEPARTMENT)
    tab.reload()
    settle()
    add_through_dialog(tab, settle, answers, [write_pdf(tmp_path / "a.pdf")])
    tab.detail.link_button.click()
    settle()  # the picker opens once the things to link to are read
    picker = tab.form
    assert isinstance(picker, LinkPicker)
    qtmodeltester.check(picker.list.model())

    def shown() -> list[str]:
        model = picker.list.model()
        return [model.index(i, 0).data() for i in range(model.rowCount())]

    everything = shown()
    riverside = "Contact: Riverside Pathology"
    assert {riverside, "Contact: Hilltop Imaging", "Contact: River Clinic"} <= set(everything)
    assert picker.list.currentIndex().data() == everything[0]  # the first is chosen
    picker.kind.setCurrentIndex(picker.kind.findData(LinkTarget.VISIT.value))
    assert shown() == []  # no visits yet
    with pytest.raises(ValidationError):
        picker.collect()
    picker.kind.setCurrentIndex(picker.kind.findData(LinkTarget.CONTACT.value))
    assert len(shown()) == 3 and all(text.startswith("Contact: ") for text in shown())
    assert picker.list.currentIndex().data() == shown()[0]
    # The person picks Riverside; narrowing to words it still matches keeps it chosen.
    picker.list.setCurrentIndex(picker.list.model().index(shown().index(riverside), 0))
    picker.search.setText("river")
    assert sorted(shown()) == ["Contact: River Clinic", riverside]
    assert picker.list.currentIndex().data() == riverside
    # Words it no longer matches: the first one listed is chosen instead.
    picker.search.setText("river clinic")
    assert shown() == ["Contact: River Clinic"]
    assert picker.list.currentIndex().data() == "Contact: River Clinic"
    picker.search.clear()
    picker.kind.setCurrentIndex(0)
    assert shown() == everything
    picker.reject()


def test_the_list_model_passes_the_model_tester(
    qtmodeltester, tab, settle, answers, tmp_path
) -> None:
    answers.confirms.append(True)  # keep the damaged one: both states in the model
    add_through_dialog(
        tab,
        settle,
        answers,
        [write_pdf(tmp_path / "a.pdf"), write_truncated_pdf(tmp_path / "b.pdf")],
    )
    settle()
    assert sorted(cell(tab, r, columns.STATE) for r in range(2)) == ["", "Cannot be shown"]
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
