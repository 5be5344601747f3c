"""Is a visit ready? A short checklist of what the doctor and the patient need beforehand.

Each check says what is fine or what is missing in plain words and, when something is
missing, names the place in the app where it is fixed (a navigator target such as
"records.new_request"), so the checklist can offer a link straight there.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from second_opinion.domain.enums import (
    ContactRole,
    Priority,
    RecordKind,
    RequestState,
    TriState,
    VisitMode,
    VisitStatus,
)
from second_opinion.domain.models import (
    Contact,
    InsurancePlan,
    Question,
    RecordItem,
    RecordRequest,
    Visit,
    due_in_force,
    record_request_item,
)
from second_opinion.services import doctor_needs, labels
from second_opinion.services.errors import must_exist
from second_opinion.services.independence import (
    IndependenceFinding,
    doctor_findings,
    first_opinion_doctors,
    may_not_be_independent,
)
from second_opinion.services.pacing import selected
from second_opinion.services.phrases import Joined, Label, Phrase, listed
from second_opinion.services.questions import count_open_unlinked
from second_opinion.services.record_requests import is_overdue
from second_opinion.services.tracking import lacks_by_item, lacks_phrase
from second_opinion.services.visits import zone_or_utc

#: How many missing things a check names before saying "and N more".
NAMED_AT_MOST = 4

FixArgs = tuple[tuple[str, int | str], ...]


@dataclass(frozen=True)
class ReadinessCheck:
    key: str  # "records", "physical_material", "link", "questions", "referral", ...
    ok: bool
    label: str  # one line: what is fine or what is missing
    detail: str  # a second line with specifics; may be empty
    fix_target: str | None  # navigator target where a cross is fixed; None for a tick
    fix_args: FixArgs = ()  # keyword arguments for navigator.navigate(fix_target, **...)
    #: a suggestion, not a requirement: never keeps a visit from being ready
    optional: bool = False

    @property
    def fix_kwargs(self) -> dict[str, int | str]:
        return dict(self.fix_args)


@dataclass(frozen=True)
class VisitReadiness:
    visit_id: int
    doctor_name: str
    checks: tuple[ReadinessCheck, ...]

    @property
    def required(self) -> tuple[ReadinessCheck, ...]:
        return tuple(check for check in self.checks if not check.optional)

    @property
    def ready(self) -> bool:
        return all(check.ok for check in self.required)

    @property
    def done_count(self) -> int:
        return sum(1 for check in self.required if check.ok)

    @property
    def total(self) -> int:
        """How many checks count toward "ready" (suggestions do not)."""
        return len(self.required)

    @property
    def missing(self) -> tuple[ReadinessCheck, ...]:
        return tuple(check for check in self.required if not check.ok)

    @property
    def suggestions(self) -> tuple[ReadinessCheck, ...]:
        return tuple(check for check in self.checks if check.optional and not check.ok)

    def check(self, key: str) -> ReadinessCheck | None:
        for item in self.checks:
            if item.key == key:
                return item
        return None


def _item_name(item: _Item) -> str:
    kind = Label(labels.RECORD_KIND[item.kind])
    description = " ".join(item.description.split())
    if description:
        if len(description) > 60:
            description = description[:57] + "…"
        return Phrase("{kind}: {description}", kind=kind, description=description)
    return kind


def _named(items: list[_Item]) -> str:
    names = [_item_name(item) for item in items[:NAMED_AT_MOST]]
    extra = len(items) - len(names)
    # Semicolons, since a description may itself hold commas.
    text = Joined("; ", names)
    if extra > 0:
        return Phrase("{names} and {n} more", names=text, n=extra)
    return text


def readiness(session: Session, visit_id: int, today: dt.date) -> VisitReadiness:
    """The checklist for one visit, as of ``today`` (used to spot requests running late)."""
    visit = must_exist(session, Visit, visit_id, "This visit no longer exists.")
    return _checklists(session, visit.person_id, [visit], today)[visit.id]


def readiness_for_person(
    session: Session, person_id: int, today: dt.date, visit_ids: Collection[int] | None = None
) -> dict[int, VisitReadiness]:
    """The checklist of every planned visit of a person (or of those in ``visit_ids``),
    keyed by visit id.

    Gives the same answers as :func:`readiness` visit by visit, but reads the person's
    requests, items and questions once for all visits (a list of a hundred planned visits
    would otherwise run thousands of queries).
    """
    only = [] if visit_ids is None else [Visit.id.in_(visit_ids)]
    planned = session.scalars(
        select(Visit)
        .where(Visit.person_id == person_id, Visit.status == VisitStatus.PLANNED, *only)
        .order_by(Visit.id)
    ).all()
    return _checklists(session, person_id, planned, today)


@dataclass(frozen=True)
class _Item:
    id: int
    kind: RecordKind
    description: str


@dataclass(frozen=True)
class _Request:
    id: int
    state: RequestState
    effective_due_on: dt.date | None
    sent_on: dt.date | None


@dataclass
class _Sent:
    """What went to one recipient doctor, across all the requests addressed to them."""

    requests: list[_Request] = field(default_factory=list)
    # An item may travel on several requests (a resend after a problem); one confirmed
    # receipt is enough.
    meant: dict[int, _Item] = field(default_factory=dict)
    received: set[int] = field(default_factory=set)
    # For each item, the first request still under way that carries it: where a cross leads.
    pending: dict[int, int] = field(default_factory=dict)


def _checklists(
    session: Session, person_id: int, visits: Sequence[Visit], today: dt.date
) -> dict[int, VisitReadiness]:
    """The checklists of ``visits`` (all of ``person_id``), reading the data once for all."""
    if not visits:
        return {}
    doctor_ids = {visit.doctor_id for visit in visits}
    visit_ids = [visit.id for visit in visits]
    sent = _sent_by_recipient(session, person_id, doctor_ids)

    contact_ids = doctor_ids | {v.companion_id for v in visits if v.companion_id is not None}
    names: dict[int, str] = {
        contact_id: name
        for contact_id, name in session.execute(
            select(Contact.id, Contact.name).where(Contact.id.in_(contact_ids))
        )
    }
    priorities: dict[int, list[int]] = defaultdict(list)
    for visit_id, priority in session.execute(
        select(Question.visit_id, Question.priority).where(Question.visit_id.in_(visit_ids))
    ):
        if visit_id is not None:
            priorities[visit_id].append(priority)
    open_unlinked: int | None = None
    independence: dict[int, list[IndependenceFinding]] = {}
    firsts: list[Contact] | None = None
    plan = session.scalar(select(InsurancePlan).where(InsurancePlan.person_id == person_id))
    physical: list[_Item] | None = None
    expected: dict[int, set[int]] | None = None
    has_support: bool | None = None

    result: dict[int, VisitReadiness] = {}
    for visit in visits:
        doctor_name = names[visit.doctor_id]
        to_doctor = sent.get(visit.doctor_id) or _Sent()
        checks: list[ReadinessCheck] = []
        late = _late_requests(to_doctor.requests, visit, today)
        checks.append(_records_check(visit, doctor_name, to_doctor, late))
        if visit.mode is VisitMode.TELEMEDICINE:
            if physical is None or expected is None:
                physical = _physical_items(session, person_id)
                telemedicine_doctors = {
                    v.doctor_id for v in visits if v.mode is VisitMode.TELEMEDICINE
                }
                expected = doctor_needs.expected_items(session, person_id, telemedicine_doctors)
            needed = expected.get(visit.doctor_id, set())
            checks.append(
                _physical_check(
                    visit, doctor_name, [i for i in physical if i.id in needed], to_doctor
                )
            )
            checks.append(_link_check(visit))
        pathology = _pathology_check(session, to_doctor)
        if pathology is not None:
            checks.append(pathology)
        visit_priorities = priorities.get(visit.id, [])
        if not visit_priorities and open_unlinked is None:
            open_unlinked = count_open_unlinked(session, person_id)
        checks.append(_questions_check(visit, visit_priorities, open_unlinked or 0))
        referral = _referral_check(visit, plan)
        if referral is not None:
            checks.append(referral)
        prior_auth = _prior_auth_check(visit, plan)
        if prior_auth is not None:
            checks.append(prior_auth)
        if visit.doctor_id not in independence:
            if firsts is None:
                firsts = first_opinion_doctors(session)
            independence[visit.doctor_id] = doctor_findings(session, visit.doctor_id, firsts)
        independent = _independence_check(visit, doctor_name, independence[visit.doctor_id])
        if independent is not None:
            checks.append(independent)
        companion = names.get(visit.companion_id) if visit.companion_id is not None else None
        if companion is None and has_support is None:
            has_support = _has_support_person(session)
        checks.append(_companion_check(visit, companion, bool(has_support)))
        result[visit.id] = VisitReadiness(
            visit_id=visit.id, doctor_name=doctor_name, checks=tuple(checks)
        )
    return result


def _sent_by_recipient(
    session: Session, person_id: int, recipient_ids: set[int]
) -> dict[int, _Sent]:
    """The person's requests to these recipients and their items, grouped by recipient.

    Plain column queries rather than ORM objects: a busy case has thousands of requests, and
    only a few columns of them matter here.
    """
    sent: dict[int, _Sent] = {}
    by_request: dict[int, tuple[_Sent, _Request]] = {}
    for request_id, recipient_id, state, due_on, extended_due_on, sent_on in selected(
        session,
        select(
            RecordRequest.id,
            RecordRequest.recipient_id,
            RecordRequest.state,
            RecordRequest.due_on,
            RecordRequest.extended_due_on,
            RecordRequest.sent_on,
        )
        .where(
            RecordRequest.person_id == person_id,
            RecordRequest.recipient_id.in_(recipient_ids),
        )
        .order_by(RecordRequest.id),
    ):
        request = _Request(request_id, state, due_in_force(due_on, extended_due_on), sent_on)
        group = sent.setdefault(recipient_id, _Sent())
        group.requests.append(request)
        by_request[request_id] = (group, request)

    links = selected(
        session,
        select(
            record_request_item.c.request_id,
            RecordItem.id,
            RecordItem.kind,
            RecordItem.description,
        )
        .join(RecordItem, RecordItem.id == record_request_item.c.item_id)
        .join(RecordRequest, RecordRequest.id == record_request_item.c.request_id)
        .where(
            RecordRequest.person_id == person_id,
            RecordRequest.recipient_id.in_(recipient_ids),
        )
        # Requests in the order they were made, and a request's items in the order they
        # were recorded: the first missing item names the request a cross opens.
        .order_by(record_request_item.c.request_id, RecordItem.id),
    )
    items: dict[int, _Item] = {}
    for request_id, item_id, kind, description in links:
        group, request = by_request[request_id]
        item = items.get(item_id)
        if item is None:
            item = items[item_id] = _Item(item_id, kind, description)
        group.meant.setdefault(item_id, item)
        if request.state is RequestState.RECEIVED:
            group.received.add(item_id)
        else:
            group.pending.setdefault(item_id, request_id)
    return sent


def _physical_items(session: Session, person_id: int) -> list[_Item]:
    """The person's imaging files and pathology material (the caller keeps those the doctor
    is expected to need: ``services.doctor_needs``)."""
    physical_kinds = [kind for kind in RecordKind if kind.needs_physical_transfer]
    return [
        _Item(item_id, kind, description)
        for item_id, kind, description in session.execute(
            select(RecordItem.id, RecordItem.kind, RecordItem.description)
            .where(RecordItem.person_id == person_id, RecordItem.kind.in_(physical_kinds))
            .order_by(RecordItem.id)
        )
    ]


def _has_support_person(session: Session) -> bool:
    found = session.scalar(
        select(Contact.id).where(Contact.role == ContactRole.SUPPORT_PERSON).limit(1)
    )
    return found is not None


def _records_check(visit: Visit, doctor_name: str, sent: _Sent, late: str) -> ReadinessCheck:
    meant, received = sent.meant, sent.received
    if not meant:
        return ReadinessCheck(
            key="records",
            ok=False,
            label=Phrase("No records are on their way to {doctor} yet", doctor=doctor_name),
            detail=Phrase("Request the records this doctor needs, sent straight to them."),
            fix_target="records.new_request",
            fix_args=(("recipient_id", visit.doctor_id),),
        )
    waiting = [item for item_id, item in meant.items() if item_id not in received]
    total = len(meant)
    if not waiting:
        return ReadinessCheck(
            key="records",
            ok=True,
            label=Phrase.counted(
                total,
                "1 record item confirmed received",
                "All {n} record items confirmed received",
            ),
            detail=Phrase(
                "{doctor} has confirmed receiving everything requested for them.",
                doctor=doctor_name,
            ),
            fix_target=None,
        )
    target, fix_args = _open_request_fix(waiting, sent.pending, visit)
    return ReadinessCheck(
        key="records",
        ok=False,
        label=Phrase.counted(
            total,
            "{done} of {n} record item confirmed received",
            "{done} of {n} record items confirmed received",
            done=total - len(waiting),
        ),
        detail=_then(Phrase("Not confirmed yet: {items}.", items=_named(waiting)), late),
        fix_target=target,
        fix_args=fix_args,
    )


#: states in which the holder still owes the records
_HOLDER_OWES = frozenset(
    {
        RequestState.REQUESTED,
        RequestState.EXTENDED,
        RequestState.PARTLY_RECEIVED,
        RequestState.PROBLEM,
    }
)


def _late_requests(requests: Sequence[_Request], visit: Visit, today: dt.date) -> str:
    """What to do about records still under way, said for each kind of delay.

    Only a holder who still owes records is asked to hurry: a request waiting on the person
    is theirs to move, a sent one needs the doctor's office to confirm it arrived. A request
    due on the visit day is not "due only after" it. A visit already past gets no advice.
    """
    visit_day = visit.starts_at.astimezone(zone_or_utc(visit.time_zone)).date()
    if visit_day < today:
        return ""
    overdue = after_visit = waiting_on_me = sent = sent_late = 0
    for request in requests:
        due = request.effective_due_on
        if request.state is RequestState.WAITING_ON_ME:
            waiting_on_me += 1
        elif request.state is RequestState.SENT:
            was_late = due is not None and is_overdue(request.state, due, request.sent_on, today)
            sent_late += was_late
            sent += not was_late
        elif request.state in _HOLDER_OWES and due is not None:
            if is_overdue(request.state, due, request.sent_on, today):
                overdue += 1
            elif due > visit_day:
                after_visit += 1
    hints: list[str] = []
    late: list[str] = []
    if overdue:
        late.append(Phrase.counted(overdue, "1 request is overdue", "{n} requests are overdue"))
    if after_visit:
        late.append(
            Phrase.counted(
                after_visit,
                "1 request is due only after the visit",
                "{n} requests are due only after the visit",
            )
        )
    if late:
        hints.append(
            Phrase(
                "{late}: call the holder and ask them to send the records before the visit.",
                late=listed(late),
            )
        )
    if waiting_on_me:
        hints.append(
            Phrase.counted(
                waiting_on_me,
                "1 request is waiting on you: the holder needs something from you first.",
                "{n} requests are waiting on you: the holder needs something from you first.",
            )
        )
    if sent_late:
        hints.append(
            Phrase.counted(
                sent_late,
                "1 request is overdue: sent after the due date; ask the doctor's office to "
                "confirm the records arrived.",
                "{n} requests are overdue: sent after the due date; ask the doctor's office to "
                "confirm the records arrived.",
            )
        )
    if sent:
        hints.append(
            Phrase.counted(
                sent,
                "1 request was sent: ask the doctor's office to confirm the records arrived.",
                "{n} requests were sent: ask the doctor's office to confirm the records arrived.",
            )
        )
    return Joined(" ", hints)


def _then(first: str, second: str) -> str:
    """Two sentences, the second one only if there is one."""
    return Joined(" ", [first, second]) if second else first


def _physical_check(
    visit: Visit, doctor_name: str, known: list[_Item], sent: _Sent
) -> ReadinessCheck:
    """Imaging files and pathology material cannot be handed over on a video call."""
    if not known:
        return ReadinessCheck(
            key="physical_material",
            ok=True,
            label=Phrase("No imaging files or pathology material expected for this doctor"),
            detail=Phrase(
                "If they need scans or slides, request them for this doctor in Records so "
                "they arrive before a video visit."
            ),
            fix_target=None,
        )
    missing = [item for item in known if item.id not in sent.received]
    if not missing:
        return ReadinessCheck(
            key="physical_material",
            ok=True,
            label=Phrase("Imaging and pathology material confirmed at the doctor's side"),
            detail=Phrase.counted(
                len(known),
                "{doctor} has confirmed receiving 1 item that cannot be shown on a video call.",
                "{doctor} has confirmed receiving {n} items that cannot be shown on a video call.",
                doctor=doctor_name,
            ),
            fix_target=None,
        )
    target, fix_args = _open_request_fix(missing, sent.pending, visit)
    return ReadinessCheck(
        key="physical_material",
        ok=False,
        label=Phrase("Imaging or pathology material not yet at the doctor's side"),
        detail=Phrase(
            "For a video visit the doctor needs these beforehand: {items}.",
            items=_named(missing),
        ),
        fix_target=target,
        fix_args=fix_args,
    )


def _pathology_check(session: Session, sent: _Sent) -> ReadinessCheck | None:
    """Slides sent for a consult need their case's accession number, which blocks and slides
    they are, and the question the consulting pathologist is asked; None when none are sent."""
    slides = [item for item in sent.meant.values() if item.kind is RecordKind.PATHOLOGY_MATERIAL]
    if not slides:
        return None
    lacks = lacks_by_item(session, [item.id for item in slides])
    incomplete = [item for item in slides if lacks[item.id]]
    if not incomplete:
        return ReadinessCheck(
            key="pathology_consult",
            ok=True,
            label=Phrase("The pathology consult has its accession number, slide IDs and question"),
            detail=Phrase("The consulting lab can match the slides to the case."),
            fix_target=None,
        )
    first = incomplete[0]
    missing = lacks[first.id]
    return ReadinessCheck(
        key="pathology_consult",
        ok=False,
        label=Phrase("The pathology consult lacks {what}", what=lacks_phrase(missing)),
        detail=Phrase(
            "Add them to {item}: the consulting lab needs them to match the slides to the "
            "case and answer the right question.",
            item=_item_name(first),
        ),
        fix_target="records.material",
        fix_args=(("item_id", first.id),),
    )


def _open_request_fix(
    missing: list[_Item], pending: dict[int, int], visit: Visit
) -> tuple[str, FixArgs]:
    """Where a cross about missing records leads.

    Something not asked for at all needs a new request first; otherwise open the request that
    carries the first missing item (to chase it or mark it received).
    """
    if all(item.id in pending for item in missing):
        return "records.open_request", (("request_id", pending[missing[0].id]),)
    return "records.new_request", (("recipient_id", visit.doctor_id),)


def _link_check(visit: Visit) -> ReadinessCheck:
    if visit.telemedicine_url:
        return ReadinessCheck(
            key="link",
            ok=True,
            label=Phrase("Video link saved"),
            detail="",
            fix_target=None,
        )
    return ReadinessCheck(
        key="link",
        ok=False,
        label=Phrase("No video link yet"),
        detail=Phrase("Add the link from the clinic's invitation."),
        fix_target="visits.edit",
        fix_args=(("visit_id", visit.id),),
    )


def _questions_check(visit: Visit, priorities: list[int], open_unlinked: int) -> ReadinessCheck:
    """``open_unlinked``: the person's open questions for no visit, offered in one action."""
    count = len(priorities)
    top = sum(1 for p in priorities if p == int(Priority.TOP))
    if count == 0 and open_unlinked:
        return ReadinessCheck(
            key="questions",
            ok=False,
            label=Phrase("No questions prepared for this visit"),
            detail=Phrase.counted(
                open_unlinked,
                "You have 1 open question not tied to any visit: use it for this one in one step.",
                "You have {n} open questions not tied to any visit: use them for this one in "
                "one step.",
            ),
            fix_target="questions.use_open",
            fix_args=(("visit_id", visit.id),),
        )
    if count == 0:
        return ReadinessCheck(
            key="questions",
            ok=False,
            label=Phrase("No questions prepared for this visit"),
            detail=Phrase("Write down what you want to ask, and mark the most important ones."),
            fix_target="questions.visit",
            fix_args=(("visit_id", visit.id),),
        )
    return ReadinessCheck(
        key="questions",
        ok=True,
        label=Phrase.counted(
            count,
            "1 question prepared, {top} top priority",
            "{n} questions prepared, {top} top priority",
            top=top,
        ),
        detail="" if top else Phrase("Mark the two or three that matter most as top priority."),
        fix_target=None,
    )


def _needed(flag: bool, plan_says: TriState | None) -> tuple[bool, str]:
    if flag:
        return True, "visit"
    if plan_says is TriState.YES:
        return True, "plan"
    return False, ""


@dataclass(frozen=True)
class _Paperwork:
    """The words of one kind of paperwork, whole sentences so each can be translated."""

    key: str
    in_hand: str
    in_hand_number: Callable[[str], str]
    not_obtained: str
    plan_needs: str
    visit_needs: str
    how: str


_REFERRAL = _Paperwork(
    key="referral",
    in_hand=Phrase("Referral in hand"),
    in_hand_number=lambda number: Phrase("Referral in hand (number {number})", number=number),
    not_obtained=Phrase("Referral not obtained yet"),
    plan_needs=Phrase("Your insurance plan needs one."),
    visit_needs=Phrase("This visit needs one."),
    how=Phrase("Ask the referring doctor, then tick it on the visit."),
)
_PRIOR_AUTH = _Paperwork(
    key="prior_auth",
    in_hand=Phrase("Prior authorization in hand"),
    in_hand_number=lambda number: Phrase(
        "Prior authorization in hand (number {number})", number=number
    ),
    not_obtained=Phrase("Prior authorization not obtained yet"),
    plan_needs=Phrase("Your insurance plan needs it."),
    visit_needs=Phrase("This visit needs it."),
    how=Phrase(
        "The doctor's office usually asks the insurer for it; check with the office that "
        "it was done, then note the number on the visit."
    ),
)


def _paperwork_check(
    visit: Visit,
    words: _Paperwork,
    needed: tuple[bool, str],
    obtained: bool,
    number: str,
) -> ReadinessCheck | None:
    """A referral or a prior authorization: needed (by the visit or the plan), and in hand?"""
    is_needed, why = needed
    if not is_needed:
        return None
    if obtained:
        label = words.in_hand_number(number) if number else words.in_hand
        return ReadinessCheck(key=words.key, ok=True, label=label, detail="", fix_target=None)
    reason = words.plan_needs if why == "plan" else words.visit_needs
    return ReadinessCheck(
        key=words.key,
        ok=False,
        label=words.not_obtained,
        detail=Joined(" ", [reason, words.how]),
        fix_target="visits.edit",
        fix_args=(("visit_id", visit.id),),
    )


def _referral_check(visit: Visit, plan: InsurancePlan | None) -> ReadinessCheck | None:
    return _paperwork_check(
        visit,
        _REFERRAL,
        needed=_needed(visit.referral_needed, plan.referral_needed if plan else None),
        obtained=visit.referral_obtained,
        number=visit.referral_number,
    )


def _prior_auth_check(visit: Visit, plan: InsurancePlan | None) -> ReadinessCheck | None:
    return _paperwork_check(
        visit,
        _PRIOR_AUTH,
        needed=_needed(visit.prior_auth_needed, plan.prior_authorization_needed if plan else None),
        obtained=visit.prior_auth_obtained,
        number=visit.prior_auth_number,
    )


def _independence_check(
    visit: Visit, doctor_name: str, findings: list[IndependenceFinding]
) -> ReadinessCheck | None:
    """A doctor who shares an organization or health system with the first opinion: said
    here too (not only on the contact form), as a warning that never blocks the visit."""
    if not findings:
        return None
    return ReadinessCheck(
        key="independence",
        ok=False,
        label=Phrase("{doctor} may not be independent", doctor=doctor_name),
        detail=_then(
            may_not_be_independent(findings),
            Phrase(
                "Ask whether they will review your case on their own, or consider a doctor "
                "from elsewhere."
            ),
        ),
        fix_target="contacts.open",
        fix_args=(("contact_id", visit.doctor_id),),
        optional=True,
    )


def _companion_check(visit: Visit, companion: str | None, has_support: bool) -> ReadinessCheck:
    if companion is not None:
        return ReadinessCheck(
            key="companion",
            ok=True,
            label=Phrase("{companion} is coming along", companion=companion),
            detail="",
            fix_target=None,
        )
    if not has_support:
        return ReadinessCheck(
            key="companion",
            ok=False,
            label=COMPANION_SUGGESTION,
            detail=_then(
                COMPANION_ALTERNATIVES, Phrase("To bring someone, add them as a support person.")
            ),
            fix_target="contacts.new",
            fix_args=(("role", ContactRole.SUPPORT_PERSON.value),),
            optional=True,
        )
    return ReadinessCheck(
        key="companion",
        ok=False,
        label=COMPANION_SUGGESTION,
        detail=COMPANION_ALTERNATIVES,
        fix_target="visits.edit",
        fix_args=(("visit_id", visit.id),),
        optional=True,
    )


COMPANION_SUGGESTION = Phrase("Going alone is fine; someone with you can help")
COMPANION_ALTERNATIVES = Phrase(
    "A family member or friend can listen, take notes and support you. If you go alone, ask "
    "whether you may record the conversation, or whether the center has a patient navigator "
    "who can help."
)
