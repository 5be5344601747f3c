"""Signed authorizations: who may release which records to whom, and until when.

A request that relies on an expired or revoked authorization is likely to be refused by the
holder, so the records service flags such requests using ``authorization_problem`` below.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased

from second_opinion.domain.models import Authorization, Contact, Person, RecordRequest
from second_opinion.services.errors import NotFound, ValidationError, must_exist
from second_opinion.services.pacing import fetch_all
from second_opinion.services.records import check_date, check_text, read_rows


class AuthorizationProblem(enum.StrEnum):
    EXPIRED = "expired"
    REVOKED = "revoked"


def authorization_problem(
    expires_on: dt.date | None, revoked_on: dt.date | None, today: dt.date
) -> AuthorizationProblem | None:
    """Why an authorization no longer allows a release on ``today``, if it does not.

    It expires at the end of its expiry day (``expires_on < today``); a revocation counts from
    its own date, so one recorded ahead of time does not spoil requests before then.
    """
    if revoked_on is not None and revoked_on <= today:
        return AuthorizationProblem.REVOKED
    if expires_on is not None and expires_on < today:
        return AuthorizationProblem.EXPIRED
    return None


class LinkProblem(enum.StrEnum):
    """Why an authorization does not fit a request (or the form printed for it)."""

    OTHER_HOLDER = "other_holder"
    OTHER_RECIPIENT = "other_recipient"
    EXPIRED = "expired"
    REVOKED = "revoked"


def link_problems(
    auth_holder_id: int,
    auth_recipient_id: int,
    expires_on: dt.date | None,
    revoked_on: dt.date | None,
    *,
    holder_id: int | None,
    recipient_id: int | None,
    today: dt.date,
) -> list[LinkProblem]:
    """What is wrong with relying on this authorization for a request from ``holder_id`` to
    ``recipient_id`` on ``today``: it names other parties, or it no longer allows a release.
    Said, never refused: the person may know better (an authorization naming a whole
    organization, say)."""
    problems: list[LinkProblem] = []
    if holder_id is not None and auth_holder_id != holder_id:
        problems.append(LinkProblem.OTHER_HOLDER)
    if recipient_id is not None and auth_recipient_id != recipient_id:
        problems.append(LinkProblem.OTHER_RECIPIENT)
    lapse = authorization_problem(expires_on, revoked_on, today)
    if lapse is AuthorizationProblem.EXPIRED:
        problems.append(LinkProblem.EXPIRED)
    elif lapse is AuthorizationProblem.REVOKED:
        problems.append(LinkProblem.REVOKED)
    return problems


def authorization_serving(session: Session, request: RecordRequest) -> Authorization | None:
    """The authorization a printed form for ``request`` carries: the linked one, else the
    latest one on file for the same holder and recipient that was not revoked."""
    if request.authorization_id is not None:
        return session.get(Authorization, request.authorization_id)
    return session.scalars(
        select(Authorization)
        .where(
            Authorization.person_id == request.person_id,
            Authorization.holder_id == request.holder_id,
            Authorization.recipient_id == request.recipient_id,
            Authorization.revoked_on.is_(None),
        )
        .order_by(Authorization.id.desc())
    ).first()


@dataclass(frozen=True)
class PrintCheck:
    """What to say before printing a form for a request, if anything."""

    problems: list[LinkProblem]
    authorization_holder: str = ""
    authorization_recipient: str = ""
    request_holder: str = ""
    request_recipient: str = ""
    expires_on: dt.date | None = None
    revoked_on: dt.date | None = None


def print_check(session: Session, request_id: int, today: dt.date | None = None) -> PrintCheck:
    """Whether the authorization the form would carry fits the request today."""
    request = must_exist(session, RecordRequest, request_id, "This request no longer exists.")
    auth = authorization_serving(session, request)
    if auth is None:
        return PrintCheck(problems=[])
    return PrintCheck(
        problems=link_problems(
            auth.holder_id,
            auth.recipient_id,
            auth.expires_on,
            auth.revoked_on,
            holder_id=request.holder_id,
            recipient_id=request.recipient_id,
            today=today or dt.date.today(),
        ),
        authorization_holder=auth.holder.name,
        authorization_recipient=auth.recipient.name,
        request_holder=request.holder.name,
        request_recipient=request.recipient.name,
        expires_on=auth.expires_on,
        revoked_on=auth.revoked_on,
    )


@dataclass(frozen=True)
class AuthorizationRow:
    id: int
    holder_id: int
    holder_name: str
    recipient_id: int
    recipient_name: str
    scope: str
    purpose: str
    signed_on: dt.date | None
    expires_on: dt.date | None
    expiry_event: str
    revoked_on: dt.date | None
    request_count: int
    problem: AuthorizationProblem | None

    @property
    def expired(self) -> bool:
        return self.problem is AuthorizationProblem.EXPIRED

    @property
    def revoked(self) -> bool:
        return self.problem is AuthorizationProblem.REVOKED


@dataclass(frozen=True)
class AuthorizationData:
    """What a person fills in on the authorization form."""

    holder_id: int
    recipient_id: int
    scope: str = ""
    purpose: str = ""
    signed_on: dt.date | None = None
    expires_on: dt.date | None = None
    expiry_event: str = ""
    revoked_on: dt.date | None = None


def _validate(session: Session, data: AuthorizationData) -> None:
    for contact_id, field in ((data.holder_id, "holder"), (data.recipient_id, "recipient")):
        if session.get(Contact, contact_id) is None:
            raise ValidationError("Choose a contact from the list.", field=field)
    if data.holder_id == data.recipient_id:
        raise ValidationError(
            "The holder and the recipient must be different contacts.", field="recipient"
        )
    check_text(data.scope, "scope")
    check_text(data.purpose, "purpose")
    check_text(data.expiry_event, "expiry_event")
    check_date(data.signed_on, "signed_on", "The signing date")
    check_date(data.expires_on, "expires_on", "The expiry date")
    check_date(data.revoked_on, "revoked_on", "The revocation date")
    if data.signed_on and data.expires_on and data.expires_on < data.signed_on:
        raise ValidationError(
            "The expiry date cannot be before the date it was signed.", field="expires_on"
        )
    if data.signed_on and data.revoked_on and data.revoked_on < data.signed_on:
        raise ValidationError(
            "The revocation date cannot be before the date it was signed.", field="revoked_on"
        )


def _apply(auth: Authorization, data: AuthorizationData) -> None:
    auth.holder_id = data.holder_id
    auth.recipient_id = data.recipient_id
    auth.scope = data.scope
    auth.purpose = data.purpose
    auth.signed_on = data.signed_on
    auth.expires_on = data.expires_on
    auth.expiry_event = data.expiry_event
    auth.revoked_on = data.revoked_on


def add_authorization(session: Session, person_id: int, data: AuthorizationData) -> int:
    if session.get(Person, person_id) is None:
        raise NotFound("This person no longer exists.")
    _validate(session, data)
    auth = Authorization(person_id=person_id)
    _apply(auth, data)
    session.add(auth)
    session.flush()
    return auth.id


def _get(session: Session, authorization_id: int) -> Authorization:
    return must_exist(
        session, Authorization, authorization_id, "This authorization no longer exists."
    )


def update_authorization(session: Session, authorization_id: int, data: AuthorizationData) -> None:
    auth = _get(session, authorization_id)
    _validate(session, data)
    _apply(auth, data)
    session.flush()


def revoke_authorization(session: Session, authorization_id: int, on: dt.date) -> None:
    auth = _get(session, authorization_id)
    check_date(on, "revoked_on", "The revocation date")
    if auth.signed_on and on < auth.signed_on:
        raise ValidationError(
            "The revocation date cannot be before the date it was signed.", field="revoked_on"
        )
    auth.revoked_on = on
    session.flush()


def requests_using(session: Session, authorization_id: int) -> int:
    """How many requests rely on it: said in the delete confirmation."""
    stmt = select(func.count()).where(RecordRequest.authorization_id == authorization_id)
    return int(session.scalar(stmt) or 0)


def delete_authorization(session: Session, authorization_id: int) -> None:
    """Delete it; requests that relied on it keep existing, without a link."""
    auth = _get(session, authorization_id)
    session.execute(
        update(RecordRequest)
        .where(RecordRequest.authorization_id == authorization_id)
        .values(authorization_id=None)
    )
    session.delete(auth)
    session.flush()


def list_authorizations(
    session: Session, person_id: int, today: dt.date | None = None
) -> list[AuthorizationRow]:
    today = today or dt.date.today()
    holder = aliased(Contact)
    recipient = aliased(Contact)
    uses = (
        select(RecordRequest.authorization_id, func.count().label("n"))
        .where(RecordRequest.person_id == person_id)
        .group_by(RecordRequest.authorization_id)
        .subquery()
    )
    # Plain columns, not ORM objects: the list is read on every load of the records tab.
    stmt = (
        select(
            Authorization.id,
            Authorization.holder_id,
            holder.name,
            Authorization.recipient_id,
            recipient.name,
            Authorization.scope,
            Authorization.purpose,
            Authorization.signed_on,
            Authorization.expires_on,
            Authorization.expiry_event,
            Authorization.revoked_on,
            func.coalesce(uses.c.n, 0),
        )
        .join(holder, holder.id == Authorization.holder_id)
        .join(recipient, recipient.id == Authorization.recipient_id)
        .outerjoin(uses, uses.c.authorization_id == Authorization.id)
        .where(Authorization.person_id == person_id)
        .order_by(Authorization.signed_on.desc(), Authorization.id.desc())
    )
    return [
        AuthorizationRow(
            id=r[0],
            holder_id=r[1],
            holder_name=r[2],
            recipient_id=r[3],
            recipient_name=r[4],
            scope=r[5],
            purpose=r[6],
            signed_on=r[7],
            expires_on=r[8],
            expiry_event=r[9],
            revoked_on=r[10],
            request_count=int(r[11]),
            problem=authorization_problem(r[8], r[10], today),
        )
        for r in fetch_all(read_rows(session, stmt))
    ]


def get_authorization(
    session: Session, authorization_id: int, today: dt.date | None = None
) -> AuthorizationRow:
    auth = _get(session, authorization_id)
    return _row(
        auth,
        auth.holder.name,
        auth.recipient.name,
        requests_using(session, authorization_id),
        today or dt.date.today(),
    )


def _row(
    auth: Authorization, holder_name: str, recipient_name: str, count: int, today: dt.date
) -> AuthorizationRow:
    return AuthorizationRow(
        id=auth.id,
        holder_id=auth.holder_id,
        holder_name=holder_name,
        recipient_id=auth.recipient_id,
        recipient_name=recipient_name,
        scope=auth.scope,
        purpose=auth.purpose,
        signed_on=auth.signed_on,
        expires_on=auth.expires_on,
        expiry_event=auth.expiry_event,
        revoked_on=auth.revoked_on,
        request_count=count,
        problem=authorization_problem(auth.expires_on, auth.revoked_on, today),
    )
