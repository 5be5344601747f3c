"""The visit packet: what the person carries into the second-opinion doctor's office."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
)
from reportlab.platypus.flowables import HRFlowable

from second_opinion.export.base import (
    ACCENT,
    RULE,
    CachedParagraph,
    Cell,
    DocumentRenderer,
    FillWithLines,
    Long,
    Parts,
    Plain,
    WritingLines,
)
from second_opinion.export.i18n import Words
from second_opinion.export.summary_page import page_data, summary_story
from second_opinion.export.text import line, para, visit_time
from second_opinion.services.packet_data import (
    SECTION_TITLES,
    ContactBlock,
    PacketData,
    Section,
)

PACKET_TITLE = "Visit packet"  # English; printed in the packet's language


def render_packet(data: PacketData) -> bytes:
    """The packet as PDF bytes."""
    return PacketRenderer(data).render()


class PacketRenderer(DocumentRenderer):
    title = PACKET_TITLE

    def __init__(self, data: PacketData) -> None:
        visit = data.visit
        words = Words(data.language)
        head = words.t(
            "Visit packet · {doctor} · {date}",
            doctor=visit.doctor.name,
            date=words.short_date(visit.starts_at.date()),
        )
        super().__init__(data.paper, data.person_name, head, data.language)
        self.data = data

    def printed_sections(self) -> list[Section]:
        """The chosen sections that have something to print: no earlier opinions is no page
        saying so."""
        data = self.data
        return [
            s
            for s in Section
            if s in data.sections and not (s is Section.OPINIONS and not data.opinions)
        ]

    def story(self) -> list[Flowable]:
        chosen = self.printed_sections()
        story: list[Flowable] = []
        if Section.COVER not in chosen:
            story += self._identity_strip()
        builders = {
            Section.COVER: self._cover,
            Section.INSURANCE: self._insurance,
            Section.CARE_TEAM: self._care_team,
            Section.RECORDS: self._records,
            Section.QUESTIONS: self._questions,
            Section.MEDICATIONS: self._medications,
            Section.OPINIONS: self._opinions,
            Section.NOTES: self._notes,
        }
        for index, section in enumerate(chosen):
            if index > 0:
                if section in (Section.QUESTIONS, Section.NOTES) or chosen[index - 1] is (
                    Section.COVER
                ):
                    story.append(PageBreak())
                else:
                    story += [Spacer(1, 6 * mm), CondPageBreak(45 * mm)]
            story += builders[section]()
        if not story:
            story = self._identity_strip()
        return story

    # Pieces ---------------------------------------------------------------------------

    def _heading(self, section: Section) -> list[Flowable]:
        return [
            self.p(self.t(SECTION_TITLES[section]), "H1"),
            HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=1, spaceAfter=8),
        ]

    def _born(self) -> str:
        if self.data.date_of_birth is None:
            return self.t("Date of birth: ______________")
        return self.t("Date of birth: {date}", date=self.words.long_date(self.data.date_of_birth))

    def _identity_strip(self) -> list[Flowable]:
        visit = self.data.visit
        return [
            self.p(line(self.data.person_name), "H2"),
            self.p(
                self.t(
                    "{born} · Visit with {doctor}, {when}",
                    born=self._born(),
                    doctor=line(visit.doctor.name),
                    when=self._when(),
                ),
                "Small",
            ),
            HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=2, spaceAfter=10),
        ]

    def _when(self) -> str:
        visit = self.data.visit
        return visit_time(visit.starts_at, visit.time_zone, self.words.language)

    def _doctor_parts(self, contact: ContactBlock) -> Parts:
        detail = ", ".join(x for x in (contact.specialty, contact.organization) if x)
        return (Long(contact.name, bold=True), Long(detail, empty=""))

    def _cover(self) -> list[Flowable]:
        data = self.data
        visit = data.visit
        t = self.t
        not_yet = t("Not recorded yet")
        rows: list[tuple[str, Cell]] = [
            (t("Doctor"), self._doctor_parts(visit.doctor)),
            (t("Date and time"), self._when()),
            (t("Length"), t("{minutes} minutes", minutes=visit.duration_minutes)),
            (t("How"), Long(t(visit.mode))),
        ]
        if visit.is_telemedicine:
            rows.append((t("Video link"), Long(visit.telemedicine_url, empty=not_yet)))
            if visit.location:
                rows.append((t("Place"), Long(visit.location)))
        else:
            place = visit.location or visit.doctor.address
            rows.append((t("Place"), Long(place, empty=not_yet)))
        if visit.doctor.phone:
            rows.append((t("Office phone"), Long(visit.doctor.phone)))
        if visit.companion is not None:
            companion = " · ".join(x for x in (visit.companion.name, visit.companion.phone) if x)
            rows.append((t("Coming along"), Long(companion)))
        if visit.status and visit.status != "Planned":
            rows.append((t("Status"), Long(t(visit.status))))
        if visit.independence:
            note = t("May not be independent: {reasons}", reasons=visit.independence)
            rows.append((t("Independence"), Long(note)))

        story: list[Flowable] = [
            self.p(t("VISIT PACKET · SECOND OPINION"), "Eyebrow"),
            self.p(line(data.person_name) or "&nbsp;", "Title"),
            self.p(self._born(), "Subtitle"),
            self.p(t("The visit"), "H2"),
            self.key_value_table(rows),
            Spacer(1, 4 * mm),
            self.p(t("The condition under review"), "H2"),
            self.p(para(data.condition) or t("Not written down yet."), "Body"),
            Spacer(1, 3 * mm),
        ]
        contents = [t(SECTION_TITLES[s]) for s in self.printed_sections() if s is not Section.COVER]
        if contents:
            story.append(self.p(t("In this packet"), "H2"))
            story += [self._bullet(title) for title in contents]
        story += [
            Spacer(1, 6 * mm),
            self.p(
                t(
                    "Prepared on {date} by the patient or their caregiver. It contains "
                    "confidential health information: please keep it with the patient's "
                    "records.",
                    date=self.words.long_date(data.prepared_on),
                ),
                "Small",
            ),
        ]
        return story

    def _bullet(self, markup: str) -> Flowable:
        return Paragraph(markup, self.styles["Body"], bulletText="•")

    def _insurance(self) -> list[Flowable]:
        info = self.data.insurance
        t = self.t
        story = self._heading(Section.INSURANCE)
        plan_rows = [
            ("Insurer", info.insurer),
            ("Plan", info.plan_name),
            ("Member ID", info.member_id),
            ("Group number", info.group_number),
            ("Insurer phone", info.phone),
            ("Second opinion covered", t(info.second_opinion_covered)),
            ("Referral needed", t(info.referral_needed)),
            ("Prior authorization needed", t(info.prior_authorization_needed)),
        ]
        shown: list[tuple[str, Cell]] = [(t(k), Long(v)) for k, v in plan_rows if v.strip()]
        if shown:
            story.append(self.key_value_table(shown, label_width=50 * mm))
        else:
            story.append(self.p(t("No insurance details recorded."), "Body"))
        if info.notes:
            story += [self.p(t("Notes on the plan"), "H2"), self.p(para(info.notes))]

        story.append(self.p(t("For this visit"), "H2"))
        referral = t(info.visit_referral)
        if info.visit_referral_number:
            referral = t(
                "{state} · number {number}", state=referral, number=info.visit_referral_number
            )
        prior = t(info.visit_prior_auth)
        if info.visit_prior_auth_number:
            prior = t("{state} · number {number}", state=prior, number=info.visit_prior_auth_number)
        visit_rows: list[tuple[str, Cell]] = [
            (t("Referral"), Long(referral)),
            (t("Prior authorization"), Long(prior)),
        ]
        if info.expected_cost:
            visit_rows.append((t("Expected cost to me"), Long(info.expected_cost)))
        story.append(self.key_value_table(visit_rows, label_width=50 * mm))

        if info.calls:
            story.append(self.p(t("Calls to the insurer"), "H2"))
            widths = [26 * mm, 36 * mm, 30 * mm]
            widths.append(self.content_width - sum(widths))
            rows = [
                [
                    self.words.short_date(call.called_on),
                    Long(call.spoke_with, empty=""),
                    Long(call.reference_number, empty=""),
                    Long(call.summary, empty=""),
                ]
                for call in info.calls
            ]
            story.append(
                self.grid_table(
                    [t(h) for h in ("Date", "Spoke with", "Reference", "What they said")],
                    rows,
                    widths,
                )
            )
        return story

    def _care_team(self) -> list[Flowable]:
        story = self._heading(Section.CARE_TEAM)
        if not self.data.care_team:
            return [*story, self.p(self.t("No doctors recorded yet."))]
        widths = [34 * mm, 0.0, 31 * mm, 31 * mm]
        widths[1] = self.content_width - sum(widths)
        rows: list[list[Cell]] = []
        for member in self.data.care_team:
            contact = member.contact
            detail = ", ".join(x for x in (contact.specialty, contact.organization) if x)
            who: tuple[str | Long, ...] = (
                Long(contact.name, bold=True),
                Long(detail, empty=""),
                Long(contact.email, style="Small", empty=""),
                Long(contact.address, style="Small", empty=""),
            )
            relation = Plain(self.t(member.relation))
            rows.append([relation, who, Plain(contact.phone), Plain(contact.fax)])
        header = [self.t(h) for h in ("Role", "Name", "Phone", "Fax")]
        story.append(self.grid_table(header, rows, widths))
        return story

    def _records(self) -> list[Flowable]:
        data = self.data
        t = self.t
        story = self._heading(Section.RECORDS)
        doctor = line(data.visit.doctor.name)
        if data.records:
            story.append(
                self.p(
                    t("Records requested for {doctor}, with where each one stands.", doctor=doctor),
                    "Small",
                )
            )
            widths = [0.0, 36 * mm, 27 * mm, 44 * mm]
            widths[0] = self.content_width - sum(widths)
            rows: list[list[Cell]] = []
            for record in data.records:
                what = (Long(t(record.kind), bold=True), Long(record.description, empty=""))
                # Plain strings where they can be: a thousand-row table lays out much faster.
                state = t(record.state)
                status: Cell = Plain(state)
                if record.overdue:
                    late = t("Overdue")
                    status = (Long(state), f'<font color="#8a3b12"><b>{late}</b></font>')
                dates = [
                    ("Service", record.date_of_service),
                    ("Requested", record.requested_on),
                    ("Due", record.due_on),
                    ("Sent", record.sent_on),
                    ("Received", record.received_on),
                ]
                date_lines = "\n".join(
                    f"{t(label)}: {self.words.short_date(value)}" for label, value in dates if value
                )
                rows.append([what, Long(record.holder), status, Plain(date_lines)])
            header = [t(h) for h in ("Record", "From", "Status", "Dates")]
            story.append(self.grid_table(header, rows, widths))
        else:
            story.append(
                self.p(t("No records have been requested for {doctor} yet.", doctor=doctor))
            )

        story.append(self.p(t("Still missing"), "H2"))
        if data.missing:
            widths = [0.0, 40 * mm, 62 * mm]
            widths[0] = self.content_width - sum(widths)
            rows = []
            for missing in data.missing:
                what = (Long(t(missing.kind), bold=True), Long(missing.description, empty=""))
                rows.append([what, Long(missing.holder), Plain(missing.reason)])
            header = [t(h) for h in ("Record", "Held by", "Why it is missing")]
            story.append(self.grid_table(header, rows, widths))
        elif not data.records:
            # No request and nothing missing means the app lists no records at all.
            story.append(self.p(t("No records are listed yet.")))
        else:
            story.append(
                self.p(
                    t(
                        "Nothing: every record this doctor is expected to need has been sent "
                        "to or received by them."
                    )
                )
            )
        return story

    def _questions(self) -> list[Flowable]:
        story = self._heading(Section.QUESTIONS)
        questions = self.data.questions
        if not questions:
            return [
                *story,
                self.p(self.t("No questions written down yet. Use the lines below.")),
                FillWithLines(),
            ]
        story.append(
            self.p(
                self.t(
                    "In the order you put them in the app; top-priority questions are marked. "
                    "Write the doctor's answer on the lines under each question."
                ),
                "Small",
            )
        )
        story.append(Spacer(1, 2 * mm))
        style = self.styles["Question"]
        numbered = ParagraphStyle("Numbered", parent=style, leftIndent=9 * mm, bulletIndent=0)
        meta = ParagraphStyle(
            "QuestionMeta", parent=self.styles["Small"], leftIndent=9 * mm, spaceAfter=1
        )
        for number, question in enumerate(questions, start=1):
            text = para(question.text)
            if question.is_top:
                text = f"<b>{text}</b>"
            tags = [line(self.t(question.category))]
            if question.is_top:
                tags.insert(0, f"<b>{self.t('Top priority')}</b>")
            block: list[Flowable] = [
                CachedParagraph(text, numbered, bulletText=f"{number}."),
                CachedParagraph(" · ".join(t for t in tags if t), meta),
            ]
            if question.answer:
                block.append(
                    CachedParagraph(
                        self.t("Answer noted earlier: {answer}", answer=para(question.answer)), meta
                    )
                )
            block += [WritingLines(4 if question.is_top else 3, indent=9 * mm), Spacer(1, 5 * mm)]
            story.append(KeepTogether(block))
        return story

    def _medications(self) -> list[Flowable]:
        data = self.data
        if data.health_summary is not None:
            summary = page_data(
                data.health_summary,
                data.person_name,
                data.date_of_birth,
                data.prepared_on,
                data.paper,
                language=data.language,
            )
            return [*self._heading(Section.MEDICATIONS), *summary_story(self, summary, False)]
        t = self.t
        story = self._heading(Section.MEDICATIONS)
        story.append(self.p(t("Medications"), "H2"))
        if data.medications.strip():
            story.append(self.p(para(data.medications)))
        else:
            story += [self.p(t("None recorded. Write them here:"), "Small"), WritingLines(3)]
        story.append(self.p(t("Allergies"), "H2"))
        if data.allergies.strip():
            story.append(self.p(para(data.allergies)))
        else:
            story += [self.p(t("None recorded. Write them here:"), "Small"), WritingLines(2)]
        return story

    def _opinions(self) -> list[Flowable]:
        story = self._heading(Section.OPINIONS)
        for opinion in self.data.opinions:
            fields = [
                ("Diagnosis", opinion.diagnosis),
                ("Stage", opinion.stage),
                ("Recommended treatment", opinion.recommended_treatment),
                ("Alternatives", opinion.alternatives),
                ("Benefits", opinion.benefits),
                ("Risks", opinion.risks),
                ("Urgency", opinion.urgency),
                ("Confidence", opinion.confidence),
            ]
            rows: list[tuple[str, Cell]] = [
                (self.t(label), Long(value)) for label, value in fields if value.strip()
            ]
            given = self.words.long_date(opinion.given_on)
            block: list[Flowable] = [self.p(f"{line(opinion.doctor)} · {given}", "H2")]
            block.append(
                self.key_value_table(rows, label_width=46 * mm)
                if rows
                else self.p(self.t("No details recorded."), "Small")
            )
            story += [CondPageBreak(35 * mm), *block, Spacer(1, 3 * mm)]
        return story

    def _notes(self) -> list[Flowable]:
        """What the person already noted for this visit, then lines for what is said there."""
        story = self._heading(Section.NOTES)
        if self.data.visit.notes.strip():
            story += [self.p(para(self.data.visit.notes), "Body"), Spacer(1, 4 * mm)]
        return [*story, FillWithLines()]
