"""Documents: what may be added, what it is, and the rows that describe it.

The type of a file is decided by its content, never by its name; a name that claims a type
the content is not (``scan.pdf`` that is a photo) is refused rather than guessed at. Every
refusal is a ``DocumentRefused`` with a ``FileProblem`` (the command line's exit code) and a
one-line message that names the file, never its content.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from second_opinion.domain.enums import RecordKind
from second_opinion.domain.models import (
    Contact,
    Document,
    DocumentLink,
    Opinion,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.services.errors import NotFound, ValidationError, must_exist

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: 512 MiB (537 MB): a scanned chart of a thousand pages fits; a disc image does not belong here
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
TIFF = "image/tiff"
HEIC = "image/heic"
TEXT = "text/plain"
IMAGE_TYPES = frozenset({JPEG, PNG, TIFF, HEIC})
MEDIA_TYPES = frozenset({PDF, TEXT, *IMAGE_TYPES})

#: what a file's name claims; only used to refuse a name that lies about the content
_CLAIMS = {
    ".pdf": frozenset({PDF}),
    ".jpg": IMAGE_TYPES,
    ".jpeg": IMAGE_TYPES,
    ".png": IMAGE_TYPES,
    ".tif": IMAGE_TYPES,
    ".tiff": IMAGE_TYPES,
    ".heic": IMAGE_TYPES,
    ".heif": IMAGE_TYPES,
    ".txt": frozenset({TEXT}),
}
_TYPE_NAMES = {PDF: "a PDF", TEXT: "plain text"} | {t: "an image" for t in IMAGE_TYPES}
_HEAD = 4096
TEXT_LINES_PER_PAGE = 60


class FileProblem(enum.IntEnum):
    """Why a file was refused; the value is the command line's exit code."""

    MISSING = 20
    FOLDER = 21
    UNREADABLE = 22
    EMPTY = 23
    WRONG_TYPE = 24
    UNSUPPORTED = 25
    DAMAGED = 26
    TOO_LARGE = 27
    PASSWORD = 28


#: exit code for "no document / record item / request / visit with this id"
NOT_FOUND_EXIT = 29


class DocumentRefused(ValidationError):
    def __init__(self, problem: FileProblem, message: str, **values: object) -> None:
        super().__init__(message, field="file", **values)
        self.problem = problem

    @property
    def keepable(self) -> bool:
        """A damaged file the person may keep anyway, as "cannot be shown"."""
        return self.problem is FileProblem.DAMAGED


@dataclass(frozen=True)
class FileFacts:
    """What a file is, found by reading it."""

    media_type: str
    pages: int
    byte_size: int
    #: set when a damaged file is kept anyway: why it cannot be shown
    problem: str = ""


def sniff(head: bytes) -> str | None:
    """The media type the first bytes show, or None."""
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"hevc"):
        return HEIC
    if _looks_like_text(head):
        return TEXT
    return None


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 3:
            return False
        text = head[: exc.start].decode("utf-8")
    return all(ch.isprintable() or ch in "\t\n\r\f" for ch in text)


def inspect_file(path: Path, keep_damaged: bool = False) -> FileFacts:
    """Check a file may be added and find its type and pages; ``DocumentRefused`` if not.

    With ``keep_damaged`` a damaged file is not refused: its facts say why it cannot be shown.
    """
    name = path.name
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DocumentRefused(FileProblem.MISSING, "{name}: no such file", name=str(path)) from None
    except OSError:
        raise DocumentRefused(
            FileProblem.UNREADABLE, "{name}: the file cannot be read", name=str(path)
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise DocumentRefused(
            FileProblem.FOLDER, "{name}: is a folder; choose files", name=str(path)
        )
    if not stat.S_ISREG(info.st_mode):
        raise DocumentRefused(
            FileProblem.UNSUPPORTED, "{name}: is not an ordinary file", name=str(path)
        )
    size = info.st_size
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD)
    except OSError:
        raise DocumentRefused(
            FileProblem.UNREADABLE,
            "{name}: the file cannot be read (check its permissions)",
            name=str(path),
        ) from None
    if size == 0:
        raise DocumentRefused(FileProblem.EMPTY, "{name}: the file is empty", name=str(path))
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentRefused(
            FileProblem.TOO_LARGE,
            "{name}: larger than the limit of 512 MiB for one document",
            name=str(path),
        )
    media_type = sniff(head)
    claimed = _CLAIMS.get(path.suffix.lower())
    if claimed is not None and media_type not in claimed:
        expected = _TYPE_NAMES[next(iter(claimed))]
        raise DocumentRefused(
            FileProblem.WRONG_TYPE,
            "{name}: named like {expected} but its content is not",
            name=name,
            expected=expected,
        )
    if media_type is None:
        raise DocumentRefused(
            FileProblem.UNSUPPORTED,
            "{name}: not a PDF, JPEG, PNG, TIFF, HEIC or plain-text file",
            name=name,
        )
    try:
        pages = count_pages(path, media_type, size)
    except DocumentRefused as exc:
        if keep_damaged and exc.keepable:
            return FileFacts(media_type, 1, size, problem=str(exc).split(": ", 1)[-1])
        raise
    return FileFacts(media_type, pages, size)


def count_pages(path: Path, media_type: str, size: int) -> int:
    """Pages (or image frames) of a file, proving on the way that it can be read whole."""
    if media_type == PDF:
        return _pdf_pages(path, size)
    if media_type == TEXT:
        return _text_pages(path)
    return _image_frames(path)


def _damaged(path: Path, what: str) -> DocumentRefused:
    return DocumentRefused(FileProblem.DAMAGED, "{name}: " + what, name=path.name)


def _pdf_pages(path: Path, size: int) -> int:
    import pypdfium2 as pdfium

    from second_opinion.pdfium_lock import PDFIUM

    with open(path, "rb") as handle:
        handle.seek(max(0, size - 2048))
        tail = handle.read()
    # PDFium quietly repairs a cut-off file and shows what is left; a record missing its end
    # must be noticed, not printed as if whole.
    if b"%%EOF" not in tail:
        raise _damaged(path, "the PDF is incomplete (it was cut off or damaged)")
    with PDFIUM:  # PDFium is not thread-safe (see pdfium_lock)
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == 4:  # FPDF_ERR_PASSWORD
                raise DocumentRefused(
                    FileProblem.PASSWORD,
                    "{name}: the PDF is protected by a password; save an unprotected copy "
                    "(print to PDF) and add that",
                    name=path.name,
                ) from None
            raise _damaged(path, "the PDF is damaged and cannot be read") from None
        try:
            pages = len(pdf)
            if pages == 0:
                raise _damaged(path, "the PDF has no pages")
            for index in {0, pages - 1}:
                try:
                    page = pdf[index]
                except pdfium.PdfiumError:
                    raise _damaged(path, "the PDF is damaged and cannot be read") from None
                page.close()
            return pages
        finally:
            pdf.close()


def _text_pages(path: Path) -> int:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentRefused(
            FileProblem.UNSUPPORTED,
            "{name}: the text is not UTF-8; save it as UTF-8 and add it again",
            name=path.name,
        ) from None
    lines = max(1, len(text.splitlines()))
    return -(-lines // TEXT_LINES_PER_PAGE)


def register_image_formats() -> None:
    """HEIC photos (iPhones) open through pillow-heif when it is installed."""
    with contextlib.suppress(ImportError):
        from pillow_heif import register_heif_opener

        register_heif_opener()


def _image_frames(path: Path) -> int:
    from PIL import Image, UnidentifiedImageError

    register_image_formats()
    try:
        with Image.open(path) as image:
            frames = int(getattr(image, "n_frames", 1) or 1)
            for index in range(frames):
                image.seek(index)
                image.load()  # a truncated image fails here, not in the viewer
            return frames
    except Image.DecompressionBombError:
        raise _damaged(path, "the image is too large to show") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _damaged(path, "the image is damaged and cannot be read") from None


def default_title(path: Path) -> str:
    stem = path.stem.replace("_", " ").strip()
    return " ".join(stem.split()) or "Document"


# ---------------------------------------------------------------------------- rows


class LinkTarget(enum.StrEnum):
    ITEM = "item"
    REQUEST = "request"
    VISIT = "visit"
    OPINION = "opinion"
    CONTACT = "contact"


_TARGET_MODEL = {
    LinkTarget.ITEM: (RecordItem, "record_item_id", "There is no record item {id}."),
    LinkTarget.REQUEST: (RecordRequest, "request_id", "There is no records request {id}."),
    LinkTarget.VISIT: (Visit, "visit_id", "There is no visit {id}."),
    LinkTarget.OPINION: (Opinion, "opinion_id", "There is no opinion {id}."),
    LinkTarget.CONTACT: (Contact, "contact_id", "There is no contact {id}."),
}


@dataclass(frozen=True)
class LinkRef:
    target: LinkTarget
    id: int


@dataclass(frozen=True)
class DocumentDetails:
    """What a person says about a document when adding or editing it."""

    title: str = ""
    kind: RecordKind = RecordKind.OTHER
    dated_on: dt.date | None = None
    source_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class DocumentRow:
    id: int
    title: str
    kind: RecordKind
    dated_on: dt.date | None
    source_id: int | None
    source_name: str
    notes: str
    media_type: str
    original_name: str
    byte_size: int
    pages: int
    sha256: str
    viewable: bool
    problem: str
    added_at: dt.datetime
    links: tuple[LinkRef, ...] = field(default=())


def row_of(document: Document) -> DocumentRow:
    return DocumentRow(
        id=document.id,
        title=document.title,
        kind=document.kind,
        dated_on=document.dated_on,
        source_id=document.source_id,
        source_name=document.source.name if document.source is not None else "",
        notes=document.notes,
        media_type=document.media_type,
        original_name=document.original_name,
        byte_size=document.byte_size,
        pages=document.page_count,
        sha256=document.sha256,
        viewable=document.viewable,
        problem=document.problem,
        added_at=document.added_at,
        links=tuple(link_ref(link) for link in document.links),
    )


def link_ref(link: DocumentLink) -> LinkRef:
    for target, (_model, column, _message) in _TARGET_MODEL.items():
        value = getattr(link, column)
        if value is not None:
            return LinkRef(target, int(value))
    raise ValueError("a link without a target")  # the CHECK constraint prevents it


def check_details(details: DocumentDetails) -> DocumentDetails:
    title = " ".join(details.title.split())
    if not title:
        raise ValidationError("Give the document a title.", field="title")
    return DocumentDetails(title, details.kind, details.dated_on, details.source_id, details.notes)


def get_document(session: Session, person_id: int, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None or document.person_id != person_id:
        raise NotFound("There is no document {id}.", id=document_id)
    return document


def find_by_hash(session: Session, person_id: int, sha256: str) -> Document | None:
    return session.scalar(
        select(Document).where(Document.person_id == person_id, Document.sha256 == sha256)
    )


def require_target(session: Session, person_id: int, ref: LinkRef) -> None:
    """The link target exists and (for case-bound ones) belongs to this person."""
    model, _column, message = _TARGET_MODEL[ref.target]
    row = session.get(model, ref.id)
    owner = getattr(row, "person_id", person_id) if row is not None else None
    if row is None or owner != person_id:
        raise NotFound(message, id=ref.id)


def add_link(session: Session, document: Document, ref: LinkRef) -> bool:
    """Link ``document`` to ``ref``; False when it already was."""
    if ref in {link_ref(link) for link in document.links}:
        return False
    _model, column, _message = _TARGET_MODEL[ref.target]
    document.links.append(DocumentLink(**{column: ref.id}))
    return True


def remove_link(session: Session, document: Document, ref: LinkRef) -> bool:
    for link in list(document.links):
        if link_ref(link) == ref:
            document.links.remove(link)
            return True
    return False


def list_documents(session: Session, person_id: int) -> list[DocumentRow]:
    documents = session.scalars(
        select(Document)
        .where(Document.person_id == person_id)
        .order_by(Document.dated_on.desc().nulls_last(), Document.id)
    ).all()
    return [row_of(d) for d in documents]


def documents_for_visit(session: Session, person_id: int, visit_id: int) -> list[int]:
    """The documents a visit's packet takes by default: those linked to the visit, and to the
    requests (and their record items) whose recipient is the visit's doctor."""
    visit = must_exist(session, Visit, visit_id, "There is no visit {id}.")
    requests = session.scalars(
        select(RecordRequest.id).where(
            RecordRequest.person_id == person_id, RecordRequest.recipient_id == visit.doctor_id
        )
    ).all()
    return _linked_to(session, person_id, visits=[visit_id], requests=list(requests))


def documents_for_request(session: Session, person_id: int, request_id: int) -> list[int]:
    """The documents a records bundle encloses: linked to the request or to its items."""
    request = session.get(RecordRequest, request_id)
    if request is None or request.person_id != person_id:
        raise NotFound("There is no records request {id}.", id=request_id)
    return _linked_to(session, person_id, visits=[], requests=[request_id])


def _linked_to(
    session: Session, person_id: int, visits: list[int], requests: list[int]
) -> list[int]:
    from second_opinion.domain.models import record_request_item

    items = (
        session.scalars(
            select(record_request_item.c.item_id).where(
                record_request_item.c.request_id.in_(requests)
            )
        ).all()
        if requests
        else []
    )
    link = DocumentLink
    found = session.scalars(
        select(Document.id)
        .join(link, link.document_id == Document.id)
        .where(
            Document.person_id == person_id,
            link.visit_id.in_(visits)
            | link.request_id.in_(requests)
            | link.record_item_id.in_(items),
        )
        .distinct()
        .order_by(Document.id)
    ).all()
    order = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(found)))}
    return sorted(found, key=lambda i: (order[i].dated_on or dt.date.max, i))


def human_size(count: int) -> str:
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{count} bytes"
