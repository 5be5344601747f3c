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
from second_opinion.export.summary_page import page_data, summary_story
from second_opinion.export.text import line, long_date, para, short_date, visit_time
from second_opinion.services.packet_data import (
    SECTION_TITLES,
    ContactBlock,
    PacketData,
    Section,
)

PACKET_TITLE = "Visit packet"


def render_packet(data: PacketData) -> bytes:
    """The packet as PDF bytes."""
    return PacketRenderer(data).render()


class PacketRenderer(DocumentRenderer):
    title = PACKET_TITLE

    def __init__(self, data: PacketData) -> None:
        visit = data.visit
        head = f"Visit packet · {visit.doctor.name} · {short_date(visit.starts_at.date())}"
        super().__init__(data.paper, data.person_name, running_head=head)
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
            self.p(SECTION_TITLES[section], "H1"),
            HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=1, spaceAfter=8),
        ]

    def _born(self) -> str:
        if self.data.date_of_birth is None:
            return "Date of birth: ______________"
        return f"Date of birth: {long_date(self.data.date_of_birth)}"

    def _identity_strip(self) -> list[Flowable]:
        visit = self.data.visit
        return [
            self.p(line(self.data.person_name), "H2"),
            self.p(
                f"{self._born()} · Visit with {line(visit.doctor.name)}, "
                f"{visit_time(visit.starts_at, visit.time_zone)}",
                "Small",
            ),
            HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=2, spaceAfter=10),
        ]

    def _doctor_parts(self, contact: ContactBlock) -> Parts:
        detail = ", ".join(x for x in (contact.specialty, contact.organization) if x)
        return (Long(contact.name, bold=True), Long(detail, empty=""))

    def _cover(self) -> list[Flowable]:
        data = self.data
        visit = data.visit
        rows: list[tuple[str, Cell]] = [
            ("Doctor", self._doctor_parts(visit.doctor)),
            ("Date and time", visit_time(visit.starts_at, visit.time_zone)),
            ("Length", f"{visit.duration_minutes} minutes"),
            ("How", Long(visit.mode)),
        ]
        if visit.is_telemedicine:
            rows.append(("Video link", Long(visit.telemedicine_url, empty="Not recorded yet")))
            if visit.location:
                rows.append(("Place", Long(visit.location)))
        else:
            place = visit.location or visit.doctor.address
            rows.append(("Place", Long(place, empty="Not recorded yet")))
        if visit.doctor.phone:
            rows.append(("Office phone", Long(visit.doctor.phone)))
        if visit.companion is not None:
            companion = " · ".join(x for x in (visit.companion.name, visit.companion.phone) if x)
            rows.append(("Coming along", Long(companion)))
        if visit.status and visit.status != "Planned":
            rows.append(("Status", Long(visit.status)))
        if visit.independence:
            rows.append(("Independence", Long(visit.independence)))

        story: list[Flowable] = [
            self.p("VISIT PACKET · SECOND OPINION", "Eyebrow"),
            self.p(line(data.person_name) or "&nbsp;", "Title"),
            self.p(self._born(), "Subtitle"),
            self.p("The visit", "H2"),
            self.key_value_table(rows),
            Spacer(1, 4 * mm),
            self.p("The condition under review", "H2"),
            self.p(para(data.condition) or "Not written down yet.", "Body"),
            Spacer(1, 3 * mm),
        ]
        contents = [SECTION_TITLES[s] for s in self.printed_sections() if s is not Section.COVER]
        if contents:
            story.append(self.p("In this packet", "H2"))
            story += [self._bullet(title) for title in contents]
        story += [
            Spacer(1, 6 * mm),
            self.p(
                f"Prepared on {long_date(data.prepared_on)} by the patient or their "
                "caregiver. It contains confidential health information: please keep it with "
                "the patient's records.",
                "Small",
            ),
        ]
        return story

    def _bullet(self, markup: str) -> Flowable:
        return Paragraph(markup, self.styles["Body"], bulletText="•")

    def _insurance(self) -> list[Flowable]:
        info = self.data.insurance
        story = self._heading(Section.INSURANCE)
        plan_rows = [
            ("Insurer", info.insurer),
            ("Plan", info.plan_name),
            ("Member ID", info.member_id),
            ("Group number", info.group_number),
            ("Insurer phone", info.phone),
            ("Second opinion covered", info.second_opinion_covered),
            ("Referral needed", info.referral_needed),
            ("Prior authorization needed", info.prior_authorization_needed),
        ]
        shown: list[tuple[str, Cell]] = [(k, Long(v)) for k, v in plan_rows if v.strip()]
        if shown:
            story.append(self.key_value_table(shown, label_width=50 * mm))
        else:
            story.append(self.p("No insurance details recorded.", "Body"))
        if info.notes:
            story += [self.p("Notes on the plan", "H2"), self.p(para(info.notes))]

        story.append(self.p("For this visit", "H2"))
        referral = info.visit_referral
        if info.visit_referral_number:
            referral += f" · number {info.visit_referral_number}"
        prior = info.visit_prior_auth
        if info.visit_prior_auth_number:
            prior += f" · number {info.visit_prior_auth_number}"
        visit_rows: list[tuple[str, Cell]] = [
            ("Referral", Long(referral)),
            ("Prior authorization", Long(prior)),
        ]
        if info.expected_cost:
            visit_rows.append(("Expected cost to me", Long(info.expected_cost)))
        story.append(self.key_value_table(visit_rows, label_width=50 * mm))

        if info.calls:
            story.append(self.p("Calls to the insurer", "H2"))
            widths = [26 * mm, 36 * mm, 30 * mm]
            widths.append(self.content_width - sum(widths))
            rows = [
                [
                    short_date(call.called_on),
                    Long(call.spoke_with, empty=""),
                    Long(call.reference_number, empty=""),
                    Long(call.summary, empty=""),
                ]
                for call in info.calls
            ]
            story.append(
                self.grid_table(["Date", "Spoke with", "Reference", "What they said"], rows, widths)
            )
        return story

    def _care_team(self) -> list[Flowable]:
        story = self._heading(Section.CARE_TEAM)
        if not self.data.care_team:
            return [*story, self.p("No doctors recorded yet.")]
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
            rows.append([Plain(member.relation), who, Plain(contact.phone), Plain(contact.fax)])
        story.append(self.grid_table(["Role", "Name", "Phone", "Fax"], rows, widths))
        return story

    def _records(self) -> list[Flowable]:
        data = self.data
        story = self._heading(Section.RECORDS)
        doctor = line(data.visit.doctor.name)
        if data.records:
            story.append(
                self.p(f"Records requested for {doctor}, with where each one stands.", "Small")
            )
            widths = [0.0, 36 * mm, 27 * mm, 44 * mm]
            widths[0] = self.content_width - sum(widths)
            rows: list[list[Cell]] = []
            for record in data.records:
                what = (Long(record.kind, bold=True), Long(record.description, empty=""))
                # Plain strings where they can be: a thousand-row table lays out much faster.
                status: Cell = Plain(record.state)
                if record.overdue:
                    status = (Long(record.state), '<font color="#8a3b12"><b>Overdue</b></font>')
                dates = [
                    ("Service", record.date_of_service),
                    ("Requested", record.requested_on),
                    ("Due", record.due_on),
                    ("Sent", record.sent_on),
                    ("Received", record.received_on),
                ]
                date_lines = "\n".join(
                    f"{label}: {short_date(value)}" for label, value in dates if value
                )
                rows.append([what, Long(record.holder), status, Plain(date_lines)])
            story.append(self.grid_table(["Record", "From", "Status", "Dates"], rows, widths))
        else:
            story.append(self.p(f"No records have been requested for {doctor} yet."))

        story.append(self.p("Still missing", "H2"))
        if data.missing:
            widths = [0.0, 40 * mm, 62 * mm]
            widths[0] = self.content_width - sum(widths)
            rows = []
            for missing in data.missing:
                what = (Long(missing.kind, bold=True), Long(missing.description, empty=""))
                rows.append([what, Long(missing.holder), Plain(missing.reason)])
            story.append(self.grid_table(["Record", "Held by", "Why it is missing"], rows, widths))
        elif not data.records:
            # No request and nothing missing means the app lists no records at all.
            story.append(self.p("No records are listed yet."))
        else:
            story.append(
                self.p(
                    "Nothing: every record this doctor is expected to need has been sent to "
                    "or received by them."
                )
            )
        return story

    def _questions(self) -> list[Flowable]:
        story = self._heading(Section.QUESTIONS)
        questions = self.data.questions
        if not questions:
            return [
                *story,
                self.p("No questions written down yet. Use the lines below."),
                FillWithLines(),
            ]
        story.append(
            self.p(
                "In the order you put them in the app; top-priority questions are marked. "
                "Write the doctor's answer on the lines under each question.",
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
            tags = [line(question.category)]
            if question.is_top:
                tags.insert(0, "<b>Top priority</b>")
            block: list[Flowable] = [
                CachedParagraph(text, numbered, bulletText=f"{number}."),
                CachedParagraph(" · ".join(t for t in tags if t), meta),
            ]
            if question.answer:
                block.append(
                    CachedParagraph(f"Answer noted earlier: {para(question.answer)}", meta)
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
            )
            return [*self._heading(Section.MEDICATIONS), *summary_story(self, summary, False)]
        story = self._heading(Section.MEDICATIONS)
        story.append(self.p("Medications", "H2"))
        if data.medications.strip():
            story.append(self.p(para(data.medications)))
        else:
            story += [self.p("None recorded. Write them here:", "Small"), WritingLines(3)]
        story.append(self.p("Allergies", "H2"))
        if data.allergies.strip():
            story.append(self.p(para(data.allergies)))
        else:
            story += [self.p("None recorded. Write them here:", "Small"), WritingLines(2)]
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
                (label, Long(value)) for label, value in fields if value.strip()
            ]
            block: list[Flowable] = [
                self.p(f"{line(opinion.doctor)} · {long_date(opinion.given_on)}", "H2")
            ]
            block.append(
                self.key_value_table(rows, label_width=46 * mm)
                if rows
                else self.p("No details recorded.", "Small")
            )
            story += [CondPageBreak(35 * mm), *block, Spacer(1, 3 * mm)]
        return story

    def _notes(self) -> list[Flowable]:
        """What the person already noted for this visit, then lines for what is said there."""
        story = self._heading(Section.NOTES)
        if self.data.visit.notes.strip():
            story += [self.p(para(self.data.visit.notes), "Body"), Spacer(1, 4 * mm)]
        return [*story, FillWithLines()]
