"""Opinions received, compared side by side, and the decisions taken after them.

Two doctors who write "Stage II adenocarcinoma." and "stage 2 Adenocarcinoma", or "IDC" and
"Invasive ductal carcinoma", agree; the comparison must not alarm anyone over case,
punctuation, spacing or a common abbreviation. Beyond that it cannot know whether two
wordings mean the same thing, so it never claims a difference from wording alone:

* the same words (after ``normalize``): the same;
* the person's own verdict for that pair and aspect ("same" or "different"), when given;
* otherwise a difference only when the text clearly shows one (no word in common, or one
  says "no"/"not"/"without" and the other does not); anything else is "worded differently",
  which the banner mentions calmly and asks the person to judge.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from second_opinion.domain.enums import ComparedField, Verdict
from second_opinion.domain.models import Contact, Decision, Opinion, OpinionVerdict, Person
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


#: (lower opinion id, higher opinion id, field) -> the person's verdict
Verdicts = Mapping[tuple[int, int, str], Verdict]


class RowStatus(enum.StrEnum):
    SAME = "same"  # the same words, or the person judged them the same
    WORDED = "worded"  # worded differently; nobody has judged whether they mean the same
    DIFFERENT = "different"  # the person said so, or the text clearly shows it


@dataclass(frozen=True)
class ComparisonRow:
    key: str  # the OpinionRow field compared
    label: str  # the row's heading, in English (the UI translates it)
    values: tuple[str, ...]  # one per opinion, in column order
    differs: bool  # a difference confirmed by the person or clear from the text
    #: a difference here changes what happens next (diagnosis, recommended treatment); other
    #: rows (benefits, risks...) are nearly always worded differently and are not flagged
    decisive: bool = False
    status: RowStatus = RowStatus.SAME
    #: the person's verdict, when every pair of this row has the same one
    verdict: Verdict | None = None

    @property
    def flagged(self) -> bool:
        return self.differs and self.decisive

    @property
    def worded(self) -> bool:
        """Worded differently, not yet judged: never called a difference."""
        return self.status is RowStatus.WORDED


@dataclass(frozen=True)
class Comparison:
    opinions: tuple[OpinionRow, ...]  # the columns, oldest first
    rows: tuple[ComparisonRow, ...]
    diagnosis_differs: bool
    treatment_differs: bool
    #: the banner above the comparison, as sentences the UI translates
    summary_words: SummaryWords
    #: decisive rows worded differently and not yet judged (the banner asks about them)
    worded_differently: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """The banner in English."""
        return self.summary_words.english()

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
#: Spelled-out forms of common abbreviations, so "IDC" and "invasive ductal carcinoma"
#: compare equal. Only spelling: it claims nothing about what the words mean. Keep out
#: abbreviations with more than one common meaning (MS, PD, RT...).
ABBREVIATIONS: dict[str, str] = {
    "idc": "invasive ductal carcinoma",
    "ilc": "invasive lobular carcinoma",
    "dcis": "ductal carcinoma in situ",
    "lcis": "lobular carcinoma in situ",
    "nsclc": "non small cell lung cancer",
    "sclc": "small cell lung cancer",
    "hcc": "hepatocellular carcinoma",
    "rcc": "renal cell carcinoma",
    "cll": "chronic lymphocytic leukemia",
    "cml": "chronic myeloid leukemia",
    "aml": "acute myeloid leukemia",
    "chemo": "chemotherapy",
    "xrt": "radiation therapy",
    "cad": "coronary artery disease",
    "chf": "congestive heart failure",
    "afib": "atrial fibrillation",
    "cabg": "coronary artery bypass grafting",
    "pci": "percutaneous coronary intervention",
    "tavr": "transcatheter aortic valve replacement",
    "copd": "chronic obstructive pulmonary disease",
    "als": "amyotrophic lateral sclerosis",
    "tia": "transient ischemic attack",
}
#: words after which a Roman numeral is a number ("stage IIa" = "stage 2a")
_NUMBERED = frozenset({"stage", "grade", "type", "class", "phase", "level"})
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_ROMAN_WORD = re.compile(r"^(iv|i{1,3})([a-c]?)$")
#: words that carry no content when judging whether two texts share any
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "and",
        "or",
        "by",
        "then",
        "plus",
        "as",
        "is",
        "are",
        "was",
        "be",
    ]
)
NEGATIONS = frozenset({"no", "not", "without", "none", "never", "against"})


def normalize(text: str) -> str:
    """The words of ``text``, ignoring case, punctuation, spacing and common abbreviations.

    Unicode-aware: NFKC folds look-alike forms (full-width letters, ligatures), ``casefold``
    handles ß and friends, and every punctuation character (category P*) becomes a space so
    "non-small-cell" and "non small cell" compare equal. A possessive "'s" is dropped
    ("Parkinson's" = "Parkinson"), a Roman numeral after "stage", "grade"... becomes a digit,
    and the abbreviations in ``ABBREVIATIONS`` are spelled out.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = re.sub(r"['’]s\b", "", folded)
    kept = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in folded)
    words: list[str] = []
    for word in kept.split():
        roman = _ROMAN_WORD.match(word)
        if roman and words and words[-1] in _NUMBERED:
            words.append(_ROMAN[roman.group(1)] + roman.group(2))
        else:
            words.extend(ABBREVIATIONS.get(word, word).split())
    return " ".join(words)


def clearly_differ(a: str, b: str) -> bool:
    """Whether two written values differ in a way the text itself shows: they share no word
    (beyond "a", "the", "with"...), or one negates ("no", "not", "without") and the other
    does not. Anything subtler is for the person to judge."""
    words_a = set(normalize(a).split()) - STOP_WORDS
    words_b = set(normalize(b).split()) - STOP_WORDS
    if bool(words_a & NEGATIONS) != bool(words_b & NEGATIONS):
        return True
    content_a, content_b = words_a - NEGATIONS, words_b - NEGATIONS
    return bool(content_a) and bool(content_b) and content_a.isdisjoint(content_b)


def pair_key(first_id: int, second_id: int, field: str) -> tuple[int, int, str]:
    """How a verdict is keyed: the lower opinion id first."""
    low, high = sorted((first_id, second_id))
    return (low, high, field)


def _row_status(
    opinions: Sequence[OpinionRow], key: str, values: tuple[str, ...], verdicts: Verdicts
) -> tuple[RowStatus, Verdict | None]:
    statuses: set[RowStatus] = set()
    given: set[Verdict | None] = set()
    for (i, a), (j, b) in itertools.combinations(enumerate(values), 2):
        # A blank is "not recorded", not a disagreement.
        if not normalize(a) or not normalize(b):
            continue
        verdict = verdicts.get(pair_key(opinions[i].id, opinions[j].id, key))
        given.add(verdict)
        if normalize(a) == normalize(b) or verdict is Verdict.SAME:
            statuses.add(RowStatus.SAME)
        elif verdict is Verdict.DIFFERENT or clearly_differ(a, b):
            statuses.add(RowStatus.DIFFERENT)
        else:
            statuses.add(RowStatus.WORDED)
    status = next(
        (s for s in (RowStatus.DIFFERENT, RowStatus.WORDED) if s in statuses), RowStatus.SAME
    )
    return status, (given.pop() if len(given) == 1 else None)


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
    return build_comparison(opinions, list_verdicts(session, opinions[0].person_id))


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
    opinions: list[OpinionRow] | tuple[OpinionRow, ...],
    selected_ids: list[int],
    verdicts: Verdicts | None = None,
) -> Comparison | None:
    """The comparison of the opinions :func:`chosen_for_comparison` picks; None if under two."""
    chosen = chosen_for_comparison(opinions, selected_ids)
    return build_comparison(chosen, verdicts) if len(chosen) >= MIN_COMPARED else None


def build_comparison(
    opinions: list[OpinionRow] | tuple[OpinionRow, ...], verdicts: Verdicts | None = None
) -> Comparison:
    """The comparison of opinions already loaded (kept separate for exports and tests)."""
    rows = []
    for key, label in COMPARED_FIELDS:
        values = tuple(str(getattr(o, key)) for o in opinions)
        status, verdict = _row_status(opinions, key, values, verdicts or {})
        rows.append(
            ComparisonRow(
                key=key,
                label=label,
                values=values,
                differs=status is RowStatus.DIFFERENT,
                decisive=key in DECISIVE_FIELDS,
                status=status,
                verdict=verdict,
            )
        )
    by_key = {row.key: row for row in rows}
    diagnosis_differs = by_key["diagnosis"].differs
    treatment_differs = by_key["recommended_treatment"].differs
    worded = tuple(r.key for r in rows if r.decisive and r.worded)
    return Comparison(
        opinions=tuple(opinions),
        rows=tuple(rows),
        diagnosis_differs=diagnosis_differs,
        treatment_differs=treatment_differs,
        summary_words=_summary(opinions, by_key, diagnosis_differs, treatment_differs, worded),
        worded_differently=worded,
    )


#: The banner's sentences, English keys the UI translates (context "opinions"); ``{doctors}``
#: is filled in after. One template per case, so a translation never has to stitch
#: fragments of a sentence together.
SUMMARY_TEXTS: dict[str, str] = {
    "both_differ": "{doctors} differ on the diagnosis and on the recommended treatment.",
    "diagnosis_differs": "{doctors} give different diagnoses.",
    "treatment_differs": "{doctors} recommend different treatments.",
    "advice": (
        "Ask each doctor about the difference, weigh the benefits and risks of each option, "
        "and consider a third opinion to help you decide."
    ),
    "worded_diagnosis": (
        "The diagnosis is worded differently, which may or may not mean the same. Read them "
        "side by side and mark each one Same or Different; ask the doctors if you are not sure."
    ),
    "worded_recommended_treatment": (
        "The recommended treatment is worded differently, which may or may not mean the same. "
        "Read them side by side and mark each one Same or Different; ask the doctors if you "
        "are not sure."
    ),
    "worded_both": (
        "The diagnosis and the recommended treatment are worded differently, which may or may "
        "not mean the same. Read them side by side and mark each one Same or Different; ask "
        "the doctors if you are not sure."
    ),
    "missing_diagnosis": (
        "No difference found in what is written, but the diagnosis is missing for at least "
        "one opinion. Add it to compare fully."
    ),
    "missing_recommended_treatment": (
        "No difference found in what is written, but the recommended treatment is missing for "
        "at least one opinion. Add it to compare fully."
    ),
    "missing_both": (
        "No difference found in what is written, but the diagnosis and the recommended "
        "treatment are missing for at least one opinion. Add them to compare fully."
    ),
    "agree": "{doctors} agree on the diagnosis and the recommended treatment.",
    "doctors_pair": "{first} and {last}",
}


@dataclass(frozen=True)
class SummaryWords:
    """What the banner says, as keys of :data:`SUMMARY_TEXTS`: the sentences in order, and the
    doctors' names for ``{doctors}``."""

    keys: tuple[str, ...]
    doctors: tuple[str, ...]

    def english(self) -> str:
        return " ".join(
            SUMMARY_TEXTS[key].format(doctors=join_doctors(self.doctors, SUMMARY_TEXTS))
            for key in self.keys
        )


def join_doctors(names: tuple[str, ...], texts: Mapping[str, str]) -> str:
    """ "A", "A and B", "A, B and C", with the "and" of ``texts["doctors_pair"]``."""
    if len(names) < 2:
        return names[0] if names else ""
    return texts["doctors_pair"].format(first=", ".join(names[:-1]), last=names[-1])


def _which(keys: list[str], prefix: str) -> str:
    return f"{prefix}_both" if len(keys) > 1 else f"{prefix}_{keys[0]}"


def _summary(
    opinions: list[OpinionRow] | tuple[OpinionRow, ...],
    by_key: dict[str, ComparisonRow],
    diagnosis_differs: bool,
    treatment_differs: bool,
    worded: tuple[str, ...] = (),
) -> SummaryWords:
    doctors = tuple(o.doctor_name for o in opinions)
    if diagnosis_differs and treatment_differs:
        return SummaryWords(("both_differ", "advice"), doctors)
    if diagnosis_differs:
        return SummaryWords(("diagnosis_differs", "advice"), doctors)
    if treatment_differs:
        return SummaryWords(("treatment_differs", "advice"), doctors)
    if worded:
        return SummaryWords((_which(list(worded), "worded"),), doctors)
    blanks = [
        key
        for key in ("diagnosis", "recommended_treatment")
        if any(not normalize(v) for v in by_key[key].values)
    ]
    if blanks:
        return SummaryWords((_which(blanks, "missing"),), doctors)
    return SummaryWords(("agree",), doctors)


# ------------------------------------------------------------------ the person's verdicts
def list_verdicts(session: Session, person_id: int) -> dict[tuple[int, int, str], Verdict]:
    """Every verdict the person gave on their opinions, keyed as :func:`pair_key`."""
    first = select(Opinion.id).where(Opinion.person_id == person_id)
    rows = session.scalars(select(OpinionVerdict).where(OpinionVerdict.first_id.in_(first)))
    return {(v.first_id, v.second_id, v.field.value): v.verdict for v in rows}


def set_verdict(
    session: Session, opinion_ids: Sequence[int], field: str, verdict: Verdict | None
) -> None:
    """The person's verdict on ``field`` for every pair of ``opinion_ids`` (None forgets it)."""
    try:
        compared = ComparedField(field)
    except ValueError:
        raise ValidationError("This part of an opinion cannot be compared.") from None
    unique = sorted(set(opinion_ids))
    if len(unique) < MIN_COMPARED:
        raise ValidationError("Choose two or three opinions to compare.", field="opinion_ids")
    people = {_get(session, opinion_id).person_id for opinion_id in unique}
    if len(people) != 1:
        raise ValidationError("Only opinions about the same person can be compared.")
    for first_id, second_id in itertools.combinations(unique, 2):
        existing = session.scalars(
            select(OpinionVerdict).where(
                OpinionVerdict.first_id == first_id,
                OpinionVerdict.second_id == second_id,
                OpinionVerdict.field == compared,
            )
        ).first()
        if verdict is None:
            if existing is not None:
                session.delete(existing)
        elif existing is None:
            session.add(
                OpinionVerdict(
                    first_id=first_id, second_id=second_id, field=compared, verdict=verdict
                )
            )
        else:
            existing.verdict = verdict
    session.flush()


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
