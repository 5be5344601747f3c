"""What the Documents screen reads beside the documents: the things a document can be linked
to (with what to call them), the documents of one record item or request, a visit packet's
candidates, and adding a picture pasted from the clipboard.

The backend of documents is ``case.documents``; this module only reads around it, plus one
way in for content that has no file (a pasted picture), which goes through the same store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, true
from sqlalchemy.orm import aliased

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.case.documents import AttachResult, Duplicate, documents_board
from second_opinion.domain.enums import RecordKind
from second_opinion.domain.models import (
    Contact,
    Document,
    Opinion,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.services import documents as rules
from second_opinion.services.documents import PNG, DocumentRow, LinkRef, LinkTarget
from second_opinion.vault.errors import CouldNotSave


@dataclass(frozen=True)
class LinkChoice:
    """Something a document can be linked to, with the words to name it.

    ``name`` is the record item's description, the request's "holder → recipient", the doctor
    of a visit or an opinion, or the contact's name; ``kind`` is an item's kind (shown when it
    has no description); ``on`` its date, if any.
    """

    ref: LinkRef
    name: str
    on: dt.date | None = None
    kind: RecordKind | None = None


@dataclass(frozen=True)
class DocumentsScreen:
    """What the Documents tab shows: the documents, and the names of what they are linked to.

    Everything a document could be linked to is read only when the person links one
    (``link_choices``): on a large case that is tens of thousands of names.
    """

    rows: list[DocumentRow]
    choices: list[LinkChoice]

    def choice_for(self, ref: LinkRef) -> LinkChoice | None:
        return next((c for c in self.choices if c.ref == ref), None)


@dataclass(frozen=True)
class PacketCandidates:
    """The documents a visit packet may enclose, and those it encloses unless told otherwise."""

    rows: list[DocumentRow]
    default_ids: frozenset[int]


def link_choices(case: Case, only: Collection[LinkRef] | None = None) -> list[LinkChoice]:
    """Every record item, request, visit and opinion of the person, and every contact; or,
    given ``only``, just those of them.

    Read as plain columns with the names joined in: loading ORM objects and then each
    request's holder and recipient one by one took most of a second on a large case.
    """
    person = case.person_id
    wanted: dict[LinkTarget, set[int]] | None = None
    if only is not None:
        wanted = {}
        for ref in only:
            wanted.setdefault(ref.target, set()).add(ref.id)

    def reads(target: LinkTarget) -> bool:
        return wanted is None or bool(wanted.get(target))

    def among(target: LinkTarget, column: Any) -> Any:
        return true() if wanted is None else column.in_(wanted[target])

    holder, recipient, doctor = aliased(Contact), aliased(Contact), aliased(Contact)
    out: list[LinkChoice] = []
    with case.reading() as session:
        if reads(LinkTarget.ITEM):
            for item_id, description, on, kind in session.execute(
                select(
                    RecordItem.id,
                    RecordItem.description,
                    RecordItem.date_of_service,
                    RecordItem.kind,
                )
                .where(RecordItem.person_id == person, among(LinkTarget.ITEM, RecordItem.id))
                .order_by(RecordItem.id)
            ):
                out.append(LinkChoice(LinkRef(LinkTarget.ITEM, item_id), description, on, kind))
        if reads(LinkTarget.REQUEST):
            for request_id, holder_name, recipient_name, requested_on in session.execute(
                select(RecordRequest.id, holder.name, recipient.name, RecordRequest.requested_on)
                .join(holder, RecordRequest.holder_id == holder.id)
                .join(recipient, RecordRequest.recipient_id == recipient.id)
                .where(
                    RecordRequest.person_id == person,
                    among(LinkTarget.REQUEST, RecordRequest.id),
                )
                .order_by(RecordRequest.id)
            ):
                out.append(
                    LinkChoice(
                        LinkRef(LinkTarget.REQUEST, request_id),
                        f"{holder_name} → {recipient_name}",
                        requested_on,
                    )
                )
        # Visits and opinions alike: named for their doctor, dated, in date order.
        for target, model, when in (
            (LinkTarget.VISIT, Visit, Visit.starts_at),
            (LinkTarget.OPINION, Opinion, Opinion.given_on),
        ):
            if not reads(target):
                continue
            for row_id, name, on in session.execute(
                select(model.id, doctor.name, when)
                .join(doctor, model.doctor_id == doctor.id)
                .where(model.person_id == person, among(target, model.id))
                .order_by(when)
            ):
                day = on.date() if isinstance(on, dt.datetime) else on
                out.append(LinkChoice(LinkRef(target, row_id), name, day))
        if reads(LinkTarget.CONTACT):
            for contact_id, name in session.execute(
                select(Contact.id, Contact.name)
                .where(among(LinkTarget.CONTACT, Contact.id))
                .order_by(Contact.name)
            ):
                out.append(LinkChoice(LinkRef(LinkTarget.CONTACT, contact_id), name))
    return out


def documents_screen(case: Case) -> DocumentsScreen:
    rows = documents_board(case).rows
    linked = {ref for row in rows for ref in row.links}
    return DocumentsScreen(rows, link_choices(case, linked) if linked else [])


def linked_documents(case: Case, ref: LinkRef) -> list[DocumentRow]:
    """The documents linked to ``ref``; for a request, also those of its record items."""
    with case.reading() as session:
        if ref.target is LinkTarget.REQUEST:
            ids = rules.documents_for_request(session, case.person_id, ref.id)
            return [rules.row_of(rules.get_document(session, case.person_id, i)) for i in ids]
        rows = rules.list_documents(session, case.person_id)
    return [row for row in rows if ref in row.links]


def packet_candidates(case: Case, visit_id: int) -> PacketCandidates:
    """Every document of the visit's person; by default those linked to the visit and to the
    requests (and their items) sent to the visit's doctor."""
    with case.reading() as session:
        visit = session.get(Visit, visit_id)
        if visit is None or visit.person_id != case.person_id:
            from second_opinion.services.errors import NotFound

            raise NotFound("There is no visit {id}.", id=visit_id)
        rows = rules.list_documents(session, case.person_id)
        default = rules.documents_for_visit(session, case.person_id, visit_id)
    return PacketCandidates(rows, frozenset(default))


# ------------------------------------------------------------- a pasted picture


def attach_picture(
    case: Case,
    width: int,
    height: int,
    rgba: bytes,
    title: str,
    link: LinkRef | None = None,
) -> Outcome[AttachResult]:
    """Add a picture pasted from the clipboard (raw RGBA pixels) as a PNG document.

    Stored exactly as a file would be (encrypted, content checked for a twin); nothing is
    written anywhere but the vault's documents folder.
    """
    from PIL import Image

    details = rules.check_details(rules.DocumentDetails(title=title))
    buffer = io.BytesIO()
    Image.frombytes("RGBA", (width, height), rgba).save(buffer, format="PNG")
    data = buffer.getvalue()
    if len(data) > rules.MAX_DOCUMENT_BYTES:
        raise rules.DocumentRefused(
            rules.FileProblem.TOO_LARGE,
            "{name}: larger than the limit of 512 MiB for one document",
            name=details.title,
        )
    return attach_content(case, f"{details.title}.png", PNG, data, details, link, pages=1)


def attach_content(
    case: Case,
    name: str,
    media_type: str,
    data: bytes,
    details: rules.DocumentDetails,
    link: LinkRef | None = None,
    pages: int = 1,
) -> Outcome[AttachResult]:
    """Add content held in memory (a pasted picture, a PDF embedded in an imported file) as
    a document: stored exactly as a file would be (encrypted, checked for a twin), and
    nothing is written anywhere but the vault's documents folder."""
    details = rules.check_details(details)
    sha = hashlib.sha256(data).hexdigest()
    with case.reading() as session:
        if link is not None:
            rules.require_target(session, case.person_id, link)
        twin = rules.find_by_hash(session, case.person_id, sha)
        twin_id = twin.id if twin is not None else None
    if twin_id is not None:
        from pathlib import Path

        changes = Changes()
        if link is not None:
            with case.unit() as session:
                document = rules.get_document(session, case.person_id, twin_id)
                if rules.add_link(session, document, link):
                    changes = Changes.of(Area.DOCUMENTS, twin_id)
        return Outcome(AttachResult([], [Duplicate(Path(name), twin_id)]), changes)
    store = case.vault.documents
    try:
        content = store.store(io.BytesIO(data), len(data))
    except OSError:
        raise CouldNotSave("The document could not be added: the disk may be full.") from None
    try:
        with case.unit() as session:
            document = Document(
                person_id=case.person_id,
                title=details.title,
                media_type=media_type,
                original_name=name,
                byte_size=content.byte_size,
                page_count=pages,
                sha256=content.sha256,
                blob_name=content.blob_name,
                content_key=content.content_key,
                viewable=True,
                problem="",
            )
            session.add(document)
            if link is not None:
                rules.add_link(session, document, link)
            session.flush()
            row = rules.row_of(document)
    except BaseException:
        store.remove([content.blob_name])
        raise
    return Outcome(AttachResult([row], []), Changes.of(Area.DOCUMENTS, row.id))
