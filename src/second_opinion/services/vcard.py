"""Contacts to and from vCard 4.0 (RFC 6350), through ``vobject``.

Standard properties carry what other address books understand: FN, KIND, ORG, TITLE (the
specialty), ROLE (the part played in this case, in words), TEL;TYPE=voice / TEL;TYPE=fax,
EMAIL, ADR, URL and NOTE. What only this app knows (the case role as a stable value, the
health system, the patient portal, who recommended the doctor, network status) travels in
X-SECOND-OPINION-* properties, so a round trip through our own export loses nothing.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import vobject
from sqlalchemy.orm import Session

from second_opinion.domain.enums import ContactKind, ContactRole, TriState
from second_opinion.private_files import write_private_atomically
from second_opinion.services import labels
from second_opinion.services.contacts import (
    ContactData,
    ContactRow,
    create_contact,
    list_contacts,
    validate,
)
from second_opinion.services.errors import ServiceError, ValidationError

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
PORTAL_TYPE = "x-patient-portal"
X_ROLE = "x-second-opinion-role"
X_HEALTH_SYSTEM = "x-second-opinion-health-system"
X_RECOMMENDED_BY = "x-second-opinion-recommended-by"
X_IN_NETWORK = "x-second-opinion-in-network"

_CARD = re.compile(r"^BEGIN:VCARD\s*$.*?^END:VCARD\s*$", re.IGNORECASE | re.MULTILINE | re.DOTALL)
_FIELD_LABELS = {
    "phone": "phone number",
    "fax": "fax number",
    "email": "e-mail address",
    "portal_url": "portal address",
    "website": "web address",
}


@dataclass(frozen=True)
class SkippedCard:
    #: 1-based position of the card in the file
    number: int
    name: str
    reason: str


@dataclass(frozen=True)
class ImportSummary:
    imported: list[int] = field(default_factory=list)
    skipped: list[SkippedCard] = field(default_factory=list)
    #: cards imported with a field left out, e.g. an e-mail address that was not one
    warnings: list[SkippedCard] = field(default_factory=list)

    @property
    def imported_count(self) -> int:
        return len(self.imported)


class VCardFileError(ServiceError):
    """The file cannot be read as vCards at all (too big, not text, no cards in it)."""


# ------------------------------------------------------------------ export


def _add(card: Any, name: str, value: object, types: Iterable[str] = ()) -> None:
    prop = card.add(name)
    prop.value = value
    type_list = list(types)
    if type_list:
        prop.params["TYPE"] = type_list


def contact_to_vcard(contact: ContactRow) -> Any:
    card = vobject.vCard()
    _add(card, "version", "4.0")
    _add(card, "fn", contact.name)
    _add(card, "kind", "org" if contact.kind == ContactKind.ORGANIZATION else "individual")
    if contact.organization:
        _add(card, "org", [contact.organization])
    if contact.specialty:
        _add(card, "title", contact.specialty)
    _add(card, "role", labels.CONTACT_ROLE[contact.role])
    if contact.phone:
        _add(card, "tel", contact.phone, ["voice"])
    if contact.fax:
        _add(card, "tel", contact.fax, ["fax"])
    if contact.email:
        _add(card, "email", contact.email)
    if contact.address:
        _add(card, "adr", vobject.vcard.Address(street=contact.address))
    if contact.website:
        _add(card, "url", contact.website, ["work"])
    if contact.portal_url:
        _add(card, "url", contact.portal_url, [PORTAL_TYPE])
    if contact.notes:
        _add(card, "note", contact.notes)
    _add(card, X_ROLE, contact.role.value)
    if contact.health_system:
        _add(card, X_HEALTH_SYSTEM, contact.health_system)
    if contact.recommended_by:
        _add(card, X_RECOMMENDED_BY, contact.recommended_by)
    if contact.in_network != TriState.UNKNOWN:
        _add(card, X_IN_NETWORK, contact.in_network.value)
    return card


def export_vcards(contacts: Sequence[ContactRow]) -> str:
    """The contacts as one vCard 4.0 file (CRLF line ends, as the standard wants)."""
    return "".join(contact_to_vcard(c).serialize() for c in contacts)


def export_contacts(session: Session, ids: Iterable[int] | None = None) -> tuple[str, int]:
    """vCard text of the chosen contacts (all when ``ids`` is None) and how many."""
    rows = list_contacts(session)
    if ids is not None:
        wanted = set(ids)
        rows = [r for r in rows if r.id in wanted]
    return export_vcards(rows), len(rows)


def write_private_file(path: Path, text: str) -> None:
    """Write atomically and readable by the owner only: the file holds health data."""
    write_private_atomically(Path(path), text.encode("utf-8"))


# ------------------------------------------------------------------ import


def read_vcard_file(path: Path) -> str:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise VCardFileError("This file is too big to be an address book export.")
        raw = path.read_bytes()
    except OSError as exc:
        raise VCardFileError(f"The file could not be read ({exc.strerror}).") from None
    if b"\x00" in raw[:4096]:
        raise VCardFileError("This is not a vCard file.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older address books wrote vCards in Windows-1252; every byte decodes in latin-1.
        return raw.decode("latin-1")


def _value(card: Any, name: str) -> str:
    prop = card.contents.get(name)
    if not prop:
        return ""
    value = prop[0].value
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip()


def _types(prop: Any) -> set[str]:
    found: set[str] = set()
    for entry in prop.params.get("TYPE", []):
        found.update(part.strip().casefold() for part in str(entry).split(","))
    return found


def _address(prop: Any) -> str:
    value = prop.value
    if isinstance(value, vobject.vcard.Address):
        parts = [
            value.box,
            value.extended,
            value.street,
            " ".join(p for p in (value.code, value.city) if p),
            value.region,
            value.country,
        ]
        flat = ["\n".join(p) if isinstance(p, list) else str(p) for p in parts]
        return "\n".join(p.strip() for p in flat if p and p.strip())
    return str(value).strip()


def _role_from(card: Any) -> tuple[ContactRole, str]:
    """The case role, and the ROLE text when it named no case role (a job, e.g. "Oncologist")."""
    stored = _value(card, X_ROLE)
    with contextlib.suppress(ValueError):
        return ContactRole(stored), ""
    text = _value(card, "role")
    key = text.casefold()
    for role, label in labels.CONTACT_ROLE.items():
        if key in (label.casefold(), role.value):
            return role, ""
    return ContactRole.OTHER, text


def card_to_data(card: Any) -> ContactData:
    """What a card says, as contact fields (not validated yet)."""
    name = _value(card, "fn")
    if not name and "n" in card.contents:
        n = card.n.value
        name = " ".join(
            str(p)
            for p in (n.prefix, n.given, n.additional, n.family, n.suffix)
            if p and str(p).strip()
        )
    organization = _value(card, "org")
    kind_text = _value(card, "kind").casefold()
    kind = ContactKind.ORGANIZATION if kind_text == "org" else ContactKind.INDIVIDUAL
    if not name and kind == ContactKind.ORGANIZATION:
        name = organization
    role, role_text = _role_from(card)
    phone = fax = ""
    for tel in card.contents.get("tel", []):
        number = str(tel.value).strip()
        if number.casefold().startswith("tel:"):
            number = number[4:]
        if "fax" in _types(tel):
            fax = fax or number
        else:
            phone = phone or number
    website = portal = ""
    for url in card.contents.get("url", []):
        if PORTAL_TYPE in _types(url):
            portal = portal or str(url.value).strip()
        else:
            website = website or str(url.value).strip()
    address = ""
    if card.contents.get("adr"):
        address = _address(card.contents["adr"][0])
    in_network = TriState.UNKNOWN
    with contextlib.suppress(ValueError):
        in_network = TriState(_value(card, X_IN_NETWORK).casefold())
    return ContactData(
        name=name,
        kind=kind,
        role=role,
        specialty=_value(card, "title") or role_text,
        organization=organization,
        health_system=_value(card, X_HEALTH_SYSTEM),
        phone=phone,
        fax=fax,
        email=_value(card, "email"),
        address=address,
        portal_url=portal,
        website=website,
        recommended_by=_value(card, X_RECOMMENDED_BY),
        in_network=in_network,
        notes="\n".join(str(n.value) for n in card.contents.get("note", [])),
    )


def _identity(name: str, organization: str) -> tuple[str, str]:
    return (" ".join(name.casefold().split()), " ".join(organization.casefold().split()))


def _salvage(data: ContactData) -> tuple[ContactData, list[str]]:
    """Drop fields that fail validation (keeping their text in the notes) so the rest imports."""
    problems: list[str] = []
    for _ in range(len(_FIELD_LABELS) + 1):
        try:
            validate(data)
            return data, problems
        except ValidationError as exc:
            if exc.field not in _FIELD_LABELS:
                raise
            original = getattr(data, exc.field)
            label = _FIELD_LABELS[exc.field]
            problems.append(f"the {label} “{original}” was not valid and was moved to the notes")
            note = f"{label.capitalize()} from the vCard: {original}"
            notes = f"{data.notes}\n{note}" if data.notes else note
            data = ContactData(**{**data.__dict__, exc.field: "", "notes": notes})
    validate(data)
    return data, problems


def import_vcards(session: Session, text: str) -> ImportSummary:
    """Add every card in ``text`` as a contact; say which were skipped and why.

    A card matching an existing contact by name and organization is skipped, so importing
    the same file twice adds nothing.
    """
    blocks = _CARD.findall(text)
    if not blocks:
        raise VCardFileError("No vCards were found in this file.")
    summary = ImportSummary()
    known = {_identity(c.name, c.organization) for c in list_contacts(session)}
    for number, block in enumerate(blocks, start=1):
        try:
            card = vobject.readOne(block, ignoreUnreadable=True)
            data = card_to_data(card)
        except Exception:  # vobject raises many kinds of errors on broken cards
            summary.skipped.append(SkippedCard(number, "", "the card could not be read"))
            continue
        if not data.name.strip():
            summary.skipped.append(SkippedCard(number, "", "the card has no name"))
            continue
        identity = _identity(data.name, data.organization)
        if identity in known:
            summary.skipped.append(SkippedCard(number, data.name, "already in your contacts"))
            continue
        try:
            data, problems = _salvage(data)
            row = create_contact(session, data)
        except ValidationError as exc:
            summary.skipped.append(SkippedCard(number, data.name, exc.message))
            continue
        known.add(identity)
        summary.imported.append(row.id)
        if problems:
            summary.warnings.append(SkippedCard(number, data.name, "; ".join(problems)))
    log.info("vCard import: %d imported, %d skipped", len(summary.imported), len(summary.skipped))
    return summary
