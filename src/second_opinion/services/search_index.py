"""The search index inside the vault: one FTS5 table, kept current by SQLite triggers.

Every row of the indexed tables has one entry in ``search_index`` whose ``rowid`` is
``code * KIND_SPAN + id`` (the code of its kind, below), so an entry is found, replaced or
deleted by rowid without scanning. The entry holds the text a person would search for: a
contact's name, specialty, organization, notes and the digits of its phone and fax (whole,
without a leading country code 1, and the last seven), a request's holder and recipient
names, a question's text and answer, and so on.

Triggers (created by migration 0003, recreated by ``rebuild``) keep the entries current in the
same transaction as the change itself, whoever makes it: the case layer, the command line, the
demo builder, an import, a bulk insert through SQLAlchemy Core, a migration. Renaming a contact
re-indexes the requests, record items, visits and opinions that show its name; deleting a person
deletes every entry that carries their id, documents included.

Documents contribute their text layer through ``index_document_text`` and leave with
``remove_document``: one entry for the document's title (page 0) and one per page of text. The
tokenizer folds case and accents (``unicode61 remove_diacritics 2``); prefix indexes of 2, 3
and 4 characters make as-you-type queries cheap. Nothing of the index lives outside the vault.

The SQL here is the current definition. Migration 0003 keeps its own frozen copy (a migration
must not change when this module does); a test holds the two to the same triggers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

TABLE = "search_index"
#: ids of every kind stay below this; the kind's code sits above it in the rowid
KIND_SPAN = 1 << 48
#: a document's pages: rowid = DOCUMENT * KIND_SPAN + document_id * PAGE_SPAN + page
PAGE_SPAN = 1 << 16
MAX_PAGES = PAGE_SPAN - 1

TOKENIZE = "unicode61 remove_diacritics 2"
PREFIXES = "2 3 4"
#: column order of the table; the first five are stored, not searched
COLUMNS = ("kind", "ref_id", "person_id", "page", "flags", "title", "body")
#: ``flags`` of a document with no text layer (a scan or photo, until someone adds OCR)
NO_TEXT = "no-text"

CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "kind UNINDEXED, ref_id UNINDEXED, person_id UNINDEXED, page UNINDEXED, flags UNINDEXED, "
    f"title, body, tokenize = '{TOKENIZE}', prefix = '{PREFIXES}')"
)


def _digit_forms(column: str) -> str:
    """SQL: a phone's digits as stored, without a leading US country code, and its last
    seven, so a number matches however it was typed (the query side does the same)."""
    return (
        f"{column} || ' ' || CASE WHEN length({column}) = 11 AND substr({column}, 1, 1) = '1' "
        f"THEN substr({column}, 2) ELSE '' END || ' ' || CASE WHEN length({column}) > 7 "
        f"THEN substr({column}, -7) ELSE '' END"
    )


def _name_of(fk: str) -> str:
    return f"coalesce((SELECT c.name FROM contact AS c WHERE c.id = t.{fk}), '')"


def _joined(*parts: str) -> str:
    return " || ' ' || ".join(parts)


@dataclass(frozen=True)
class Source:
    """One indexed table: which kind its entries are and what text they carry."""

    kind: str
    code: int
    table: str
    person: str  # SQL for the person the row belongs to (NULL: shared, as contacts are)
    title: str
    body: str
    #: the columns the entry is made of: only an update of one of them re-indexes the row
    columns: tuple[str, ...] = ()
    #: foreign keys to ``contact`` whose name appears in the entry
    contact_refs: tuple[str, ...] = ()

    def select(self, where: str) -> str:
        return (
            f"SELECT {self.code} * {KIND_SPAN} + t.id, '{self.kind}', t.id, {self.person}, "
            f"NULL, NULL, {self.title}, {self.body} FROM {self.table} AS t WHERE {where}"
        )

    def rowid(self, id_sql: str) -> str:
        return f"{self.code} * {KIND_SPAN} + {id_sql}"


CONTACT = "contact"
RECORD_ITEM = "record_item"
REQUEST = "request"
QUESTION = "question"
VISIT = "visit"
OPINION = "opinion"
DECISION = "decision"
DOCUMENT = "document"

#: the order the finder shows its groups in
KINDS = (CONTACT, RECORD_ITEM, REQUEST, QUESTION, VISIT, OPINION, DECISION, DOCUMENT)
DOCUMENT_CODE = 8

SOURCES: tuple[Source, ...] = (
    Source(
        CONTACT,
        1,
        "contact",
        "NULL",
        "t.name",
        _joined(
            "t.specialty",
            "t.organization",
            "t.health_system",
            "t.phone",
            "t.fax",
            "t.email",
            "t.address",
            "t.recommended_by",
            "t.notes",
            _digit_forms("t.phone_digits"),
            _digit_forms("t.fax_digits"),
        ),
        (
            "name",
            "specialty",
            "organization",
            "health_system",
            "phone",
            "fax",
            "email",
            "address",
            "recommended_by",
            "notes",
            "phone_digits",
            "fax_digits",
        ),
    ),
    Source(
        RECORD_ITEM,
        2,
        "record_item",
        "t.person_id",
        "t.description",
        _joined("replace(t.kind, '_', ' ')", _name_of("holder_id"), "t.notes"),
        (
            "person_id",
            "kind",
            "description",
            "holder_id",
            "notes",
        ),
        ("holder_id",),
    ),
    Source(
        REQUEST,
        3,
        "record_request",
        "t.person_id",
        _name_of("holder_id"),
        _joined(_name_of("recipient_id"), "t.reference_number", "t.notes"),
        (
            "person_id",
            "holder_id",
            "recipient_id",
            "reference_number",
            "notes",
        ),
        ("holder_id", "recipient_id"),
    ),
    Source(
        QUESTION,
        4,
        "question",
        "t.person_id",
        "t.text",
        _joined("t.answer", "replace(t.category, '_', ' ')"),
        (
            "person_id",
            "text",
            "answer",
            "category",
        ),
    ),
    Source(
        VISIT,
        5,
        "visit",
        "t.person_id",
        _name_of("doctor_id"),
        _joined(
            "t.location",
            "t.referral_number",
            "t.prior_auth_number",
            "t.notes",
            _name_of("companion_id"),
        ),
        (
            "person_id",
            "doctor_id",
            "companion_id",
            "location",
            "referral_number",
            "prior_auth_number",
            "notes",
        ),
        ("doctor_id", "companion_id"),
    ),
    Source(
        OPINION,
        6,
        "opinion",
        "t.person_id",
        _name_of("doctor_id"),
        _joined(
            "t.diagnosis",
            "t.stage",
            "t.recommended_treatment",
            "t.alternatives",
            "t.benefits",
            "t.risks",
            "t.urgency",
            "t.confidence",
            "t.notes",
        ),
        (
            "person_id",
            "doctor_id",
            "diagnosis",
            "stage",
            "recommended_treatment",
            "alternatives",
            "benefits",
            "risks",
            "urgency",
            "confidence",
            "notes",
        ),
        ("doctor_id",),
    ),
    Source(
        DECISION,
        7,
        "decision",
        "t.person_id",
        "t.decision",
        "t.reasons",
        (
            "person_id",
            "decision",
            "reasons",
        ),
    ),
)

_INSERT = f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) "


def trigger_statements() -> list[str]:
    """CREATE TRIGGER statements that keep the index current (the current definition)."""
    statements: list[str] = []
    for source in SOURCES:
        table = source.table
        statements.append(
            f"CREATE TRIGGER search_ai_{table} AFTER INSERT ON {table} BEGIN "
            f"{_INSERT}{source.select('t.id = NEW.id')}; END"
        )
        statements.append(
            f"CREATE TRIGGER search_au_{table} AFTER UPDATE OF {', '.join(source.columns)} "
            f"ON {table} BEGIN "
            f"DELETE FROM {TABLE} WHERE rowid = {source.rowid('OLD.id')}; "
            f"{_INSERT}{source.select('t.id = NEW.id')}; END"
        )
        statements.append(
            f"CREATE TRIGGER search_ad_{table} AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM {TABLE} WHERE rowid = {source.rowid('OLD.id')}; END"
        )
    # A renamed contact: every entry that shows its name is written again.
    renamed: list[str] = []
    for source in SOURCES:
        if not source.contact_refs:
            continue
        refers = " OR ".join(f"t.{fk} = NEW.id" for fk in source.contact_refs)
        renamed.append(
            f"DELETE FROM {TABLE} WHERE rowid IN "
            f"(SELECT {source.rowid('t.id')} FROM {source.table} AS t WHERE {refers}); "
            f"{_INSERT}{source.select(refers)};"
        )
    statements.append(
        "CREATE TRIGGER search_an_contact AFTER UPDATE OF name ON contact "
        "WHEN OLD.name IS NOT NEW.name BEGIN " + " ".join(renamed) + " END"
    )
    # Deleting a person cascades to their rows (whose triggers remove their entries); this
    # also removes what no trigger knows of, such as their documents' pages.
    statements.append(
        f"CREATE TRIGGER search_ad_person AFTER DELETE ON person BEGIN "
        f"DELETE FROM {TABLE} WHERE person_id = OLD.id; END"
    )
    return statements


def trigger_names() -> list[str]:
    return [statement.split()[2] for statement in trigger_statements()]


def populate_statements() -> list[str]:
    """INSERT ... SELECT statements that index every existing row."""
    return [f"{_INSERT}{source.select('1')}" for source in SOURCES]


# ------------------------------------------------------------------ rebuilding


@dataclass(frozen=True)
class DocumentText:
    document_id: int
    person_id: int | None
    title: str
    pages: Sequence[str]


def rebuild(session: Session, documents: Iterable[DocumentText] | None = None) -> int:
    """Drop and rebuild the whole index from the tables; returns the number of entries.

    Documents' text is not in the tables: pass it as ``documents`` (re-extracted), or, when
    None, what the old index held of it is carried over if it can still be read.
    """
    conn = session.connection()
    kept: list[tuple[Any, ...]] = []
    if documents is None:
        try:
            kept = [
                tuple(row)
                for row in conn.execute(
                    text(f"SELECT rowid, {', '.join(COLUMNS)} FROM {TABLE} WHERE kind = :k"),
                    {"k": DOCUMENT},
                )
            ]
        except Exception:  # a damaged index: its documents come back with their next import
            kept = []
    for name in trigger_names():
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    conn.execute(text(f"DROP TABLE IF EXISTS {TABLE}"))
    conn.execute(text(CREATE_TABLE))
    for statement in trigger_statements():
        conn.execute(text(statement))
    for statement in populate_statements():
        conn.execute(text(statement))
    placeholders = ", ".join(f":c{i}" for i in range(len(COLUMNS) + 1))
    for row in kept:
        conn.execute(
            text(f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) VALUES ({placeholders})"),
            {f"c{i}": value for i, value in enumerate(row)},
        )
    for document in documents or ():
        index_document_text(
            session, document.document_id, document.person_id, document.title, document.pages
        )
    conn.execute(text(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')"))
    return int(conn.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar_one())


def entry_count(session: Session) -> int:
    return int(session.connection().execute(text(f"SELECT count(*) FROM {TABLE}")).scalar_one())


def index_is_intact(session: Session) -> bool:
    """FTS5's own check that the index matches what it stores."""
    try:
        session.connection().execute(
            text(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('integrity-check')")
        )
    except Exception:
        return False
    return True


# ------------------------------------------------------------------ documents


def _document_rowid(document_id: int, page: int) -> int:
    if not 0 < document_id < KIND_SPAN // PAGE_SPAN:
        raise ValueError("document id out of range")
    return DOCUMENT_CODE * KIND_SPAN + document_id * PAGE_SPAN + page


def index_document_text(
    session: Session,
    document_id: int,
    person_id: int | None,
    title: str,
    pages: Sequence[str],
) -> None:
    """Index (or re-index) a document: its title, and each page's text layer.

    ``pages`` holds one string per page, in order (``pdf_pages_text`` extracts them from a
    PDF). A document whose pages carry no text (an image, a scanned PDF) is still found by
    its title, and marked so the finder can say that its contents cannot be searched. Runs
    in the caller's transaction: call it in the unit of work that stores the document.
    Pages past ``MAX_PAGES`` are not indexed.
    """
    remove_document(session, document_id)
    conn = session.connection()
    texts = [page.strip() for page in pages[:MAX_PAGES]]
    has_text = any(texts)
    insert = text(
        f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) "
        "VALUES (:rowid, :kind, :ref, :person, :page, :flags, :title, :body)"
    )
    rows = [
        {
            "rowid": _document_rowid(document_id, 0),
            "kind": DOCUMENT,
            "ref": document_id,
            "person": person_id,
            "page": 0,
            "flags": "" if has_text else NO_TEXT,
            "title": title,
            "body": "",
        }
    ]
    rows += [
        {
            "rowid": _document_rowid(document_id, number),
            "kind": DOCUMENT,
            "ref": document_id,
            "person": person_id,
            "page": number,
            "flags": "",
            "title": "",
            "body": page_text,
        }
        for number, page_text in enumerate(texts, start=1)
        if page_text
    ]
    conn.execute(insert, rows)


def retitle_document(session: Session, document_id: int, title: str) -> None:
    """Give an indexed document its new title, keeping its pages' text."""
    session.connection().execute(
        text(f"UPDATE {TABLE} SET title = :title WHERE rowid = :rowid"),
        {"title": title, "rowid": _document_rowid(document_id, 0)},
    )


def document_text_pages(data: bytes, media_type: str) -> list[str]:
    """The searchable text of a document's content: a PDF's text layer, a text file's text
    (one page), nothing for an image (until someone adds OCR) or a PDF that will not open."""
    if media_type == "application/pdf":
        try:
            return pdf_pages_text(data)
        except ValueError:
            return []
    if media_type.startswith("text/"):
        return [data.decode("utf-8-sig", errors="replace")]
    return []


def remove_document(session: Session, document_id: int) -> None:
    """Remove a document's entries (call it in the unit of work that deletes it)."""
    first = _document_rowid(document_id, 0)
    session.connection().execute(
        text(f"DELETE FROM {TABLE} WHERE rowid BETWEEN :first AND :last"),
        {"first": first, "last": first + PAGE_SPAN - 1},
    )


def pdf_pages_text(data: bytes) -> list[str]:
    """The text layer of each page of a PDF (empty strings for pages without one).

    Takes the decrypted bytes and never writes them anywhere. A PDF pdfium cannot open
    raises ``ValueError``.
    """
    import pypdfium2

    from second_opinion.pdfium_lock import PDFIUM

    with PDFIUM:
        return _pdf_pages_text(pypdfium2, data)


def _pdf_pages_text(pypdfium2: Any, data: bytes) -> list[str]:
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise ValueError("not a readable PDF") from exc
    try:
        pages: list[str] = []
        for index in range(min(len(pdf), MAX_PAGES)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                pages.append(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
        return pages
    finally:
        pdf.close()
