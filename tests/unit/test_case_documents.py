"""Documents through the case layer: one unit of work, nothing half-stored, nothing readable."""

from __future__ import annotations

import errno
import hashlib
import io
import threading
from pathlib import Path

import pytest

from second_opinion.case import documents as docs
from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.case.progress import Cancelled, Progress
from second_opinion.domain.enums import RecordKind
from second_opinion.services.documents import (
    DocumentDetails,
    DocumentRefused,
    FileProblem,
    LinkRef,
    LinkTarget,
)
from second_opinion.services.errors import NotFound
from second_opinion.services.people import add_person
from second_opinion.vault.errors import CouldNotSave
from second_opinion.vault.vault import Vault
from tests.document_files import (
    MARKER,
    PNG_SIGNATURE,
    write_image,
    write_pdf,
    write_truncated_pdf,
)


@pytest.fixture
def case(vault: Vault) -> Case:
    with vault.session() as session:
        person = add_person(session, "Ada")
    return Case(vault, person)


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_attach_stores_encrypted_and_lists_the_document(case: Case, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "biopsy.pdf", pages=2)
    outcome = docs.attach_files(
        case, [pdf], DocumentDetails(title="Biopsy report", kind=RecordKind.PATHOLOGY_REPORT)
    )
    [row] = outcome.value.added
    assert outcome.changes.touches(Area.DOCUMENTS)
    assert (row.title, row.kind, row.pages, row.media_type) == (
        "Biopsy report",
        RecordKind.PATHOLOGY_REPORT,
        2,
        "application/pdf",
    )
    assert row.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert docs.document_content(case, row.id).data == pdf.read_bytes()
    assert [r.id for r in docs.documents_board(case).rows] == [row.id]


def test_nothing_readable_in_the_data_folder(case: Case, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "a.pdf")
    png = write_image(tmp_path / "b.png", "PNG")
    docs.attach_files(case, [pdf, png])
    assert docs.documents_board(case).rows  # the test below would pass on an empty folder
    for path in _files(case.vault.paths.folder):
        content = path.read_bytes()
        assert MARKER.encode() not in content, path
        assert PNG_SIGNATURE not in content, path
        assert b"%PDF-" not in content, path


def test_the_same_content_twice_is_stored_once(case: Case, tmp_path: Path) -> None:
    first = write_pdf(tmp_path / "a.pdf")
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(first.read_bytes())
    outcome = docs.attach_files(case, [first, copy])
    assert len(outcome.value.added) == 1
    again = docs.attach_files(case, [copy])
    assert again.value.added == []
    assert [d.existing_id for d in again.value.duplicates] == [outcome.value.added[0].id]
    assert len(case.vault.documents.stored_names()) == 1


def test_one_bad_file_and_nothing_is_added(case: Case, tmp_path: Path) -> None:
    good = write_pdf(tmp_path / "good.pdf")
    bad = write_truncated_pdf(tmp_path / "bad.pdf")
    with pytest.raises(DocumentRefused) as caught:
        docs.attach_files(case, [good, bad])
    assert caught.value.problem is FileProblem.DAMAGED
    assert docs.documents_board(case).rows == []
    assert not case.vault.paths.documents.exists() or not _files(case.vault.paths.documents)


def test_a_damaged_file_kept_anyway_is_marked(case: Case, tmp_path: Path) -> None:
    bad = write_truncated_pdf(tmp_path / "bad.pdf")
    [row] = docs.attach_files(case, [bad], keep_damaged=True).value.added
    assert not row.viewable and row.problem


def test_cancel_half_way_keeps_nothing(case: Case, tmp_path: Path) -> None:
    files = [write_pdf(tmp_path / f"{i}.pdf", marker=f"m{i}") for i in range(3)]
    seen: list[str] = []
    progress = Progress(lambda done, total, text: seen.append(text))

    def report(done: int, total: int, text: str) -> None:
        seen.append(text)
        if text.startswith("Encrypting 1.pdf"):
            progress.cancel()

    progress._report = report
    with pytest.raises(Cancelled):
        docs.attach_files(case, files, progress=progress)
    assert any(t.startswith("Encrypting 0.pdf") for t in seen)
    assert docs.documents_board(case).rows == []
    assert _files(case.vault.paths.documents) == set()


def test_a_full_disk_half_way_keeps_nothing(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [write_pdf(tmp_path / f"{i}.pdf", marker=f"m{i}") for i in range(3)]
    store_type = type(case.vault.documents)
    real_store = store_type.store
    calls = {"n": 0}

    def store(self, source: io.BufferedReader, size: int, on_chunk=None):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_store(self, source, size, on_chunk)

    monkeypatch.setattr(store_type, "store", store)
    with pytest.raises(CouldNotSave):
        docs.attach_files(case, files)
    assert docs.documents_board(case).rows == []
    assert _files(case.vault.paths.documents) == set()


def test_a_failed_commit_removes_the_files_written(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from second_opinion.services import documents as rules

    def failing(*_args: object) -> None:
        raise CouldNotSave()

    monkeypatch.setattr(rules, "row_of", failing)
    with pytest.raises(CouldNotSave):
        docs.attach_files(case, [write_pdf(tmp_path / "a.pdf")])
    monkeypatch.undo()
    assert docs.documents_board(case).rows == []
    assert _files(case.vault.paths.documents) == set()


def test_links_to_items_requests_visits_opinions_and_contacts(case: Case, tmp_path: Path) -> None:
    import datetime as dt

    from second_opinion.domain.models import Contact, Opinion, RecordItem

    with case.unit() as session:
        contact = Contact(name="Dr. Lee")
        session.add(contact)
        session.flush()
        item = RecordItem(person_id=case.person_id, kind=RecordKind.LAB_RESULTS)
        opinion = Opinion(person_id=case.person_id, doctor_id=contact.id, given_on=dt.date.today())
        session.add_all([item, opinion])
        session.flush()
        ids = {"item": item.id, "opinion": opinion.id, "contact": contact.id}
    [row] = docs.attach_files(
        case, [write_pdf(tmp_path / "a.pdf")], link=LinkRef(LinkTarget.ITEM, ids["item"])
    ).value.added
    docs.link_document(case, row.id, LinkRef(LinkTarget.OPINION, ids["opinion"]))
    docs.link_document(case, row.id, LinkRef(LinkTarget.CONTACT, ids["contact"]))
    docs.link_document(case, row.id, LinkRef(LinkTarget.CONTACT, ids["contact"]))  # no twin
    links = docs.document_row(case, row.id).links
    assert [(link.target, link.id) for link in links] == [
        (LinkTarget.ITEM, ids["item"]),
        (LinkTarget.OPINION, ids["opinion"]),
        (LinkTarget.CONTACT, ids["contact"]),
    ]
    docs.unlink_document(case, row.id, LinkRef(LinkTarget.OPINION, ids["opinion"]))
    assert len(docs.document_row(case, row.id).links) == 2
    with pytest.raises(NotFound):
        docs.link_document(case, row.id, LinkRef(LinkTarget.VISIT, 999))


def test_detach_removes_the_row_and_the_content(case: Case, tmp_path: Path) -> None:
    [row] = docs.attach_files(case, [write_pdf(tmp_path / "a.pdf")]).value.added
    assert len(_files(case.vault.paths.documents)) == 1
    docs.detach_document(case, row.id)
    assert docs.documents_board(case).rows == []
    assert _files(case.vault.paths.documents) == set()
    with pytest.raises(NotFound):
        docs.document_content(case, row.id)


def test_save_copy_writes_the_original_privately(case: Case, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "a.pdf")
    [row] = docs.attach_files(case, [pdf]).value.added
    out = docs.save_copy(case, row.id, tmp_path / "copy.pdf")
    assert out.read_bytes() == pdf.read_bytes()
    assert out.stat().st_mode & 0o777 == 0o600


def test_update_document_details(case: Case, tmp_path: Path) -> None:
    [row] = docs.attach_files(case, [write_pdf(tmp_path / "a.pdf")]).value.added
    updated = docs.update_document(
        case, row.id, DocumentDetails(title="  CT   report ", kind=RecordKind.IMAGING_REPORT)
    ).value
    assert (updated.title, updated.kind) == ("CT report", RecordKind.IMAGING_REPORT)


def test_another_persons_document_is_not_found(case: Case, tmp_path: Path) -> None:
    [row] = docs.attach_files(case, [write_pdf(tmp_path / "a.pdf")]).value.added
    with case.unit() as session:
        other = add_person(session, "Ben")
    other_case = Case(case.vault, other)
    with pytest.raises(NotFound):
        docs.document_content(other_case, row.id)
    # The same file may belong to both people's cases.
    assert docs.attach_files(other_case, [tmp_path / "a.pdf"]).value.added


def test_content_is_read_in_memory_on_another_thread(case: Case, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "a.pdf")
    [row] = docs.attach_files(case, [pdf]).value.added
    result: list[bytes] = []
    worker = threading.Thread(
        target=lambda: result.append(docs.document_content(case, row.id).data)
    )
    worker.start()
    worker.join()
    assert result == [pdf.read_bytes()]
