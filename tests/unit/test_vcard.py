"""vCard 4.0 import and export: a round trip keeps every field; bad cards are skipped with why."""

from __future__ import annotations

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from second_opinion.domain.enums import ContactKind, ContactRole, TriState
from second_opinion.services import contacts, vcard
from second_opinion.services.contacts import ContactData

NASTY = "<b>Dr. ‏רות‎ & 🩺; O'Brien, MD</b>"


def rich() -> ContactData:
    return ContactData(
        name="Dr. Ana Rao",
        kind=ContactKind.INDIVIDUAL,
        role=ContactRole.SECOND_OPINION_CHOSEN,
        specialty="Medical oncology",
        organization="Lakeside Cancer Center",
        health_system="Lakeside Health",
        phone="(555) 010-2030",
        fax="+1 555 010 2099",
        email="a.rao@lakeside.example.org",
        address="12 Harbor Road\nSpringfield, IL 62701",
        portal_url="https://mychart.lakeside.example.org",
        website="https://lakeside.example.org",
        recommended_by="Dr. Lee",
        in_network=TriState.NO,
        notes="Line one;\nline two, with \\ and a 🩺",
    )


def test_export_writes_standard_vcard_4_properties(session):
    row = contacts.create_contact(session, rich())
    text = vcard.export_vcards([row])
    card = vobject.readOne(text)
    assert card.version.value == "4.0"
    assert card.fn.value == "Dr. Ana Rao"
    assert card.kind.value == "individual"
    assert card.org.value == ["Lakeside Cancer Center"]
    assert card.title.value == "Medical oncology"
    assert card.role.value == "Second-opinion doctor"
    tels = {t.params["TYPE"][0]: t.value for t in card.tel_list}
    assert tels == {"voice": "(555) 010-2030", "fax": "+1 555 010 2099"}
    assert card.email.value == "a.rao@lakeside.example.org"
    assert "12 Harbor Road" in card.adr.value.street
    assert card.note.value == rich().notes
    assert "\r\n" in text


def test_round_trip_into_a_new_vault_keeps_every_field(session, vault):
    original = contacts.create_contact(session, ContactData(**{**rich().__dict__, "name": NASTY}))
    text = vcard.export_vcards([original])
    contacts.delete_contact(session, original.id)
    summary = vcard.import_vcards(session, text)
    assert summary.imported_count == 1 and not summary.skipped and not summary.warnings
    back = contacts.get_contact(session, summary.imported[0])
    assert back.to_data() == original.to_data()


def test_importing_the_same_file_twice_adds_nothing(session):
    contacts.create_contact(session, rich())
    text, count = vcard.export_contacts(session)
    assert count == 1
    summary = vcard.import_vcards(session, text)
    assert summary.imported == []
    assert [(s.number, s.reason) for s in summary.skipped] == [(1, "already in your contacts")]
    assert len(contacts.list_contacts(session)) == 1


FOREIGN = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nORG:Mercy Hospital;Health Information\r\n"
    "TEL;TYPE=fax,work:+1-555-010-7777\r\nTEL;VALUE=uri;TYPE=voice:tel:+1-555-010-7000\r\n"
    "ROLE:Records department\r\nURL:mercy.example.org\r\n"
    "ADR;TYPE=work:;;1 Mercy Way;Springfield;IL;62701;USA\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Chidi;;Dr.;\r\nFN:Dr. Chidi Okafor\r\n"
    "TITLE:Radiation oncologist\r\nEMAIL;TYPE=INTERNET:not-an-address\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:nobody\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Broken\r\nADR;;;\r\n\x01garbage\r\nEND:VCARD\r\n"
)


def test_import_from_other_address_books_with_a_summary(session):
    summary = vcard.import_vcards(session, FOREIGN)
    rows = {r.name: r for r in contacts.list_contacts(session)}
    mercy = rows["Mercy Hospital"]
    assert mercy.kind == ContactKind.ORGANIZATION
    assert mercy.role == ContactRole.RECORDS_DEPARTMENT
    assert mercy.fax == "+1-555-010-7777" and mercy.phone == "+1-555-010-7000"
    assert mercy.website == "https://mercy.example.org"
    assert mercy.address == "1 Mercy Way\n62701 Springfield\nIL\nUSA"
    okafor = rows["Dr. Chidi Okafor"]
    assert okafor.specialty == "Radiation oncologist" and okafor.email == ""
    assert "not-an-address" in okafor.notes  # kept, not lost
    assert [w.name for w in summary.warnings] == ["Dr. Chidi Okafor"]
    assert summary.imported_count == len(rows) >= 2
    reasons = {s.number: s.reason for s in summary.skipped}
    assert reasons[3] == "the card has no name"


def test_a_file_without_cards_is_refused(tmp_path):
    path = tmp_path / "x.vcf"
    path.write_bytes(b"\x00\x01binary")
    with pytest.raises(vcard.VCardFileError):
        vcard.read_vcard_file(path)
    with pytest.raises(vcard.VCardFileError):
        vcard.import_vcards(None, "hello")  # type: ignore[arg-type]


def test_files_are_read_in_utf8_or_latin1_and_written_private(tmp_path):
    path = tmp_path / "in.vcf"
    path.write_bytes("BEGIN:VCARD\nFN:Zoë\nEND:VCARD\n".encode("latin-1"))
    assert "Zoë" in vcard.read_vcard_file(path)
    out = tmp_path / "out.vcf"
    vcard.write_private_file(out, "BEGIN:VCARD\r\nFN:Zoë 🩺\r\nEND:VCARD\r\n")
    assert out.read_bytes().decode("utf-8") == "BEGIN:VCARD\r\nFN:Zoë 🩺\r\nEND:VCARD\r\n"
    assert out.stat().st_mode & 0o777 == 0o600


_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x85"
    ),
    max_size=80,
).map(str.strip)


@settings(max_examples=120, deadline=None)
@given(name=_TEXT.filter(bool), org=_TEXT, specialty=_TEXT, notes=_TEXT, system=_TEXT)
def test_any_text_survives_a_vcard_round_trip(name, org, specialty, notes, system):
    row = contacts.ContactRow(
        id=1,
        name=name,
        kind=ContactKind.INDIVIDUAL,
        role=ContactRole.SPECIALIST,
        specialty=specialty,
        organization=org,
        health_system=system,
        phone="",
        fax="",
        email="",
        address="",
        portal_url="",
        website="",
        recommended_by="",
        in_network=TriState.UNKNOWN,
        notes=notes,
    )
    back = vcard.card_to_data(vobject.readOne(vcard.export_vcards([row])))
    assert back == row.to_data()
