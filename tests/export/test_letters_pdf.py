"""The letters and the authorization form, read back from the PDF."""

from __future__ import annotations

import dataclasses

import pytest

from second_opinion.domain.enums import TransferMethod
from second_opinion.export import render_letter
from second_opinion.export.letters import (
    CONDITION_STATEMENT,
    COPY_STATEMENT,
    REDISCLOSURE_STATEMENT,
    REVOKE_STATEMENT,
)
from second_opinion.services import legal_basis
from second_opinion.services.legal_basis import RequestBasis
from second_opinion.services.packet_data import (
    AuthorizationTerms,
    LetterKind,
    Paper,
    RecordItemLine,
)
from tests.export.pdfread import all_text, flat, pages_text, reader
from tests.export.samples import letter


def test_authorization_form_has_every_required_element() -> None:
    text = flat(all_text(render_letter(letter(LetterKind.AUTHORIZATION))))
    # 45 CFR 164.508(c)(1): what, who discloses, who receives, purpose, expiry, signature+date
    for snippet in (
        "What information may be disclosed",
        "Imaging studies and reports of both breasts",
        "Mammogram and ultrasound images",
        "Who may disclose the information",
        "Springfield Imaging",
        "Who may receive the information",
        "Dr. Ana Rao",
        "Purpose",
        "A second medical opinion, at my request.",
        "expires",
        "April 22, 2027",
        "Signature of the patient or personal representative",
        "Date",
        # ...and, when a representative signs, their authority to act
        "authority to act for the patient",
    ):
        assert flat(snippet) in text, snippet
    # 164.508(c)(2): revocation, conditioning, re-disclosure; (c)(4): a copy for the signer
    for statement in (
        REVOKE_STATEMENT,
        CONDITION_STATEMENT,
        REDISCLOSURE_STATEMENT,
        COPY_STATEMENT,
    ):
        assert flat(statement) in text


def test_authorization_without_stored_terms_leaves_blanks_for_expiry() -> None:
    text = all_text(render_letter(letter(LetterKind.AUTHORIZATION, authorization=None)))
    assert "on this date: ____" in text
    assert "or when this happens: ____" in text
    assert flat("A second medical opinion, at my request.") in flat(text)


def test_expiry_event_and_date_are_both_printed() -> None:
    terms = AuthorizationTerms(expires_on=None, expiry_event="the second opinion is given")
    text = flat(all_text(render_letter(letter(LetterKind.AUTHORIZATION, authorization=terms))))
    assert flat("when this happens: the second opinion is given") in text


ACCESS_CLOCK = (
    "45 CFR 164.524",
    "no later than 30 calendar days after you receive it",
    "extend that time once, by no more than 30 more days",
    "only by telling me in writing within the first 30 days",
)


def test_request_letter_states_the_access_deadline_correctly() -> None:
    # electronic copies directed to the second doctor: the right of access and its clock
    text = flat(all_text(render_letter(letter(LetterKind.REQUEST))))
    for snippet in (
        *ACCESS_CLOCK,
        "send electronic copies of the records listed below directly to the doctor",
        # the items, the recipient and the method, phrased as a sentence
        "Mammogram and ultrasound images",
        "Diagnostic mammogram report",
        "Dr. Ana Rao",
        "1200 Lakeshore Drive",
        "on a disc (CD or DVD) sent by mail",
        "ROI-88123",
    ):
        assert flat(snippet) in text, snippet
    # Since 2020 the fee limit does not cover copies sent to someone else: no claim of it.
    assert flat("cost-based") not in text
    # It never promises a fixed calendar date the holder must meet.
    assert "November 21, 2026" not in text


def test_own_copies_carry_the_clock_and_the_fee_limit() -> None:
    data = letter(
        LetterKind.REQUEST,
        recipient_is_sender=True,
        basis=RequestBasis.OWN_COPIES,
        method_phrase="by mail",
    )
    text = flat(all_text(render_letter(data)))
    for snippet in (*ACCESS_CLOCK, "for copies given to me", "reasonable, cost-based fee"):
        assert flat(snippet) in text, snippet


def test_paper_copies_to_a_doctor_claim_no_deadline_and_no_fee_rule() -> None:
    data = letter(
        LetterKind.REQUEST, basis=RequestBasis.HOLDER_POLICY, method_phrase="by fax", method="Fax"
    )
    text = flat(all_text(render_letter(data)))
    assert flat("Please send them to this doctor, by fax:") in text
    assert flat("right of access") not in text
    assert flat("30 calendar days") not in text and flat("cost-based") not in text
    assert flat("whether there is a fee") in text


def test_slides_are_requested_as_a_loan_not_under_the_right_of_access() -> None:
    slides = RecordItemLine(
        "Pathology slides or blocks", "H&E slides, case S26-1234", None, physical=True
    )
    data = letter(LetterKind.REQUEST, items=(slides,), basis=RequestBasis.HOLDER_POLICY)
    text = flat(all_text(render_letter(data)))
    assert flat("right of access") not in text and flat("30 calendar days") not in text
    assert flat("by what date the material must be returned") in text
    assert flat("recuts") in text and flat("H&E slides, case S26-1234") in text


def test_methods_read_as_sentences_never_by_in_person() -> None:
    for method in TransferMethod:
        for to_person in (True, False):
            phrase = legal_basis.method_phrase(method, to_person)
            assert "by in person" not in phrase.lower()
            assert not (not to_person and "portal" in phrase)
    assert legal_basis.methods_for(False) == [
        m for m in TransferMethod if m is not TransferMethod.PORTAL
    ]


def test_request_to_myself_asks_for_copies_to_me() -> None:
    data = letter(LetterKind.REQUEST, recipient_is_sender=True, basis=RequestBasis.OWN_COPIES)
    text = flat(all_text(render_letter(data)))
    assert flat("Please send the copies to me") in text
    assert flat("directly to the doctor") not in text


def test_letter_to_current_doctor_does_not_overstate_the_law() -> None:
    text = flat(all_text(render_letter(letter(LetterKind.CURRENT_DOCTOR))))
    assert flat("Dear Springfield Imaging,") in text
    assert flat("I am getting a second opinion") in text
    assert flat("without a signed authorization") in text
    assert "Signature" in text


def test_every_letter_has_footer_title_only_metadata_and_the_chosen_paper() -> None:
    for kind in LetterKind:
        pdf = render_letter(letter(kind))
        pages = pages_text(pdf)
        for number, page in enumerate(pages, start=1):
            assert "Confidential health information" in page
            assert f"Page {number} of {len(pages)}" in page
            assert "Maria Example" in page
        meta = reader(pdf).metadata or {}
        assert "Maria" not in str(dict(meta))
        box = reader(pdf).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_letter_with_no_items_leaves_room_to_describe_them() -> None:
    data = dataclasses.replace(letter(LetterKind.REQUEST), items=())
    text = all_text(render_letter(data))
    assert "please describe them" in text


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("kind", list(LetterKind))
def test_a_typical_letter_or_form_fits_one_sheet(kind: LetterKind, paper: Paper) -> None:
    # A form whose signature lines spill onto a second page is easily signed incompletely.
    assert len(pages_text(render_letter(letter(kind, paper=paper)))) == 1
