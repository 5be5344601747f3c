"""Documents where the Records tab shows a request or a record: received records attached,
a request's documents listed, and its records bundle written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from second_opinion.case import documents as docs
from second_opinion.case.case import Case
from second_opinion.domain.enums import ContactRole, RecordKind
from second_opinion.services import record_requests as rr
from second_opinion.services import records
from second_opinion.services.documents import LinkRef, LinkTarget
from second_opinion.services.records import ItemData
from second_opinion.ui.context import AppContext
from second_opinion.ui.records.forms import StateChangeForm
from second_opinion.ui.tabs.records_tab import RecordsTab
from tests.document_files import write_image, write_pdf
from tests.factories import make_contact, make_person

TODAY = dt.date.today()


class RecordingNavigator:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def navigate(self, target: str, **kwargs: Any) -> None:
        self.calls.append((target, kwargs))


@pytest.fixture
def ids(vault) -> dict[str, int]:
    with vault.session() as s:
        person = make_person(s, "Maria")
        lab = make_contact(s, "Riverside Pathology", ContactRole.RECORDS_DEPARTMENT)
        rao = make_contact(s, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN)
        item = records.add_item(s, person.id, ItemData(RecordKind.IMAGING_REPORT, "CT chest"))
        request = rr.add_request(
            s,
            person.id,
            rr.RequestData(
                item_ids=[item],
                holder_id=lab.id,
                recipient_id=rao.id,
                requested_on=TODAY - dt.timedelta(days=5),
            ),
        )
        rr.mark_sent(s, request, TODAY - dt.timedelta(days=2))
        return {"person": person.id, "item": item, "request": request}


@pytest.fixture
def navigator() -> RecordingNavigator:
    return RecordingNavigator()


@pytest.fixture
def tab(qtbot, vault, ids, navigator, settle) -> RecordsTab:
    widget = RecordsTab(AppContext(vault, ids["person"]), navigator)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.reload()
    settle()
    return widget


def test_marking_received_offers_to_attach_what_arrived(
    qtbot, tab, ids, settle, answers, tmp_path, vault
) -> None:
    arrived = [
        write_pdf(tmp_path / "ct_report.pdf"),
        write_image(tmp_path / "ct_key_image.png", "PNG"),
    ]
    answers.confirms.append(True)  # "Attach the records that arrived?"
    answers.open_path_lists.append(arrived)
    qtbot.mouseClick(tab.requests.mark_received_button, Qt.MouseButton.LeftButton)
    form = tab.current_form
    assert isinstance(form, StateChangeForm)
    form.accept()
    settle()
    qtbot.waitUntil(lambda: any(k == "open-many" for k, _t, _m in answers.shown))
    settle()
    [offer] = [title for kind, title, _text in answers.shown if kind == "confirm"]
    assert offer == "Attach the records that arrived?"
    assert sorted(tab.requests.documents.titles()) == ["ct key image", "ct report"]
    case = Case(vault, ids["person"])
    rows = docs.documents_board(case).rows
    assert all(LinkRef(LinkTarget.REQUEST, ids["request"]) in r.links for r in rows)
    assert len(rows) == 2


def test_declining_the_offer_adds_nothing(qtbot, tab, settle, answers, vault, ids) -> None:
    answers.confirms.append(False)
    qtbot.mouseClick(tab.requests.mark_received_button, Qt.MouseButton.LeftButton)
    tab.current_form.accept()
    settle()
    qtbot.waitUntil(lambda: any(k == "confirm" for k, _t, _m in answers.shown))
    settle()
    assert not any(k == "open-many" for k, _t, _m in answers.shown)
    assert docs.documents_board(Case(vault, ids["person"])).rows == []


def test_a_records_documents_show_under_the_records_list(tab, settle, vault, ids, tmp_path) -> None:
    case = Case(vault, ids["person"])
    docs.attach_files(
        case, [write_pdf(tmp_path / "ct.pdf")], link=LinkRef(LinkTarget.ITEM, ids["item"])
    )
    tab.reload()
    settle()
    listing = tab.items.documents.list
    line = listing.model().index(0, 0)
    assert line.data() == "None yet: add the records that arrived."  # no record chosen
    assert not line.flags() & Qt.ItemFlag.ItemIsEnabled  # grayed, cannot be chosen
    tab.items.view.selectRow(0)
    settle()
    assert tab.items.documents.titles() == ["ct"]
    assert listing.model().index(0, 0).data().startswith("ct · ")
    # The request for that record lists it too.
    assert tab.requests.documents.titles() == ["ct"]


def test_open_a_listed_document_goes_to_the_documents_tab(
    qtbot, qtmodeltester, tab, settle, vault, ids, tmp_path, navigator
) -> None:
    case = Case(vault, ids["person"])
    [row] = docs.attach_files(
        case, [write_pdf(tmp_path / "ct.pdf")], link=LinkRef(LinkTarget.REQUEST, ids["request"])
    ).value.added
    tab.reload()
    settle()
    listing = tab.requests.documents.list
    qtmodeltester.check(listing.model())
    assert listing.model().index(0, 0).data().startswith("ct · ")
    # Enter on the listed document opens it.
    listing.setCurrentIndex(listing.model().index(0, 0))
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert navigator.calls == [("documents.open", {"document_id": row.id})]


def _with_a_document_on_the_request(tab, settle, vault, ids, tmp_path, pages: int = 1) -> None:
    docs.attach_files(
        Case(vault, ids["person"]),
        [write_pdf(tmp_path / "ct.pdf", pages=pages)],
        link=LinkRef(LinkTarget.REQUEST, ids["request"]),
    )
    tab.reload()
    settle()


def _export_bundle(tab, settle, answers, out: Path, language: int | None = 0) -> None:
    answers.choices.append(language)
    answers.save_paths.append(out)
    tab.requests.act_bundle.trigger()
    settle()


def test_records_bundle_is_written_where_chosen(tab, settle, vault, ids, tmp_path, answers) -> None:
    _with_a_document_on_the_request(tab, settle, vault, ids, tmp_path, pages=3)
    out = tmp_path / "bundle.pdf"
    _export_bundle(tab, settle, answers, out)
    assert len(PdfReader(out).pages) >= 5  # cover letter, index, separator, three pages
    assert ("choice", "Records bundle", "Language of the cover letter and index:") in answers.shown
    assert "Enclosed documents" in PdfReader(out).pages[1].extract_text()


def test_the_records_bundle_is_printed_in_the_language_chosen(
    tab, settle, vault, ids, tmp_path, answers
) -> None:
    _with_a_document_on_the_request(tab, settle, vault, ids, tmp_path)
    out = tmp_path / "bundle-es.pdf"
    _export_bundle(tab, settle, answers, out, language=1)  # Español
    assert "Documentos adjuntos" in PdfReader(out).pages[1].extract_text()


def test_canceling_the_bundle_language_writes_nothing(
    tab, settle, vault, ids, tmp_path, answers
) -> None:
    _with_a_document_on_the_request(tab, settle, vault, ids, tmp_path)
    _export_bundle(tab, settle, answers, tmp_path / "never.pdf", language=None)  # Cancel
    assert not (tmp_path / "never.pdf").exists()
    assert not any(kind == "save" for kind, _, _ in answers.shown)
