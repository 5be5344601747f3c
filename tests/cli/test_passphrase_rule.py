"""One rule for every new passphrase: the command line refuses what the create page refuses."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from second_opinion.cli import run
from second_opinion.vault.errors import WeakPassphrase
from second_opinion.vault.passphrase_rule import check_new_passphrase
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF

WEAK = ["a", " ", "   ", "password", "pw", "12345678", "aaaaaaaaaaaa"]


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return run(argv)


@pytest.mark.parametrize("weak", WEAK)
def test_the_rule_refuses_weak_passphrases_with_words_a_person_understands(weak: str) -> None:
    with pytest.raises(WeakPassphrase) as refused:
        check_new_passphrase(weak)
    assert "too easy to guess" in str(refused.value)
    assert refused.value.exit_code == 16


@pytest.mark.parametrize(
    "good",
    [PASSPHRASE, "demo pass", "new pass", "maple orbit lantern seventeen", "another passphrase"],
)
def test_the_rule_accepts_what_the_project_uses(good: str) -> None:
    check_new_passphrase(good)


@pytest.mark.parametrize("command", ["init", "demo"])
@pytest.mark.parametrize("weak", ["a", " "])
def test_init_and_demo_refuse_a_weak_passphrase_and_create_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    weak: str,
) -> None:
    folder = tmp_path / "vault"
    code = _run(monkeypatch, ["--data-dir", str(folder), command], weak + "\n")
    assert code == WeakPassphrase.exit_code == 16
    err = capsys.readouterr().err
    assert "too easy to guess" in err
    assert "Traceback" not in err
    assert not folder.exists()


def test_passwd_refuses_a_weak_new_passphrase_and_the_old_one_still_opens(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    args = ["--data-dir", str(data_dir)]
    assert _run(monkeypatch, [*args, "passwd"], f"{PASSPHRASE}\na\n") == 16
    assert "too easy to guess" in capsys.readouterr().err
    Vault.unlock(data_dir, PASSPHRASE).lock()


def test_init_over_an_existing_vault_says_so_before_judging_the_passphrase(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF).lock()
    assert _run(monkeypatch, ["--data-dir", str(data_dir), "init"], "a\n") == 10


def test_pw_stdin_refuses_a_weak_passphrase_for_a_new_vault(tmp_path: Path) -> None:
    from second_opinion.app import build_window

    folder = tmp_path / "vault"
    with pytest.raises(WeakPassphrase):
        build_window(folder, " ")
    assert not folder.exists()


def test_unlocking_never_judges_the_passphrase(data_dir: Path) -> None:
    # A vault made before the rule (or by the library directly) still opens with its own.
    Vault.create(data_dir, "pw", kdf=TEST_KDF).lock()
    Vault.unlock(data_dir, "pw").lock()
