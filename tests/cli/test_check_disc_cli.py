"""check-disc as a script (or the bundle check) would call it: no vault, no passphrase."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from second_opinion.cli import run
from tests.unit.test_disc_check import write_dicom


def test_check_disc_reads_the_headers_without_a_vault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    disc = tmp_path / "disc"
    write_dicom(disc / "DICOM" / "IM0", modality="MR", date="20260301")
    write_dicom(disc / "DICOM" / "IM1", modality="MR", date="20260301", series="1.2.3.9")
    (disc / "README.TXT").write_text("Hospital disc\n")
    (disc / "DICOM" / "broken").write_bytes(b"\0" * 128 + b"DICM" + b"\xff" * 7)

    assert run(["--data-dir", str(tmp_path / "no vault"), "check-disc", str(disc), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["images"] == 2
    assert report["unreadable"] == 1
    assert report["files"] == 4
    assert report["patient_names"] == ["Maria Gonzalez"]
    assert report["studies"] == [
        {
            "date": "2026-03-01",
            "description": "CT CHEST W CONTRAST",
            "modalities": ["MR"],
            "series": 2,
            "images": 2,
        }
    ]
    assert not (tmp_path / "no vault").exists()  # nothing was opened or made

    assert run(["check-disc", str(disc)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 image(s) in 1 study(ies), 1 unreadable, 4 file(s)\n")
    assert "1 file(s) could not be read" in out


def test_check_disc_refuses_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check-disc", str(tmp_path / "nowhere")]) == 20
    err = capsys.readouterr().err
    assert err.startswith("second-opinion: ") and err.count("\n") == 1
