"""Letters and forms about one records request.

* the right-of-access request (45 CFR 164.524) from the person to a record holder;
* the authorization form with every element and statement 45 CFR 164.508(c) requires;
* a short letter to the current doctor about the second opinion.

The wording is careful not to overstate the law: providers may share records with each other
for treatment without the patient's authorization, yet many offices still ask for a form.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from second_opinion.export.base import ACCENT, FAINT_RULE, RULE, Cell, DocumentRenderer, Long, Parts
from second_opinion.export.text import line, para
from second_opinion.services.legal_basis import RequestBasis
from second_opinion.services.packet_data import (
    LETTER_TITLES,
    ContactBlock,
    LetterData,
    LetterKind,
    RecordItemLine,
)

BLANK = "_" * 28

#: The statements a valid authorization must contain (45 CFR 164.508(c)(2)) and the copy
#: notice of (c)(4); tests check each is on the form.
REVOKE_STATEMENT = (
    "I may revoke this authorization at any time by writing to the provider named in "
    "section 2. Revoking it does not undo a disclosure the provider has already made in "
    "reliance on this authorization. The provider's notice of privacy practices also "
    "explains how to revoke."
)
CONDITION_STATEMENT = (
    "The provider named in section 2 may not condition my treatment, payment, enrollment in a "
    "health plan or eligibility for benefits on whether I sign this authorization."
)
REDISCLOSURE_STATEMENT = (
    "Information disclosed under this authorization may be disclosed again by the recipient "
    "and may then no longer be protected by the federal privacy rules."
)
REFUSE_STATEMENT = "I may refuse to sign this authorization."
COPY_STATEMENT = "I am entitled to a copy of this signed authorization."
PSYCHOTHERAPY_STATEMENT = "This authorization does not cover psychotherapy notes."

DEFAULT_PURPOSE = "A second medical opinion, at my request."

ACCESS_DEADLINE = (
    "The HIPAA Privacy Rule (45 CFR 164.524) asks you to act on this request no later than "
    "30 calendar days after you receive it. If you cannot, you may extend that time once, by "
    "no more than 30 more days, and only by telling me in writing within the first 30 days "
    "why, and the date by which you will act."
)
ACCESS_FEE = (
    "If there is a fee, please tell me before you send the copies; for copies given to me, the "
    "rule allows only a reasonable, cost-based fee."
)
DIRECTED_FEE = "If there is a fee, please tell me before you send the copies."
HOLDER_POLICY_NOTE = (
    "Please let me know when you expect to send the copies, and whether there is a fee, before "
    "you send them."
)
MATERIAL_REQUEST = (
    "The second doctor's pathologist would also like to review the pathology material listed "
    "below. I understand that slides and blocks are usually released at a doctor's request, "
    "often as a loan. Please tell me what you need from the second doctor's office, whether "
    "recuts can be sent instead of originals, and by what date the material must be returned."
)
TREATMENT_SHARING = (
    "Providers may share records with one another for treatment without a signed "
    "authorization. If your office nevertheless needs one, please let me know and I will "
    "sign it promptly."
)


def render_letter(data: LetterData) -> bytes:
    """The letter or form ``data.kind`` as PDF bytes."""
    renderer: DocumentRenderer
    if data.kind is LetterKind.AUTHORIZATION:
        renderer = AuthorizationRenderer(data)
    elif data.kind is LetterKind.CURRENT_DOCTOR:
        renderer = CurrentDoctorLetterRenderer(data)
    else:
        renderer = RequestLetterRenderer(data)
    return renderer.render()


class _LetterBase(DocumentRenderer):
    margin_top = 15 * mm  # letters and forms aim for one sheet

    def __init__(self, data: LetterData) -> None:
        title = LETTER_TITLES[data.kind]
        super().__init__(data.paper, data.person_name, title, data.language)
        self.running_head = self.running_head.replace(title, self.t(title))
        self.data = data
        self.title = title
        # A letter reads best on one sheet: a slightly smaller body than the packet's.
        body = self.styles["Body"]
        body.fontSize, body.leading = 9.5, 13

    def _address_lines(self, contact: ContactBlock, with_role: bool = False) -> Parts:
        parts: list[str | Long] = [Long(contact.name, bold=True, empty="")]
        if with_role:
            parts.append(Long(contact.specialty, empty=""))
        if contact.organization != contact.name:
            parts.append(Long(contact.organization, empty=""))
        parts.append(Long(contact.address, empty=""))
        reach = [
            self.t("{label}: {value}", label=self.t(label), value=value)
            for label, value in (("Phone", contact.phone), ("Fax", contact.fax))
            if value
        ]
        parts.append(Long(" · ".join(reach), empty=""))
        email = self.t("E-mail: {email}", email=contact.email) if contact.email else ""
        parts.append(Long(email, empty=""))
        return tuple(parts)

    def _method_fallback(self) -> str:
        """ "by fax": only for data made without a method phrase (old callers, tests)."""
        method = line(self.t(self.data.method)).lower()
        return f"por {method}" if self.words.spanish else f"by {method}"

    def _sender_block(self) -> list[Flowable]:
        data = self.data
        sender = data.sender
        t = self.t
        born = (
            t("Date of birth: {date}", date=self.words.long_date(data.date_of_birth))
            if data.date_of_birth
            else ""
        )
        parts: Parts = (
            Long(data.person_name, bold=True, empty=""),
            born,
            Long(sender.address, empty=t("Address: {blank}", blank=BLANK)),
            Long(t("Phone: {phone}", phone=sender.phone), empty="")
            if sender.phone
            else t("Phone: {phone}", phone=BLANK),
            Long(t("E-mail: {email}", email=sender.email) if sender.email else "", empty=""),
        )
        when = self.words.long_date(data.requested_on) if data.requested_on else BLANK
        # Recipient on the left (where a window envelope shows it), sender and date on the
        # right: the letter's head takes a third of the page, not half of it.
        rows, _groups = self._expand(
            [
                [
                    self._address_lines(self.data.holder),
                    (*parts, "&nbsp;", t("Date: {date}", date=when)),
                ]
            ],
            ["Body", "Body"],
        )
        head = Table(
            rows,
            colWidths=[self.content_width * 0.55, self.content_width * 0.45],
            hAlign="LEFT",
        )
        head.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [head, Spacer(1, 5 * mm)]

    def _items_table(self, items: Sequence[RecordItemLine] | None = None) -> Flowable:
        items = self.data.items if items is None else tuple(items)
        if not items:
            return KeepTogether(
                [
                    self.p(self.t("The records (please describe them and their dates):"), "Small"),
                    *[self.p(BLANK * 3) for _ in range(3)],
                ]
            )
        widths = [48 * mm, 0.0, 35 * mm]  # "Fecha de atención" on one line
        widths[1] = self.content_width - sum(widths)
        rows = [
            [
                Long(self.t(item.kind), bold=True),
                Long(item.description),
                self.words.short_date(item.date_of_service) or "—",
            ]
            for item in items
        ]
        header = [self.t(h) for h in ("Record", "Description", "Date of service")]
        return self.grid_table(header, rows, widths)

    def _signature(self, closing: str = "Sincerely,") -> list[Flowable]:
        data = self.data
        table = Table(
            [
                [self.p("&nbsp;"), self.p("&nbsp;")],
                [self.p(self.t("Signature"), "Label"), self.p(self.t("Date"), "Label")],
            ],
            colWidths=[self.content_width * 0.62, self.content_width * 0.38],
            rowHeights=[11 * mm, None],
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (0, 0), 0.6, RULE),
                    ("LINEBELOW", (1, 0), (1, 0), 0.6, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, -1), 14),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ]
            )
        )
        return [
            KeepTogether(
                [
                    Spacer(1, 2 * mm),
                    self.p(self.t(closing)),
                    table,
                    self.p(line(data.person_name), "Body"),
                ]
            )
        ]


class RequestLetterRenderer(_LetterBase):
    """The person's written right-of-access request, listing the items, recipient and method."""

    def story(self) -> list[Flowable]:
        data = self.data
        t = self.t
        story = self._sender_block()
        subject = t("Request for copies of my health records: {name}", name=line(data.person_name))
        if data.date_of_birth is not None:
            subject += t(", born {date}", date=self.words.long_date(data.date_of_birth))
        story += [self.p(subject, "H2"), Spacer(1, 2 * mm)]
        if data.reference_number:
            reference = line(data.reference_number)
            story.append(self.p(t("Your reference: {reference}", reference=reference)))
        copies = [item for item in data.items if not item.physical]
        material = [item for item in data.items if item.physical]
        basis = data.basis
        method = line(data.method_phrase) or self._method_fallback()
        story.append(self.p(t("To the records department,")))
        if copies or not material:
            if basis is RequestBasis.HOLDER_POLICY:
                opening = (
                    "I am getting a second medical opinion, and I ask you to send copies of the "
                    "records listed below to the doctor named further down."
                )
            elif basis is RequestBasis.DIRECTED_ELECTRONIC:
                opening = (
                    "Under my right of access to my own health information, I ask you to send "
                    "electronic copies of the records listed below directly to the doctor "
                    "named further down."
                )
            else:
                opening = (
                    "Under my right of access to my own health information, I ask for copies "
                    "of the records listed below."
                )
            images = t(
                "Where a record includes images, please send the images themselves (for "
                "example on a disc or by secure link) as well as the written report."
            )
            story += [
                self.p(f"{t(opening)} {images}"),
                self._items_table(copies),
                Spacer(1, 3 * mm),
            ]
        if material:
            story += [self.p(t(MATERIAL_REQUEST)), self._items_table(material), Spacer(1, 3 * mm)]
        if data.recipient_is_sender:
            to_me = "Please send the copies to me, at the address above, {method}."
            story.append(self.p(t(to_me, method=method)))
        else:
            story.append(self.p(t("Please send them to this doctor, {method}:", method=method)))
            story += self._boxed(self._address_lines(data.recipient))
        closing = t(
            "If your office needs its own form, please send it to me and I will complete it "
            "straight away. Thank you for your help."
        )
        if basis is RequestBasis.OWN_COPIES:
            story += [self.p(t(ACCESS_DEADLINE)), self.p(f"{t(ACCESS_FEE)} {closing}")]
        elif basis is RequestBasis.DIRECTED_ELECTRONIC:
            story += [self.p(t(ACCESS_DEADLINE)), self.p(f"{t(DIRECTED_FEE)} {closing}")]
        else:
            story.append(self.p(f"{t(HOLDER_POLICY_NOTE)} {closing}"))
        story += self._signature()
        return story

    def _boxed(self, parts: Parts) -> list[Flowable]:
        return [*self.paras(parts, "Indented"), Spacer(1, 3 * mm)]


class CurrentDoctorLetterRenderer(_LetterBase):
    """A short, friendly letter telling the current doctor about the second opinion."""

    def story(self) -> list[Flowable]:
        data = self.data
        t = self.t
        story = self._sender_block()
        name = line(data.holder.name)
        about = t("About my care: a second opinion — {name}", name=line(data.person_name))
        story += [
            self.p(about, "H2"),
            Spacer(1, 2 * mm),
            self.p(t("Dear {name},", name=name) if name else t("Dear Doctor,")),
            self.p(
                t(
                    "I am writing to let you know that I am getting a second opinion about my "
                    "diagnosis and treatment options. I want to be confident in the decisions "
                    "ahead, and I value your care and would like you to stay involved."
                )
            ),
        ]
        if data.recipient_is_sender:
            story.append(self.p(t("Could you please send me copies of these records:")))
        else:
            who = line(data.recipient.name)
            if data.recipient.organization and data.recipient.organization != (data.recipient.name):
                who += f" ({line(data.recipient.organization)})"
            method = line(data.method_phrase) or self._method_fallback()
            story.append(
                self.p(
                    t(
                        "The second opinion is with {who}. Could you please send these records "
                        "to them, {method}:",
                        who=who,
                        method=method,
                    )
                )
            )
        story += [self._items_table(), Spacer(1, 3 * mm)]
        if not data.recipient_is_sender:
            story += self.paras(self._address_lines(data.recipient, with_role=True), "Indented")
            story.append(Spacer(1, 3 * mm))
        story += [
            self.p(t(TREATMENT_SHARING)),
            self.p(t("Thank you for your care and your help.")),
            *self._signature("With thanks,"),
        ]
        return story


class AuthorizationRenderer(_LetterBase):
    """A HIPAA authorization with every core element and required statement."""

    def story(self) -> list[Flowable]:
        data = self.data
        t = self.t
        terms = data.authorization
        story: list[Flowable] = [
            self.p(t("AUTHORIZATION · HIPAA PRIVACY RULE, 45 CFR 164.508"), "Eyebrow"),
            self.p(t("Authorization to disclose health information"), "FormTitle"),
            self.p(
                t(
                    "Please complete every section. Blanks are to be filled in by hand before "
                    "signing."
                ),
                "Small",
            ),
            HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=4, spaceAfter=6),
        ]
        story += self._patient()
        story.append(self._parties())
        story.append(self.p(t("4. What information may be disclosed"), "FormH2"))
        if terms is not None and terms.scope.strip():
            story.append(self.p(para(terms.scope)))
        story.append(self._items_table())
        story.append(self.p(t(PSYCHOTHERAPY_STATEMENT), "Small"))
        purpose = (
            Long(terms.purpose)
            if terms is not None and terms.purpose.strip()
            else t(DEFAULT_PURPOSE)
        )
        story += self._section(
            t("5. Purpose and expiry"),
            [(t("Purpose"), purpose), (t("This authorization expires"), self._expiry())],
        )
        story.append(self.p(t("6. I understand that"), "FormH2"))
        for statement in (
            REVOKE_STATEMENT,
            CONDITION_STATEMENT,
            REDISCLOSURE_STATEMENT,
            REFUSE_STATEMENT,
            COPY_STATEMENT,
        ):
            story.append(self.p(t(statement), "Statement"))
        story += self._signature_block()
        return story

    def _patient(self) -> list[Flowable]:
        """Section 1 on one line: name, date of birth, another identifier."""
        data = self.data
        born = self.words.long_date(data.date_of_birth) if data.date_of_birth else BLANK
        values, _groups = self._expand(
            [[Long(data.person_name, bold=True), born, "&nbsp;"]], ["Cell", "Cell", "Cell"]
        )
        labels = [
            self.p(self.t("Name"), "Label"),
            self.p(self.t("Date of birth"), "Label"),
            self.p(self.t("Medical record number (if known)"), "Label"),
        ]
        width = self.content_width
        table = Table(
            [labels, *values], colWidths=[width * 0.45, width * 0.22, width * 0.33], hAlign="LEFT"
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("LINEBELOW", (2, -1), (2, -1), 0.6, RULE),
                    ("LINEBELOW", (0, -1), (1, -1), 0.4, FAINT_RULE),
                ]
            )
        )
        return [self.p(self.t("1. Patient"), "FormH2"), table]

    def _expiry(self) -> str:
        t = self.t
        terms = self.data.authorization
        parts = []
        if terms is not None and terms.expires_on is not None:
            parts.append(t("on {date}", date=self.words.long_date(terms.expires_on)))
        if terms is not None and terms.expiry_event.strip():
            parts.append(t("when this happens: {event}", event=para(terms.expiry_event)))
        if not parts:
            return t("on this date: {blank}<br/>or when this happens: {blank}", blank=BLANK)
        either = t(", whichever comes first") if len(parts) > 1 else ""
        return t("<br/>or ").join(parts) + either

    def _parties(self) -> Flowable:
        """Sections 2 and 3 side by side: who discloses, who receives."""
        half = self.content_width / 2
        body, _groups = self._expand(
            [
                [
                    self._address_lines(self.data.holder),
                    self._address_lines(self.data.recipient),
                ]
            ],
            ["Cell", "Cell"],
        )
        heads = [
            self.p(self.t("2. Who may disclose the information"), "FormH2"),
            self.p(self.t("3. Who may receive the information"), "FormH2"),
        ]
        table = Table([heads, *body], colWidths=[half, half], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, -1), 10),
                    ("TOPPADDING", (0, 2), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 1), (-1, -2), 0),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.4, FAINT_RULE),
                ]
            )
        )
        return table

    def _section(self, heading: str, rows: list[tuple[str, Cell]]) -> list[Flowable]:
        return [self.p(heading, "FormH2"), self.key_value_table(rows, label_width=52 * mm)]

    def _signature_block(self) -> list[Flowable]:
        def signing_row(left: str, right: str) -> list[list[Flowable | str]]:
            labels = [self.p(self.t(left), "Label"), "", self.p(self.t(right), "Label")]
            return [["", "", ""], labels]

        # 164.508(c)(1)(vi): signature and date, and for a representative their authority.
        rows = [
            *signing_row("Signature of the patient or personal representative", "Date"),
            *signing_row(
                "Printed name of the personal representative (if any)",
                "Their authority to act for the patient (parent, guardian, power of attorney)",
            ),
        ]
        width = self.content_width
        # A narrow empty middle column keeps the two writing lines apart.
        table = Table(
            rows,
            colWidths=[width * 0.53, width * 0.05, width * 0.42],
            rowHeights=[9 * mm, None] * 2,
            hAlign="LEFT",
        )
        style: list[tuple[Any, ...]] = [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        for row in (0, 2):
            style.append(("LINEBELOW", (0, row), (0, row), 0.6, RULE))
            style.append(("LINEBELOW", (2, row), (2, row), 0.6, RULE))
        table.setStyle(TableStyle(style))
        return [KeepTogether([self.p(self.t("7. Signature"), "FormH2"), table])]
