"""A realistic, entirely fictional example case, for trying the app and for screenshots.

Every name, number and address here is invented. Dates are relative to ``today`` so the
demo always has an upcoming visit, an overdue request and a visit in the past.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from second_opinion.domain.enums import (
    ContactKind,
    ContactRole,
    Priority,
    QuestionCategory,
    RecordKind,
    RequestState,
    TransferMethod,
    TriState,
    VisitMode,
    VisitStatus,
)
from second_opinion.domain.models import (
    Authorization,
    Contact,
    Decision,
    GuideProgress,
    InsuranceCall,
    InsurancePlan,
    Opinion,
    Person,
    Question,
    RecordItem,
    RecordRequest,
    RequestStateChange,
    Visit,
)
from second_opinion.services import health_summary
from second_opinion.services.demo_tracking import add_tracking

ZONE = "America/Chicago"


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _contact(session: Session, name: str, role: ContactRole, **fields: object) -> Contact:
    contact = Contact(name=name, role=role, **fields)
    contact.phone_digits = _digits(str(fields.get("phone", "")))
    contact.fax_digits = _digits(str(fields.get("fax", "")))
    session.add(contact)
    return contact


def _month_year(on: dt.date) -> str:
    """'October 2025': month names in English whatever the machine's locale."""
    return f"{_MONTHS[on.month - 1]} {on.year}"


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def build_demo(session: Session, today: dt.date) -> int:
    """Fill an empty vault with the example case; returns the first person's id."""
    day = dt.timedelta(days=1)

    maria = Person(
        name="Maria Example",
        date_of_birth=dt.date(1968, 4, 12),
        condition=(
            "A 2.1 cm mass in the left breast found on a screening mammogram; the core biopsy "
            "was read as invasive ductal carcinoma. The first surgeon recommends a mastectomy "
            "and I want a second opinion on the diagnosis and on breast-conserving options."
        ),
        medications="Lisinopril 10 mg once daily\nVitamin D 1000 IU daily",
        allergies="Penicillin (rash)",
    )
    tomas = Person(
        name="Tomás Example",
        date_of_birth=dt.date(1941, 11, 3),
        condition="Possible early Parkinson's disease; second opinion on the diagnosis.",
        medications="Amlodipine 5 mg",
        allergies="None known",
    )
    session.add_all([maria, tomas])
    session.flush()
    for person in (maria, tomas):
        for kind, column in health_summary.TEXT_COLUMN.items():
            health_summary.sync_text(session, person.id, kind, "", getattr(person, column))

    maria.insurance = InsurancePlan(
        insurer="Prairie Mutual Health (fictional)",
        plan_name="Prairie Choice PPO",
        member_id="PMH-4471-0923",
        group_number="GR-88120",
        phone="1-800-555-0142",
        second_opinion_covered=TriState.YES,
        referral_needed=TriState.NO,
        prior_authorization_needed=TriState.YES,
        notes="Second opinions covered in network; out of network needs prior authorization.",
    )
    session.add(
        InsuranceCall(
            person_id=maria.id,
            called_on=today - 20 * day,
            spoke_with="Dana (member services)",
            reference_number="CALL-20931",
            summary="Second opinion covered at 90% in network. Prior authorization needed "
            "for out-of-network specialists; allow 5 business days.",
        )
    )

    first = _contact(
        session,
        "Dr. Helen Ward",
        ContactRole.FIRST_OPINION,
        specialty="Breast surgery",
        organization="Lakeside Surgical Associates",
        health_system="Riverbend Health",
        phone="(312) 555-0101",
        fax="(312) 555-0102",
        email="hward@lakeside.example",
        address="200 Lake Street, Suite 4, Springfield, IL 62701",
        in_network=TriState.YES,
    )
    candidate_same_system = _contact(
        session,
        "Dr. Omar Haddad",
        ContactRole.SECOND_OPINION_CANDIDATE,
        specialty="Surgical oncology",
        organization="Riverbend Cancer Center",
        health_system="Riverbend Health.",
        phone="(312) 555-0130",
        fax="(312) 555-0131",
        recommended_by="Dr. Helen Ward",
        in_network=TriState.YES,
    )
    second = _contact(
        session,
        "Dr. Aiko Tanaka",
        ContactRole.SECOND_OPINION_CHOSEN,
        specialty="Breast surgical oncology",
        organization="Northfield University Medical Center",
        health_system="Northfield University Health",
        phone="+1 312 555 0177",
        fax="+1 312 555 0178",
        email="breastclinic@northfield.example",
        address="1 University Plaza, Building C, Northfield, IL 60093",
        portal_url="https://mychart.northfield.example",
        recommended_by="Cancer support group",
        in_network=TriState.NO,
    )
    telemed = _contact(
        session,
        "Dr. Rafael Costa",
        ContactRole.SECOND_OPINION_CANDIDATE,
        specialty="Breast pathology",
        organization="Coastal Pathology Consultants",
        health_system="",
        phone="(415) 555-0190",
        fax="(415) 555-0191",
        in_network=TriState.UNKNOWN,
    )
    primary = _contact(
        session,
        "Dr. Grace Okafor",
        ContactRole.PRIMARY_CARE,
        specialty="Family medicine",
        organization="Elm Street Family Practice",
        phone="(312) 555-0150",
        fax="(312) 555-0151",
        in_network=TriState.YES,
    )
    radiology = _contact(
        session,
        "Springfield Imaging Center",
        ContactRole.RECORDS_DEPARTMENT,
        kind=ContactKind.ORGANIZATION,
        organization="Springfield Imaging Center",
        phone="(312) 555-0160",
        fax="(312) 555-0161",
        notes="Images on CD, ready in 3 to 5 business days. Bring photo ID to pick up.",
    )
    him = _contact(
        session,
        "Riverbend Health – Health Information Management",
        ContactRole.RECORDS_DEPARTMENT,
        kind=ContactKind.ORGANIZATION,
        organization="Riverbend Health",
        health_system="Riverbend Health",
        phone="(312) 555-0170",
        fax="(312) 555-0171",
        portal_url="https://records.riverbend.example",
    )
    pathology_lab = _contact(
        session,
        "Riverbend Pathology Lab",
        ContactRole.RECORDS_DEPARTMENT,
        kind=ContactKind.ORGANIZATION,
        organization="Riverbend Pathology",
        health_system="Riverbend Health",
        phone="(312) 555-0180",
        fax="(312) 555-0181",
    )
    _contact(
        session,
        "Prairie Mutual Health – Member Services",
        ContactRole.INSURER,
        kind=ContactKind.ORGANIZATION,
        organization="Prairie Mutual Health",
        phone="1-800-555-0142",
    )
    sister = _contact(
        session,
        "Lucia Example",
        ContactRole.SUPPORT_PERSON,
        phone="(312) 555-0199",
        email="lucia@example.com",
        notes="Can drive; will take notes at visits.",
    )
    friend = _contact(
        session,
        "Sam Rivera",
        ContactRole.SUPPORT_PERSON,
        phone="(312) 555-0198",
    )
    neuro = _contact(
        session,
        "Dr. Ivan Petrov",
        ContactRole.SPECIALIST,
        specialty="Neurology (movement disorders)",
        organization="Lakeview Neurology",
        phone="(312) 555-0111",
        fax="(312) 555-0112",
    )
    myself = _contact(session, "Maria Example (myself)", ContactRole.SELF, phone="(312) 555-0100")
    session.flush()

    def item(kind: RecordKind, description: str, days_ago: int, holder: Contact) -> RecordItem:
        record = RecordItem(
            person_id=maria.id,
            kind=kind,
            description=description,
            date_of_service=today - days_ago * day,
            holder_id=holder.id,
        )
        session.add(record)
        return record

    mammo_report = item(RecordKind.IMAGING_REPORT, "Diagnostic mammogram report", 48, radiology)
    mammo_files = item(
        RecordKind.IMAGING_FILES, "Mammogram and ultrasound images (CD)", 48, radiology
    )
    mri_report = item(RecordKind.IMAGING_REPORT, "Breast MRI report", 35, radiology)
    mri_files = item(RecordKind.IMAGING_FILES, "Breast MRI images (CD)", 35, radiology)
    path_report = item(
        RecordKind.PATHOLOGY_REPORT, "Core biopsy pathology report", 40, pathology_lab
    )
    slides = item(RecordKind.PATHOLOGY_MATERIAL, "Biopsy slides and block A1", 40, pathology_lab)
    labs = item(RecordKind.LAB_RESULTS, "Blood count and metabolic panel", 30, him)
    notes = item(RecordKind.VISIT_NOTES, "Surgical consultation note, Dr. Ward", 28, him)
    genetics = item(RecordKind.LAB_RESULTS, "Genetic testing (BRCA panel)", 21, him)
    med_list = item(RecordKind.MEDICATION_LIST, "Current medication list", 10, primary)
    pcp_notes = item(RecordKind.VISIT_NOTES, "Primary care notes, last 12 months", 60, primary)
    receptor = item(RecordKind.PATHOLOGY_REPORT, "ER/PR/HER2 receptor results", 38, pathology_lab)
    echo = item(RecordKind.OTHER, "Echocardiogram summary", 90, him)
    # Words that name a month or year are written from the record's own date, so they agree
    # whatever day the demo is built on.
    er_visit, lumpectomy = today - 400 * day, today - 3800 * day
    discharge = item(
        RecordKind.DISCHARGE_SUMMARY,
        f"ER visit discharge summary ({_month_year(er_visit)})",
        400,
        him,
    )
    op_report = item(
        RecordKind.OPERATIVE_REPORT,
        f"Prior lumpectomy (benign, {lumpectomy.year}) operative report",
        3800,
        him,
    )
    session.flush()

    auth = Authorization(
        person_id=maria.id,
        holder_id=him.id,
        recipient_id=second.id,
        scope="All records related to the breast cancer diagnosis, since "
        + _month_year(today - 48 * day),  # the diagnostic mammogram
        purpose="Second opinion",
        signed_on=today - 25 * day,
        expires_on=today + 340 * day,
    )
    old_auth = Authorization(
        person_id=maria.id,
        holder_id=radiology.id,
        recipient_id=telemed.id,
        scope="Imaging reports and images",
        purpose="Second opinion (earlier candidate)",
        signed_on=today - 200 * day,
        expires_on=today - 20 * day,
    )
    session.add_all([auth, old_auth])
    session.flush()

    def request(
        holder: Contact,
        recipient: Contact,
        items: list[RecordItem],
        method: TransferMethod,
        path: list[tuple[RequestState, int]],
        **extra: object,
    ) -> RecordRequest:
        """``path`` lists (state, days ago) in order; the request ends in the last state."""
        req = RecordRequest(
            person_id=maria.id,
            holder_id=holder.id,
            recipient_id=recipient.id,
            method=method,
            items=items,
            **extra,
        )
        for state, days_ago in path:
            on = today - days_ago * day
            change = RequestStateChange(state=state, on=on)
            req.history.append(change)
            req.state = state
            if state == RequestState.REQUESTED and req.requested_on is None:
                req.requested_on = on
                req.due_on = change.due_on = on + 30 * day
            elif state == RequestState.SENT:
                req.sent_on = on
            elif state == RequestState.RECEIVED:
                req.received_on = on
        session.add(req)
        return req

    request(
        radiology,
        second,
        [mammo_report, mri_report],
        TransferMethod.FAX,
        [
            (RequestState.TO_REQUEST, 30),
            (RequestState.REQUESTED, 29),
            (RequestState.SENT, 20),
            (RequestState.RECEIVED, 18),
        ],
        reference_number="SIC-7781",
    )
    discs_request = request(
        radiology,
        second,
        [mammo_files, mri_files],
        TransferMethod.COURIER,
        [(RequestState.TO_REQUEST, 30), (RequestState.REQUESTED, 28), (RequestState.SENT, 3)],
        fee_cents=2500,
        reference_number="SIC-7790",
        notes="Two CDs by courier.",
    )
    slides_request = request(
        pathology_lab,
        second,
        [path_report, receptor, slides],
        TransferMethod.COURIER,
        [(RequestState.TO_REQUEST, 45), (RequestState.REQUESTED, 40)],
        reference_number="RPL-0412",
        notes="Slides must go to Northfield pathology, attention Dr. Tanaka's team.",
    )
    request(
        him,
        second,
        [labs, notes, genetics],
        TransferMethod.PORTAL,
        [
            (RequestState.TO_REQUEST, 20),
            (RequestState.REQUESTED, 19),
            (RequestState.PARTLY_RECEIVED, 6),
        ],
        authorization_id=auth.id,
    )
    mailed = request(
        him,
        myself,
        [discharge, op_report],
        TransferMethod.MAIL,
        [
            (RequestState.TO_REQUEST, 15),
            (RequestState.REQUESTED, 14),
            (RequestState.WAITING_ON_ME, 9),
        ],
        notes="They need a signed release form with a copy of my ID.",
    )
    request(
        primary,
        second,
        [med_list, pcp_notes],
        TransferMethod.FAX,
        [(RequestState.TO_REQUEST, 2)],
    )
    extended = request(
        radiology,
        telemed,
        [mri_files],
        TransferMethod.DISC,
        [(RequestState.TO_REQUEST, 50), (RequestState.REQUESTED, 45), (RequestState.EXTENDED, 20)],
        authorization_id=old_auth.id,
    )
    extended.extended_due_on = extended.history[-1].due_on = (
        extended.requested_on or today
    ) + 60 * day
    request(
        him,
        candidate_same_system,
        [echo],
        TransferMethod.FAX,
        [(RequestState.TO_REQUEST, 70), (RequestState.REQUESTED, 65), (RequestState.PROBLEM, 50)],
        notes="Fax number was wrong; request was returned.",
    )
    session.flush()
    add_tracking(
        session,
        today,
        slides=slides,
        slides_request=slides_request,
        discs=mri_files,
        discs_request=discs_request,
        extended=extended,
        mailed=mailed,
    )

    now = dt.datetime.now(ZoneInfo(ZONE))

    def at(days: int, hour: int, minute: int = 0) -> dt.datetime:
        local = (now + dt.timedelta(days=days)).replace(
            hour=hour, minute=minute, second=0, microsecond=0
        )
        return local.astimezone(dt.UTC)

    past_visit = Visit(
        person_id=maria.id,
        doctor_id=first.id,
        starts_at=at(-28, 9, 30),
        time_zone=ZONE,
        mode=VisitMode.IN_PERSON,
        location=first.address,
        companion_id=sister.id,
        status=VisitStatus.DONE,
        notes="Surgeon recommended mastectomy.",
    )
    next_visit = Visit(
        person_id=maria.id,
        doctor_id=second.id,
        starts_at=at(9, 10, 0),
        time_zone=ZONE,
        mode=VisitMode.IN_PERSON,
        location=second.address,
        companion_id=sister.id,
        referral_needed=False,
        prior_auth_needed=True,
        prior_auth_obtained=True,
        prior_auth_number="PA-55120",
        expected_cost_cents=7500,
        status=VisitStatus.PLANNED,
    )
    tele_visit = Visit(
        person_id=maria.id,
        doctor_id=telemed.id,
        starts_at=at(16, 14, 0),
        time_zone=ZONE,
        mode=VisitMode.TELEMEDICINE,
        telemedicine_url="https://video.coastal-pathology.example/room/4471",
        prior_auth_needed=True,
        prior_auth_obtained=False,
        status=VisitStatus.PLANNED,
        notes="Pathology review of the slides by video.",
    )
    session.add_all([past_visit, next_visit, tele_visit])
    session.flush()

    q = QuestionCategory
    top, normal, low = int(Priority.TOP), int(Priority.NORMAL), int(Priority.LOW)
    questions: list[tuple[str, QuestionCategory, int, Visit | None, bool, str]] = [
        (
            "Do you agree with the diagnosis of invasive ductal carcinoma?",
            q.DIAGNOSIS,
            top,
            next_visit,
            False,
            "",
        ),
        (
            "What stage do you think this is, and what is it based on?",
            q.DIAGNOSIS,
            top,
            next_visit,
            False,
            "",
        ),
        (
            "Would you have the biopsy slides re-read by your own pathologist?",
            q.DIAGNOSIS,
            normal,
            next_visit,
            False,
            "",
        ),
        (
            "Am I a candidate for a lumpectomy with radiation instead of a mastectomy?",
            q.TREATMENT,
            top,
            next_visit,
            False,
            "",
        ),
        (
            "Would you recommend chemotherapy or hormone therapy before surgery?",
            q.TREATMENT,
            normal,
            next_visit,
            False,
            "",
        ),
        (
            "What would you do differently from the first surgeon, and why?",
            q.SECOND_OPINION,
            top,
            next_visit,
            False,
            "",
        ),
        (
            "What are the risks of each surgery for someone with my blood pressure?",
            q.RISKS,
            normal,
            next_visit,
            False,
            "",
        ),
        (
            "How will treatment affect my work and daily life?",
            q.RISKS,
            normal,
            next_visit,
            False,
            "",
        ),
        (
            "What is the outlook with each treatment option?",
            q.PROGNOSIS,
            normal,
            next_visit,
            False,
            "",
        ),
        ("How soon do I need to decide?", q.PROGNOSIS, top, next_visit, False, ""),
        (
            "Would my treatment be done here or closer to home?",
            q.LOGISTICS,
            low,
            next_visit,
            False,
            "",
        ),
        ("Who do I call with questions after today?", q.LOGISTICS, low, next_visit, False, ""),
        (
            "Is this visit in network, and what will it cost me?",
            q.COSTS,
            normal,
            next_visit,
            False,
            "",
        ),
        (
            "Do you need any other tests or records before you can advise me?",
            q.SECOND_OPINION,
            normal,
            next_visit,
            False,
            "",
        ),
        ("Are there clinical trials I should know about?", q.TREATMENT, low, next_visit, False, ""),
        (
            "Is the tumor grade consistent with the receptor results?",
            q.DIAGNOSIS,
            normal,
            tele_visit,
            False,
            "",
        ),
        (
            "Do the slides show any spread to the lymph vessels?",
            q.DIAGNOSIS,
            top,
            tele_visit,
            False,
            "",
        ),
        (
            "Would additional stains change the diagnosis?",
            q.DIAGNOSIS,
            normal,
            tele_visit,
            False,
            "",
        ),
        (
            "What size is the tumor on the MRI?",
            q.DIAGNOSIS,
            normal,
            past_visit,
            True,
            "About 2.1 cm, no other areas seen.",
        ),
        (
            "Why do you recommend a mastectomy rather than a lumpectomy?",
            q.TREATMENT,
            top,
            past_visit,
            True,
            "Because of the location near the nipple; a lumpectomy is possible but harder.",
        ),
        (
            "How long is recovery after a mastectomy?",
            q.RISKS,
            normal,
            past_visit,
            True,
            "Four to six weeks.",
        ),
        ("Will I need radiation afterwards?", q.TREATMENT, normal, past_visit, False, ""),
        ("Can my sister come to the next appointments?", q.LOGISTICS, low, None, False, ""),
        (
            "Does insurance pay for a third opinion if the two disagree?",
            q.COSTS,
            normal,
            None,
            False,
            "",
        ),
        ("What support groups do you recommend?", q.LOGISTICS, low, None, False, ""),
    ]
    for position, (text, category, priority, visit, asked, answer) in enumerate(questions):
        session.add(
            Question(
                person_id=maria.id,
                text=text,
                category=category,
                priority=priority,
                position=position,
                visit_id=visit.id if visit else None,
                asked=asked,
                answer=answer,
            )
        )

    session.add_all(
        [
            Opinion(
                person_id=maria.id,
                doctor_id=first.id,
                given_on=today - 28 * day,
                diagnosis="Invasive ductal carcinoma, left breast, grade 2",
                stage="Stage IIA (clinical)",
                recommended_treatment="Mastectomy with sentinel lymph node biopsy",
                alternatives="Lumpectomy with radiation (less favored because of location)",
                benefits="One operation; radiation likely not needed",
                risks="Longer recovery; change in body image",
                urgency="Surgery within 4 to 6 weeks",
                confidence="Confident",
            ),
            Opinion(
                person_id=maria.id,
                doctor_id=candidate_same_system.id,
                given_on=today - 12 * day,
                diagnosis="Invasive ductal carcinoma, left breast, grade 2",
                stage="Stage IIA",
                recommended_treatment="Lumpectomy with sentinel node biopsy, then radiation",
                alternatives="Mastectomy",
                benefits="Breast conserved; same survival as mastectomy for this stage",
                risks="Six weeks of radiation; small chance of a second operation for margins",
                urgency="Within 6 weeks; no need to rush the decision by days",
                confidence="Fairly confident; would like MRI reviewed",
                notes="Same health system as Dr. Ward: not fully independent.",
            ),
            Decision(
                person_id=maria.id,
                decided_on=today - 10 * day,
                decision="Get an independent opinion at Northfield before deciding on surgery.",
                reasons="The two opinions differ on the operation, and Dr. Haddad works in the "
                "same health system as Dr. Ward.",
            ),
        ]
    )

    # Where Maria is in the guide: insurance sorted out, doctors found, records under way.
    done = (
        "insurance.details",
        "insurance.asked",
        "insurance.rules",
        "doctor.first",
        "doctor.candidates",
        "doctor.independent",
        "doctor.booked",
        "records.list",
        "records.requested",
        "questions.written",
        "support.companion",
    )
    for key in done:
        session.add(GuideProgress(person_id=maria.id, item_key=key))

    # Tomás: a small, early case, to show the person switcher.
    session.add(
        Visit(
            person_id=tomas.id,
            doctor_id=neuro.id,
            starts_at=at(30, 11, 0),
            time_zone=ZONE,
            mode=VisitMode.IN_PERSON,
            location="Lakeview Neurology, 40 Park Avenue",
            companion_id=friend.id,
            status=VisitStatus.PLANNED,
        )
    )
    session.add(
        Question(
            person_id=tomas.id,
            text="What makes you think this is Parkinson's disease?",
            category=QuestionCategory.DIAGNOSIS,
            priority=top,
            position=0,
        )
    )
    session.flush()
    return maria.id
