"""The command line, beside the GUI (in the spirit of keepassxc-cli).

    second-opinion [--data-dir DIR] [--pw-stdin] [COMMAND]

Without a command the GUI opens. The passphrase is read from the terminal, or, when standard
input is not a terminal, as one line from it (``passwd`` reads the old, then the new one), so
every command can be scripted and tested. Exit codes: 0 ok, 2 usage, and one code per kind of
refusal (see ``second_opinion.vault.errors``), each with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from second_opinion import APP_NAME, __version__
from second_opinion.cli_import import IMPORT_COMMANDS, add_import_commands
from second_opinion.cli_tracking import COMMANDS as TRACKING_COMMANDS
from second_opinion.cli_tracking import add_tracking_commands

if TYPE_CHECKING:
    from second_opinion.vault.vault import Vault

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_OS_ERROR = 1
_NAME_MAX = 255


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="second-opinion",
        description=f"{APP_NAME}: organize a medical second opinion in one encrypted file.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder of the vault (default: your user data folder)",
    )
    parser.add_argument(
        "--pw-stdin",
        action="store_true",
        help="read the passphrase from standard input (one line), also for the GUI",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("init", help="create a new, empty vault")
    check = sub.add_parser("check", help="open the vault and verify every page")
    check.add_argument("--reindex", action="store_true", help="also rebuild the search index")
    sub.add_parser("passwd", help="change the passphrase (old, then new)")
    backup = sub.add_parser("backup", help="write an encrypted backup")
    backup.add_argument("--out", type=Path, required=True, help="backup file to write")
    restore = sub.add_parser("restore", help="replace the vault with a backup")
    restore.add_argument("file", type=Path, help="backup file (asks for its passphrase)")
    restore.add_argument(
        "--force",
        action="store_true",
        help="replace the vault even with a backup of a different vault",
    )
    sub.add_parser("demo", help="create a vault filled with a fictional example case")
    try:
        from second_opinion.cli_exports import add_export_commands
    except ImportError:  # pragma: no cover - the exports module is part of the package
        pass
    else:
        add_export_commands(sub)
    from second_opinion.cli_documents import add_document_commands

    add_document_commands(sub)
    add_import_commands(sub)
    from second_opinion.cli_search import add_search_command

    add_search_command(sub)
    add_tracking_commands(sub)
    return parser


def _data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir is not None:
        return Path(args.data_dir).expanduser()
    from second_opinion.vault.paths import default_data_dir

    return default_data_dir()


class PassphraseSource:
    """Passphrases from the terminal (with prompts) or, when piped, one line each from stdin."""

    def __init__(self, interactive: bool) -> None:
        self.interactive = interactive

    def read(self, prompt: str) -> str:
        if self.interactive:
            return getpass.getpass(prompt)
        line = sys.stdin.readline()
        if not line:
            raise UsageError("expected a passphrase on standard input")
        return line.rstrip("\r\n")

    def read_new(self, prompt: str) -> str:
        """A passphrase being set: it must pass the one rule for new passphrases."""
        from second_opinion.vault.passphrase_rule import check_new_passphrase

        first = self.read(prompt)
        check_new_passphrase(first)
        if self.interactive and self.read("Repeat it: ") != first:
            raise UsageError("the two passphrases differ; nothing was changed")
        return first


def run(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 0 for --help/--version, 2 for usage
        return int(exc.code or 0)
    if args.command is None:
        from second_opinion.app import run_gui

        return run_gui(args.data_dir, pw_stdin=args.pw_stdin)

    from second_opinion.vault.errors import VaultError

    source = PassphraseSource(interactive=sys.stdin.isatty() and not args.pw_stdin)
    try:
        _refuse_output_in_vault(args)
        return _COMMANDS[args.command](args, source)
    except VaultError as exc:
        _say(str(exc))
        return exc.exit_code
    except UsageError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say("interrupted; nothing more was changed")
        return 130
    except OSError as exc:
        # A refusal the checks above did not foresee: still one line, never a traceback.
        _say(f"could not complete the command: {exc.strerror or type(exc).__name__}")
        return EXIT_OS_ERROR


def _say(message: str) -> None:
    print(f"second-opinion: {message}", file=sys.stderr)


def _refuse_output_in_vault(args: argparse.Namespace) -> None:
    """Every command that writes a file (``--out``) refuses one inside the vault's folder,
    before asking for a passphrase: it could replace the vault's database or header."""
    out = getattr(args, "out", None)
    if out is not None:
        from second_opinion.vault.guard import refuse_output_in_vault

        if any(len(os.fsencode(part)) > _NAME_MAX for part in Path(out).parts):
            raise UsageError(
                "the --out file name is too long (at most 255 bytes per name); nothing was written"
            )
        refuse_output_in_vault(out, _data_dir(args))


def _unlock(args: argparse.Namespace, source: PassphraseSource) -> Vault:
    from second_opinion.vault.vault import Vault

    folder = _data_dir(args)
    return Vault.unlock(folder, source.read("Passphrase: "))


def _refuse_existing_vault(folder: Path) -> None:
    """Say a vault is already there before asking for a new passphrase (or judging it)."""
    from second_opinion.vault.errors import VaultExists
    from second_opinion.vault.layout import VaultPaths
    from second_opinion.vault.paths import require_usable_path

    require_usable_path(folder)
    if VaultPaths(folder).exists():
        raise VaultExists()


def _cmd_init(args: argparse.Namespace, source: PassphraseSource) -> int:
    from second_opinion.services.people import add_person
    from second_opinion.vault.vault import Vault

    folder = _data_dir(args)
    _refuse_existing_vault(folder)
    # The passphrase is not kept in a variable: once the key is derived, nothing refers to it.
    new_vault = Vault.create(folder, source.read_new("New passphrase: "))
    with new_vault as vault, vault.session() as session:
        add_person(session, "Me")
    print(f"Created a new vault in {folder}")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace, source: PassphraseSource) -> int:
    from second_opinion.services.demo import build_demo
    from second_opinion.vault.vault import Vault

    folder = _data_dir(args)
    _refuse_existing_vault(folder)
    new_vault = Vault.create(folder, source.read_new("Passphrase for the demo vault: "))
    with new_vault as vault, vault.session() as session:
        build_demo(session, dt.date.today())
    print(f"Created a demo vault with a fictional case in {folder}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, source: PassphraseSource) -> int:
    from second_opinion.vault.errors import VaultDamaged

    with _unlock(args, source) as vault:
        if args.reindex:  # first: a damaged index fails the integrity check below
            from second_opinion.cli_search import run_reindex

            run_reindex(vault)
        report = vault.integrity_check()
    if not report.ok:
        for problem in report.problems:  # ids and page numbers only, never content
            _say(problem)
        raise VaultDamaged(
            f"The vault is damaged ({len(report.problems)} problems found). "
            "Restore it from a backup."
        )
    print("The vault is intact: every page decrypts and passes the integrity checks.")
    return EXIT_OK


def _cmd_passwd(args: argparse.Namespace, source: PassphraseSource) -> int:
    from second_opinion.vault.keystore import KeyStore

    old = source.read("Current passphrase: ")
    from second_opinion.vault.vault import Vault

    with Vault.unlock(_data_dir(args), old) as vault:
        vault.change_passphrase(old, source.read_new("New passphrase: "))
        del old  # not needed any more; nothing else refers to the passphrases
        store = KeyStore()
        if store.load(vault.vault_id) is not None:
            # Keep "remember on this computer" working with the new key.
            store.save(vault.vault_id, vault.key)
    print("The passphrase was changed. The old one no longer opens this vault.")
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace, source: PassphraseSource) -> int:
    with _unlock(args, source) as vault:
        written = vault.backup_to(args.out)
    print(f"Encrypted backup written to {written} (it opens with the current passphrase).")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace, source: PassphraseSource) -> int:
    from second_opinion.vault.errors import BackupOfAnotherVault
    from second_opinion.vault.vault import Vault

    folder = _data_dir(args)
    try:
        kept = Vault.restore(
            folder,
            args.file,
            source.read("Passphrase of the backup: "),
            replace_other_vault=args.force,
        )
    except BackupOfAnotherVault as exc:
        raise BackupOfAnotherVault(
            f"{exc} To replace it with the other vault anyway, add --force."
        ) from None
    print("The vault was restored from the backup.")
    if kept is not None:
        print(f"The vault it replaced was kept in {kept}")
    return EXIT_OK


def _cmd_export_packet(args: argparse.Namespace, source: PassphraseSource) -> int:
    from second_opinion.cli_exports import run_export_packet

    with _unlock(args, source) as vault:
        return int(run_export_packet(vault, args))


def _cmd_export_letter(args: argparse.Namespace, source: PassphraseSource) -> int:
    from second_opinion.cli_exports import run_export_letter

    with _unlock(args, source) as vault:
        return int(run_export_letter(vault, args))


def _cmd_documents(args: argparse.Namespace, source: PassphraseSource) -> int:
    from second_opinion.cli_documents import run

    with _unlock(args, source) as vault:
        return run(vault, args)


def _cmd_search(args: argparse.Namespace, source: PassphraseSource) -> int:
    from second_opinion.cli_search import run_search

    with _unlock(args, source) as vault:
        return run_search(vault, args)


_COMMANDS = {
    "init": _cmd_init,
    "demo": _cmd_demo,
    "check": _cmd_check,
    "passwd": _cmd_passwd,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "export-packet": _cmd_export_packet,
    "export-letter": _cmd_export_letter,
    **IMPORT_COMMANDS,
    "search": _cmd_search,
    **TRACKING_COMMANDS,
}
_COMMANDS.update(
    dict.fromkeys(
        ("attach", "documents", "export-document", "detach", "export-bundle"), _cmd_documents
    )
)
