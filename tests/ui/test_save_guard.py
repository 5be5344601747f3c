"""Every save dialog refuses a file inside the open vault's folder and asks again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from second_opinion.ui import prompts


@pytest.fixture
def protected(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "vault"
    folder.mkdir()
    prompts.protected_folder = folder
    yield folder
    prompts.protected_folder = None


def test_a_path_inside_the_vault_folder_is_refused_and_asked_again(
    protected: Path, tmp_path: Path, answers: prompts.ScriptedAnswers
) -> None:
    elsewhere = tmp_path / "packet.pdf"
    answers.save_paths = [protected / "vault.header.json", protected / "b" / "..", elsewhere]
    assert prompts.ask_save_path(None, "Save", "packet.pdf", "PDF (*.pdf)") == elsewhere
    errors = [shown for shown in answers.shown if shown[0] == "error"]
    assert len(errors) == 2 and "vault's own folder" in errors[0][2]


def test_cancelling_after_a_refusal_returns_none(
    protected: Path, answers: prompts.ScriptedAnswers
) -> None:
    answers.save_paths = [protected / "vault.db"]
    assert prompts.ask_save_path(None, "Save", "b.sobackup", "*.sobackup") is None
