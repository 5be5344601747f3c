"""Is a second-opinion doctor independent of the doctor who gave the first opinion?

A second opinion from a colleague in the same practice or health system is worth less: they
share tumor boards, protocols and sometimes the same reading of the same slides. Names are
typed by hand ("St. Mary's Health", "st marys health"), so they are compared after
normalizing case, accents, punctuation and spacing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from second_opinion.domain.enums import ContactRole
from second_opinion.domain.models import Contact
from second_opinion.services.contacts import list_contacts
from second_opinion.services.pacing import paced
from second_opinion.services.phrases import Joined, Phrase

_APOSTROPHES = re.compile(r"['’‘`´]")
_NOT_WORD = re.compile(r"[^\w]+")


class Affiliated(Protocol):
    """The fields the check reads; ``ContactRow`` and ``ContactData`` both have them."""

    @property
    def name(self) -> str: ...
    @property
    def role(self) -> ContactRole: ...
    @property
    def organization(self) -> str: ...
    @property
    def health_system(self) -> str: ...


@dataclass(frozen=True)
class IndependenceFinding:
    """One reason a candidate may not be independent of a first-opinion doctor."""

    first_opinion_id: int | None
    first_opinion_name: str
    #: the shared name as the candidate's record spells it
    shared_name: str
    #: "organization" or "health_system": which of the candidate's fields matched
    candidate_field: str
    #: which of the first-opinion doctor's fields it matched
    first_opinion_field: str

    @property
    def reason(self) -> str:
        """One sentence (a ``Phrase``: English, and translatable by the UI)."""
        if self.first_opinion_field == "health_system":
            return Phrase(
                "Shares the health system “{name}” with {doctor}, who gave the first opinion.",
                name=self.shared_name,
                doctor=self.first_opinion_name,
            )
        return Phrase(
            "Shares the organization “{name}” with {doctor}, who gave the first opinion.",
            name=self.shared_name,
            doctor=self.first_opinion_name,
        )


#: spellings people use interchangeably for the same word in an organization's name
_SAME_WORD = {"saint": "st", "sainte": "ste", "mount": "mt", "centre": "center"}
#: legal-form words that do not make two organizations different
_LEGAL_SUFFIXES = {"inc", "llc", "llp", "pc", "pa", "pllc", "ltd", "plc", "corp", "co"}


@lru_cache(maxsize=8192)
def normalize_organization(text: str) -> str:
    """A comparison key: "St. Mary's  Health" and "st marys health" give the same key.

    Remembered per text: a visit's readiness compares its doctor with every first-opinion
    doctor, and a busy case has hundreds of doctors at a few dozen organizations.

    Case, accents, apostrophes, punctuation and spacing are ignored; "Saint" equals "St",
    "&" equals "and", a leading "The" and a trailing "Inc." or "LLC" do not count.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = without_marks.casefold().replace("&", " and ")
    folded = _APOSTROPHES.sub("", folded)
    words = [_SAME_WORD.get(w, w) for w in _NOT_WORD.sub(" ", folded).replace("_", " ").split()]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def _names(contact: Affiliated) -> tuple[tuple[str, str, str], ...]:
    return _keys(contact.organization, contact.health_system)


@lru_cache(maxsize=8192)
def _keys(organization: str, health_system: str) -> tuple[tuple[str, str, str], ...]:
    """(field, name as shown, comparison key) of each affiliation given. Remembered: the
    checklists of a busy case's visits compare each doctor with every first-opinion doctor."""
    found = []
    for field, value in (("organization", organization), ("health_system", health_system)):
        key = normalize_organization(value)
        if key:
            found.append((field, value.strip(), key))
    return tuple(found)


def check(
    first_opinion_doctor: Affiliated,
    candidate: Affiliated,
    first_opinion_id: int | None = None,
) -> IndependenceFinding | None:
    """The first shared organization or health system between the two, or None.

    Every pairing counts: the candidate's organization may be the first doctor's health
    system (a hospital inside the same network) and the other way round.
    """
    mine = _names(candidate)
    if not mine:
        return None
    theirs = _names(first_opinion_doctor)
    for candidate_field, shown, key in mine:
        for first_field, _first_shown, first_key in theirs:
            if key == first_key:
                return IndependenceFinding(
                    first_opinion_id=first_opinion_id,
                    first_opinion_name=first_opinion_doctor.name,
                    shared_name=shown,
                    candidate_field=candidate_field,
                    first_opinion_field=first_field,
                )
    return None


def findings_for(
    candidate: Affiliated,
    contacts: Iterable[object],
    candidate_id: int | None = None,
) -> list[IndependenceFinding]:
    """Every first-opinion doctor in ``contacts`` that ``candidate`` is not independent of.

    Works for a contact still being typed into the form (no id yet) as well as a stored one.
    """
    if not ContactRole(candidate.role).is_second_opinion:
        return []
    found = []
    for other in contacts:
        other_id = getattr(other, "id", None)
        if candidate_id is not None and other_id == candidate_id:
            continue
        if getattr(other, "role", None) != ContactRole.FIRST_OPINION:
            continue
        finding = check(other, candidate, first_opinion_id=other_id)  # type: ignore[arg-type]
        if finding is not None:
            found.append(finding)
    return found


_SECOND_OPINION_ROLES = frozenset(r for r in ContactRole if r.is_second_opinion)
#: stands for "no candidate to leave out" (``None`` is a possible id of an unsaved contact)
_NO_CONTACT = object()


def flag_dependent(contacts: Sequence[object]) -> dict[int, list[IndependenceFinding]]:
    """For each second-opinion candidate or chosen doctor, what it shares with a first opinion.

    Only contacts with at least one finding appear in the result, keyed by their id.

    Near-linear in the number of contacts: each distinct organization or health-system text
    is normalized once, first-opinion doctors are indexed by the normalized name, and the
    findings depend only on a candidate's two affiliations, so candidates that spell them the
    same way (most of a large list) share one computed list of (immutable) findings. A busy
    vault has hundreds of first-opinion doctors in the same few organizations, so building
    the findings per candidate (over 100 000 of them for 10 000 contacts) was the cost.
    """
    keys: dict[str, str] = {}

    def names(contact: object) -> tuple[tuple[str, str, str], ...]:
        found = []
        for field in ("organization", "health_system"):
            value: str = getattr(contact, field)
            key = keys.get(value)
            if key is None:
                key = keys[value] = normalize_organization(value)
            if key:
                found.append((field, value.strip(), key))
        return tuple(found)

    index: dict[str, list[tuple[object, str]]] = {}
    for contact in contacts:
        if getattr(contact, "role", None) != ContactRole.FIRST_OPINION:
            continue
        for field, _shown, key in names(contact):
            index.setdefault(key, []).append((contact, field))
    if not index:
        return {}

    def findings(
        affiliations: tuple[tuple[str, str, str], ...], contact_id: object
    ) -> list[IndependenceFinding]:
        found: list[IndependenceFinding] = []
        seen: set[int] = set()
        for candidate_field, shown, key in affiliations:
            for first, first_field in index.get(key, ()):
                first_id = getattr(first, "id", None)
                if first_id == contact_id or id(first) in seen:
                    continue
                seen.add(id(first))
                found.append(
                    IndependenceFinding(
                        first_opinion_id=first_id,
                        first_opinion_name=getattr(first, "name", ""),
                        shared_name=shown,
                        candidate_field=candidate_field,
                        first_opinion_field=first_field,
                    )
                )
        return found

    # The ids of the first-opinion doctors each shared list names: a contact that is itself
    # one of them (possible only with inconsistent input) gets its own list without itself.
    shared: dict[tuple[tuple[str, str, str], ...], tuple[list[IndependenceFinding], set[object]]]
    shared = {}
    flagged: dict[int, list[IndependenceFinding]] = {}
    for contact in contacts:
        if getattr(contact, "role", None) not in _SECOND_OPINION_ROLES:
            continue
        contact_id: int = getattr(contact, "id")  # noqa: B009
        affiliations = names(contact)
        if not affiliations:
            continue
        entry = shared.get(affiliations)
        if entry is None:
            common = findings(affiliations, _NO_CONTACT)
            entry = shared[affiliations] = (common, {f.first_opinion_id for f in common})
        common, first_ids = entry
        found = findings(affiliations, contact_id) if contact_id in first_ids else list(common)
        if found:
            flagged[contact_id] = found
    return flagged


def independence_findings(session: Session) -> dict[int, list[IndependenceFinding]]:
    """``flag_dependent`` over every contact in the vault."""
    return flag_dependent(list_contacts(session))


def doctor_findings(
    session: Session, doctor_id: int, firsts: Sequence[Contact] | None = None
) -> list[IndependenceFinding]:
    """What the doctor of a visit shares with a first-opinion doctor (none for a visit to a
    first-opinion doctor): readiness and the visit packet say so.

    ``firsts``: every first-opinion doctor (``first_opinion_doctors``), for a caller that
    asks about many doctors and would otherwise read them all again for each.
    """
    doctor = session.get(Contact, doctor_id)
    if doctor is None or doctor.role is ContactRole.FIRST_OPINION:
        return []
    if firsts is None:
        firsts = first_opinion_doctors(session)
    return [
        f
        for first in paced(firsts)
        if first.id != doctor_id and (f := check(first, doctor, first_opinion_id=first.id))
    ]


def first_opinion_doctors(session: Session) -> list[Contact]:
    """Every first-opinion doctor in the vault, by id."""
    return list(
        session.scalars(
            select(Contact).where(Contact.role == ContactRole.FIRST_OPINION).order_by(Contact.id)
        )
    )


#: how many reasons a line gives before "and N more": one or two say it; dozens bury it
REASONS_AT_MOST = 3


def may_not_be_independent(findings: Sequence[IndependenceFinding]) -> str:
    """The reasons in one line: "" when there are none."""
    reasons: list[str] = [finding.reason for finding in findings[:REASONS_AT_MOST]]
    more = len(findings) - len(reasons)
    if more > 0:
        reasons.append(
            Phrase.counted(
                more,
                "The same goes for 1 more first-opinion doctor.",
                "The same goes for {n} more first-opinion doctors.",
            )
        )
    return Joined(" ", reasons)
