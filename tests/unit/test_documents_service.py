"""The rules for adding documents: the type by content, limits, damage, pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from second_opinion.services import documents as rules
from second_opinion.services.documents import DocumentRefused, FileProblem
from tests.document_files import (
    write_damaged_png,
    write_image,
    write_pdf,
    write_protected_pdf,
    write_truncated_pdf,
)


def _refusal(path: Path) -> FileProblem:
    with pytest.raises(DocumentRefused) as caught:
        rules.inspect_file(path)
    assert path.name in str(caught.value)
    assert "\n" not in str(caught.value)
    return caught.value.problem


def test_a_pdf_is_known_by_its_content_and_its_pages_are_counted(tmp_path: Path) -> None:
    facts = rules.inspect_file(write_pdf(tmp_path / "report", pages=4))
    assert (facts.media_type, facts.pages) == ("application/pdf", 4)


@pytest.mark.parametrize(
    ("fmt", "name", "media"),
    [
        ("JPEG", "a.jpg", "image/jpeg"),
        ("PNG", "a.png", "image/png"),
        ("TIFF", "a.tif", "image/tiff"),
    ],
)
def test_images_are_known_by_content(tmp_path: Path, fmt: str, name: str, media: str) -> None:
    facts = rules.inspect_file(write_image(tmp_path / name, fmt))
    assert (facts.media_type, facts.pages) == (media, 1)


def test_a_photo_named_jpg_that_is_a_png_is_taken_as_a_png(tmp_path: Path) -> None:
    assert rules.inspect_file(write_image(tmp_path / "a.jpg", "PNG")).media_type == "image/png"


def test_a_multi_page_tiff_counts_its_frames(tmp_path: Path) -> None:
    assert rules.inspect_file(write_image(tmp_path / "scan.tiff", "TIFF", frames=3)).pages == 3


def test_heic_photos_are_accepted(tmp_path: Path) -> None:
    rules.register_image_formats()
    facts = rules.inspect_file(write_image(tmp_path / "photo.heic", "HEIF"))
    assert facts.media_type == "image/heic"


def test_plain_text_counts_pages_of_sixty_lines(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("line\n" * 121, encoding="utf-8")
    assert rules.inspect_file(path).pages == 3


def test_every_bad_file_has_its_own_problem(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "photo.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02" * 100)
    assert _refusal(tmp_path / "nope.pdf") is FileProblem.MISSING
    assert _refusal(tmp_path) is FileProblem.FOLDER
    assert _refusal(tmp_path / "empty.pdf") is FileProblem.EMPTY
    assert _refusal(tmp_path / "photo.pdf") is FileProblem.WRONG_TYPE
    assert _refusal(tmp_path / "binary.bin") is FileProblem.UNSUPPORTED
    assert _refusal(write_truncated_pdf(tmp_path / "cut.pdf")) is FileProblem.DAMAGED
    assert _refusal(write_damaged_png(tmp_path / "cut.png")) is FileProblem.DAMAGED
    assert _refusal(write_protected_pdf(tmp_path / "locked.pdf")) is FileProblem.PASSWORD
    assert len({p.value for p in FileProblem}) == len(FileProblem)


def test_a_pdf_with_garbage_inside_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "garbled.pdf"
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(3000) + b"\n%%EOF\n")
    assert _refusal(path) is FileProblem.DAMAGED


def test_files_over_the_limit_are_refused_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert rules.MAX_DOCUMENT_BYTES >= 500_000_000
    monkeypatch.setattr(rules, "MAX_DOCUMENT_BYTES", 1000)
    assert _refusal(write_pdf(tmp_path / "big.pdf", pages=5)) is FileProblem.TOO_LARGE


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_pdf(tmp_path / "secret.pdf")
    real_open = open

    def refusing_open(file: object, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refusing_open)
    assert _refusal(path) is FileProblem.UNREADABLE


def test_a_damaged_file_may_be_kept_as_cannot_be_shown(tmp_path: Path) -> None:
    facts = rules.inspect_file(write_truncated_pdf(tmp_path / "cut.pdf"), keep_damaged=True)
    assert facts.problem and "incomplete" in facts.problem
    with pytest.raises(DocumentRefused):
        rules.inspect_file(write_protected_pdf(tmp_path / "locked.pdf"), keep_damaged=True)
