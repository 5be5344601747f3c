"""Check a disc: real and fake DICOM files, damage, 10 000 files, a stick pulled out."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

from second_opinion.case import tracking as case_tracking
from second_opinion.case.case import Case
from second_opinion.case.progress import Cancelled, Progress
from second_opinion.domain.enums import ContactRole, RecordKind
from second_opinion.services import records
from second_opinion.services.disc_check import DiscGone, names_match, readable_name, scan_folder
from second_opinion.services.errors import ValidationError
from second_opinion.services.records import ItemData
from tests.factories import make_contact, make_person


def write_dicom(
    path: Path,
    patient: str = "GONZALEZ^MARIA",
    study: str = "1.2.3",
    series: str = "1.2.3.1",
    modality: str = "CT",
    date: str = "20260214",
    description: str = "CT CHEST W CONTRAST",
) -> Path:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID = CTImageStorage
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.PatientName = patient
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    ds.Modality = modality
    ds.StudyDate = date
    ds.StudyDescription = description
    ds.Rows = ds.Columns = 2
    ds.BitsAllocated = 16
    ds.PixelData = bytes(8)
    path.parent.mkdir(parents=True, exist_ok=True)
    ds.save_as(path, enforce_file_format=True)
    return path


def a_disc(folder: Path) -> Path:
    """Two studies (a CT with two series and a PET), a DICOMDIR, a viewer and a readme."""
    for n in range(3):
        write_dicom(folder / "DICOM" / "S1" / f"IM{n}", series="1.2.3.1")
    write_dicom(folder / "DICOM" / "S2" / "IM0", series="1.2.3.2")
    write_dicom(
        folder / "DICOM" / "S3" / "IM0",
        study="9.8.7",
        series="9.8.7.1",
        modality="PT",
        date="20260301",
        description="PET/CT",
    )
    (folder / "DICOMDIR").write_bytes(bytes(200))
    (folder / "Viewer").mkdir()
    (folder / "Viewer" / "viewer.exe").write_bytes(b"MZ" + bytes(100))
    (folder / "README.TXT").write_text("Open viewer.exe")
    return folder


def test_a_disc_is_inventoried_from_headers(tmp_path: Path) -> None:
    report = scan_folder(a_disc(tmp_path / "disc"), "Maria Gonzalez")
    assert (report.file_count, report.image_count, report.unreadable_count) == (8, 5, 0)
    assert report.has_dicomdir and report.has_viewer and not report.viewer_only
    assert report.patient_names == ("Maria Gonzalez",)
    assert not report.name_mismatch
    assert report.warnings == ()
    ct, pet = report.studies
    assert (ct.study_date, ct.modalities, ct.series_count, ct.image_count) == (
        dt.date(2026, 2, 14),
        ("CT",),
        2,
        4,
    )
    assert (pet.description, pet.modalities, pet.image_count) == ("PET/CT", ("PT",), 1)


def test_someone_elses_name_is_a_warning(tmp_path: Path) -> None:
    write_dicom(tmp_path / "d" / "IM0", patient="SMITH^JOHN")
    report = scan_folder(tmp_path / "d", "Maria Gonzalez")
    assert report.name_mismatch
    assert any("John Smith" in w and "right person" in w for w in report.warnings)


@pytest.mark.parametrize(
    ("on_disc", "person", "same"),
    [
        ("GONZALEZ^MARIA", "Maria Gonzalez", True),
        ("GONZÁLEZ^MARÍA^ELENA", "maria gonzalez", True),
        ("GONZALEZ", "Maria Gonzalez", True),
        ("GONZALEZ^ANA", "Maria Gonzalez", False),
        ("SMITH^JOHN", "Maria Gonzalez", False),
        ("", "Maria Gonzalez", True),
    ],
)
def test_names_are_compared_by_their_parts(on_disc: str, person: str, same: bool) -> None:
    assert names_match(on_disc, person) is same


def test_readable_name_puts_the_given_name_first() -> None:
    assert readable_name("DOE^JANE") == "Jane Doe"
    assert readable_name("Doe^Jane^Q") == "Jane Q Doe"


def test_a_viewer_without_images_says_so(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "viewer.exe").write_bytes(b"MZ")
    (tmp_path / "d" / "autorun.inf").write_text("[autorun]")
    report = scan_folder(tmp_path / "d", "Maria")
    assert report.viewer_only
    assert "only a viewer program" in report.warnings[0]


def test_a_folder_without_dicom_gives_a_clear_result(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "photo.jpg").write_bytes(bytes(500))
    report = scan_folder(tmp_path / "d", "Maria")
    assert (report.file_count, report.image_count) == (1, 0)
    assert "No medical images" in report.warnings[0]


def test_a_damaged_file_is_counted_not_fatal(tmp_path: Path) -> None:
    good = write_dicom(tmp_path / "d" / "IM0")
    damaged = tmp_path / "d" / "IM1"
    damaged.write_bytes(good.read_bytes()[:150])  # the preamble, then the file breaks off
    cut = tmp_path / "d" / "IM2"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) // 2 + 3])  # broken off in the middle of an element
    report = scan_folder(tmp_path / "d", "Maria Gonzalez")
    assert report.image_count + report.unreadable_count == 3
    assert report.unreadable_count >= 1
    assert any("could not be read" in w for w in report.warnings)


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="cannot be found"):
        scan_folder(tmp_path / "nowhere", "Maria")


def _many_files(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        with open(folder / f"F{n:05d}", "wb") as handle:
            handle.write(b"x")
    return folder


def test_ten_thousand_files_report_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    folder = _many_files(tmp_path / "big", 10_000)
    seen: list[tuple[int, int]] = []
    report = scan_folder(folder, "Maria", lambda done, total, _name: seen.append((done, total)))
    assert report.file_count == 10_000
    assert seen[-1] == (10_000, 10_000)
    assert len({done for done, total in seen if total}) > 100  # it moved along as it went

    progress = Progress(lambda done, _total, _name: done >= 5_000 and progress.cancel())
    with pytest.raises(Cancelled):
        scan_folder(folder, "Maria", progress.step)


def test_a_stick_pulled_half_way_says_so(tmp_path: Path) -> None:
    folder = _many_files(tmp_path / "stick", 200)

    def pull(done: int, total: int, _name: str) -> None:
        if total and done >= 100 and folder.exists():
            for name in os.listdir(folder):
                os.remove(folder / name)
            folder.rmdir()

    with pytest.raises(DiscGone, match="no longer there"):
        scan_folder(folder, "Maria", pull)


# ------------------------------------------------------------------ through the case


@pytest.fixture
def disc_case(vault) -> tuple[Case, int]:
    with vault.session() as s:
        person = make_person(s, "Maria Gonzalez")
        lab = make_contact(s, "Riverbend Imaging", ContactRole.RECORDS_DEPARTMENT)
        item = records.add_item(
            s, person.id, ItemData(RecordKind.IMAGING_FILES, "CT disc", holder_id=lab.id)
        )
        return Case(vault, person.id), item


def test_the_inventory_is_kept_and_a_cancelled_or_lost_check_keeps_the_old_one(
    disc_case, tmp_path: Path
) -> None:
    case, item = disc_case
    outcome = case_tracking.check_disc(case, item, a_disc(tmp_path / "disc"), Progress())
    assert outcome.value.image_count == 5
    stored = case_tracking.inventory(case, item)
    assert stored is not None
    assert stored.report.patient_names == ("Maria Gonzalez",)
    assert [s.image_count for s in stored.report.studies] == [4, 1]
    assert not (case.vault.paths.folder / "DICOM").exists()  # no image copied into the vault

    other = _many_files(tmp_path / "other", 300)
    progress = Progress(lambda done, _t, _n: done >= 100 and progress.cancel())
    with pytest.raises(Cancelled):
        case_tracking.check_disc(case, item, other, progress)
    still = case_tracking.inventory(case, item)
    assert still is not None and still.report.image_count == 5
