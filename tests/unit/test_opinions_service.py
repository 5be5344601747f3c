"""Opinions: stored as written, compared without crying wolf over case or punctuation."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from second_opinion.domain.enums import ContactRole
from second_opinion.services import opinions
from second_opinion.services.errors import ValidationError
from second_opinion.services.opinions import OpinionInput, normalize
from tests.factories import make_contact, make_person


@pytest.fixture
def case(session):
    person = make_person(session)
    first = make_contact(session, "Dr. First", ContactRole.FIRST_OPINION)
    second = make_contact(session, "Dr. Second", ContactRole.SECOND_OPINION_CHOSEN)
    third = make_contact(session, "Dr. Third", ContactRole.SPECIALIST)
    return session, person.id, (first.id, second.id, third.id)


def add(session, person_id, doctor_id, day, diagnosis="", treatment="", **more) -> int:
    data = OpinionInput(
        doctor_id=doctor_id,
        given_on=dt.date(2026, 10, day),
        diagnosis=diagnosis,
        recommended_treatment=treatment,
        **more,
    )
    return opinions.add_opinion(session, person_id, data)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Stage II adenocarcinoma.", "stage ii Adenocarcinoma"),
        ("Non-small-cell lung cancer", "non small cell   lung cancer!"),
        ("Surgery, then chemotherapy", "surgery then chemotherapy"),
        ("ＣＴ scan", "ct scan"),
        ("IDC", "Invasive ductal carcinoma"),
        ("Stage IIA IDC, grade 2", "stage 2a invasive ductal carcinoma grade II"),
        ("Parkinson's disease", "Parkinson disease"),
        ("Chemo, then surgery", "chemotherapy then surgery"),
    ],
)
def test_same_words_in_other_case_punctuation_or_spacing_normalise_equal(a, b) -> None:
    assert normalize(a) == normalize(b)


def test_same_words_are_not_a_difference(case) -> None:
    session, person_id, (first, second, _) = case
    a = add(session, person_id, first, 1, "Ductal carcinoma in situ.", "Lumpectomy; radiation")
    b = add(session, person_id, second, 9, "ductal  carcinoma in-situ", "LUMPECTOMY, RADIATION")
    comparison = opinions.compare(session, [a, b])
    assert not comparison.differs
    assert "agree" in comparison.summary
    assert "third opinion" not in comparison.summary


def test_a_different_diagnosis_is_flagged_in_plain_words(case) -> None:
    session, person_id, (first, second, _) = case
    a = add(session, person_id, first, 1, "Invasive ductal carcinoma", "Mastectomy", risks="Pain")
    b = add(session, person_id, second, 9, "Benign fibroadenoma", "Mastectomy", risks="Scar")
    comparison = opinions.compare(session, [b, a])
    assert comparison.diagnosis_differs and not comparison.treatment_differs
    assert comparison.summary.startswith("Dr. First and Dr. Second give different diagnoses.")
    assert "third opinion" in comparison.summary
    # Columns are in the order the opinions were given, whatever order was asked for.
    assert [o.id for o in comparison.opinions] == [a, b]
    diagnosis_row = comparison.rows[0]
    assert diagnosis_row.key == "diagnosis" and diagnosis_row.flagged
    # Risks are always worded differently: noted, but not raised as a disagreement.
    risks_row = next(row for row in comparison.rows if row.key == "risks")
    assert risks_row.differs and not risks_row.flagged
    assert diagnosis_row.values == ("Invasive ductal carcinoma", "Benign fibroadenoma")


def test_a_different_treatment_among_three_is_flagged(case) -> None:
    session, person_id, (first, second, third) = case
    ids = [
        add(session, person_id, first, 1, "Prostate cancer", "Surgery"),
        add(session, person_id, second, 5, "prostate cancer.", "Active surveillance"),
        add(session, person_id, third, 9, "Prostate Cancer", "surgery"),
    ]
    comparison = opinions.compare(session, ids)
    assert comparison.treatment_differs and not comparison.diagnosis_differs
    assert comparison.summary.startswith(
        "Dr. First, Dr. Second and Dr. Third recommend different treatments."
    )
    assert [row.key for row in comparison.rows][:3] == [
        "diagnosis",
        "stage",
        "recommended_treatment",
    ]


def test_both_differing_and_a_blank_is_not_a_difference(case) -> None:
    session, person_id, (first, second, _) = case
    a = add(session, person_id, first, 1, "Lymphoma", "Chemotherapy", urgency="Within weeks")
    b = add(session, person_id, second, 2, "Reactive lymph node", "Watch and wait")
    both = opinions.compare(session, [a, b])
    assert both.diagnosis_differs and both.treatment_differs
    assert "differ on the diagnosis and on the recommended treatment" in both.summary
    urgency = next(row for row in both.rows if row.key == "urgency")
    assert not urgency.differs  # one blank: not recorded, not a disagreement

    c = add(session, person_id, second, 3, "lymphoma")
    partial = opinions.compare(session, [a, c])
    assert not partial.differs
    assert "missing" in partial.summary


def test_compare_needs_two_or_three(case) -> None:
    session, person_id, (first, second, third) = case
    ids = [add(session, person_id, d, i + 1, "x") for i, d in enumerate((first, second, third))]
    ids.append(add(session, person_id, first, 20, "y"))
    for chosen in ([ids[0]], [ids[0], ids[0]], ids):
        with pytest.raises(ValidationError):
            opinions.compare(session, chosen)


def test_opinion_crud_keeps_odd_text_and_refuses_empty(case) -> None:
    session, person_id, (first, _, _) = case
    odd = "<b>T2N0</b> & “margin” 🩺 — ممتاز"
    opinion_id = add(session, person_id, first, 1, odd, "Surgery", notes="n" * 50_000)
    row = opinions.get_opinion(session, opinion_id)
    assert (row.diagnosis, len(row.notes), row.doctor_name) == (odd, 50_000, "Dr. First")

    changed = opinions.to_input(row)
    opinions.update_opinion(
        session, opinion_id, OpinionInput(**{**changed.__dict__, "stage": "II"})
    )
    assert opinions.get_opinion(session, opinion_id).stage == "II"

    with pytest.raises(ValidationError) as err:
        add(session, person_id, first, 2, "  ", "")
    assert err.value.field == "diagnosis"
    with pytest.raises(ValidationError) as err:
        add(session, person_id, 4242, 2, "x")
    assert err.value.field == "doctor_id"

    opinions.delete_opinion(session, opinion_id)
    assert opinions.list_opinions(session, person_id) == []


def test_decision_log_newest_first_and_needs_a_decision(case) -> None:
    session, person_id, _ = case
    opinions.add_decision(session, person_id, dt.date(2026, 10, 1), "Wait for third opinion")
    later = opinions.add_decision(
        session, person_id, dt.date(2026, 11, 2), "Surgery at Mercy", "Both agree & <soon>"
    )
    log = opinions.list_decisions(session, person_id)
    assert log[0].id == later
    assert log[0].reasons == "Both agree & <soon>"
    with pytest.raises(ValidationError) as err:
        opinions.add_decision(session, person_id, dt.date(2026, 11, 3), "   ")
    assert err.value.field == "decision"
    opinions.delete_decision(session, later)
    assert len(opinions.list_decisions(session, person_id)) == 1


def _row(opinion_id: int, diagnosis: str, treatment: str) -> opinions.OpinionRow:
    return opinions.OpinionRow(
        id=opinion_id,
        person_id=1,
        doctor_id=opinion_id,
        doctor_name=f"Dr. {opinion_id}",
        given_on=dt.date(2026, 1, opinion_id),
        diagnosis=diagnosis,
        stage="",
        recommended_treatment=treatment,
        alternatives="",
        benefits="",
        risks="",
        urgency="",
        confidence="",
        notes="",
    )


_words = st.lists(
    st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=8),
    min_size=1,
    max_size=6,
)
_separators = st.lists(st.sampled_from([" ", "  ", ", ", ". ", "-", "; ", "\n", "!"]))


@settings(max_examples=150, deadline=None)
@given(words=_words, seps=_separators, data=st.data())
def test_recasing_and_repunctuating_the_same_words_never_counts_as_a_difference(
    words: list[str], seps: list[str], data: st.DataObject
) -> None:
    plain = " ".join(words)
    mangled = ""
    for position, word in enumerate(words):
        upper = data.draw(st.booleans())
        mangled += word.upper() if upper else word.lower()
        mangled += seps[position % len(seps)] if seps else " "
    # Some letters change length or form when case changes (ß -> SS, ǅ); compare their folds.
    assume(normalize(mangled) == normalize(" ".join(w.casefold() for w in words)))
    comparison = opinions.build_comparison([_row(1, plain, plain), _row(2, mangled, mangled)])
    assert not comparison.differs
    assert normalize(normalize(plain)) == normalize(plain)


@settings(max_examples=100, deadline=None)
@given(a=_words, b=_words)
def test_different_words_are_a_difference(a: list[str], b: list[str]) -> None:
    words_a, words_b = set(normalize(" ".join(a)).split()), set(normalize(" ".join(b)).split())
    plain = opinions.STOP_WORDS | opinions.NEGATIONS
    assume(words_a.isdisjoint(words_b) and not (words_a | words_b) & plain)
    comparison = opinions.build_comparison([_row(1, " ".join(a), "x"), _row(2, " ".join(b), "x")])
    assert comparison.diagnosis_differs and not comparison.treatment_differs
    assert "different diagnoses" in comparison.summary


def test_chosen_for_comparison_takes_two_or_three_else_the_latest_three() -> None:
    rows = [_row(n, "x", "y") for n in range(1, 6)]
    rows = [dataclasses.replace(r, given_on=dt.date(2026, 1, r.id)) for r in rows]
    assert [o.id for o in opinions.chosen_for_comparison(rows, [])] == [3, 4, 5]
    assert [o.id for o in opinions.chosen_for_comparison(rows, [4, 1])] == [1, 4]
    assert [o.id for o in opinions.chosen_for_comparison(rows, [1, 2, 3, 4])] == [3, 4, 5]
    assert [o.id for o in opinions.chosen_for_comparison(rows, [2])] == [3, 4, 5]
    assert opinions.compare_chosen(rows[:1], []) is None
    compared = opinions.compare_chosen(rows, [1, 2])
    assert compared is not None and not compared.differs


def test_other_wording_is_not_called_a_difference_until_the_person_says_so(case) -> None:
    """ "IDC" and "Invasive ductal carcinoma" agree; "Invasive ductal carcinoma" and "Ductal
    carcinoma in situ" may or may not: the banner asks, calmly, and the person decides."""
    from second_opinion.domain.enums import Verdict
    from second_opinion.services.opinions import RowStatus

    session, person_id, (first, second, _) = case
    a = add(session, person_id, first, 1, "IDC", "Mastectomy")
    b = add(session, person_id, second, 9, "Invasive ductal carcinoma", "mastectomy.")
    assert not opinions.compare(session, [a, b]).differs

    c = add(session, person_id, second, 10, "Ductal carcinoma in situ", "Mastectomy")
    worded = opinions.compare(session, [a, c])
    assert not worded.differs and not worded.rows[0].flagged
    assert worded.rows[0].status is RowStatus.WORDED
    assert worded.worded_differently == ("diagnosis",)
    assert "different diagnoses" not in worded.summary and "agree" not in worded.summary
    assert "worded differently" in worded.summary and "Same or Different" in worded.summary

    opinions.set_verdict(session, [c, a], "diagnosis", Verdict.DIFFERENT)
    confirmed = opinions.compare(session, [a, c])
    assert confirmed.diagnosis_differs and confirmed.rows[0].flagged
    assert confirmed.rows[0].verdict is Verdict.DIFFERENT
    assert confirmed.summary.startswith("Dr. First and Dr. Second give different diagnoses.")

    opinions.set_verdict(session, [a, c], "diagnosis", Verdict.SAME)
    same = opinions.compare(session, [a, c])
    assert not same.differs and same.rows[0].status is RowStatus.SAME
    assert "agree" in same.summary

    # The person's word wins even over text that looks clearly different, and can be taken back.
    d = add(session, person_id, first, 11, "Breast cancer", "Lumpectomy and radiation")
    assert opinions.compare(session, [a, d]).treatment_differs
    opinions.set_verdict(session, [a, d], "recommended_treatment", Verdict.SAME)
    assert not opinions.compare(session, [a, d]).treatment_differs
    opinions.set_verdict(session, [a, d], "recommended_treatment", None)
    assert opinions.compare(session, [a, d]).treatment_differs
    # Deleting an opinion takes its verdicts with it.
    opinions.delete_opinion(session, c)
    assert all(c not in key[:2] for key in opinions.list_verdicts(session, person_id))


def test_a_no_against_a_yes_is_clear_from_the_text() -> None:
    assert opinions.clearly_differ("Surgery", "No surgery")
    assert opinions.clearly_differ("Mastectomy", "Lumpectomy with radiation")
    assert not opinions.clearly_differ("Mastectomy", "Mastectomy with reconstruction")


def test_a_verdict_needs_two_opinions_and_a_compared_field(case) -> None:
    from second_opinion.domain.enums import Verdict

    session, person_id, (first, second, _) = case
    a = add(session, person_id, first, 1, "x")
    b = add(session, person_id, second, 2, "y")
    with pytest.raises(ValidationError):
        opinions.set_verdict(session, [a], "diagnosis", Verdict.SAME)
    with pytest.raises(ValidationError):
        opinions.set_verdict(session, [a, b], "notes", Verdict.SAME)
