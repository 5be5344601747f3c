"""``export-packet`` and ``export-letter``: the printed documents from the command line.

Both take ``--lang en|es``, the language the document prints in.

``cli.py`` unlocks the vault and calls ``run_export_packet`` / ``run_export_letter``. Messages
are one line each and never contain health data (ids and file paths only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import locale
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from second_opinion.services.packet_data import (
    ALL_SECTIONS,
    LetterKind,
    Paper,
    Section,
    default_paper,
)
from second_opinion.services.printed_words import LANGUAGES
from second_opinion.vault.guard import refuse_output_in_vault

if TYPE_CHECKING:
    from second_opinion.vault.vault import Vault

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_WRITE_FAILED = 1


def add_export_commands(subparsers: Any) -> None:
    """Add the two export commands to ``cli.py``'s sub-parsers."""
    packet = subparsers.add_parser("export-packet", help="write the visit packet (PDF) for a visit")
    packet.add_argument(
        "--visit",
        required=True,
        metavar="next|ID",
        help="a visit id, or 'next' for the soonest planned visit",
    )
    packet.add_argument("--out", type=Path, required=True, metavar="FILE", help="PDF file to write")
    packet.add_argument(
        "--person",
        type=int,
        default=None,
        metavar="ID",
        help="with --visit next: whose next visit (id)",
    )
    packet.add_argument(
        "--paper",
        choices=[p.value for p in Paper],
        default=None,
        help="paper size (default: from your locale)",
    )
    packet.add_argument(
        "--sections",
        default=None,
        metavar="LIST",
        help="comma-separated, any of: " + ",".join(s.value for s in Section) + " (default: all)",
    )
    letter = subparsers.add_parser(
        "export-letter", help="write a records letter or authorization form (PDF)"
    )
    letter.add_argument(
        "--request", type=int, required=True, metavar="ID", help="records request id"
    )
    letter.add_argument(
        "--kind", choices=[k.value for k in LetterKind], required=True, help="which document"
    )
    letter.add_argument("--out", type=Path, required=True, metavar="FILE", help="PDF file to write")
    letter.add_argument(
        "--paper",
        choices=[p.value for p in Paper],
        default=None,
        help="paper size (default: from your locale)",
    )
    for command in (packet, letter):
        add_language_option(command)


def add_language_option(command: Any) -> None:
    """``--lang en|es``: the language the document prints in (not the person's or the app's:
    a Spanish reader may send an English letter to a records office)."""
    command.add_argument(
        "--lang",
        choices=list(LANGUAGES),
        default="en",
        help="the language the document is printed in (default: en)",
    )


def _say(message: str, error: bool = False) -> None:
    stream = sys.stderr if error else sys.stdout
    stream.write(f"second-opinion: {message}\n" if error else f"{message}\n")


def _locale_paper() -> Paper:
    # LC_PAPER is what people set when their paper differs from their language's country.
    for variable in ("LC_PAPER", "LC_ALL", "LANG"):
        value = os.environ.get(variable)
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return default_paper(value)
    name = locale.getlocale()[0]
    return default_paper(name)


def _paper(args: argparse.Namespace) -> Paper:
    return Paper(args.paper) if args.paper else _locale_paper()


def _language(args: argparse.Namespace) -> str:
    return str(getattr(args, "lang", None) or "en")


def parse_sections(text: str | None) -> tuple[Section, ...]:
    """ "cover,questions" -> sections; raises ValueError naming an unknown one."""
    if text is None or not text.strip():
        return ALL_SECTIONS
    chosen: list[Section] = []
    for part in text.split(","):
        name = part.strip().lower().replace("_", "-")
        if not name:
            continue
        try:
            chosen.append(Section(name))
        except ValueError:
            known = ", ".join(s.value for s in Section)
            raise ValueError(f"unknown section '{part.strip()}' (choose from: {known})") from None
    if not chosen:
        raise ValueError("no sections given")
    return tuple(chosen)


def _check_out(path: Path) -> str | None:
    folder = path.expanduser().absolute().parent
    try:
        if not folder.is_dir():
            return f"the folder {folder} does not exist"
        if path.is_dir():
            return f"{path} is a folder; give a file name"
    except OSError as exc:  # a name too long, a folder that cannot be entered
        return f"cannot write there: {exc.strerror or type(exc).__name__}"
    return None


def _write(out: Path, data: bytes, what: str = "") -> int:
    from second_opinion.private_files import write_private_atomically

    try:
        written = write_private_atomically(out, data)
    except OSError as exc:
        _say(f"could not write {out}: {exc.strerror or exc}", error=True)
        return EXIT_WRITE_FAILED
    _say(f"Wrote {what}{written} (it holds health information; keep it private).")
    return EXIT_OK


def run_export_packet(vault: Vault, args: argparse.Namespace) -> int:
    from second_opinion.export.packet import render_packet
    from second_opinion.services.errors import NotFound
    from second_opinion.services.packet import build_packet_data, next_visit_id

    refuse_output_in_vault(args.out, vault.paths.folder)
    try:
        sections = parse_sections(args.sections)
    except ValueError as exc:
        _say(str(exc), error=True)
        return EXIT_USAGE
    problem = _check_out(args.out)
    if problem:
        _say(problem, error=True)
        return EXIT_USAGE
    now = dt.datetime.now(dt.UTC)
    with vault.session() as session:
        if str(args.visit).strip().lower() == "next":
            visit_id = next_visit_id(session, getattr(args, "person", None), now)
            if visit_id is None:
                _say("there is no planned visit ahead; give a visit id instead", error=True)
                return EXIT_USAGE
        else:
            try:
                visit_id = int(args.visit)
            except ValueError:
                _say(f"--visit takes 'next' or a visit id, not '{args.visit}'", error=True)
                return EXIT_USAGE
        try:
            data = build_packet_data(
                session, visit_id, sections, _paper(args), now=now, language=_language(args)
            )
        except NotFound as exc:
            _say(exc.message, error=True)
            return EXIT_USAGE
    if getattr(args, "documents", "none") == "none":
        pdf = render_packet(data)
    else:
        from second_opinion.cli_documents import packet_with_documents

        pdf = packet_with_documents(vault, args, data, visit_id)
    return _write(args.out, pdf, f"the packet for visit {visit_id} to ")


def run_export_letter(vault: Vault, args: argparse.Namespace) -> int:
    from second_opinion.export.letters import render_letter
    from second_opinion.services.errors import NotFound
    from second_opinion.services.packet import build_letter_data

    refuse_output_in_vault(args.out, vault.paths.folder)
    problem = _check_out(args.out)
    if problem:
        _say(problem, error=True)
        return EXIT_USAGE
    with vault.session() as session:
        try:
            data = build_letter_data(
                session,
                args.request,
                LetterKind(args.kind),
                _paper(args),
                language=_language(args),
            )
        except NotFound as exc:
            _say(exc.message, error=True)
            return EXIT_USAGE
    return _write(args.out, render_letter(data))
