"""What the Documents screen reads around the documents, and a pasted picture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from second_opinion.case import document_links, document_pages
from second_opinion.case import documents as docs
from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.domain.enums import RecordKind
from second_opinion.domain.models import Contact, RecordItem, RecordRequest, Visit
from second_opinion.services.documents import LinkRef, LinkTarget
from second_opinion.services.errors import NotFound
from second_opinion.services.people import add_person
from second_opinion.vault.vault import Vault
from tests.document_files import write_image, write_pdf


@pytest.fixture
def world(vault: Vault) -> tuple[Case, dict[str, int]]:
    with vault.session() as session:
        person = add_person(session, "Ada")
        doctor = Contact(name="Dr. Rao")
        other = Contact(name="Dr. Ward")
        lab = Contact(name="Riverside Pathology")
        session.add_all([doctor, other, lab])
        session.flush()
        item = RecordItem(person_id=person, kind=RecordKind.PATHOLOGY_REPORT)
        session.add(item)
        session.flush()
        request = RecordRequest(person_id=person, holder_id=lab.id, recipient_id=doctor.id)
        request.items.append(item)
        elsewhere = RecordRequest(person_id=person, holder_id=lab.id, recipient_id=other.id)
        visit = Visit(
            person_id=person,
            doctor_id=doctor.id,
            starts_at=dt.datetime(2026, 5, 4, 14, tzinfo=dt.UTC),
        )
        session.add_all([request, elsewhere, visit])
        session.flush()
        ids = {
            "item": item.id,
            "request": request.id,
            "elsewhere": elsewhere.id,
            "visit": visit.id,
            "lab": lab.id,
        }
    return Case(vault, person), ids


def _add(case: Case, path: Path, link: LinkRef | None = None) -> int:
    return docs.attach_files(case, [path], link=link).value.added[0].id


def test_choices_name_every_thing_a_document_can_be_linked_to(world) -> None:
    case, ids = world
    choices = document_links.link_choices(case)
    targets = {(c.ref.target, c.ref.id): c for c in choices}
    assert targets[(LinkTarget.ITEM, ids["item"])].kind is RecordKind.PATHOLOGY_REPORT
    assert targets[(LinkTarget.REQUEST, ids["request"])].name == "Riverside Pathology → Dr. Rao"
    assert targets[(LinkTarget.VISIT, ids["visit"])].on == dt.date(2026, 5, 4)
    assert targets[(LinkTarget.CONTACT, ids["lab"])].name == "Riverside Pathology"


def test_the_documents_screen_names_only_what_its_documents_are_linked_to(world, tmp_path) -> None:
    case, ids = world
    _add(case, write_pdf(tmp_path / "v.pdf"), LinkRef(LinkTarget.VISIT, ids["visit"]))
    _add(case, write_pdf(tmp_path / "c.pdf", marker="c"), LinkRef(LinkTarget.CONTACT, ids["lab"]))
    screen = document_links.documents_screen(case)
    assert {c.ref for c in screen.choices} == {
        LinkRef(LinkTarget.VISIT, ids["visit"]),
        LinkRef(LinkTarget.CONTACT, ids["lab"]),
    }
    assert screen.choice_for(LinkRef(LinkTarget.CONTACT, ids["lab"])).name == "Riverside Pathology"
    assert len(document_links.link_choices(case)) > len(screen.choices)


def test_a_screen_without_links_reads_no_names(world, tmp_path) -> None:
    case, _ids = world
    _add(case, write_pdf(tmp_path / "n.pdf"))
    assert document_links.documents_screen(case).choices == []


def test_packet_candidates_default_to_the_visit_and_its_doctors_requests(world, tmp_path) -> None:
    case, ids = world
    on_visit = _add(
        case, write_pdf(tmp_path / "v.pdf", marker="v"), LinkRef(LinkTarget.VISIT, ids["visit"])
    )
    on_item = _add(
        case, write_pdf(tmp_path / "i.pdf", marker="i"), LinkRef(LinkTarget.ITEM, ids["item"])
    )
    on_request = _add(
        case, write_pdf(tmp_path / "r.pdf", marker="r"), LinkRef(LinkTarget.REQUEST, ids["request"])
    )
    _add(
        case,
        write_pdf(tmp_path / "e.pdf", marker="e"),
        LinkRef(LinkTarget.REQUEST, ids["elsewhere"]),
    )
    _add(case, write_pdf(tmp_path / "n.pdf", marker="n"))
    candidates = document_links.packet_candidates(case, ids["visit"])
    assert len(candidates.rows) == 5
    assert candidates.default_ids == {on_visit, on_item, on_request}
    with pytest.raises(NotFound):
        document_links.packet_candidates(case, 999)


def test_a_requests_documents_include_its_items(world, tmp_path) -> None:
    case, ids = world
    on_item = _add(case, write_pdf(tmp_path / "i.pdf"), LinkRef(LinkTarget.ITEM, ids["item"]))
    found = document_links.linked_documents(case, LinkRef(LinkTarget.REQUEST, ids["request"]))
    assert [r.id for r in found] == [on_item]
    assert [
        r.id for r in document_links.linked_documents(case, LinkRef(LinkTarget.ITEM, ids["item"]))
    ] == [on_item]
    assert (
        document_links.linked_documents(case, LinkRef(LinkTarget.REQUEST, ids["elsewhere"])) == []
    )


def test_a_pasted_picture_is_stored_encrypted_once(world) -> None:
    case, ids = world
    pixels = bytes([10, 200, 30, 255]) * (40 * 30)
    outcome = document_links.attach_picture(
        case, 40, 30, pixels, "Pasted picture", LinkRef(LinkTarget.ITEM, ids["item"])
    )
    [row] = outcome.value.added
    assert outcome.changes.touches(Area.DOCUMENTS)
    assert (row.media_type, row.pages, row.links) == (
        "image/png",
        1,
        (LinkRef(LinkTarget.ITEM, ids["item"]),),
    )
    again = document_links.attach_picture(case, 40, 30, pixels, "Again")
    assert again.value.added == [] and again.value.duplicates[0].existing_id == row.id
    assert len(case.vault.documents.stored_names()) == 1


def test_pages_are_drawn_in_memory(world, tmp_path) -> None:
    case, _ids = world
    document_id = _add(case, write_pdf(tmp_path / "a.pdf", pages=2))
    opened = document_pages.open_document(case, document_id)
    assert (opened.pages, opened.problem) == (2, "")
    [page] = document_pages.render(opened.data, opened.media_type, [1], rotation=90, box=100).pages
    assert page.index == 1 and page.width == 100 and page.height < 100
    assert len(page.pixels) == page.stride * page.height
    picture = _add(case, write_image(tmp_path / "p.png", "PNG", (64, 32)))
    opened = document_pages.open_document(case, picture)
    [page] = document_pages.render(opened.data, opened.media_type, [0], zoom=2.0).pages
    assert (page.width, page.height) == (128, 64)


def test_a_page_that_cannot_be_drawn_is_a_problem_not_an_error() -> None:
    rendered = document_pages.render(b"%PDF-1.4 nonsense", "application/pdf", [0])
    assert rendered.pages == [] and rendered.problem
