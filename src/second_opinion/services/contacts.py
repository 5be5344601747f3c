"""Doctors and everyone else in a case: list, add, change, delete, and what refers to whom.

Contacts are shared by every person in a vault (a family often sees the same doctors), so the
reference counts and the delete rule look across all people, not just the one on screen.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from second_opinion.domain.enums import ContactKind, ContactRole, TriState
from second_opinion.domain.models import (
    Authorization,
    Contact,
    Opinion,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.services.errors import InUse, ValidationError, must_exist
from second_opinion.services.pacing import selected

log = logging.getLogger(__name__)

MAX_NAME_LENGTH = 300
MAX_LINE_LENGTH = 1_000
# Notes may be long (a pasted letter); the cap only protects the vault from a runaway paste.
MAX_NOTES_LENGTH = 1_000_000
MAX_PHONE_DIGITS = 30

#: Region assumed for numbers typed without a country code; only used to check them, since
#: the number is always kept exactly as typed.
DEFAULT_REGION = "US"

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_PHONE_CHARS = re.compile(r"^[0-9+()\-./\s]*((ext\.?|x|#)\s*[0-9]+)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class ContactData:
    """What a person types into the contact form (every field of a contact but its id)."""

    name: str
    kind: ContactKind = ContactKind.INDIVIDUAL
    role: ContactRole = ContactRole.OTHER
    specialty: str = ""
    organization: str = ""
    health_system: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    address: str = ""
    portal_url: str = ""
    website: str = ""
    recommended_by: str = ""
    in_network: TriState = TriState.UNKNOWN
    notes: str = ""


@dataclass(frozen=True)
class ContactRow:
    """A stored contact, as the UI, the exports and other services see it."""

    id: int
    name: str
    kind: ContactKind
    role: ContactRole
    specialty: str
    organization: str
    health_system: str
    phone: str
    fax: str
    email: str
    address: str
    portal_url: str
    website: str
    recommended_by: str
    in_network: TriState
    notes: str
    phone_digits: str = ""
    fax_digits: str = ""

    def to_data(self) -> ContactData:
        fields = {f.name for f in dataclasses.fields(ContactData)}
        return ContactData(**{k: v for k, v in dataclasses.asdict(self).items() if k in fields})


@dataclass(frozen=True)
class ContactChoice:
    """One entry of a contact picker (records holder, visit doctor, companion...)."""

    id: int
    name: str
    role: ContactRole
    organization: str

    @property
    def label(self) -> str:
        return f"{self.name} — {self.organization}" if self.organization else self.name


@dataclass(frozen=True)
class ContactReferences:
    """What refers to a contact, across every person in the vault."""

    requests: int = 0
    record_items: int = 0
    authorizations: int = 0
    visits: int = 0
    opinions: int = 0
    companions: int = 0

    @property
    def blocking(self) -> dict[str, int]:
        """Links that cannot simply be dropped: the contact is essential to them."""
        found = {
            "requests": self.requests,
            "authorizations": self.authorizations,
            "visits": self.visits,
            "opinions": self.opinions,
        }
        return {k: v for k, v in found.items() if v}

    @property
    def unlinkable(self) -> dict[str, int]:
        """Links a delete clears: the record item loses its holder, the visit its companion."""
        found = {"record_items": self.record_items, "companions": self.companions}
        return {k: v for k, v in found.items() if v}

    @property
    def total(self) -> int:
        return sum(dataclasses.astuple(self))


# ------------------------------------------------------------------ validation helpers


def digits_of(text: str) -> str:
    """The digits of a phone number as typed, which is what search matches."""
    return "".join(ch for ch in text if ch.isascii() and ch.isdigit())


def check_phone(text: str, field: str, region: str = DEFAULT_REGION) -> str:
    """Return the number as typed (trimmed), or refuse what cannot be a phone number.

    Anything ``phonenumbers`` can parse into a possible number is fine, in any national or
    international format; short local numbers made only of phone characters are kept too,
    since a hospital's internal extension is still worth writing down.
    """
    value = text.strip()
    if not value:
        return ""
    label = "fax number" if field == "fax" else "phone number"
    digits = digits_of(value)
    if len(digits) > MAX_PHONE_DIGITS:
        raise ValidationError(f"This {label} has too many digits.", field=field)
    try:
        parsed = phonenumbers.parse(value, region)
        if phonenumbers.is_possible_number(parsed):
            return value
    except phonenumbers.NumberParseException:
        pass
    if len(digits) >= 3 and _PHONE_CHARS.match(value):
        return value
    raise ValidationError(
        f"This does not look like a {label}. Use digits, spaces, + ( ) - and . only, "
        "for example +1 555 010 2030.",
        field=field,
    )


def check_email(text: str) -> str:
    value = text.strip()
    if not value:
        return ""
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        raise ValidationError(
            "This does not look like an e-mail address (for example name@example.org).",
            field="email",
        ) from None
    return value


def check_web_address(text: str, field: str) -> str:
    """Add ``https://`` when no scheme was typed; refuse anything but a web address."""
    value = text.strip()
    if not value:
        return ""
    if any(ch.isspace() for ch in value):
        raise ValidationError("A web address cannot contain spaces.", field=field)
    if not _SCHEME.match(value):
        value = "https://" + value
    scheme, _, rest = value.partition("://")
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if scheme.lower() not in ("http", "https") or not host or "." not in host.strip("."):
        raise ValidationError(
            "This does not look like a web address (for example mychart.example.org).",
            field=field,
        )
    return value


def _check_line(value: str, field: str, limit: int = MAX_LINE_LENGTH) -> str:
    cleaned = value.strip()
    if len(cleaned) > limit:
        raise ValidationError(f"This can be at most {limit} characters.", field=field)
    return cleaned


def check_name(text: str) -> str:
    """The name as stored, or ``ValidationError`` when it is empty or too long."""
    name = text.strip()
    if not name:
        raise ValidationError("A name is needed.", field="name")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(
            "A name can be at most {limit} characters.", field="name", limit=MAX_NAME_LENGTH
        )
    return name


def validate(data: ContactData, region: str = DEFAULT_REGION) -> ContactData:
    """Return ``data`` cleaned as it will be stored, or raise ``ValidationError`` on a field."""
    name = check_name(data.name)
    if len(data.notes) > MAX_NOTES_LENGTH:
        raise ValidationError(
            f"Notes can be at most {MAX_NOTES_LENGTH:,} characters.", field="notes"
        )
    if len(data.address) > MAX_LINE_LENGTH * 4:
        raise ValidationError("The address is too long.", field="address")
    return dataclasses.replace(
        data,
        name=name,
        kind=ContactKind(data.kind),
        role=ContactRole(data.role),
        in_network=TriState(data.in_network),
        specialty=_check_line(data.specialty, "specialty"),
        organization=_check_line(data.organization, "organization"),
        health_system=_check_line(data.health_system, "health_system"),
        recommended_by=_check_line(data.recommended_by, "recommended_by"),
        phone=check_phone(data.phone, "phone", region),
        fax=check_phone(data.fax, "fax", region),
        email=check_email(data.email),
        portal_url=check_web_address(data.portal_url, "portal_url"),
        website=check_web_address(data.website, "website"),
        address=data.address.strip(),
    )


# ------------------------------------------------------------------ reading


def _row(contact: Contact) -> ContactRow:
    return ContactRow(
        id=contact.id,
        name=contact.name,
        kind=contact.kind,
        role=contact.role,
        specialty=contact.specialty,
        organization=contact.organization,
        health_system=contact.health_system,
        phone=contact.phone,
        fax=contact.fax,
        email=contact.email,
        address=contact.address,
        portal_url=contact.portal_url,
        website=contact.website,
        recommended_by=contact.recommended_by,
        in_network=contact.in_network,
        notes=contact.notes,
        phone_digits=contact.phone_digits,
        fax_digits=contact.fax_digits,
    )


_ROW_COLUMNS = [getattr(Contact, f.name) for f in dataclasses.fields(ContactRow)]


def list_contacts(
    session: Session,
    roles: Iterable[ContactRole] | None = None,
    search: str | None = None,
) -> list[ContactRow]:
    """Every contact (optionally of some roles, or matching a search), by name."""
    # Plain columns rather than ORM objects: ten thousand contacts load several times faster.
    stmt = select(*_ROW_COLUMNS)
    if roles is not None:
        stmt = stmt.where(Contact.role.in_(list(roles)))
    if search:
        for word in search.split():
            like = f"%{word}%"
            conditions = [
                Contact.name.ilike(like),
                Contact.organization.ilike(like),
                Contact.specialty.ilike(like),
                Contact.health_system.ilike(like),
            ]
            if digits_of(word) and digits_of(word) == word:
                conditions += [Contact.phone_digits.like(like), Contact.fax_digits.like(like)]
            stmt = stmt.where(or_(*conditions))
    stmt = stmt.order_by(func.lower(Contact.name), Contact.id)
    # Positional: the columns are selected in ContactRow's field order, and building 10 000
    # rows this way skips a mapping and a keyword dictionary per row.
    return [ContactRow(*r) for r in selected(session, stmt)]


def list_contact_choices(
    session: Session, roles: Iterable[ContactRole] | None = None
) -> list[ContactChoice]:
    """Contacts for a picker, by name; only the few fields a picker shows."""
    stmt = select(Contact.id, Contact.name, Contact.role, Contact.organization)
    if roles is not None:
        stmt = stmt.where(Contact.role.in_(list(roles)))
    stmt = stmt.order_by(func.lower(Contact.name), Contact.id)
    return [
        ContactChoice(id=r.id, name=r.name, role=r.role, organization=r.organization)
        for r in session.execute(stmt)
    ]


def get_contact(session: Session, contact_id: int) -> ContactRow:
    contact = must_exist(session, Contact, contact_id, "This contact no longer exists.")
    return _row(contact)


# ------------------------------------------------------------------ changing


def _apply(contact: Contact, data: ContactData) -> None:
    for f in dataclasses.fields(ContactData):
        setattr(contact, f.name, getattr(data, f.name))
    contact.phone_digits = digits_of(data.phone)
    contact.fax_digits = digits_of(data.fax)


def create_contact(session: Session, data: ContactData, region: str = DEFAULT_REGION) -> ContactRow:
    clean = validate(data, region)
    contact = Contact(name=clean.name)
    _apply(contact, clean)
    session.add(contact)
    session.flush()
    log.info("contact %s created", contact.id)
    return _row(contact)


def update_contact(
    session: Session, contact_id: int, data: ContactData, region: str = DEFAULT_REGION
) -> ContactRow:
    contact = must_exist(session, Contact, contact_id, "This contact no longer exists.")
    clean = validate(data, region)
    _apply(contact, clean)
    session.flush()
    log.info("contact %s updated", contact.id)
    return _row(contact)


def contact_references(session: Session, contact_id: int) -> ContactReferences:
    def count(model: type, *conditions: object) -> int:
        stmt = select(func.count()).select_from(model).where(or_(*conditions))  # type: ignore[arg-type]
        return int(session.scalar(stmt) or 0)

    return ContactReferences(
        requests=count(
            RecordRequest,
            RecordRequest.holder_id == contact_id,
            RecordRequest.recipient_id == contact_id,
        ),
        record_items=count(RecordItem, RecordItem.holder_id == contact_id),
        authorizations=count(
            Authorization,
            Authorization.holder_id == contact_id,
            Authorization.recipient_id == contact_id,
        ),
        visits=count(Visit, Visit.doctor_id == contact_id),
        opinions=count(Opinion, Opinion.doctor_id == contact_id),
        companions=count(Visit, Visit.companion_id == contact_id),
    )


_REFERENCE_WORDS = {
    "requests": ("record request", "record requests"),
    "authorizations": ("authorization", "authorizations"),
    "visits": ("visit", "visits"),
    "opinions": ("opinion", "opinions"),
    "record_items": ("record item", "record items"),
    "companions": ("visit companion", "visit companions"),
}


def describe_counts(counts: dict[str, int]) -> str:
    """'2 record requests and 1 visit' (English; the UI builds its own translated text)."""
    parts = []
    for key, n in counts.items():
        one, many = _REFERENCE_WORDS[key]
        parts.append(f"{n} {one if n == 1 else many}")
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def delete_contact(session: Session, contact_id: int) -> ContactReferences:
    """Delete a contact no request, authorization, visit or opinion depends on.

    A record item loses its holder and a visit its companion: both stay meaningful without
    them. Returns what was unlinked so the caller can say so.
    """
    contact = must_exist(session, Contact, contact_id, "This contact no longer exists.")
    refs = contact_references(session, contact_id)
    if refs.blocking:
        raise InUse(
            f"This contact is still used by {describe_counts(refs.blocking)}. "
            "Change or delete those first.",
            references=refs.blocking,
        )
    if refs.record_items:
        session.execute(
            update(RecordItem).where(RecordItem.holder_id == contact_id).values(holder_id=None)
        )
    if refs.companions:
        session.execute(
            update(Visit).where(Visit.companion_id == contact_id).values(companion_id=None)
        )
    session.delete(contact)
    session.flush()
    log.info("contact %s deleted (%d links cleared)", contact_id, refs.total)
    return refs
