"""Files the app writes hold health data: private from the first byte, never half-written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from second_opinion import private_files as files
from second_opinion.private_files import write_private_atomically


def test_written_file_is_private_and_complete(tmp_path: Path) -> None:
    target = tmp_path / "packet.pdf"
    written = write_private_atomically(target, b"%PDF-1.4 hello")
    assert written == target
    assert target.read_bytes() == b"%PDF-1.4 hello"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["packet.pdf"]


def test_replacing_a_public_file_makes_it_private(tmp_path: Path) -> None:
    target = tmp_path / "packet.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_private_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "packet.pdf"
    target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_private_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["packet.pdf"]


def test_umask_does_not_loosen_the_mode(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        write_private_atomically(tmp_path / "a.pdf", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.pdf").stat().st_mode) == 0o600
