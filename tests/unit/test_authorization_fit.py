"""An authorization names one holder and one recipient and lasts until a date: a request or a
printed form that relies on it for someone else, or after it lapsed, is said so first."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from second_opinion.domain.enums import ContactRole, RecordKind
from second_opinion.services import authorizations as auths
from second_opinion.services import record_requests as rr
from second_opinion.services import records
from second_opinion.services.authorizations import LinkProblem
from second_opinion.services.records import ItemData
from tests.factories import make_contact, make_person

TODAY = dt.date(2026, 3, 1)


def test_link_problems_name_each_mismatch() -> None:
    fits = auths.link_problems(1, 2, TODAY, None, holder_id=1, recipient_id=2, today=TODAY)
    assert fits == []
    assert auths.link_problems(1, 3, None, None, holder_id=1, recipient_id=2, today=TODAY) == [
        LinkProblem.OTHER_RECIPIENT
    ]
    assert auths.link_problems(
        4, 3, TODAY - dt.timedelta(days=1), None, holder_id=1, recipient_id=2, today=TODAY
    ) == [LinkProblem.OTHER_HOLDER, LinkProblem.OTHER_RECIPIENT, LinkProblem.EXPIRED]
    assert auths.link_problems(1, 2, None, TODAY, holder_id=1, recipient_id=2, today=TODAY) == [
        LinkProblem.REVOKED
    ]


def test_printing_checks_the_authorization_the_form_would_carry(session: Session) -> None:
    person = make_person(session, "Maria").id
    lab = make_contact(session, "City Lab", ContactRole.RECORDS_DEPARTMENT).id
    rao = make_contact(session, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN).id
    lee = make_contact(session, "Dr. Lee", ContactRole.SECOND_OPINION_CANDIDATE).id
    item = records.add_item(
        session, person, ItemData(kind=RecordKind.PATHOLOGY_REPORT, holder_id=lab)
    )
    for_lee = auths.add_authorization(
        session,
        person,
        auths.AuthorizationData(holder_id=lab, recipient_id=lee, signed_on=TODAY),
    )
    request = rr.add_request(
        session,
        person,
        rr.RequestData(item_ids=[item], holder_id=lab, recipient_id=rao, authorization_id=for_lee),
    )
    check = auths.print_check(session, request, TODAY)
    assert check.problems == [LinkProblem.OTHER_RECIPIENT]
    assert (check.authorization_recipient, check.request_recipient) == ("Dr. Lee", "Dr. Rao")

    # Without a link, the form carries the one on file for the same holder and recipient:
    # a lapsed one is said before printing.
    lapsed = auths.add_authorization(
        session,
        person,
        auths.AuthorizationData(
            holder_id=lab,
            recipient_id=rao,
            signed_on=TODAY - dt.timedelta(days=400),
            expires_on=TODAY - dt.timedelta(days=10),
        ),
    )
    rr.update_request(
        session,
        request,
        rr.RequestData(item_ids=[item], holder_id=lab, recipient_id=rao, authorization_id=None),
    )
    check = auths.print_check(session, request, TODAY)
    assert check.problems == [LinkProblem.EXPIRED]
    assert check.expires_on == TODAY - dt.timedelta(days=10)
    auths.delete_authorization(session, lapsed)
    assert auths.print_check(session, request, TODAY).problems == []
