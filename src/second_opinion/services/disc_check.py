"""Check an imaging disc: what studies it holds, whose they are, and whether it can be read.

A person gets a CD (or a USB stick, or a folder copied from one) and must send it on to the
second-opinion doctor. Before they do, this reads the headers of its DICOM files (never the
pixel data, never copying anything) and says what is on it: the patient's name (a disc with
someone else's name is a mix-up to catch now, not at the visit), the studies with their dates,
modalities, series and image counts, and whether the disc holds only a viewer program.

Slow discs and big ones are the norm (10 000 files is ordinary for a CT), so the scan reports
its progress through ``step`` and stops as soon as ``step`` raises; a disc pulled out half-way
raises ``DiscGone``, and nothing of a stopped scan is kept.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from second_opinion.services.errors import ServiceError, ValidationError

Step = Callable[[int, int, str], None]

#: file names of viewer programs that discs carry beside (or instead of) the images
_VIEWER_SUFFIXES = frozenset({".exe", ".dll", ".app", ".jar", ".msi", ".dmg", ".bat", ".cmd"})
_DICOMDIR = "DICOMDIR"
#: how often (in files) the scan reports progress and looks for a cancel
_STEP_EVERY = 25


class DiscGone(ServiceError):
    """The disc or folder went away during the check (ejected, stick pulled, drive asleep)."""


@dataclass(frozen=True)
class StudySummary:
    study_date: dt.date | None
    description: str
    modalities: tuple[str, ...]
    series_count: int
    image_count: int


@dataclass(frozen=True)
class DiscReport:
    file_count: int
    image_count: int
    unreadable_count: int
    has_dicomdir: bool
    has_viewer: bool
    patient_names: tuple[str, ...]
    name_mismatch: bool
    studies: tuple[StudySummary, ...] = field(default=())

    @property
    def viewer_only(self) -> bool:
        """A viewer program and no images: the hospital burned the wrong disc."""
        return self.has_viewer and self.image_count == 0

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the person should know before sending the disc on, in plain words."""
        found: list[str] = []
        if self.viewer_only:
            found.append(
                "The disc holds only a viewer program, no images. Ask for a new disc with the "
                "images (DICOM files)."
            )
        elif self.image_count == 0:
            found.append(
                "No medical images (DICOM files) were found here. Check it is the right disc "
                "or folder."
            )
        if self.name_mismatch:
            found.append(
                "The name on the disc ({names}) is not the name of this case. Make sure it is "
                "the right person's disc before sending it.".format(
                    names="; ".join(self.patient_names)
                )
            )
        if self.unreadable_count:
            found.append(
                f"{self.unreadable_count} file(s) could not be read (damaged or incomplete). "
                "The doctor may not be able to open them: ask for a new copy if it matters."
            )
        return tuple(found)


# ------------------------------------------------------------------ names


def _tokens(name: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    for separator in "^,.-'":
        plain = plain.replace(separator, " ")
    return {t for t in plain.split() if len(t) > 1}


def readable_name(dicom_name: str) -> str:
    """ "DOE^JANE^M" -> "Jane M Doe" (DICOM keeps the family name first)."""
    parts = [p.strip() for p in dicom_name.split("^")]
    family, given = parts[0], " ".join(p for p in parts[1:3] if p)
    text = f"{given} {family}".strip() if given else family
    return text.title() if text.isupper() else text


def names_match(dicom_name: str, person_name: str) -> bool:
    """Whether a disc's patient name is this person's, allowing for order, case, accents
    and middle names; a name missing on either side is no evidence of a mix-up."""
    disc, person = _tokens(dicom_name), _tokens(person_name)
    if not disc or not person:
        return True
    shared = disc & person
    return bool(shared) and len(shared) >= min(2, len(disc), len(person))


# ------------------------------------------------------------------ the scan


def _list_files(folder: Path, step: Step | None) -> list[Path]:
    files: list[Path] = []

    def gone(_error: OSError) -> None:
        if not folder.exists():
            raise DiscGone(_GONE)

    for root, _dirs, names in os.walk(folder, onerror=gone):
        for name in names:
            files.append(Path(root, name))
            if step is not None and len(files) % 500 == 0:
                step(0, 0, "")
    if not folder.exists():
        raise DiscGone(_GONE)
    return files


_GONE = (
    "The disc or folder is no longer there (was it ejected or unplugged?). Nothing was "
    "changed; put it back and check it again."
)


def _has_preamble(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(132)
    return len(head) == 132 and head[128:132] == b"DICM"


def _date(value: object) -> dt.date | None:
    text = str(value or "").strip()
    try:
        return dt.datetime.strptime(text[:8], "%Y%m%d").date()
    except ValueError:
        return None


@dataclass
class _Study:
    date: dt.date | None = None
    description: str = ""
    modalities: set[str] = field(default_factory=set)
    series: set[str] = field(default_factory=set)
    images: int = 0


def scan_folder(folder: Path, person_name: str, step: Step | None = None) -> DiscReport:
    """Read the headers of every DICOM file under ``folder``.

    ``step(done, total, file_name)`` is called as the scan goes (``total`` 0 while the files
    are still being listed) and may raise to stop it. Raises ``ValidationError`` when the
    folder is not there to begin with and ``DiscGone`` when it disappears during the scan.
    """
    import pydicom
    from pydicom.errors import InvalidDicomError

    if not folder.is_dir():
        raise ValidationError("This folder cannot be found. Choose the disc or folder again.")
    files = _list_files(folder, step)
    total = len(files)
    studies: dict[str, _Study] = {}
    names: dict[str, None] = {}
    images = unreadable = 0
    has_dicomdir = has_viewer = False
    for done, path in enumerate(files):
        if step is not None and done % _STEP_EVERY == 0:
            step(done, total, path.name)
        if path.name.upper() == _DICOMDIR:
            has_dicomdir = True
            continue
        if path.suffix.lower() in _VIEWER_SUFFIXES or path.name.lower() == "autorun.inf":
            has_viewer = True
            continue
        try:
            if not _has_preamble(path):
                continue  # a text file, an image of the label, the viewer's own files
            header = pydicom.dcmread(path, stop_before_pixels=True)
        except FileNotFoundError:
            if not folder.exists():
                raise DiscGone(_GONE) from None
            unreadable += 1
            continue
        except OSError:
            if not folder.exists():
                raise DiscGone(_GONE) from None
            unreadable += 1
            continue
        except (InvalidDicomError, ValueError, KeyError, EOFError, TypeError, AttributeError):
            unreadable += 1
            continue
        try:
            study_uid = str(header.get("StudyInstanceUID", "") or "")
            if not study_uid and "SOPInstanceUID" not in header:
                unreadable += 1  # a header cut off before it says what the image is
                continue
            study = studies.setdefault(study_uid, _Study())
            study.date = study.date or _date(header.get("StudyDate"))
            study.description = study.description or str(header.get("StudyDescription", "") or "")
            modality = str(header.get("Modality", "") or "")
            if modality:
                study.modalities.add(modality)
            study.series.add(str(header.get("SeriesInstanceUID", "") or ""))
            study.images += 1
            name = str(header.get("PatientName", "") or "").strip()
        except Exception:  # a header that parsed but whose values do not decode
            unreadable += 1
            continue
        images += 1
        if name:
            names[readable_name(name)] = None
    if step is not None:
        step(total, total, "")
    found_names = tuple(names)
    return DiscReport(
        file_count=total,
        image_count=images,
        unreadable_count=unreadable,
        has_dicomdir=has_dicomdir,
        has_viewer=has_viewer,
        patient_names=found_names,
        name_mismatch=any(not names_match(n, person_name) for n in found_names),
        studies=tuple(
            StudySummary(
                study_date=s.date,
                description=s.description,
                modalities=tuple(sorted(s.modalities)),
                series_count=len(s.series),
                image_count=s.images,
            )
            for s in sorted(studies.values(), key=lambda s: (s.date or dt.date.max, s.description))
        ),
    )
