"""Opinions received, compared side by side, and the decisions taken after them.

Two doctors who write "Stage II adenocarcinoma." and "stage ii Adenocarcinoma" agree; the
comparison must not alarm anyone over case, punctuation or spacing. It only compares what
was written (it cannot know that two different words mean the same thing), and says so.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from second_opinion.domain.models import Contact, Decision, Opinion, Person
from second_opinion.services.errors import NotFound, ValidationError, must_exist

MAX_TEXT = 100_000
MIN_COMPARED = 2
MAX_COMPARED = 3
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)


@dataclass(frozen=True)
class OpinionInput:
    doctor_id: int
    given_on: dt.date
    diagnosis: str = ""
    stage: str = ""
    recommended_treatment: str = ""
    alternatives: str = ""
    benefits: str = ""
    risks: str = ""
    urgency: str = ""
    confidence: str = ""
    notes: str = ""


@dataclass(frozen=True)
class OpinionRow:
    id: int
    person_id: int
    doctor_id: int
    doctor_name: str
    given_on: dt.date
    diagnosis: str
    stage: str
    recommended_treatment: str
    alternatives: str
    benefits: str
    risks: str
    urgency: str
    confidence: str
    notes: str


@dataclass(frozen=True)
class ComparisonRow:
    key: str  # the OpinionRow field compared
    label: str  # the row's heading, in English (the UI translates it)
    values: tuple[str, ...]  # one per opinion, in column order
    differs: bool  # the written words differ (blanks aside)
    #: a difference here changes what happens next (diagnosis, recommended treatment); other
    #: rows (benefits, risks...) are nearly always worded differently and are not flagged
    decisive: bool = False

    @property
    def flagged(self) -> bool:
        return self.differs and self.decisive


@dataclass(frozen=True)
class Comparison:
    opinions: tuple[OpinionRow, ...]  # the columns, oldest first
    rows: tuple[ComparisonRow, ...]
    diagnosis_differs: bool
    treatment_differs: bool
    summary: str  # plain words, for the banner above the comparison

    @property
    def differs(self) -> bool:
        """True when the diagnosis or the recommended treatment differ."""
        return self.diagnosis_differs or self.treatment_differs


@dataclass(frozen=True)
class DecisionRow:
    id: int
    decided_on: dt.date
    decision: str
    reasons: str


#: The rows of a side-by-side comparison, in reading order.
COMPARED_FIELDS: tuple[tuple[str, str], ...] = (
    ("diagnosis", "Diagnosis"),
    ("stage", "Stage or severity"),
    ("recommended_treatment", "Recommended treatment"),
    ("alternatives", "Alternatives"),
    ("benefits", "Benefits"),
    ("risks", "Risks"),
    ("urgency", "Urgency"),
    ("confidence", "How sure the doctor was"),
)

DECISIVE_FIELDS = frozenset({"diagnosis", "recommended_treatment"})


# ------------------------------------------------------------------ normalizing
def normalize(text: str) -> str:
    """The words of ``text``, ignoring case, punctuation and spacing.

    Unicode-aware: NFKC folds look-alike forms (full-width letters, ligatures), ``casefold``
    handles ß and friends, and every punctuation character (category P*) becomes a space so
    "non-small-cell" and "non small cell" compare equal.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in folded)
    return " ".join(kept.split())


def _values_differ(values: tuple[str, ...]) -> bool:
    # A blank is "not recorded", not a disagreement.
    written = {normalize(v) for v in values} - {""}
    return len(written) > 1


# ------------------------------------------------------------------ opinions
def _check(session: Session, data: OpinionInput) -> None:
    if session.get(Contact, data.doctor_id) is None:
        raise ValidationError("Choose the doctor who gave this opinion.", field="doctor_id")
    if not (EARLIEST <= data.given_on <= LATEST):
        raise ValidationError("The date must be between 1900 and 2100.", field="given_on")
    for field, label in (*COMPARED_FIELDS, ("notes", "Notes")):
        value: str = getattr(data, field)
        if len(value) > MAX_TEXT:
            raise ValidationError(f"{label} can be at most {MAX_TEXT:,} characters.", field=field)
    if not (data.diagnosis.strip() or data.recommended_treatment.strip()):
        raise ValidationError(
            "Write at least the diagnosis or the recommended treatment.", field="diagnosis"
        )


def _apply(opinion: Opinion, data: OpinionInput) -> None:
    opinion.doctor_id = data.doctor_id
    opinion.given_on = data.given_on
    opinion.diagnosis = data.diagnosis
    opinion.stage = data.stage
    opinion.recommended_treatment = data.recommended_treatment
    opinion.alternatives = data.alternatives
    opinion.benefits = data.benefits
    opinion.risks = data.risks
    opinion.urgency = data.urgency
    opinion.confidence = data.confidence
    opinion.notes = data.notes


def _row(opinion: Opinion) -> OpinionRow:
    return OpinionRow(
        id=opinion.id,
        person_id=opinion.person_id,
        doctor_id=opinion.doctor_id,
        doctor_name=opinion.doctor.name,
        given_on=opinion.given_on,
        diagnosis=opinion.diagnosis,
        stage=opinion.stage,
        recommended_treatment=opinion.recommended_treatment,
        alternatives=opinion.alternatives,
        benefits=opinion.benefits,
        risks=opinion.risks,
        urgency=opinion.urgency,
        confidence=opinion.confidence,
        notes=opinion.notes,
    )


def _get(session: Session, opinion_id: int) -> Opinion:
    return must_exist(session, Opinion, opinion_id, "This opinion no longer exists.")


def add_opinion(session: Session, person_id: int, data: OpinionInput) -> int:
    if session.get(Person, person_id) is None:
        raise NotFound("This person no longer exists.")
    _check(session, data)
    opinion = Opinion(person_id=person_id)
    _apply(opinion, data)
    session.add(opinion)
    session.flush()
    return opinion.id


def update_opinion(session: Session, opinion_id: int, data: OpinionInput) -> None:
    opinion = _get(session, opinion_id)
    _check(session, data)
    _apply(opinion, data)
    session.flush()


def delete_opinion(session: Session, opinion_id: int) -> None:
    session.delete(_get(session, opinion_id))
    session.flush()


def get_opinion(session: Session, opinion_id: int) -> OpinionRow:
    return _row(_get(session, opinion_id))


def list_opinions(session: Session, person_id: int) -> list[OpinionRow]:
    """A person's opinions, oldest first: the order in which they were received."""
    opinions = session.scalars(
        select(Opinion).where(Opinion.person_id == person_id).order_by(Opinion.given_on, Opinion.id)
    ).all()
    return [_row(o) for o in opinions]


def to_input(row: OpinionRow) -> OpinionInput:
    return OpinionInput(
        doctor_id=row.doctor_id,
        given_on=row.given_on,
        diagnosis=row.diagnosis,
        stage=row.stage,
        recommended_treatment=row.recommended_treatment,
        alternatives=row.alternatives,
        benefits=row.benefits,
        risks=row.risks,
        urgency=row.urgency,
        confidence=row.confidence,
        notes=row.notes,
    )


# ------------------------------------------------------------------ comparing
def compare(session: Session, opinion_ids: list[int] | tuple[int, ...]) -> Comparison:
    """Two or three opinions side by side, with the differences that matter named."""
    unique = list(dict.fromkeys(opinion_ids))
    if not (MIN_COMPARED <= len(unique) <= MAX_COMPARED):
        raise ValidationError("Choose two or three opinions to compare.", field="opinion_ids")
    opinions = [_row(_get(session, opinion_id)) for opinion_id in unique]
    if len({o.person_id for o in opinions}) != 1:
        raise ValidationError("Only opinions about the same person can be compared.")
    opinions.sort(key=lambda o: (o.given_on, o.id))
    return build_comparison(opinions)


def chosen_for_comparison(
    opinions: list[OpinionRow] | tuple[OpinionRow, ...], selected_ids: list[int]
) -> list[OpinionRow]:
    """Which opinions go side by side: the two or three chosen, else the latest three.

    More than three chosen do not fit, so the latest three are shown then as well.
    """
    by_id = {o.id: o for o in opinions}
    chosen = [by_id[i] for i in dict.fromkeys(selected_ids) if i in by_id]
    if not (MIN_COMPARED <= len(chosen) <= MAX_COMPARED):
        chosen = sorted(opinions, key=lambda o: (o.given_on, o.id))[-MAX_COMPARED:]
    return sorted(chosen, key=lambda o: (o.given_on, o.id))


def compare_chosen(
    opinions: list[OpinionRow] | tuple[OpinionRow, ...], selected_ids: list[int]
) -> Comparison | None:
    """The comparison of the opinions :func:`chosen_for_comparison` picks; None if under two."""
    chosen = chosen_for_comparison(opinions, selected_ids)
    return build_comparison(chosen) if len(chosen) >= MIN_COMPARED else None


def build_comparison(opinions: list[OpinionRow] | tuple[OpinionRow, ...]) -> Comparison:
    """The comparison of opinions already loaded (kept separate for exports and tests)."""
    rows = []
    for key, label in COMPARED_FIELDS:
        values = tuple(str(getattr(o, key)) for o in opinions)
        rows.append(
            ComparisonRow(
                key=key,
                label=label,
                values=values,
                differs=_values_differ(values),
                decisive=key in DECISIVE_FIELDS,
            )
        )
    by_key = {row.key: row for row in rows}
    diagnosis_differs = by_key["diagnosis"].differs
    treatment_differs = by_key["recommended_treatment"].differs
    return Comparison(
        opinions=tuple(opinions),
        rows=tuple(rows),
        diagnosis_differs=diagnosis_differs,
        treatment_differs=treatment_differs,
        summary=_summary(opinions, by_key, diagnosis_differs, treatment_differs),
    )


def _summary(
    opinions: list[OpinionRow] | tuple[OpinionRow, ...],
    by_key: dict[str, ComparisonRow],
    diagnosis_differs: bool,
    treatment_differs: bool,
) -> str:
    doctors = " and ".join(
        [", ".join(o.doctor_name for o in opinions[:-1]), opinions[-1].doctor_name]
        if len(opinions) > 1
        else [opinions[0].doctor_name]
    )
    advice = (
        " Ask each doctor about the difference, weigh the benefits and risks of each option, "
        "and consider a third opinion to help you decide."
    )
    if diagnosis_differs and treatment_differs:
        return f"{doctors} differ on the diagnosis and on the recommended treatment." + advice
    if diagnosis_differs:
        return f"{doctors} give different diagnoses." + advice
    if treatment_differs:
        return f"{doctors} recommend different treatments." + advice
    blanks = [
        by_key[key].label.lower()
        for key in ("diagnosis", "recommended_treatment")
        if any(not normalize(v) for v in by_key[key].values)
    ]
    if blanks:
        return (
            "No difference found in what is written, but the "
            + " and the ".join(blanks)
            + " is missing for at least one opinion. Add it to compare fully."
        )
    return f"{doctors} agree on the diagnosis and the recommended treatment, word for word."


# ------------------------------------------------------------------ decisions
def add_decision(
    session: Session, person_id: int, decided_on: dt.date, decision: str, reasons: str = ""
) -> int:
    if session.get(Person, person_id) is None:
        raise NotFound("This person no longer exists.")
    if not decision.strip():
        raise ValidationError("Write the decision you took.", field="decision")
    if len(decision) > MAX_TEXT:
        raise ValidationError(f"A decision can be at most {MAX_TEXT:,} characters.", "decision")
    if len(reasons) > MAX_TEXT:
        raise ValidationError(f"The reasons can be at most {MAX_TEXT:,} characters.", "reasons")
    if not (EARLIEST <= decided_on <= LATEST):
        raise ValidationError("The date must be between 1900 and 2100.", field="decided_on")
    row = Decision(person_id=person_id, decided_on=decided_on, decision=decision, reasons=reasons)
    session.add(row)
    session.flush()
    return row.id


def list_decisions(session: Session, person_id: int) -> list[DecisionRow]:
    """The decision log, newest first."""
    rows = session.scalars(
        select(Decision)
        .where(Decision.person_id == person_id)
        .order_by(Decision.decided_on.desc(), Decision.id.desc())
    ).all()
    return [
        DecisionRow(id=r.id, decided_on=r.decided_on, decision=r.decision, reasons=r.reasons)
        for r in rows
    ]


def delete_decision(session: Session, decision_id: int) -> None:
    row = must_exist(session, Decision, decision_id, "This decision no longer exists.")
    session.delete(row)
    session.flush()
