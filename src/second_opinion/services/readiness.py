"""Is a visit ready? A short checklist of what the doctor and the patient need beforehand.

Each check says what is fine or what is missing in plain words and, when something is
missing, names the place in the app where it is fixed (a navigator target such as
"records.new_request"), so the checklist can offer a link straight there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from second_opinion.domain.enums import (
    ContactRole,
    Priority,
    RecordKind,
    RequestState,
    TriState,
    VisitMode,
)
from second_opinion.domain.models import (
    Contact,
    InsurancePlan,
    Question,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.services import labels
from second_opinion.services.errors import NotFound
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

    @property
    def fix_kwargs(self) -> dict[str, int | str]:
        return dict(self.fix_args)


@dataclass(frozen=True)
class VisitReadiness:
    visit_id: int
    doctor_name: str
    checks: tuple[ReadinessCheck, ...]

    @property
    def ready(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def done_count(self) -> int:
        return sum(1 for check in self.checks if check.ok)

    @property
    def missing(self) -> tuple[ReadinessCheck, ...]:
        return tuple(check for check in self.checks if not check.ok)

    def check(self, key: str) -> ReadinessCheck | None:
        for item in self.checks:
            if item.key == key:
                return item
        return None


def _item_name(item: RecordItem) -> str:
    kind = labels.RECORD_KIND[item.kind]
    description = " ".join(item.description.split())
    if description:
        if len(description) > 60:
            description = description[:57] + "…"
        return f"{kind}: {description}"
    return kind


def _named(items: list[RecordItem]) -> str:
    names = [_item_name(item) for item in items[:NAMED_AT_MOST]]
    extra = len(items) - len(names)
    # Semicolons, since a description may itself hold commas.
    text = "; ".join(names)
    if extra > 0:
        text += f" and {extra} more"
    return text


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def readiness(session: Session, visit_id: int, today: dt.date) -> VisitReadiness:
    """The checklist for one visit, as of ``today`` (used to spot requests running late)."""
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound("This visit no longer exists.")
    doctor = visit.doctor
    checks: list[ReadinessCheck] = []

    requests = session.scalars(
        select(RecordRequest)
        .where(
            RecordRequest.person_id == visit.person_id,
            RecordRequest.recipient_id == visit.doctor_id,
        )
        .order_by(RecordRequest.id)
    ).all()
    # An item may travel on several requests (a resend after a problem); one confirmed
    # receipt is enough.
    meant: dict[int, RecordItem] = {}
    received: set[int] = set()
    # For each item, the first request still under way that carries it: where a cross leads.
    pending: dict[int, int] = {}
    for request in requests:
        for item in request.items:
            meant.setdefault(item.id, item)
            if request.state is RequestState.RECEIVED:
                received.add(item.id)
            else:
                pending.setdefault(item.id, request.id)

    late = _late_requests(requests, visit, today)
    checks.append(_records_check(visit, doctor, meant, received, pending, late))
    if visit.mode is VisitMode.TELEMEDICINE:
        checks.append(_physical_check(session, visit, doctor, meant, received, pending))
        checks.append(_link_check(visit))
    checks.append(_questions_check(session, visit))
    plan = session.scalar(select(InsurancePlan).where(InsurancePlan.person_id == visit.person_id))
    referral = _referral_check(visit, plan)
    if referral is not None:
        checks.append(referral)
    prior_auth = _prior_auth_check(visit, plan)
    if prior_auth is not None:
        checks.append(prior_auth)
    checks.append(_companion_check(session, visit))
    return VisitReadiness(visit_id=visit.id, doctor_name=doctor.name, checks=tuple(checks))


def _records_check(
    visit: Visit,
    doctor: Contact,
    meant: dict[int, RecordItem],
    received: set[int],
    pending: dict[int, int],
    late: str = "",
) -> ReadinessCheck:
    if not meant:
        return ReadinessCheck(
            key="records",
            ok=False,
            label=f"No records are on their way to {doctor.name} yet",
            detail="Request the records this doctor needs, sent straight to them.",
            fix_target="records.new_request",
            fix_args=(("recipient_id", visit.doctor_id),),
        )
    waiting = [item for item_id, item in meant.items() if item_id not in received]
    total = len(meant)
    if not waiting:
        return ReadinessCheck(
            key="records",
            ok=True,
            label=f"All {_plural(total, 'record item', 'record items')} confirmed received",
            detail=f"{doctor.name} has confirmed receiving everything requested for them.",
            fix_target=None,
        )
    target, fix_args = _open_request_fix(waiting, pending, visit)
    return ReadinessCheck(
        key="records",
        ok=False,
        label=f"{total - len(waiting)} of {_plural(total, 'record item', 'record items')} "
        "confirmed received",
        detail=f"Not confirmed yet: {_named(waiting)}." + (f" {late}" if late else ""),
        fix_target=target,
        fix_args=fix_args,
    )


def _late_requests(requests: Sequence[RecordRequest], visit: Visit, today: dt.date) -> str:
    """A hint when records still under way are overdue or due only after the visit day."""
    visit_day = visit.starts_at.astimezone(zone_or_utc(visit.time_zone)).date()
    overdue = after_visit = 0
    for request in requests:
        due = request.effective_due_on
        if request.state is RequestState.RECEIVED or due is None:
            continue
        if due < today:
            overdue += 1
        elif due >= visit_day:
            after_visit += 1
    hints = []
    if overdue:
        hints.append(f"{_plural(overdue, 'request is', 'requests are')} overdue")
    if after_visit:
        hints.append(
            f"{_plural(after_visit, 'request is', 'requests are')} due only after the visit"
        )
    if not hints:
        return ""
    return " and ".join(hints) + ": call the holder and ask them to hurry."


def _physical_check(
    session: Session,
    visit: Visit,
    doctor: Contact,
    meant: dict[int, RecordItem],
    received: set[int],
    pending: dict[int, int],
) -> ReadinessCheck:
    """Imaging files and pathology material cannot be handed over on a video call."""
    physical_kinds = [kind for kind in RecordKind if kind.needs_physical_transfer]
    known = session.scalars(
        select(RecordItem)
        .where(RecordItem.person_id == visit.person_id, RecordItem.kind.in_(physical_kinds))
        .order_by(RecordItem.id)
    ).all()
    if not known:
        return ReadinessCheck(
            key="physical_material",
            ok=True,
            label="No imaging files or pathology material recorded",
            detail="If there are scans or slides, add them to Records so they reach the "
            "doctor before a video visit.",
            fix_target=None,
        )
    missing = [item for item in known if item.id not in received]
    if not missing:
        return ReadinessCheck(
            key="physical_material",
            ok=True,
            label="Imaging and pathology material confirmed at the doctor's side",
            detail=f"{doctor.name} has confirmed receiving "
            f"{_plural(len(known), 'item', 'items')} that cannot be shown on a video call.",
            fix_target=None,
        )
    target, fix_args = _open_request_fix(missing, pending, visit)
    return ReadinessCheck(
        key="physical_material",
        ok=False,
        label="Imaging or pathology material not yet at the doctor's side",
        detail=f"For a video visit the doctor needs these beforehand: {_named(missing)}.",
        fix_target=target,
        fix_args=fix_args,
    )


def _open_request_fix(
    missing: list[RecordItem], pending: dict[int, int], visit: Visit
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
            label="Video link saved",
            detail="",
            fix_target=None,
        )
    return ReadinessCheck(
        key="link",
        ok=False,
        label="No video link yet",
        detail="Add the link from the clinic's invitation.",
        fix_target="visits.edit",
        fix_args=(("visit_id", visit.id),),
    )


def _questions_check(session: Session, visit: Visit) -> ReadinessCheck:
    priorities = session.scalars(
        select(Question.priority).where(Question.visit_id == visit.id)
    ).all()
    count = len(priorities)
    top = sum(1 for p in priorities if p == int(Priority.TOP))
    if count == 0:
        return ReadinessCheck(
            key="questions",
            ok=False,
            label="No questions prepared for this visit",
            detail="Write down what you want to ask, and mark the most important ones.",
            fix_target="questions.visit",
            fix_args=(("visit_id", visit.id),),
        )
    return ReadinessCheck(
        key="questions",
        ok=True,
        label=f"{_plural(count, 'question', 'questions')} prepared, {top} top priority",
        detail="" if top else "Mark the two or three that matter most as top priority.",
        fix_target=None,
    )


def _needed(flag: bool, plan_says: TriState | None) -> tuple[bool, str]:
    if flag:
        return True, "visit"
    if plan_says is TriState.YES:
        return True, "plan"
    return False, ""


def _referral_check(visit: Visit, plan: InsurancePlan | None) -> ReadinessCheck | None:
    needed, why = _needed(visit.referral_needed, plan.referral_needed if plan else None)
    if not needed:
        return None
    if visit.referral_obtained:
        number = f" (number {visit.referral_number})" if visit.referral_number else ""
        return ReadinessCheck(
            key="referral",
            ok=True,
            label=f"Referral in hand{number}",
            detail="",
            fix_target=None,
        )
    reason = "Your insurance plan needs one." if why == "plan" else "This visit needs one."
    return ReadinessCheck(
        key="referral",
        ok=False,
        label="Referral not obtained yet",
        detail=f"{reason} Ask the referring doctor, then tick it on the visit.",
        fix_target="visits.edit",
        fix_args=(("visit_id", visit.id),),
    )


def _prior_auth_check(visit: Visit, plan: InsurancePlan | None) -> ReadinessCheck | None:
    needed, why = _needed(
        visit.prior_auth_needed, plan.prior_authorization_needed if plan else None
    )
    if not needed:
        return None
    if visit.prior_auth_obtained:
        number = f" (number {visit.prior_auth_number})" if visit.prior_auth_number else ""
        return ReadinessCheck(
            key="prior_auth",
            ok=True,
            label=f"Prior authorization in hand{number}",
            detail="",
            fix_target=None,
        )
    reason = "Your insurance plan needs it." if why == "plan" else "This visit needs it."
    return ReadinessCheck(
        key="prior_auth",
        ok=False,
        label="Prior authorization not obtained yet",
        detail=f"{reason} Call the insurer, note the reference number on the visit.",
        fix_target="visits.edit",
        fix_args=(("visit_id", visit.id),),
    )


def _companion_check(session: Session, visit: Visit) -> ReadinessCheck:
    if visit.companion is not None:
        return ReadinessCheck(
            key="companion",
            ok=True,
            label=f"{visit.companion.name} is coming along",
            detail="",
            fix_target=None,
        )
    has_support = session.scalar(
        select(Contact.id).where(Contact.role == ContactRole.SUPPORT_PERSON).limit(1)
    )
    if has_support is None:
        return ReadinessCheck(
            key="companion",
            ok=False,
            label="No companion chosen",
            detail="A family member or friend can listen, take notes and support you. "
            "Add them as a support person.",
            fix_target="contacts.new",
            fix_args=(("role", ContactRole.SUPPORT_PERSON.value),),
        )
    return ReadinessCheck(
        key="companion",
        ok=False,
        label="No companion chosen",
        detail="A family member or friend can listen, take notes and support you.",
        fix_target="visits.edit",
        fix_args=(("visit_id", visit.id),),
    )
