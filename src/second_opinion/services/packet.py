"""Gathering what the printed documents show: the visit packet and the records letters.

The renderers in ``second_opinion.export`` take the plain dataclasses built here, never ORM
objects. This module queries the model directly (it is read-only) so it does not depend on
the other services' shapes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from second_opinion.domain.enums import (
    ContactRole,
    RecordKind,
    RequestState,
    TriState,
    VisitMode,
    VisitStatus,
)
from second_opinion.domain.models import (
    Authorization,
    Contact,
    InsuranceCall,
    Opinion,
    Person,
    Question,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.services import (
    authorizations,
    doctor_needs,
    health_summary,
    labels,
    legal_basis,
    printed_words,
)
from second_opinion.services.errors import must_exist
from second_opinion.services.independence import doctor_findings, may_not_be_independent
from second_opinion.services.packet_data import (
    ALL_SECTIONS,
    AuthorizationTerms,
    CareTeamMember,
    ContactBlock,
    InsuranceCallLine,
    InsuranceInfo,
    LetterData,
    LetterKind,
    MissingRecord,
    OpinionSummary,
    PacketData,
    Paper,
    QuestionLine,
    RecordItemLine,
    RecordLine,
    Section,
    VisitInfo,
)
from second_opinion.services.printed_words import ENGLISH, language_of, said, say
from second_opinion.services.record_requests import days_overdue, is_overdue
from second_opinion.services.tracking import lacks_by_item, lacks_phrase

# A record counts as with the doctor once the holder sent it or the doctor confirmed it.
_DELIVERED = (RequestState.SENT, RequestState.RECEIVED)
# Roles printed in the care team besides this visit's doctor, in this order.
_CARE_TEAM_ROLES = (
    ContactRole.FIRST_OPINION,
    ContactRole.SECOND_OPINION_CHOSEN,
    ContactRole.SPECIALIST,
    ContactRole.PRIMARY_CARE,
)


@dataclass(frozen=True)
class VisitChoice:
    """A visit as offered in "Prepare visit packet": id, when, with whom."""

    id: int
    starts_at: dt.datetime
    time_zone: str
    doctor_name: str
    mode: str
    status: str
    upcoming: bool


def _zone(name: str) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _today(now: dt.datetime | None) -> dt.date:
    return (now or dt.datetime.now(dt.UTC)).astimezone().date()


def contact_block(contact: Contact) -> ContactBlock:
    return ContactBlock(
        name=contact.name,
        role=labels.CONTACT_ROLE.get(contact.role, ""),
        specialty=contact.specialty,
        organization=contact.organization,
        address=contact.address,
        phone=contact.phone,
        fax=contact.fax,
        email=contact.email,
    )


def _get_visit(session: Session, visit_id: int) -> Visit:
    return must_exist(session, Visit, visit_id, f"There is no visit with id {visit_id}.")


def list_packet_visits(
    session: Session, person_id: int, now: dt.datetime | None = None
) -> list[VisitChoice]:
    """The person's visits, upcoming first (soonest first), then past ones (latest first)."""
    moment = now or dt.datetime.now(dt.UTC)
    visits = session.scalars(select(Visit).where(Visit.person_id == person_id)).all()
    choices = [
        VisitChoice(
            id=v.id,
            starts_at=v.starts_at.astimezone(_zone(v.time_zone)),
            time_zone=v.time_zone,
            doctor_name=v.doctor.name,
            mode=labels.VISIT_MODE[v.mode],
            status=labels.VISIT_STATUS[v.status],
            upcoming=_is_upcoming(v, moment),
        )
        for v in visits
    ]
    upcoming = sorted((c for c in choices if c.upcoming), key=lambda c: (c.starts_at, c.id))
    past = sorted(
        (c for c in choices if not c.upcoming), key=lambda c: (c.starts_at, c.id), reverse=True
    )
    return upcoming + past


def _is_upcoming(visit: Visit, now: dt.datetime) -> bool:
    ends = visit.starts_at + dt.timedelta(minutes=visit.duration_minutes)
    return visit.status is VisitStatus.PLANNED and ends >= now


def next_visit_id(session: Session, person_id: int | None, now: dt.datetime) -> int | None:
    """The soonest planned visit that has not ended yet (of one person, or of anyone)."""
    query = select(Visit).where(Visit.status == VisitStatus.PLANNED)
    if person_id is not None:
        query = query.where(Visit.person_id == person_id)
    # A visit that started an hour ago may still be going on; compare end times in Python.
    query = query.where(Visit.starts_at >= now - dt.timedelta(days=1))
    upcoming = [v for v in session.scalars(query).all() if _is_upcoming(v, now)]
    if not upcoming:
        return None
    return min(upcoming, key=lambda v: (v.starts_at, v.id)).id


def build_packet_data(
    session: Session,
    visit_id: int,
    sections: Iterable[Section] = ALL_SECTIONS,
    paper: Paper = Paper.A4,
    now: dt.datetime | None = None,
    language: str = ENGLISH,
) -> PacketData:
    """Everything the packet for ``visit_id`` prints, in ``language`` ("en" or "es": the
    reasons composed here; the export layer prints the rest). Raises ``NotFound``."""
    language = language_of(language)
    visit = _get_visit(session, visit_id)
    person = session.get(Person, visit.person_id)
    assert person is not None  # the foreign key guarantees it
    today = _today(now)
    chosen = tuple(s for s in Section if s in set(sections))
    zone = _zone(visit.time_zone)
    starts = visit.starts_at.astimezone(zone)
    info = VisitInfo(
        doctor=contact_block(visit.doctor),
        starts_at=starts,
        time_zone=visit.time_zone if zone is not dt.UTC else "UTC",
        duration_minutes=visit.duration_minutes,
        mode=labels.VISIT_MODE[visit.mode],
        is_telemedicine=visit.mode is VisitMode.TELEMEDICINE,
        location=visit.location,
        telemedicine_url=visit.telemedicine_url,
        companion=contact_block(visit.companion) if visit.companion is not None else None,
        status=labels.VISIT_STATUS[visit.status],
        independence=_independence(session, visit, language),
        notes=visit.notes,
    )
    records, missing = _records_for(session, person.id, visit, today, language)
    summary = health_summary.get_summary(session, person.id)
    return PacketData(
        person_name=person.name,
        date_of_birth=person.date_of_birth,
        # The cover names the condition under review, as the person wrote it in the profile;
        # every condition on file is in the health summary section.
        condition=person.condition,
        prepared_on=today,
        visit=info,
        insurance=_insurance(session, person, visit),
        care_team=_care_team(session, person.id, visit),
        records=records,
        missing=missing,
        questions=_questions(session, person.id, visit.id),
        medications=health_summary.as_text(summary.medications),
        allergies=health_summary.as_text(summary.allergies),
        health_summary=None if summary.is_empty() else summary,
        opinions=_opinions(session, person.id, starts.date()),
        sections=chosen,
        paper=paper,
        language=language,
    )


def _independence(session: Session, visit: Visit, language: str) -> str:
    """Why the visit's doctor may not be independent of a first-opinion doctor ("" if not),
    in ``language``; the packet prints it after a translated "May not be independent:"."""
    return said(may_not_be_independent(doctor_findings(session, visit.doctor_id)), language)


def _tri(value: object) -> str:
    return labels.TRI_STATE.get(value, "")  # type: ignore[call-overload, no-any-return]


def _need(needed: bool, obtained: bool, plan_says: TriState | None) -> str:
    """A referral or prior authorization for this visit. Not ticked on the visit is not the
    same as not needed: what the plan said decides, and an unknown prints as unknown."""
    if needed:
        return "Needed, obtained" if obtained else "Needed, not obtained yet"
    if obtained:
        return "Obtained"
    if plan_says is TriState.YES:
        return "Needed (your plan requires it), not obtained yet"
    if plan_says is TriState.NO:
        return "Not needed"
    return "Not known yet"


def _insurance(session: Session, person: Person, visit: Visit) -> InsuranceInfo:
    plan = person.insurance
    calls = session.scalars(
        select(InsuranceCall)
        .where(InsuranceCall.person_id == person.id)
        .order_by(InsuranceCall.called_on.desc(), InsuranceCall.id.desc())
    ).all()
    cost = ""
    if visit.expected_cost_cents is not None:
        cost = f"{visit.expected_cost_cents / 100:,.2f}"
    return InsuranceInfo(
        insurer=plan.insurer if plan else "",
        plan_name=plan.plan_name if plan else "",
        member_id=plan.member_id if plan else "",
        group_number=plan.group_number if plan else "",
        phone=plan.phone if plan else "",
        second_opinion_covered=_tri(plan.second_opinion_covered) if plan else "",
        referral_needed=_tri(plan.referral_needed) if plan else "",
        prior_authorization_needed=_tri(plan.prior_authorization_needed) if plan else "",
        notes=plan.notes if plan else "",
        visit_referral=_need(
            visit.referral_needed, visit.referral_obtained, plan.referral_needed if plan else None
        ),
        visit_referral_number=visit.referral_number,
        visit_prior_auth=_need(
            visit.prior_auth_needed,
            visit.prior_auth_obtained,
            plan.prior_authorization_needed if plan else None,
        ),
        visit_prior_auth_number=visit.prior_auth_number,
        expected_cost=cost,
        calls=tuple(
            InsuranceCallLine(c.called_on, c.spoke_with, c.reference_number, c.summary)
            for c in calls
        ),
    )


def _linked_contact_ids(session: Session, person_id: int) -> set[int]:
    """Contacts that appear anywhere in this person's case (contacts are shared by people)."""
    ids: set[int] = set()
    for column, model in (
        (Visit.doctor_id, Visit),
        (Opinion.doctor_id, Opinion),
        (RecordItem.holder_id, RecordItem),
        (RecordRequest.holder_id, RecordRequest),
        (RecordRequest.recipient_id, RecordRequest),
        (Authorization.holder_id, Authorization),
        (Authorization.recipient_id, Authorization),
    ):
        ids.update(
            i
            for i in session.scalars(select(column).where(model.person_id == person_id))
            if i is not None
        )
    return ids


def _care_team(session: Session, person_id: int, visit: Visit) -> tuple[CareTeamMember, ...]:
    members = [CareTeamMember("This visit", contact_block(visit.doctor))]
    linked = _linked_contact_ids(session, person_id)
    # With one person in the vault every doctor is theirs, even one not yet linked to anything.
    only_person = session.scalar(select(func.count()).select_from(Person)) == 1
    query = select(Contact).where(Contact.role.in_(_CARE_TEAM_ROLES), Contact.id != visit.doctor_id)
    if not only_person:
        query = query.where(Contact.id.in_(linked or {-1}))
    contacts = session.scalars(query).all()
    order = {role: i for i, role in enumerate(_CARE_TEAM_ROLES)}
    for contact in sorted(contacts, key=lambda c: (order[c.role], c.name.casefold(), c.id)):
        members.append(CareTeamMember(labels.CONTACT_ROLE[contact.role], contact_block(contact)))
    return tuple(members)


def _records_for(
    session: Session, person_id: int, visit: Visit, today: dt.date, language: str = ENGLISH
) -> tuple[tuple[RecordLine, ...], tuple[MissingRecord, ...]]:
    # Items and holders come in two extra queries, not one lazy load per request (a large
    # case has hundreds of requests to one doctor).
    requests = session.scalars(
        select(RecordRequest)
        .options(selectinload(RecordRequest.items), joinedload(RecordRequest.holder))
        .where(RecordRequest.person_id == person_id, RecordRequest.recipient_id == visit.doctor_id)
        .order_by(
            RecordRequest.requested_on.is_(None), RecordRequest.requested_on, RecordRequest.id
        )
    ).all()
    lines: list[RecordLine] = []
    for request in requests:
        state = labels.REQUEST_STATE[request.state]
        overdue = is_overdue(request.state, request.effective_due_on, request.sent_on, today)
        ordered = sorted(request.items, key=lambda i: (i.date_of_service or dt.date.min, i.id))
        items: Sequence[RecordItem | None] = ordered or [None]
        for item in items:
            lines.append(
                RecordLine(
                    kind=labels.RECORD_KIND[item.kind] if item else "Records (items not listed)",
                    description=item.description if item else "",
                    holder=request.holder.name,
                    date_of_service=item.date_of_service if item else None,
                    state=state,
                    requested_on=request.requested_on,
                    due_on=request.effective_due_on,
                    sent_on=request.sent_on,
                    received_on=request.received_on,
                    overdue=overdue,
                )
            )

    telemedicine = visit.mode is VisitMode.TELEMEDICINE
    # Only what this doctor is expected to need, not every record on file.
    expected = doctor_needs.expected_items(session, person_id, [visit.doctor_id])[visit.doctor_id]
    all_items = session.scalars(
        select(RecordItem)
        .options(selectinload(RecordItem.requests), joinedload(RecordItem.holder))
        .where(RecordItem.person_id == person_id, RecordItem.id.in_(expected))
        .order_by(RecordItem.date_of_service.is_(None), RecordItem.date_of_service, RecordItem.id)
    ).all()
    missing: list[MissingRecord] = []
    for item in all_items:
        to_doctor = [r for r in item.requests if r.recipient_id == visit.doctor_id]
        if any(r.state in _DELIVERED for r in to_doctor):
            continue
        reason = _missing_reason(to_doctor, today, language)
        if telemedicine and item.kind.needs_physical_transfer:
            reason += say("; it must reach the doctor before a video visit", language)
        missing.append(
            MissingRecord(
                kind=labels.RECORD_KIND[item.kind],
                description=item.description,
                holder=item.holder.name if item.holder else "",
                reason=reason,
            )
        )
    missing.extend(_pathology_lacks(session, requests, language))
    return tuple(lines), tuple(missing)


def _pathology_lacks(
    session: Session, requests: Sequence[RecordRequest], language: str = ENGLISH
) -> list[MissingRecord]:
    """Slides sent to this doctor whose consult details are not complete."""
    slides = {
        item.id: (item, request.holder.name)
        for request in requests
        for item in request.items
        if item.kind is RecordKind.PATHOLOGY_MATERIAL
    }
    lacks = lacks_by_item(session, list(slides))
    found = []
    for item_id, missing in lacks.items():
        if not missing:
            continue
        item, holder = slides[item_id]
        found.append(
            MissingRecord(
                kind="Pathology consult details",
                description=item.description,
                holder=holder,
                reason=_lacks(missing, language),
            )
        )
    return found


def _lacks(missing: Sequence[str], language: str) -> str:
    """ "Lacks the accession number and the consult question", in ``language``."""
    return say("Lacks {what}", language, what=said(lacks_phrase(missing), language))


def _missing_reason(
    requests: Sequence[RecordRequest], today: dt.date, language: str = ENGLISH
) -> str:
    if not requests:
        return say("Not requested for this doctor yet", language)
    latest = max(requests, key=lambda r: (r.requested_on or dt.date.min, r.id))
    state = latest.state
    if state is RequestState.TO_REQUEST:
        return say("Request not sent yet", language)
    if state is RequestState.WAITING_ON_ME:
        return say("Waiting on me (for example a signed form)", language)
    if state is RequestState.PROBLEM:
        return say("Refused or a problem: follow up", language)
    if state is RequestState.PARTLY_RECEIVED:
        return say("Only partly received so far", language)
    asked = (
        say("Requested {date}", language, date=_short(latest.requested_on, language))
        if latest.requested_on
        else say("Requested", language)
    )
    due = latest.effective_due_on
    if due is None:
        return asked
    days = days_overdue(latest.state, due, latest.sent_on, today)
    if days == 1:
        return say("{asked}; 1 day overdue", language, asked=asked)
    if days:
        return say("{asked}; {days} days overdue", language, asked=asked, days=days)
    return say("{asked}; due {date}", language, asked=asked, date=_short(due, language))


def _short(value: dt.date | None, language: str = ENGLISH) -> str:
    if value is None:
        return ""
    if language != ENGLISH:
        return printed_words.short_date(value, language)
    month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
        value.month - 1
    ]
    return f"{value.day} {month} {value.year}"


def _questions(session: Session, person_id: int, visit_id: int) -> tuple[QuestionLine, ...]:
    # Questions tied to this visit, plus open ones tied to no visit yet: a person who never
    # assigns questions to visits still gets their list printed.
    rows = session.scalars(
        select(Question)
        .where(
            Question.person_id == person_id,
            or_(
                Question.visit_id == visit_id,
                (Question.visit_id.is_(None)) & (Question.asked.is_(False)),
            ),
        )
        # The person's own order (they dragged them into it); priority prints as a mark.
        .order_by(Question.position, Question.id)
    ).all()
    return tuple(
        QuestionLine(
            text=q.text,
            category=labels.QUESTION_CATEGORY[q.category],
            priority=_priority_label(q.priority),
            is_top=q.priority <= 1,
            answer=q.answer,
        )
        for q in rows
    )


def _priority_label(value: int) -> str:
    for priority, label in labels.PRIORITY.items():
        if int(priority) == value:
            return label
    return ""


def _opinions(session: Session, person_id: int, visit_day: dt.date) -> tuple[OpinionSummary, ...]:
    rows = session.scalars(
        select(Opinion)
        .where(Opinion.person_id == person_id, Opinion.given_on <= visit_day)
        .order_by(Opinion.given_on, Opinion.id)
    ).all()
    return tuple(
        OpinionSummary(
            doctor=o.doctor.name,
            given_on=o.given_on,
            diagnosis=o.diagnosis,
            stage=o.stage,
            recommended_treatment=o.recommended_treatment,
            alternatives=o.alternatives,
            benefits=o.benefits,
            risks=o.risks,
            urgency=o.urgency,
            confidence=o.confidence,
        )
        for o in rows
    )


def _sender_for(session: Session, person: Person) -> ContactBlock:
    """The sender of a letter: the address, phone and e-mail of the person's profile; what
    the profile leaves empty comes from their own address card (a "self" contact named like
    them), if there is one."""
    card = ContactBlock(name=person.name)
    wanted = person.name.strip().casefold()
    for contact in session.scalars(
        select(Contact).where(Contact.role == ContactRole.SELF).order_by(Contact.id)
    ):
        if contact.name.strip().casefold().startswith(wanted):
            card = contact_block(contact)
            break
    return dataclasses.replace(
        card,
        address=person.address or card.address,
        phone=person.phone or card.phone,
        email=person.email or card.email,
    )


def _terms(session: Session, request: RecordRequest) -> AuthorizationTerms | None:
    auth = authorizations.authorization_serving(session, request)
    if auth is None:
        return None
    return AuthorizationTerms(
        scope=auth.scope,
        purpose=auth.purpose,
        expires_on=auth.expires_on,
        expiry_event=auth.expiry_event,
        signed_on=auth.signed_on,
    )


def build_letter_data(
    session: Session,
    request_id: int,
    kind: LetterKind,
    paper: Paper = Paper.A4,
    now: dt.datetime | None = None,
    language: str = ENGLISH,
) -> LetterData:
    """The letter or form ``kind`` for one records request, printed in ``language`` ("en" or
    "es"). Raises ``NotFound``."""
    language = language_of(language)
    request = must_exist(
        session, RecordRequest, request_id, f"There is no records request with id {request_id}."
    )
    person = session.get(Person, request.person_id)
    assert person is not None
    items = sorted(request.items, key=lambda i: (i.date_of_service or dt.date.min, i.id))
    to_person = request.recipient.role is ContactRole.SELF
    return LetterData(
        kind=kind,
        person_name=person.name,
        date_of_birth=person.date_of_birth,
        sender=_sender_for(session, person),
        holder=contact_block(request.holder),
        recipient=contact_block(request.recipient),
        recipient_is_sender=to_person,
        method=labels.TRANSFER_METHOD[request.method],
        items=tuple(
            RecordItemLine(
                labels.RECORD_KIND[i.kind],
                i.description,
                i.date_of_service,
                physical=legal_basis.is_physical_material(i.kind),
            )
            for i in items
        ),
        requested_on=request.requested_on,
        reference_number=request.reference_number,
        condition=health_summary.as_text(
            health_summary.entries(session, person.id, health_summary.Kind.CONDITION)
        ),
        authorization=_terms(session, request),
        prepared_on=_today(now),
        paper=paper,
        basis=legal_basis.basis_for(to_person, request.method),
        method_phrase=legal_basis.method_phrase(request.method, to_person, language),
        language=language,
    )


def person_of_request(session: Session, request_id: int) -> int:
    request = must_exist(
        session, RecordRequest, request_id, f"There is no records request with id {request_id}."
    )
    return request.person_id
