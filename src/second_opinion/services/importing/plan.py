"""Comparing a parsed document with the vault (the preview), and writing what the person kept.

The rules, each written once here:
- the file's patient is matched to a person by name and birth date; a chosen person who does
  not match gets a warning, and without a choice a person is used only when exactly one
  matches (else a new person with the file's patient name is made);
- contacts are the same as one in the book when the NPI matches, or the name and
  organization, or the phone number (for an individual, only together with the name, since a
  clinic's number is shared by its doctors);
- a summary entry is already there when its code (with its system) or its name matches one of
  the same kind (for procedures and results, on the same date); it conflicts when a field both
  give differs;
- the document is already there when the person has imported one with the same id (or, when
  it has none, the same bytes).
Importing the same file twice therefore adds nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from second_opinion.domain.enums import ContactKind
from second_opinion.domain.models import Contact, ImportedDocument, Person, RecordItem
from second_opinion.services import health_summary as hs
from second_opinion.services.contacts import digits_of
from second_opinion.services.errors import NotFound
from second_opinion.services.importing.model import Attachment, ParsedContact, ParsedDocument

#: the counts reported per kind, in this order (``import --json``)
COUNT_KEYS = (
    "contacts",
    "record_items",
    "conditions",
    "medications",
    "allergies",
    "procedures",
    "results",
    "documents",
)
CONTACTS = "contacts"
RECORD_ITEMS = "record_items"
_MAX_LINE = 1_000


class Status(enum.StrEnum):
    NEW = "new"
    DUPLICATE = "already there"
    CONFLICT = "differs"


@dataclass(frozen=True)
class PlanItem:
    index: int
    #: one of COUNT_KEYS
    category: str
    label: str
    status: Status
    #: what the vault holds now, for a duplicate or a conflict
    existing: str = ""
    existing_id: int | None = None
    payload: Any = None

    @property
    def keep_by_default(self) -> bool:
        return self.status is Status.NEW


@dataclass(frozen=True)
class ImportPlan:
    """The preview: who the file is about, and each thing it would add."""

    format: str
    title: str
    person_id: int | None
    #: set when no person matched and a new one would be made with this name
    new_person_name: str | None
    patient_name: str
    patient_birth_date: dt.date | None
    warnings: list[str]
    items: list[PlanItem]
    attachments: int

    def default_keep(self) -> set[int]:
        return {item.index for item in self.items if item.keep_by_default}

    def counts(self, keep: set[int] | None = None) -> dict[str, int]:
        """What would be added per kind (with the ``keep`` ticks), and the duplicates."""
        keep = self.default_keep() if keep is None else keep
        counts = dict.fromkeys(COUNT_KEYS, 0)
        counts["duplicates"] = 0
        for item in self.items:
            if item.status is Status.DUPLICATE:
                counts["duplicates"] += 1
            elif item.index in keep and item.status is Status.NEW:
                counts[item.category] += 1
        return counts


@dataclass
class ImportResult:
    person_id: int
    created_person: bool
    counts: dict[str, int]
    #: conflicts the person chose to take from the file (existing entries updated)
    updated: int = 0
    record_item_id: int | None = None
    #: the original file and the files it embeds, for the documents store to keep encrypted
    original: bytes = b""
    attachments: list[Attachment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ matching people


def name_tokens(name: str) -> list[str]:
    """A name as comparable words: no accents, case or punctuation."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = "".join(ch if ch.isalnum() else " " for ch in plain)
    return cleaned.split()


def names_match(a: str, b: str) -> bool:
    """Same words, or same first and last word (a middle name given in one only)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    return sorted(ta) == sorted(tb) or (ta[0] == tb[0] and ta[-1] == tb[-1])


def _person_matches(person: Person, doc: ParsedDocument) -> bool:
    patient = doc.patient
    if patient is None or not names_match(person.name, patient.name):
        return False
    return (
        person.date_of_birth is None
        or patient.birth_date is None
        or (person.date_of_birth == patient.birth_date)
    )


def _choose_person(
    session: Session, doc: ParsedDocument, person_id: int | None, warnings: list[str]
) -> tuple[int | None, str | None]:
    patient = doc.patient
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound("This person no longer exists.")
        if patient is None:
            warnings.append("The file does not say whose records it holds.")
        elif not _person_matches(person, doc):
            warnings.append(
                "The patient in the file does not match this person's name and birth date. "
                "Check that the file belongs to them before importing."
            )
        elif person.date_of_birth is None or patient.birth_date is None:
            warnings.append("Only the name could be compared: a birth date is missing.")
        return person_id, None
    if patient is None or not patient.name:
        raise NotFound(
            "The file does not say whose records it holds; choose the person to import for."
        )
    people = session.scalars(select(Person).order_by(Person.id)).all()
    exact = [
        p
        for p in people
        if names_match(p.name, patient.name)
        and p.date_of_birth is not None
        and p.date_of_birth == patient.birth_date
    ]
    if len(exact) == 1:
        return exact[0].id, None
    loose = [p for p in people if _person_matches(p, doc)]
    if not exact and len(loose) == 1:
        warnings.append("Only the name could be compared: a birth date is missing.")
        return loose[0].id, None
    if len(exact) > 1 or len(loose) > 1:
        warnings.append("More than one person matches the file's patient; choose one.")
    return None, patient.name


# ------------------------------------------------------------------ matching contacts


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class _KnownContact:
    id: int
    name: str
    organization: str
    npi: str
    phone: str
    kind: ContactKind


def _same_contact(known: _KnownContact, new: ParsedContact) -> bool:
    if known.npi and known.npi == new.npi:
        return True
    same_name = _norm(known.name) == _norm(new.name)
    if same_name and _norm(known.organization) == _norm(new.organization):
        return True
    phone = digits_of(new.phone)
    if len(phone) >= 7 and phone == known.phone:
        return same_name or (
            known.kind is ContactKind.ORGANIZATION and new.kind is ContactKind.ORGANIZATION
        )
    return False


def _contact_label(contact: ParsedContact) -> str:
    return f"{contact.name} ({contact.organization})" if contact.organization else contact.name


# ------------------------------------------------------------------ matching entries


def _same_entry(a: hs.EntryData, b: hs.EntryData) -> bool:
    if type(a) is not type(b):
        return False
    same = (a.code and a.code == b.code and a.code_system == b.code_system) or (
        _norm(a.name) == _norm(b.name)
    )
    if not same:
        return False
    if isinstance(a, hs.Procedure) and isinstance(b, hs.Procedure):
        return a.performed_on == b.performed_on or None in (a.performed_on, b.performed_on)
    if isinstance(a, hs.Result) and isinstance(b, hs.Result):
        return a.observed_on == b.observed_on
    return True


def _differs(old: hs.EntryData, new: hs.EntryData) -> bool:
    """A field both give, with different values (a field only the file gives is no conflict)."""
    for f in dataclasses.fields(new):
        if f.name in ("name", "code", "code_system"):
            continue
        a, b = getattr(old, f.name), getattr(new, f.name)
        if a in ("", None) or b in ("", None):
            continue
        if (_norm(a) if isinstance(a, str) else a) != (_norm(b) if isinstance(b, str) else b):
            return True
    return False


class _EntryIndex:
    """Entries looked up by code and by name, so a file of thousands compares in linear time."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[object, ...], list[tuple[hs.EntryData, Any]]] = {}

    @staticmethod
    def _keys(data: hs.EntryData) -> list[tuple[object, ...]]:
        keys: list[tuple[object, ...]] = [(type(data), "name", _norm(data.name))]
        if data.code:
            keys.append((type(data), "code", data.code, data.code_system))
        return keys

    def add(self, data: hs.EntryData, value: Any) -> None:
        for key in self._keys(data):
            self._by_key.setdefault(key, []).append((data, value))

    def find(self, data: hs.EntryData) -> Any:
        for key in self._keys(data):
            for known, value in self._by_key.get(key, ()):
                if _same_entry(known, data):
                    return value
        return None


# ------------------------------------------------------------------ the plan


def plan_import(session: Session, doc: ParsedDocument, person_id: int | None = None) -> ImportPlan:
    warnings = list(doc.warnings)
    target, new_name = _choose_person(session, doc, person_id, warnings)
    items: list[PlanItem] = []

    known = [
        _KnownContact(c.id, c.name, c.organization, c.npi, c.phone_digits, c.kind)
        for c in session.scalars(select(Contact))
    ]
    for contact in doc.contacts:
        match = next((k for k in known if _same_contact(k, contact)), None)
        items.append(
            PlanItem(
                len(items),
                CONTACTS,
                _contact_label(contact),
                Status.DUPLICATE if match else Status.NEW,
                existing=match.name if match else "",
                existing_id=match.id if match else None,
                payload=contact,
            )
        )

    already = None
    if target is not None:
        already = session.scalar(
            select(ImportedDocument).where(
                ImportedDocument.person_id == target, ImportedDocument.doc_key == doc.doc_key
            )
        )
    items.append(
        PlanItem(
            len(items),
            RECORD_ITEMS,
            doc.title,
            Status.DUPLICATE if already is not None else Status.NEW,
            existing=already.title if already is not None else "",
            existing_id=already.record_item_id if already is not None else None,
        )
    )

    existing = _EntryIndex()
    if target is not None:
        for kind in hs.Kind:
            for entry in hs.entries(session, target, kind):
                existing.add(entry.data, entry)
    seen = _EntryIndex()
    for data in doc.entries:
        kind = hs.Kind.of(data)
        label = hs.describe(data)
        if seen.find(data) is not None:
            items.append(PlanItem(len(items), kind.value, label, Status.DUPLICATE, label))
            continue
        seen.add(data, data)
        match = existing.find(data)
        if match is None:
            status = Status.NEW
        else:
            status = Status.CONFLICT if _differs(match.data, data) else Status.DUPLICATE
        items.append(
            PlanItem(
                len(items),
                kind.value,
                label,
                status,
                existing=hs.describe(match.data) if match else "",
                existing_id=match.id if match else None,
                payload=data,
            )
        )
    patient = doc.patient
    return ImportPlan(
        format=doc.format,
        title=doc.title,
        person_id=target,
        new_person_name=new_name,
        patient_name=patient.name if patient else "",
        patient_birth_date=patient.birth_date if patient else None,
        warnings=warnings,
        items=items,
        attachments=len(doc.attachments) + 1,
    )


def _trim(text: str) -> str:
    return text.strip()[:_MAX_LINE]


def _fit(data: hs.EntryData) -> hs.EntryData:
    """An entry cut to what the summary holds, so an overlong field never stops an import."""
    cut = {
        f.name: value[: hs.MAX_NAME if f.name == "name" else hs.MAX_FIELD]
        for f in dataclasses.fields(data)
        if isinstance(value := getattr(data, f.name), str)
    }
    return dataclasses.replace(data, **cut)  # type: ignore[arg-type]


def _add_contact(session: Session, contact: ParsedContact) -> int:
    row = Contact(
        name=_trim(contact.name),
        kind=contact.kind,
        role=contact.role,
        organization=_trim(contact.organization),
        npi=contact.npi[:20],
        phone=_trim(contact.phone),
        fax=_trim(contact.fax),
        email=_trim(contact.email),
        address=_trim(contact.address),
        specialty=_trim(contact.specialty),
        notes="Added from an imported health record.",
    )
    row.phone_digits = digits_of(row.phone)[:64]
    row.fax_digits = digits_of(row.fax)[:64]
    session.add(row)
    session.flush()
    return row.id


def apply_import(
    session: Session,
    doc: ParsedDocument,
    person_id: int | None = None,
    keep: set[int] | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Write what the person kept (``keep``: plan item indexes; None keeps every new one).

    The plan is made again inside this unit of work, so what changed since the preview is
    taken into account and nothing is added twice. A ticked conflict takes the file's values.
    """
    plan = plan_import(session, doc, person_id)
    keep = plan.default_keep() if keep is None else keep
    created = False
    target = plan.person_id
    if target is None:
        assert plan.new_person_name is not None
        person = Person(
            name=plan.new_person_name[:200],
            date_of_birth=doc.patient.birth_date if doc.patient else None,
        )
        session.add(person)
        session.flush()
        target, created = person.id, True
    counts = plan.counts(keep)
    contact_ids: dict[int, int | None] = {}
    updated = 0
    record_item_id = None
    new_rows: dict[hs.Kind, list[dict[str, Any]]] = {}
    source = f"{doc.format}: {doc.title}"[:_MAX_LINE]
    for item in plan.items:
        chosen = item.index in keep
        if item.category == CONTACTS:
            if item.status is Status.DUPLICATE:
                contact_ids[len(contact_ids)] = item.existing_id
            elif chosen:
                contact_ids[len(contact_ids)] = _add_contact(session, item.payload)
            else:
                contact_ids[len(contact_ids)] = None
        elif item.category == RECORD_ITEMS:
            if item.status is Status.NEW and chosen:
                holder = contact_ids.get(doc.holder) if doc.holder is not None else None
                record = RecordItem(
                    person_id=target,
                    kind=doc.kind,
                    description=_trim(doc.title),
                    date_of_service=doc.date,
                    holder_id=holder,
                    notes=f"Imported from a {doc.format} file on "
                    f"{(today or dt.date.today()).isoformat()}.",
                )
                session.add(record)
                session.flush()
                record_item_id = record.id
                session.add(
                    ImportedDocument(
                        person_id=target,
                        doc_key=doc.doc_key,
                        format=doc.format,
                        title=_trim(doc.title),
                        record_item_id=record.id,
                    )
                )
        elif item.status is Status.NEW and chosen:
            data = hs.clean(_fit(item.payload))
            new_rows.setdefault(hs.Kind.of(data), []).append(
                {"person_id": target, "source": source, **hs.fields_of(data)}
            )
        elif item.status is Status.CONFLICT and chosen and item.existing_id is not None:
            hs.update_entry(session, item.existing_id, _fit(item.payload))
            updated += 1
    for kind, rows in new_rows.items():
        # thousands of results: one executemany, not an ORM object each
        session.execute(insert(kind.model), rows)
    session.flush()
    return ImportResult(
        person_id=target,
        created_person=created,
        counts=counts,
        updated=updated,
        record_item_id=record_item_id,
        original=doc.original,
        attachments=list(doc.attachments),
        warnings=plan.warnings,
    )
