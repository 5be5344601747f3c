"""Documents: adding, linking, reading and removing the records themselves.

Adding is one unit of work however many files are chosen: every file is checked first (any
refusal and nothing is added), then each new one is encrypted into the vault's documents/
folder, then the rows are written in one transaction. Whatever stops it half-way (a refusal, a
full disk, Cancel) removes the files already written, so nothing half-stored remains. Content
is decrypted into memory only, when asked for; it never touches a disk unless the person saves
a copy where they chose.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.case.progress import Progress
from second_opinion.domain.models import Document, Person, RecordRequest
from second_opinion.private_files import write_private_atomically
from second_opinion.services import documents as rules
from second_opinion.services import search_index
from second_opinion.services.documents import (
    DocumentDetails,
    DocumentRow,
    FileFacts,
    LinkRef,
)
from second_opinion.services.enclosures import BundleData, DocumentChoice, EnclosedDocument
from second_opinion.services.errors import NotFound
from second_opinion.services.packet import _sender_for, contact_block
from second_opinion.services.packet_data import Paper
from second_opinion.services.printed_words import language_of
from second_opinion.vault.documents import CHUNK, DocumentContentError, StoredContent
from second_opinion.vault.errors import CouldNotSave

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class DocumentsBoard:
    """What the Documents screen shows."""

    rows: list[DocumentRow]


@dataclass(frozen=True)
class Duplicate:
    """A chosen file whose content the vault already holds."""

    path: Path
    existing_id: int


@dataclass(frozen=True)
class AttachResult:
    added: list[DocumentRow]
    duplicates: list[Duplicate]


@dataclass(frozen=True)
class Content:
    media_type: str
    data: bytes


def documents_board(case: Case) -> DocumentsBoard:
    with case.reading() as session:
        return DocumentsBoard(rules.list_documents(session, case.person_id))


def document_sources(case: Case) -> list[tuple[int, str]]:
    """The contacts a document's source can be chosen from, as (id, name), by name.

    Read when the details form opens, not with the list: on a case with thousands of
    contacts they are most of what the list would otherwise read and keep.
    """
    from second_opinion.domain.models import Contact

    with case.reading() as session:
        return [
            (contact_id, name)
            for contact_id, name in session.execute(
                select(Contact.id, Contact.name).order_by(Contact.name)
            )
        ]


def _hash(path: Path, progress: Progress | None, done: int, total: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
            done += len(block)
            if progress is not None:
                progress.step(done, total, f"Checking {path.name}")
    return digest.hexdigest()


def attach_files(
    case: Case,
    paths: Sequence[Path],
    details: DocumentDetails | None = None,
    link: LinkRef | None = None,
    progress: Progress | None = None,
    keep_damaged: bool = False,
) -> Outcome[AttachResult]:
    """Add ``paths`` as documents of the current person, linked to ``link`` if given.

    ``details.title`` is used for a single file; several files take their names as titles.
    A file whose content is already in the vault is not stored again (it is linked instead).
    Raises ``DocumentRefused`` (nothing added), ``NotFound`` for a link target, ``Cancelled``
    or ``CouldNotSave``.
    """
    details = details or DocumentDetails()
    if not paths:
        return Outcome(AttachResult([], []), Changes())
    if link is not None:
        with case.reading() as session:
            rules.require_target(session, case.person_id, link)
    facts: list[FileFacts] = [rules.inspect_file(Path(p), keep_damaged) for p in paths]
    total = 2 * sum(f.byte_size for f in facts)
    done = 0
    hashes: list[str] = []
    for path, fact in zip(paths, facts, strict=True):
        hashes.append(_hash(Path(path), progress, done, total))
        done += fact.byte_size
    with case.reading() as session:
        existing = {
            h: d.id
            for h in set(hashes)
            if (d := rules.find_by_hash(session, case.person_id, h)) is not None
        }
    stored: list[StoredContent] = []
    fresh: list[tuple[Path, FileFacts, StoredContent]] = []
    duplicates: list[Duplicate] = []
    seen: dict[str, Path] = {}
    store = case.vault.documents
    try:
        for path, fact, sha in zip(paths, facts, hashes, strict=True):
            path = Path(path)
            if sha in existing:
                duplicates.append(Duplicate(path, existing[sha]))
                done += fact.byte_size
                continue
            if sha in seen:
                duplicates.append(Duplicate(path, -1))
                done += fact.byte_size
                continue
            seen[sha] = path
            start = done

            def on_chunk(count: int, start: int = start, name: str = path.name) -> None:
                if progress is not None:
                    progress.step(start + count, total, f"Encrypting {name}")

            try:
                with open(path, "rb") as source:
                    content = store.store(source, fact.byte_size, on_chunk)
            except OSError as exc:
                if exc.errno is None:  # the file changed under us
                    raise rules.DocumentRefused(
                        rules.FileProblem.UNREADABLE,
                        "{name}: the file changed while it was being added",
                        name=path.name,
                    ) from None
                raise CouldNotSave(
                    "The documents could not be added: the disk may be full. Nothing was added."
                ) from None
            stored.append(content)
            if content.sha256 != sha:
                raise rules.DocumentRefused(
                    rules.FileProblem.UNREADABLE,
                    "{name}: the file changed while it was being added",
                    name=path.name,
                )
            fresh.append((path, fact, content))
            done = start + fact.byte_size
        if progress is not None:
            progress.step(total, total, "Saving")
        with case.unit() as session:
            added: list[Document] = []
            for path, fact, content in fresh:
                one = len(paths) == 1 and details.title.strip()
                document = Document(
                    person_id=case.person_id,
                    title=details.title.strip() if one else rules.default_title(path),
                    kind=details.kind,
                    dated_on=details.dated_on,
                    source_id=details.source_id,
                    notes=details.notes,
                    media_type=fact.media_type,
                    original_name=path.name,
                    byte_size=content.byte_size,
                    page_count=fact.pages,
                    sha256=content.sha256,
                    blob_name=content.blob_name,
                    content_key=content.content_key,
                    viewable=not fact.problem,
                    problem=fact.problem,
                )
                rules.check_details(DocumentDetails(document.title))
                session.add(document)
                added.append(document)
            if link is not None:
                targets = added + [
                    rules.get_document(session, case.person_id, d.existing_id)
                    for d in duplicates
                    if d.existing_id > 0
                ]
                for document in targets:
                    rules.add_link(session, document, link)
            session.flush()
            for document, (path, _fact, _content) in zip(added, fresh, strict=True):
                # The finder searches inside documents: the index (in the vault) gets the
                # text of the file just read, in this same unit of work.
                search_index.index_document_text(
                    session,
                    document.id,
                    document.person_id,
                    document.title,
                    search_index.document_text_pages(path.read_bytes(), document.media_type)
                    if document.viewable
                    else [],
                )
            rows = [rules.row_of(d) for d in added]
    except BaseException:
        store.remove([c.blob_name for c in stored])
        raise
    ids = [r.id for r in rows] + [d.existing_id for d in duplicates if d.existing_id > 0]
    changes = Changes.of(Area.DOCUMENTS, *ids) if rows or link is not None else Changes()
    return Outcome(AttachResult(rows, duplicates), changes)


def update_document(case: Case, document_id: int, details: DocumentDetails) -> Outcome[DocumentRow]:
    details = rules.check_details(details)
    with case.unit() as session:
        document = rules.get_document(session, case.person_id, document_id)
        document.title = details.title
        document.kind = details.kind
        document.dated_on = details.dated_on
        document.source_id = details.source_id
        document.notes = details.notes
        session.flush()
        search_index.retitle_document(session, document_id, document.title)
        session.refresh(document)
        row = rules.row_of(document)
    return Outcome(row, Changes.of(Area.DOCUMENTS, document_id))


def link_document(case: Case, document_id: int, ref: LinkRef) -> Changes:
    with case.unit() as session:
        rules.require_target(session, case.person_id, ref)
        document = rules.get_document(session, case.person_id, document_id)
        changed = rules.add_link(session, document, ref)
    return Changes.of(Area.DOCUMENTS, document_id) if changed else Changes()


def unlink_document(case: Case, document_id: int, ref: LinkRef) -> Changes:
    with case.unit() as session:
        document = rules.get_document(session, case.person_id, document_id)
        changed = rules.remove_link(session, document, ref)
    return Changes.of(Area.DOCUMENTS, document_id) if changed else Changes()


def document_row(case: Case, document_id: int) -> DocumentRow:
    """One document (asked before deleting it, to name it); ``NotFound`` if it is gone."""
    with case.reading() as session:
        return rules.row_of(rules.get_document(session, case.person_id, document_id))


def detach_document(case: Case, document_id: int) -> Outcome[DocumentRow]:
    """Delete a document: its row and its key (securely overwritten), then its file."""
    with case.unit() as session:
        document = rules.get_document(session, case.person_id, document_id)
        row = rules.row_of(document)
        blob = document.blob_name
        session.delete(document)
        search_index.remove_document(session, document_id)
    case.vault.remove_document_files([blob])
    return Outcome(row, Changes.of(Area.DOCUMENTS, document_id))


def _key_of(case: Case, document_id: int) -> tuple[str, bytes, str, bool]:
    with case.reading() as session:
        document = rules.get_document(session, case.person_id, document_id)
        return (
            document.blob_name,
            bytes(document.content_key),
            document.media_type,
            document.viewable,
        )


def content_chunks(case: Case, document_id: int) -> Iterator[bytes]:
    """The original file, decrypted chunk by chunk in memory."""
    blob, key, _media, _viewable = _key_of(case, document_id)
    return case.vault.documents.chunks(blob, key)


def document_content(case: Case, document_id: int) -> Content:
    """The whole original in memory, for the viewer. ``DocumentContentError`` if damaged."""
    blob, key, media, _viewable = _key_of(case, document_id)
    return Content(media, case.vault.documents.read(blob, key))


def save_copy(case: Case, document_id: int, path: Path) -> Path:
    """Write the decrypted original to ``path`` (the person's choice): 0600, atomically.

    The content is checked as it is decrypted; a damaged file leaves no copy behind.
    """
    return write_private_atomically(path, content_chunks(case, document_id))


# ------------------------------------------------------------- printing documents


def _enclosed(case: Case, documents: Sequence[Document]) -> tuple[EnclosedDocument, ...]:
    store = case.vault.documents
    out = []
    for d in documents:
        blob, key = d.blob_name, bytes(d.content_key)

        def load(blob: str = blob, key: bytes = key) -> bytes:
            return store.read(blob, key)

        out.append(
            EnclosedDocument(
                id=d.id,
                title=d.title,
                dated_on=d.dated_on,
                source_name=d.source.name if d.source is not None else "",
                media_type=d.media_type,
                pages=d.page_count,
                viewable=d.viewable,
                problem=d.problem,
                load=load,
            )
        )
    return tuple(out)


def packet_documents(
    case: Case,
    visit_id: int,
    choice: DocumentChoice = DocumentChoice.LINKED,
    chosen: Sequence[int] | None = None,
) -> tuple[EnclosedDocument, ...]:
    """The documents a visit packet encloses: ``chosen`` ids, or by ``choice``."""
    with case.reading() as session:
        visit_person = _visit_person(session, visit_id)
        if chosen is not None:
            ids = list(chosen)
        elif choice is DocumentChoice.NONE:
            return ()
        elif choice is DocumentChoice.ALL:
            ids = [r.id for r in rules.list_documents(session, visit_person)]
        else:
            ids = rules.documents_for_visit(session, visit_person, visit_id)
        documents = [rules.get_document(session, visit_person, i) for i in ids]
        return _enclosed(case, documents)


def _visit_person(session: Session, visit_id: int) -> int:
    from second_opinion.domain.models import Visit

    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound("There is no visit {id}.", id=visit_id)
    return int(visit.person_id)


def bundle_data(
    case: Case, request_id: int, paper: Paper, today: dt.date, language: str = "en"
) -> BundleData:
    """A records bundle for one request: sent to its recipient, enclosing its documents; the
    cover letter and index print in ``language`` ("en" or "es")."""
    with case.reading() as session:
        request = session.get(RecordRequest, request_id)
        if request is None:
            raise NotFound("There is no records request {id}.", id=request_id)
        person = session.get(Person, request.person_id)
        assert person is not None
        ids = rules.documents_for_request(session, person.id, request_id)
        documents = [rules.get_document(session, person.id, i) for i in ids]
        return BundleData(
            paper=paper,
            person_name=person.name,
            date_of_birth=person.date_of_birth,
            sender=_sender_for(session, person),
            recipient=contact_block(request.recipient),
            holder=contact_block(request.holder),
            request_id=request_id,
            reference_number=request.reference_number,
            today=today,
            documents=_enclosed(case, documents),
            language=language_of(language),
        )


def person_of_document(case: Case, document_id: int) -> int:
    with case.reading() as session:
        document = session.get(Document, document_id)
        if document is None:
            raise NotFound("There is no document {id}.", id=document_id)
        return document.person_id


def person_of_target(case: Case, ref: LinkRef) -> int | None:
    """Whose case a link target belongs to (None for a contact, which all share)."""
    with case.reading() as session:
        model, _column, message = rules._TARGET_MODEL[ref.target]
        row = session.get(model, ref.id)
        if row is None:
            raise NotFound(message, id=ref.id)
        person = getattr(row, "person_id", None)
        return int(person) if person is not None else None


def first_person(case: Case) -> int | None:
    with case.reading() as session:
        return session.scalar(select(Person.id).order_by(Person.id).limit(1))


def people(case: Case) -> list[int]:
    with case.reading() as session:
        return list(session.scalars(select(Person.id).order_by(Person.id)))


def verify_document(case: Case, document_id: int) -> str | None:
    blob, key, _media, _viewable = _key_of(case, document_id)
    row = document_row(case, document_id)
    return case.vault.documents.verify(blob, key, row.sha256)


# Re-exported for the UI and the command line, which do not import the vault layer.
ContentError = DocumentContentError
