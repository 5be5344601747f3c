"""The finder looks inside documents: their text is indexed when they are added, their new
title when they are renamed, and nothing of them is found once they are deleted."""

from __future__ import annotations

from pathlib import Path

import pytest

from second_opinion.case import documents as docs
from second_opinion.case import search
from second_opinion.case.case import Case
from second_opinion.services.documents import DocumentDetails
from second_opinion.services.people import add_person
from second_opinion.vault.vault import Vault
from tests.document_files import write_image, write_pdf


@pytest.fixture
def case(vault: Vault) -> Case:
    with vault.session() as session:
        person = add_person(session, "Ada")
    return Case(vault, person)


def _documents_found(case: Case, query: str) -> list[tuple[int, int | None, bool]]:
    return [
        (h.id, h.page, h.no_text) for h in search.find(case, query).hits if h.kind == "document"
    ]


def test_words_inside_an_attached_pdf_are_found_at_their_page(case: Case, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "report.pdf", pages=3, marker="Zebrafinch biopsy margins")
    added = docs.attach_files(case, [pdf], DocumentDetails(title="Pathology report")).value
    doc_id = added.added[0].id
    hits = _documents_found(case, "zebrafinch")
    assert hits and {h[0] for h in hits} == {doc_id}
    assert all(page and page >= 1 for _id, page, _no_text in hits)
    assert _documents_found(case, "pathology")[0][0] == doc_id  # and by its title


def test_a_renamed_document_is_found_by_its_new_title_and_deleted_ones_not_at_all(
    case: Case, tmp_path: Path
) -> None:
    pdf = write_pdf(tmp_path / "report.pdf", marker="Quokka")
    doc_id = docs.attach_files(case, [pdf], DocumentDetails(title="Old name")).value.added[0].id
    docs.update_document(case, doc_id, DocumentDetails(title="Discharge summary"))
    assert _documents_found(case, "discharge")
    assert not _documents_found(case, "old name")
    assert _documents_found(case, "quokka")  # the pages' text stayed
    docs.detach_document(case, doc_id)
    assert not _documents_found(case, "quokka") and not _documents_found(case, "discharge")


def test_an_image_is_found_by_its_title_and_marked_as_having_no_text(
    case: Case, tmp_path: Path
) -> None:
    png = write_image(tmp_path / "scan.png", "PNG")
    doc_id = (
        docs.attach_files(case, [png], DocumentDetails(title="Scanned letter")).value.added[0].id
    )
    assert [(i, no_text) for i, _page, no_text in _documents_found(case, "scanned")] == [
        (doc_id, True)
    ]
