"""The contacts service: what is stored, what is refused, and what a delete may touch."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from second_opinion.domain.enums import ContactKind, ContactRole, RecordKind, TriState
from second_opinion.domain.models import (
    Authorization,
    Contact,
    Opinion,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.services import contacts
from second_opinion.services.contacts import ContactData
from second_opinion.services.errors import InUse, NotFound, ValidationError
from tests.factories import make_contact, make_person

NASTY = "<b>Dr. ‏רות‎ & 🩺 O'Brien</b>"


def full_data(**overrides: object) -> ContactData:
    base = ContactData(
        name="Dr. Ana Rao",
        kind=ContactKind.INDIVIDUAL,
        role=ContactRole.SECOND_OPINION_CANDIDATE,
        specialty="Medical oncology",
        organization="Lakeside Cancer Center",
        health_system="Lakeside Health",
        phone="(555) 010-2030",
        fax="+44 20 7946 0958",
        email="a.rao@lakeside.example.org",
        address="12 Harbor Road\nSpringfield",
        portal_url="mychart.lakeside.example.org",
        website="https://lakeside.example.org/oncology",
        recommended_by="Dr. Lee (primary care)",
        in_network=TriState.YES,
        notes="Answers messages within two days.",
    )
    return ContactData(**{**base.__dict__, **overrides})


def test_every_field_is_stored_and_read_back(session):
    row = contacts.create_contact(session, full_data())
    again = contacts.get_contact(session, row.id)
    assert again == row
    assert again.to_data() == full_data(portal_url="https://mychart.lakeside.example.org")
    assert again.phone == "(555) 010-2030"  # kept as typed
    assert again.phone_digits == "5550102030"
    assert again.fax_digits == "442079460958"


def test_the_list_reads_every_field_like_a_single_read(session):
    # The list builds rows from plain columns by position: a field in the wrong place would
    # put a phone number in the fax column.
    row = contacts.create_contact(session, full_data())
    contacts.create_contact(session, ContactData(name="Someone else"))
    listed = {r.id: r for r in contacts.list_contacts(session)}
    assert listed[row.id] == contacts.get_contact(session, row.id) == row


def test_empty_name_is_refused_on_the_name_field(session):
    with pytest.raises(ValidationError) as err:
        contacts.create_contact(session, ContactData(name="   "))
    assert err.value.field == "name"
    assert session.scalar(select(Contact.id)) is None


@pytest.mark.parametrize(
    "phone",
    [
        "(555) 010-2030",
        "555.010.2030",
        "+1 555 010 2030",
        "020 7946 0958",
        "+49 30 901820",
        "0049 (0)30 901820",
        "555-0102 ext. 12",
        "1-800-FLOWERS",
    ],
)
def test_common_phone_formats_are_kept_exactly(session, phone):
    row = contacts.create_contact(session, ContactData(name="Clinic", phone=phone))
    assert row.phone == phone


@pytest.mark.parametrize("bad", ["call me", "12", "<b>&</b>", "555 🙂 0102", "9" * 40])
def test_phone_and_fax_that_are_not_numbers_are_refused_on_their_field(session, bad):
    for field in ("phone", "fax"):
        with pytest.raises(ValidationError) as err:
            contacts.create_contact(session, ContactData(name="Clinic", **{field: bad}))
        assert err.value.field == field


@pytest.mark.parametrize("bad", ["rao", "rao@", "@example.org", "a b@example.org", "<b>&@x"])
def test_email_must_look_like_one(session, bad):
    with pytest.raises(ValidationError) as err:
        contacts.create_contact(session, ContactData(name="Dr. Rao", email=bad))
    assert err.value.field == "email"


def test_web_addresses_get_a_scheme_and_foreign_schemes_are_refused(session):
    row = contacts.create_contact(
        session, ContactData(name="X", website="example.org/a", portal_url="http://p.example.org")
    )
    assert row.website == "https://example.org/a"
    assert row.portal_url == "http://p.example.org"  # a typed scheme is respected
    for bad in ("javascript:alert(1)//x.org", "not a url", "localhost", "ftp://x.org"):
        with pytest.raises(ValidationError) as err:
            contacts.create_contact(session, ContactData(name="X", portal_url=bad))
        assert err.value.field == "portal_url"


def test_markup_emoji_and_rtl_are_stored_exactly_in_every_free_text_field(session):
    data = ContactData(
        name=NASTY,
        specialty=NASTY,
        organization=NASTY,
        health_system=NASTY,
        address=NASTY,
        recommended_by=NASTY,
        notes=NASTY + "\n" + "x" * 50_000,
    )
    row = contacts.create_contact(session, data)
    assert row.name == NASTY
    assert row.organization == NASTY
    assert row.address == NASTY
    assert len(row.notes) == len(NASTY) + 1 + 50_000


def test_update_changes_fields_and_search_digits(session):
    row = contacts.create_contact(session, full_data())
    changed = contacts.update_contact(session, row.id, full_data(phone="+1 (617) 555-0199"))
    assert changed.phone_digits == "16175550199"
    assert [r.id for r in contacts.list_contacts(session, search="6175550199")] == [row.id]
    with pytest.raises(ValidationError):
        contacts.update_contact(session, row.id, full_data(name=""))
    assert contacts.get_contact(session, row.id).name == "Dr. Ana Rao"


def test_list_filters_by_role_and_searches_name_org_specialty_and_phone(session):
    a = contacts.create_contact(session, full_data())
    b = contacts.create_contact(
        session,
        ContactData(name="Mercy Records", role=ContactRole.RECORDS_DEPARTMENT, fax="555-777-1234"),
    )
    assert [r.id for r in contacts.list_contacts(session)] == [a.id, b.id]  # by name
    assert [
        r.id for r in contacts.list_contacts(session, roles=[ContactRole.RECORDS_DEPARTMENT])
    ] == [b.id]
    assert [r.id for r in contacts.list_contacts(session, search="lakeside oncology")] == [a.id]
    assert [r.id for r in contacts.list_contacts(session, search="7771234")] == [b.id]
    choices = contacts.list_contact_choices(session, roles=[ContactRole.SECOND_OPINION_CANDIDATE])
    assert [(c.id, c.name, c.organization) for c in choices] == [
        (a.id, "Dr. Ana Rao", "Lakeside Cancer Center")
    ]
    assert choices[0].label == "Dr. Ana Rao — Lakeside Cancer Center"


def _case(session):
    person = make_person(session)
    doctor = make_contact(session, "Dr. First", ContactRole.FIRST_OPINION)
    records = make_contact(session, "HIM", ContactRole.RECORDS_DEPARTMENT)
    friend = make_contact(session, "Sam", ContactRole.SUPPORT_PERSON)
    return person, doctor, records, friend


def test_references_count_everything_that_points_at_a_contact(session):
    person, doctor, records, friend = _case(session)
    when = dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC)
    session.add_all(
        [
            RecordItem(person_id=person.id, kind=RecordKind.LAB_RESULTS, holder_id=records.id),
            RecordRequest(person_id=person.id, holder_id=records.id, recipient_id=doctor.id),
            Authorization(person_id=person.id, holder_id=records.id, recipient_id=doctor.id),
            Visit(person_id=person.id, doctor_id=doctor.id, starts_at=when, companion_id=friend.id),
            Opinion(person_id=person.id, doctor_id=doctor.id, given_on=dt.date(2026, 5, 1)),
        ]
    )
    session.flush()
    assert contacts.contact_references(session, doctor.id) == contacts.ContactReferences(
        requests=1, authorizations=1, visits=1, opinions=1
    )
    assert contacts.contact_references(session, records.id) == contacts.ContactReferences(
        requests=1, record_items=1, authorizations=1
    )
    assert contacts.contact_references(session, friend.id).companions == 1


def test_delete_refuses_while_required_links_exist_and_names_them(session):
    person, doctor, records, _ = _case(session)
    session.add(RecordRequest(person_id=person.id, holder_id=records.id, recipient_id=doctor.id))
    session.add(Visit(person_id=person.id, doctor_id=doctor.id, starts_at=dt.datetime.now(dt.UTC)))
    session.flush()
    with pytest.raises(InUse) as err:
        contacts.delete_contact(session, doctor.id)
    assert err.value.references == {"requests": 1, "visits": 1}
    assert "1 record request and 1 visit" in err.value.message
    assert session.get(Contact, doctor.id) is not None


def test_delete_unlinks_optional_links_and_keeps_the_things_themselves(session):
    person, doctor, records, friend = _case(session)
    item = RecordItem(person_id=person.id, kind=RecordKind.PATHOLOGY_REPORT, holder_id=records.id)
    visit = Visit(
        person_id=person.id,
        doctor_id=doctor.id,
        starts_at=dt.datetime.now(dt.UTC),
        companion_id=friend.id,
    )
    session.add_all([item, visit])
    session.flush()
    unlinked = contacts.delete_contact(session, friend.id)
    assert unlinked.companions == 1
    contacts.delete_contact(session, records.id)
    session.expire_all()
    assert session.get(Visit, visit.id).companion_id is None
    assert session.get(RecordItem, item.id).holder_id is None
    assert session.get(Contact, friend.id) is None
    with pytest.raises(NotFound):
        contacts.delete_contact(session, friend.id)


def test_describe_counts_reads_naturally():
    assert contacts.describe_counts({"requests": 3}) == "3 record requests"
    assert (
        contacts.describe_counts({"requests": 1, "visits": 2, "opinions": 1})
        == "1 record request, 2 visits and 1 opinion"
    )


@settings(max_examples=150, deadline=None)
@given(
    name=st.text(max_size=400),
    phone=st.text(max_size=40),
    email=st.text(max_size=60),
    url=st.text(max_size=60),
    notes=st.text(max_size=2000),
)
def test_validation_never_crashes_and_keeps_text_exactly(name, phone, email, url, notes):
    data = ContactData(name=name, phone=phone, fax=phone, email=email, website=url, notes=notes)
    try:
        clean = contacts.validate(data)
    except ValidationError as err:
        assert err.field in {"name", "phone", "fax", "email", "website"}
        assert err.message
        return
    assert clean.name == name.strip() and clean.notes == notes
    assert clean.phone == phone.strip()
    assert not clean.website or clean.website.startswith(("http://", "https://"))
