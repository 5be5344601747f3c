"""The app's restore asks before replacing the vault with a backup of a different one."""

from __future__ import annotations

from pathlib import Path

from second_opinion.ui import vault_actions
from second_opinion.ui.main_window import MainWindow
from second_opinion.ui.settings import AppSettings
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.vault.helpers import add_people, names


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    live = tmp_path / "live"
    Vault.create(live, PASSPHRASE, kdf=TEST_KDF).lock()
    with Vault.create(tmp_path / "other", PASSPHRASE, kdf=TEST_KDF) as other:
        add_people(other, 1, prefix="theirs")
        foreign = other.backup_to(tmp_path / "foreign.sobackup")
    return live, foreign


def test_restoring_another_vaults_backup_names_it_and_declining_changes_nothing(
    qtbot, answers, tmp_path: Path
) -> None:
    live, foreign = _setup(tmp_path)
    window = MainWindow(live, AppSettings())
    qtbot.addWidget(window)
    answers.open_paths.append(foreign)
    answers.texts.append(PASSPHRASE)
    answers.confirms.append(False)
    vault_actions.restore(window)
    kind, _title, text = answers.shown[-1]
    assert kind == "confirm"
    assert "different vault" in text and "foreign.sobackup" in text
    with Vault.unlock(live, PASSPHRASE) as vault:
        assert names(vault) == set()


def test_confirming_restores_the_other_vault(qtbot, answers, monkeypatch, tmp_path: Path) -> None:
    live, foreign = _setup(tmp_path)
    window = MainWindow(live, AppSettings())
    qtbot.addWidget(window)
    answers.open_paths.append(foreign)
    answers.texts.append(PASSPHRASE)
    answers.confirms.append(True)
    shown_pages: list[str] = []
    monkeypatch.setattr(
        window, "show_lock_page", lambda message="", **_kw: shown_pages.append(message)
    )
    vault_actions.restore(window)
    assert "different vault" in answers.shown[-1][2]

    qtbot.waitUntil(
        lambda: bool(shown_pages) or any(k == "error" for k, *_ in answers.shown), timeout=20_000
    )
    assert not [shown for shown in answers.shown if shown[0] == "error"]
    assert "restored" in shown_pages[0]
    with Vault.unlock(live, PASSPHRASE) as vault:
        assert names(vault) == {"theirs 0"}
