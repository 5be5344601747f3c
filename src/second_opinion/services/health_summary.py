"""A person's structured health summary: conditions, medications, allergies, procedures, results.

Each kind is a list of entries with typed fields (a code and its system when one is known,
kept as written when the system is not one we recognise). Entries are typed in the profile or
imported from a patient portal's document (``services.importing``); ``source`` says which.

The old free-text fields (``Person.condition``, ``medications``, ``allergies``) are the
person's own words; migration 0003 turned each of their lines into an entry with the source
``FROM_TEXT``, and ``sync_text`` keeps those entries in step when the text is edited, until
the profile edits the summary directly. Where the old text was printed, ``as_text`` renders
the summary instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from second_opinion.domain.models import (
    HealthAllergy,
    HealthCondition,
    HealthMedication,
    HealthProcedure,
    HealthResult,
    Person,
)
from second_opinion.services.errors import NotFound, ValidationError, must_exist

#: the source of an entry copied from a line of the old free text (as migration 0003 wrote it)
FROM_TEXT = "profile text"
MAX_NAME = 100_000  # a migrated line may be a whole pasted paragraph
MAX_FIELD = 1_000


@dataclass(frozen=True)
class Condition:
    name: str
    onset: dt.date | None = None
    status: str = ""
    code: str = ""
    code_system: str = ""


@dataclass(frozen=True)
class Medication:
    name: str
    dose: str = ""
    frequency: str = ""
    since: dt.date | None = None
    status: str = ""
    code: str = ""
    code_system: str = ""


@dataclass(frozen=True)
class Allergy:
    name: str  # the substance
    reaction: str = ""
    severity: str = ""
    code: str = ""
    code_system: str = ""


@dataclass(frozen=True)
class Procedure:
    name: str
    performed_on: dt.date | None = None
    code: str = ""
    code_system: str = ""


@dataclass(frozen=True)
class Result:
    name: str
    value: str = ""
    unit: str = ""
    observed_on: dt.date | None = None
    flag: str = ""
    code: str = ""
    code_system: str = ""


EntryData = Condition | Medication | Allergy | Procedure | Result
D = TypeVar("D", Condition, Medication, Allergy, Procedure, Result)
#: any one kind of entry, kept as that kind through ``clean``
E = TypeVar("E", bound=Condition | Medication | Allergy | Procedure | Result)


class Kind(enum.StrEnum):
    CONDITION = "conditions"
    MEDICATION = "medications"
    ALLERGY = "allergies"
    PROCEDURE = "procedures"
    RESULT = "results"

    @property
    def data_class(self) -> type[EntryData]:
        return _DATA[self]

    @property
    def model(self) -> type[Any]:
        return _MODEL[self]

    @classmethod
    def of(cls, data: EntryData) -> Kind:
        return _KIND_OF[type(data)]


_DATA: dict[Kind, type[EntryData]] = {
    Kind.CONDITION: Condition,
    Kind.MEDICATION: Medication,
    Kind.ALLERGY: Allergy,
    Kind.PROCEDURE: Procedure,
    Kind.RESULT: Result,
}
_KIND_OF = {cls: kind for kind, cls in _DATA.items()}
_MODEL: dict[Kind, type[Any]] = {
    Kind.CONDITION: HealthCondition,
    Kind.MEDICATION: HealthMedication,
    Kind.ALLERGY: HealthAllergy,
    Kind.PROCEDURE: HealthProcedure,
    Kind.RESULT: HealthResult,
}
#: the old free-text column whose lines feed each kind
TEXT_COLUMN = {
    Kind.CONDITION: "condition",
    Kind.MEDICATION: "medications",
    Kind.ALLERGY: "allergies",
}


@dataclass(frozen=True)
class Entry(Generic[D]):
    id: int
    data: D
    source: str = ""


@dataclass(frozen=True)
class HealthSummary:
    conditions: list[Entry[Condition]]
    medications: list[Entry[Medication]]
    allergies: list[Entry[Allergy]]
    procedures: list[Entry[Procedure]]
    results: list[Entry[Result]]

    def of(self, kind: Kind) -> list[Entry[Any]]:
        return list(getattr(self, kind.value))

    def is_empty(self) -> bool:
        return not any(self.of(kind) for kind in Kind)


# ------------------------------------------------------------------ reading


def _data_of(kind: Kind, row: Any) -> EntryData:
    cls = kind.data_class
    return cls(**{f.name: getattr(row, f.name) for f in dataclasses.fields(cls)})


def entries(session: Session, person_id: int, kind: Kind) -> list[Entry[Any]]:
    model = kind.model
    rows = session.scalars(select(model).where(model.person_id == person_id).order_by(model.id))
    return [Entry(row.id, _data_of(kind, row), row.source) for row in rows]


def get_summary(session: Session, person_id: int) -> HealthSummary:
    return HealthSummary(*(entries(session, person_id, kind) for kind in Kind))


# ------------------------------------------------------------------ changing


def fields_of(data: EntryData) -> dict[str, Any]:
    """The entry's fields by name (a shallow ``asdict``: the values are never containers)."""
    return {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}


def clean(data: E) -> E:
    """The entry as it will be stored, or ValidationError naming the first bad field."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(data):
        value = getattr(data, f.name)
        if not isinstance(value, str):
            continue
        value = value.strip()
        limit = MAX_NAME if f.name == "name" else MAX_FIELD
        if len(value) > limit:
            raise ValidationError(
                "This can be at most {limit} characters.", field=f.name, limit=f"{limit:,}"
            )
        changes[f.name] = value
    if not changes["name"]:
        what = "substance" if isinstance(data, Allergy) else "name"
        raise ValidationError(f"A {what} is needed.", field="name")
    return dataclasses.replace(data, **changes)


def add_entry(session: Session, person_id: int, data: EntryData, source: str = "") -> int:
    must_exist(session, Person, person_id, "This person no longer exists.")
    kind = Kind.of(data)
    row = kind.model(person_id=person_id, source=source, **fields_of(clean(data)))
    session.add(row)
    session.flush()
    return int(row.id)


def _row(session: Session, kind: Kind, entry_id: int) -> Any:
    row = session.get(kind.model, entry_id)
    if row is None:
        raise NotFound("This entry no longer exists.")
    return row


def update_entry(session: Session, entry_id: int, data: EntryData) -> None:
    row = _row(session, Kind.of(data), entry_id)
    for name, value in fields_of(clean(data)).items():
        setattr(row, name, value)
    # an edited line no longer mirrors the free text it came from
    if row.source == FROM_TEXT:
        row.source = ""
    session.flush()


def delete_entry(session: Session, kind: Kind, entry_id: int) -> None:
    session.delete(_row(session, kind, entry_id))
    session.flush()


def lines_of(text: str) -> list[str]:
    """The entries a free text becomes: each non-blank line, without the spaces around it."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def sync_text(session: Session, person_id: int, kind: Kind, old: str, new: str) -> None:
    """Keep the entries copied from the old free text in step with an edit of that text.

    Lines added become entries (``FROM_TEXT``); lines removed take their copied entry with
    them. Entries typed in the summary or imported are never touched.
    """
    before, after = lines_of(old), lines_of(new)
    if before == after:
        return
    model = kind.model
    copied = list(
        session.scalars(
            select(model)
            .where(model.person_id == person_id, model.source == FROM_TEXT)
            .order_by(model.id)
        )
    )
    remaining = list(after)
    for row in copied:
        if row.name in remaining:
            remaining.remove(row.name)
        else:
            session.delete(row)
    for line in remaining:
        session.add(kind.model(person_id=person_id, name=line, source=FROM_TEXT))
    session.flush()


# ------------------------------------------------------------------ rendering


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


def describe(data: EntryData) -> str:
    """One line for an entry, as a person would write it ("Letrozole 2.5 mg, once daily")."""
    details: Iterable[str]
    if isinstance(data, Condition):
        details = (data.status, f"since {_date(data.onset)}" if data.onset else "")
    elif isinstance(data, Medication):
        since = f"since {_date(data.since)}" if data.since else ""
        details = (data.dose, data.frequency, since, data.status)
    elif isinstance(data, Allergy):
        details = (data.reaction, data.severity)
    elif isinstance(data, Procedure):
        details = (_date(data.performed_on),)
    else:
        value = " ".join(v for v in (data.value, data.unit) if v)
        details = (value, data.flag, _date(data.observed_on))
    shown = [d for d in details if d]
    return f"{data.name} ({', '.join(shown)})" if shown else data.name


def as_text(entries_of_kind: Iterable[Entry[Any]]) -> str:
    """The old free text's shape: one line per entry."""
    return "\n".join(describe(entry.data) for entry in entries_of_kind)


def as_json(summary: HealthSummary) -> dict[str, list[dict[str, Any]]]:
    """Plain data for ``summary --json`` (dates as ISO strings; allergies also say substance)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for kind in Kind:
        items = []
        for entry in summary.of(kind):
            item = {
                k: (v.isoformat() if isinstance(v, dt.date) else v)
                for k, v in fields_of(entry.data).items()
            }
            if kind is Kind.ALLERGY:
                item["substance"] = item["name"]
            item["source"] = entry.source
            items.append(item)
        out[kind.value] = items
    return out
