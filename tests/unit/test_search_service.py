"""The search index and the search over it: kept current by whoever writes, forgiving of how
a search is typed, never tripped by FTS5 syntax."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from second_opinion.domain.enums import QuestionCategory, RecordKind
from second_opinion.domain.models import (
    Contact,
    Decision,
    Opinion,
    Question,
    RecordItem,
    RecordRequest,
    Visit,
)
from second_opinion.services import search_index
from second_opinion.services.contacts import ContactData, create_contact, update_contact
from second_opinion.services.search import (
    MARK_END,
    MARK_START,
    MAX_INPUT,
    SearchResult,
    marked_parts,
    match_expression,
    plain,
    search,
    words_of,
)
from second_opinion.vault import migrate
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.factories import make_contact, make_person
from tests.migrations import revision_mentioning


def _found(result: SearchResult, kind: str | None = None) -> list[str]:
    return [hit.title for hit in result.hits if kind is None or hit.kind == kind]


@pytest.fixture
def case_data(session: Session) -> dict[str, int]:
    ada = make_person(session, "Ada Lovelace")
    ben = make_person(session, "Ben Okafor")
    doctor = make_contact(session, "Dr. Tomás Marchetti", specialty="Oncology")
    lab = make_contact(
        session, "Valley Imaging Center", phone="(555) 010-4477", phone_digits="5550104477"
    )
    item = RecordItem(
        person_id=ada.id, kind=RecordKind.PATHOLOGY_REPORT, description="Biopsy report", holder=lab
    )
    session.add(item)
    request = RecordRequest(
        person_id=ada.id, holder_id=lab.id, recipient_id=doctor.id, reference_number="REF-991"
    )
    session.add(request)
    visit = Visit(
        person_id=ada.id,
        doctor_id=doctor.id,
        starts_at=dt.datetime(2026, 12, 3, 15, tzinfo=dt.UTC),
        location="North Pavilion",
    )
    session.add(visit)
    session.add(
        Question(
            person_id=ada.id,
            text="Is surgery needed before chemotherapy?",
            category=QuestionCategory.TREATMENT,
            answer="Probably not",
        )
    )
    session.add(
        Opinion(
            person_id=ben.id,
            doctor_id=doctor.id,
            given_on=dt.date(2026, 11, 1),
            diagnosis="Stage II adenocarcinoma",
        )
    )
    session.add(
        Decision(person_id=ada.id, decided_on=dt.date(2026, 11, 2), decision="Go with surgery")
    )
    session.flush()
    return {"ada": ada.id, "ben": ben.id, "doctor": doctor.id, "lab": lab.id}


def test_every_kind_is_found_with_its_person_and_marked_words(
    session: Session, case_data: dict[str, int]
) -> None:
    result = search(session, "surgery")
    kinds = {hit.kind for hit in result.hits}
    assert kinds == {"question", "decision"}
    question = next(hit for hit in result.hits if hit.kind == "question")
    assert question.person == "Ada Lovelace"
    assert f"{MARK_START}surgery{MARK_END}" in question.title_marked
    assert marked_parts(question.title_marked)[1] == ("surgery", True)

    assert _found(search(session, "biopsy"), "record_item") == ["Biopsy report"]
    assert _found(search(session, "REF-991"), "request") == ["Valley Imaging Center"]
    assert _found(search(session, "pavilion"), "visit") == ["Dr. Tomás Marchetti"]
    opinion = next(h for h in search(session, "adenocarcinoma").hits if h.kind == "opinion")
    assert opinion.person == "Ben Okafor"
    assert "adenocarcinoma" in plain(opinion.snippet_marked)
    contact = next(h for h in search(session, "oncology").hits if h.kind == "contact")
    assert contact.person is None and contact.id == case_data["doctor"]


def test_a_search_names_the_rows_that_show_a_doctor(
    session: Session, case_data: dict[str, int]
) -> None:
    kinds = {hit.kind for hit in search(session, "marchetti").hits}
    assert kinds == {"contact", "request", "visit", "opinion"}


def test_a_person_sees_only_their_case_and_the_shared_contacts(
    session: Session, case_data: dict[str, int]
) -> None:
    mine = search(session, "marchetti", person_id=case_data["ada"])
    assert {hit.kind for hit in mine.hits} == {"contact", "request", "visit"}
    assert all(hit.person_id in (None, case_data["ada"]) for hit in mine.hits)


def test_case_accents_and_prefixes_are_forgiven(
    session: Session, case_data: dict[str, int]
) -> None:
    for typed in ("tomas", "TOMÁS", "Tom", "marc", "tomás march"):
        assert "Dr. Tomás Marchetti" in _found(search(session, typed), "contact"), typed


@pytest.mark.parametrize(
    "typed",
    ["555-010-4477", "(555) 010-4477", "5550104477", "+1 555 010 4477", "555.010.4477", "0104477"],
)
def test_a_phone_number_matches_in_any_format(
    session: Session, case_data: dict[str, int], typed: str
) -> None:
    assert _found(search(session, typed), "contact") == ["Valley Imaging Center"]


@pytest.mark.parametrize("typed", ["marchetit", "marchetto", "marhcetti", "tomaz", "valey"])
def test_a_name_with_one_typo_still_matches(
    session: Session, case_data: dict[str, int], typed: str
) -> None:
    result = search(session, typed)
    assert result.hits, typed
    assert all(hit.fuzzy for hit in result.hits)


def test_two_typos_do_not_match(session: Session, case_data: dict[str, int]) -> None:
    assert search(session, "mrahcetti").hits == []


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '"surgery',
        "surgery*",
        "surgery NEAR chemotherapy",
        "NEAR(surgery chemotherapy)",
        "-surgery",
        "surgery OR",
        "AND",
        "(surgery",
        "title:surgery",
        "^surgery",
        "{title body}: x",
        "surgery + chemo",
        "'; DROP TABLE contact; --",
    ],
)
def test_fts5_syntax_is_taken_as_plain_text(
    session: Session, case_data: dict[str, int], typed: str
) -> None:
    result = search(session, typed)  # never raises
    if words_of(typed) == ["surgery"]:  # the marks around it are no syntax
        assert "question" in {hit.kind for hit in result.hits}
    if "NEAR" in typed:  # an operator is a plain word, which the question does not hold
        assert result.hits == []


def test_an_empty_search_finds_nothing_calmly(session: Session, case_data: dict[str, int]) -> None:
    for typed in ("", "   ", "!!!", "-", "\n\t"):
        assert search(session, typed).hits == []
        assert match_expression(typed) is None


def test_a_very_long_search_is_cut_not_crashed_on(
    session: Session, case_data: dict[str, int]
) -> None:
    result = search(session, "surgery " + "x" * 10_000)
    assert result.hits == []  # the cut text still has a word nothing matches
    assert len(match_expression("a " * 10_000) or "") < MAX_INPUT * 4
    assert search(session, "surgery" + " " * 10_000).hits


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(max_size=300))
def test_any_text_searches_without_an_error(session: Session, typed: str) -> None:
    search(session, typed)


def test_changes_deletes_and_renames_reach_the_index_at_once(session: Session) -> None:
    ada = make_person(session, "Ada")
    row = create_contact(session, ContactData(name="Dr. Ines Quarry"))
    doctor = session.get(Contact, row.id)
    assert doctor is not None
    session.add(
        Visit(
            person_id=ada.id, doctor_id=doctor.id, starts_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        )
    )
    session.flush()
    assert _found(search(session, "quarry"), "visit") == ["Dr. Ines Quarry"]

    update_contact(session, row.id, ContactData(name="Dr. Ines Quarrington"))
    assert _found(search(session, "quarrington"), "visit") == ["Dr. Ines Quarrington"]
    assert _found(search(session, "quarrington"), "contact") == ["Dr. Ines Quarrington"]

    question = Question(
        person_id=ada.id, text="What about fertility?", category=QuestionCategory.RISKS
    )
    session.add(question)
    session.flush()
    assert _found(search(session, "fertility"), "question")
    session.delete(question)
    session.flush()
    assert search(session, "fertility").hits == []


def test_bulk_core_inserts_are_indexed_too(session: Session) -> None:
    session.execute(insert(Contact), [{"name": f"Bulk Doctor {i}"} for i in range(50)])
    assert len(search(session, "bulk", per_kind=100).hits) == 50


def test_deleting_a_person_removes_their_entries_and_documents(session: Session) -> None:
    ada = make_person(session, "Ada")
    session.add(Decision(person_id=ada.id, decided_on=dt.date(2026, 1, 1), decision="Radiation"))
    session.flush()
    search_index.index_document_text(session, 7, ada.id, "Scan letter", ["radiation plan"])
    assert len(search(session, "radiation").hits) == 2
    session.delete(ada)
    session.flush()
    assert search(session, "radiation").hits == []
    assert search(session, "scan").hits == []


def test_documents_are_found_by_title_and_by_page(session: Session) -> None:
    ada = make_person(session, "Ada")
    search_index.index_document_text(
        session, 3, ada.id, "Pathology report", ["Page one text", "", "HER2 positive margins"]
    )
    search_index.index_document_text(session, 4, ada.id, "Photo of the wound", [])
    page = search(session, "her2").hits[0]
    assert (page.kind, page.id, page.page, page.title) == ("document", 3, 3, "Pathology report")
    assert "HER2" in plain(page.snippet_marked)
    title = search(session, "pathology").hits[0]
    assert (title.id, title.page, title.no_text) == (3, 0, False)
    photo = search(session, "wound").hits[0]
    assert photo.no_text is True

    search_index.index_document_text(session, 3, ada.id, "Pathology report", ["Only now"])
    assert search(session, "her2").hits == []
    search_index.remove_document(session, 3)
    assert search(session, "pathology").hits == []
    assert search(session, "wound").hits  # another document is untouched


def test_pdf_text_is_extracted_per_page(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "two.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, "Estrogen receptor positive")
    pdf.showPage()
    pdf.showPage()
    pdf.save()
    pages = search_index.pdf_pages_text(path.read_bytes())
    assert len(pages) == 2
    assert "Estrogen receptor positive" in pages[0] and pages[1].strip() == ""
    with pytest.raises(ValueError):
        search_index.pdf_pages_text(b"not a pdf")


def test_rebuild_restores_a_dropped_index_and_keeps_document_text(session: Session) -> None:
    ada = make_person(session, "Ada")
    make_contact(session, "Dr. Rebuild")
    search_index.index_document_text(session, 9, ada.id, "Letter", ["kept words"])
    session.execute(text("DELETE FROM search_index WHERE kind = 'contact'"))
    assert search(session, "rebuild").hits == []
    count = search_index.rebuild(session)
    assert count == 3  # the contact, the document's title and its page
    assert _found(search(session, "rebuild"), "contact") == ["Dr. Rebuild"]
    assert search(session, "kept").hits
    assert search_index.index_is_intact(session)
    make_contact(session, "Dr. After")  # the triggers are back too
    assert search(session, "after").hits


def test_the_migration_builds_the_index_for_existing_rows(data_dir: Path) -> None:
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    cfg = migrate.alembic_config()
    with vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        _revision, before, _path = revision_mentioning("CREATE VIRTUAL TABLE")
        command.downgrade(cfg, before)
        assert (
            conn.execute(
                text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'search%'")
            ).scalar()
            == 0
        )
        conn.execute(
            text(
                "INSERT INTO person (id, name, condition, medications, allergies, created_at)"
                " VALUES (1, 'Ada', '', '', '', '2026-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO question"
                " (person_id, text, category, priority, position, asked, answer)"
                " VALUES (1, 'Old question about Ménière', 'risks', 2, 0, 0, '')"
            )
        )
        command.upgrade(cfg, "head")
    with vault.session() as session:
        assert _found(search(session, "meniere"), "question") == ["Old question about Ménière"]
    vault.lock()


def test_the_frozen_migration_matches_the_current_definition(session: Session) -> None:
    # While 0003 is the newest revision that touches the index, a fresh vault's triggers (made
    # by the migration) must be exactly what ``rebuild`` would make.
    stored = dict(
        session.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'"
            )
        ).all()
    )
    current = dict(
        zip(search_index.trigger_names(), search_index.trigger_statements(), strict=True)
    )
    assert stored == current
    table_sql = session.execute(
        text("SELECT sql FROM sqlite_master WHERE name = 'search_index'")
    ).scalar_one()
    assert table_sql == search_index.CREATE_TABLE


def test_the_schema_head_is_the_search_revision_or_later() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    ours = next(rev for rev in script.walk_revisions() if rev.path.endswith("_search_index.py"))
    assert script.get_current_head() in {ours.revision} | {
        rev.revision for rev in script.iterate_revisions("head", ours.revision)
    }
