"""Nothing readable on disk: health data typed anywhere is found only inside encrypted files,
never in exception text, and every file is private to its owner."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import stat
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Enum, String, Table, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from second_opinion.domain.enums import (
    ComparedField,
    QuestionCategory,
    RecordKind,
    RequestState,
    StainKind,
    Verdict,
)
from second_opinion.domain.models import (
    Authorization,
    Base,
    Contact,
    Decision,
    DiscInventory,
    DiscStudy,
    Document,
    DocumentLink,
    FollowUpCall,
    GuideProgress,
    HealthAllergy,
    HealthCondition,
    HealthMedication,
    HealthProcedure,
    HealthResult,
    ImportedDocument,
    InsuranceCall,
    InsurancePlan,
    ItemNotNeeded,
    Opinion,
    OpinionVerdict,
    PathologyMaterial,
    PathologyStain,
    Person,
    Question,
    RecordItem,
    RecordRequest,
    RequestStateChange,
    Shipment,
    VaultSetting,
    Visit,
)
from second_opinion.vault.errors import VaultDamaged, WrongPassphrase
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF

SENTINEL = "Zq7-sentinel-ünïcødé-4417"
PLAIN_SQLITE = b"SQLite format 3"


def _text_columns(table: Table) -> Iterator[Any]:
    for column in table.columns:
        # Enums are strings underneath but hold only fixed vocabulary, never typed text.
        if column.foreign_keys or isinstance(column.type, Enum):
            continue
        if isinstance(column.type, String):
            yield column


def _filled(cls: type[Base], **given: Any) -> Any:
    entity = cls(**given)
    for column in _text_columns(cls.__table__):  # type: ignore[arg-type]
        if column.key not in given:
            setattr(entity, column.key, f"{SENTINEL} {cls.__name__}.{column.key}")
    return entity


def _fill_every_table(session: Session) -> None:
    today = dt.date(2026, 3, 14)
    person = _filled(Person)
    doctor, records_office = _filled(Contact), _filled(Contact)
    session.add_all([person, doctor, records_office])
    session.flush()
    item = _filled(
        RecordItem, person_id=person.id, kind=RecordKind.LAB_RESULTS, holder=records_office
    )
    authorization = _filled(
        Authorization, person_id=person.id, holder=records_office, recipient=doctor
    )
    request = _filled(
        RecordRequest,
        person_id=person.id,
        holder=records_office,
        recipient=doctor,
        authorization=authorization,
        items=[item],
    )
    visit = _filled(
        Visit,
        person_id=person.id,
        doctor=doctor,
        starts_at=dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC),
    )
    opinions = [
        _filled(Opinion, person_id=person.id, doctor=doctor, given_on=today) for _ in range(2)
    ]
    session.add_all(
        [
            _filled(InsurancePlan, person=person),
            _filled(InsuranceCall, person_id=person.id, called_on=today),
            item,
            authorization,
            request,
            _filled(RequestStateChange, request=request, state=RequestState.REQUESTED, on=today),
            visit,
            _filled(
                Question, person_id=person.id, category=QuestionCategory.DIAGNOSIS, visit=visit
            ),
            *opinions,
            OpinionVerdict(
                first=opinions[0],
                second=opinions[1],
                field=ComparedField.DIAGNOSIS,
                verdict=Verdict.SAME,
            ),
            _filled(Decision, person_id=person.id, decided_on=today),
            _filled(GuideProgress, person_id=person.id),
            _filled(VaultSetting),
            *(
                _filled(kind, person_id=person.id)
                for kind in (
                    HealthCondition,
                    HealthMedication,
                    HealthAllergy,
                    HealthProcedure,
                    HealthResult,
                )
            ),
            _filled(ImportedDocument, person_id=person.id),
            _filled(
                Document,
                person_id=person.id,
                byte_size=1,
                content_key=b"k" * 36,
                links=[DocumentLink(contact_id=doctor.id)],
            ),
        ]
    )
    slides, disc = (
        _filled(RecordItem, person_id=person.id, kind=kind, holder=records_office)
        for kind in (RecordKind.PATHOLOGY_MATERIAL, RecordKind.IMAGING_FILES)
    )
    session.add_all([slides, disc])
    session.flush()
    session.add_all(
        [
            ItemNotNeeded(item_id=slides.id, contact_id=doctor.id),
            _filled(FollowUpCall, request=request, called_on=today),
            _filled(Shipment, request=request),
            _filled(
                PathologyMaterial,
                item_id=slides.id,
                stains=[_filled(PathologyStain, kind=StainKind.HE, count=2)],
            ),
            _filled(DiscInventory, item_id=disc.id, studies=[_filled(DiscStudy)]),
        ]
    )


def _assert_every_text_column_holds_the_sentinel(session: Session) -> None:
    for table in Base.metadata.sorted_tables:
        assert session.scalar(select(func.count()).select_from(table)), f"{table.name} is empty"
        for column in _text_columns(table):
            hits = session.scalar(
                select(func.count()).select_from(table).where(column.contains(SENTINEL))
            )
            assert hits, f"{table.name}.{column.name} holds no sentinel"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _assert_nothing_readable(files: dict[str, bytes]) -> None:
    forms = [SENTINEL.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    forms.append(SENTINEL.split("-")[1].encode())  # even the plain-ASCII core
    for name, data in files.items():
        for form in forms:
            assert form not in data, f"{form!r} readable in {name}"
        assert PLAIN_SQLITE not in data, f"an unencrypted SQLite database in {name}"


def test_text_typed_into_every_field_is_found_in_no_file_under_the_data_folder(
    vault: Vault,
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    with vault.session() as s:
        _fill_every_table(s)
    with vault.session() as s:
        _assert_every_text_column_holds_the_sentinel(s)
        # The document's content too: a real encrypted file holding the sentinel.
        content = f"{SENTINEL} inside a document".encode()
        stored = vault.documents.store(io.BytesIO(content), len(content))
        for document in s.scalars(select(Document)):
            document.blob_name = stored.blob_name
            document.content_key = stored.content_key
            document.sha256 = stored.sha256
        # Edited and deleted text leaves old copies in free pages: those must be sealed too.
        for decision in s.scalars(select(Decision)):
            decision.reasons = f"{SENTINEL} edited"
        s.add(
            _filled(
                Question,
                person_id=1,
                category=QuestionCategory.TREATMENT,
                starter_key=f"{SENTINEL} second",
            )
        )
    with vault.session() as s:
        s.delete(s.scalars(select(Question)).first())
    vault._write_backup(data_dir / "backups" / "today.sobackup")  # as an upgrade does
    assert vault.integrity_check().ok

    # In the middle of a transaction the rollback journal holds the pages' old contents.
    with vault.session() as s:
        for contact in s.scalars(select(Contact)):
            contact.notes = f"{SENTINEL} mid-transaction"
        s.flush()
        during = _files(data_dir)
        assert "vault.db-journal" in during
    _assert_nothing_readable(during)

    vault.lock()
    after = _files(data_dir)
    assert {"vault.db", "vault.header.json", "vault.lock", "backups/today.sobackup"} <= set(after)
    _assert_nothing_readable(after)

    out, err = capfd.readouterr()
    assert SENTINEL not in out + err
    assert all(SENTINEL not in record.getMessage() for record in caplog.records)


def test_database_errors_do_not_carry_the_values_being_saved(vault: Vault) -> None:
    with vault.session() as s:
        person = Person(name="Somebody")
        s.add(person)
        s.flush()
        s.add(_filled(Question, person_id=person.id, category=QuestionCategory.DIAGNOSIS))

    def duplicate_starter(s: Session) -> None:
        s.add(_filled(Question, person_id=1, category=QuestionCategory.DIAGNOSIS))

    def blank_name(s: Session) -> None:
        s.add(Person(name="   ", condition=f"{SENTINEL} condition"))

    for cause in (duplicate_starter, blank_name):
        with pytest.raises(IntegrityError) as caught, vault.session() as s:
            cause(s)
        shown = "".join(traceback.format_exception(caught.value))
        assert "hidden" in shown
        assert SENTINEL not in shown


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    # With umask 0 anything not made private on purpose would come out world-readable.
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_data_folder_is_0700_and_every_file_in_it_0600(
    permissive_umask: None, data_dir: Path, tmp_path: Path
) -> None:
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    with vault.session() as s:
        s.add(Person(name="Somebody"))
        s.flush()
        journal = data_dir / "vault.db-journal"
        assert journal.exists() and _mode(journal) == 0o600
    vault._write_backup(data_dir / "backups" / "weekly.sobackup")  # as an upgrade does
    backup = vault.backup_to(tmp_path / "elsewhere" / "copy.sobackup")
    vault.change_passphrase(PASSPHRASE, PASSPHRASE + " 2", kdf=TEST_KDF)
    vault.lock()
    Vault.restore(data_dir, backup, PASSPHRASE)

    folders = [data_dir, *(p for p in data_dir.rglob("*") if p.is_dir())]
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {
        "vault.db",
        "vault.header.json",
        "vault.lock",
        "weekly.sobackup",
    }
    assert any("pre-restore" in str(p) for p in files)
    assert {str(p): oct(_mode(p)) for p in folders} == {str(p): "0o700" for p in folders}
    assert {str(p): oct(_mode(p)) for p in files} == {str(p): "0o600" for p in files}
    assert _mode(backup) == 0o600


def test_refused_unlocks_write_nothing_to_stderr(
    vault: Vault, data_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with vault.session() as s:
        s.add_all(Person(name=f"{SENTINEL} {i}", condition="c" * 300) for i in range(100))
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, "not it")
    db = data_dir / "vault.db"
    damaged = bytearray(db.read_bytes())
    damaged[100] ^= 0xFF  # page 1: SQLCipher fails to decrypt it and would say so
    db.write_bytes(bytes(damaged))
    with pytest.raises(VaultDamaged):
        Vault.unlock(data_dir, PASSPHRASE)
    out, err = capfd.readouterr()
    # SQLCipher logs decryption failures to stderr unless told not to.
    assert (out, err) == ("", "")
