"""``import`` and ``summary``: portal documents into the vault, and the health summary out.

    second-opinion import FILE [--person NAME] [--dry-run] [--json]
    second-opinion summary [--person NAME] [--json]

The file is read and checked before the passphrase is asked for, so a file that cannot be
imported never opens the vault. Messages are one line each on stderr and never carry health
data (counts, ids and file paths only). Exit codes are 30-39 (other commands use 12-29), one
per kind of refusal, listed at ``EXIT_MALFORMED`` and below; the vault is unchanged by each.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from second_opinion.cli import PassphraseSource
    from second_opinion.services.importing.model import ParsedDocument

EXIT_OK = 0
EXIT_MALFORMED = 30  # the file is damaged, cut short or empty
EXIT_UNSUPPORTED = 31  # not a C-CDA document or a FHIR R4 Bundle of a kind we read
EXIT_UNSAFE = 32  # XML with a DOCTYPE or entities (XXE, billion laughs): refused
EXIT_TOO_LARGE = 33  # over the size limit
EXIT_UNREADABLE = 34  # missing, a folder, or no permission
EXIT_NO_SUCH_PERSON = 35  # --person names nobody, or several people
EXIT_NO_PATIENT = 36  # the file names no patient and --person was not given
EXIT_REFUSED = 37  # the vault refused a change (a rule), nothing was written

SUMMARY_KINDS = ("conditions", "medications", "allergies", "procedures", "results")


def add_import_commands(subparsers: Any) -> None:
    """Add ``import`` and ``summary`` to ``cli.py``'s sub-parsers."""
    imp = subparsers.add_parser(
        "import", help="import a patient portal's C-CDA (XML) or FHIR (JSON) file"
    )
    imp.add_argument("file", type=Path, metavar="FILE", help="the C-CDA or FHIR file")
    imp.add_argument(
        "--person",
        default=None,
        metavar="NAME",
        help="whose records these are (default: the person matching the file's patient)",
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="say what would be added; change nothing"
    )
    imp.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    summary = subparsers.add_parser("summary", help="print a person's health summary")
    summary.add_argument(
        "--person", default=None, metavar="NAME", help="whose summary (default: the first person)"
    )
    summary.add_argument("--json", action="store_true", help="print it as one JSON object")


def _say(message: str) -> None:
    sys.stderr.write(f"second-opinion: {message}\n")


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")


class _Refusal(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _read(path: Path) -> ParsedDocument:
    from second_opinion.services.importing import (
        FileTooLarge,
        ImportFileError,
        MalformedFile,
        UnsafeFile,
        UnsupportedFile,
        read_document,
    )

    codes = (
        (MalformedFile, EXIT_MALFORMED),
        (UnsupportedFile, EXIT_UNSUPPORTED),
        (UnsafeFile, EXIT_UNSAFE),
        (FileTooLarge, EXIT_TOO_LARGE),
        (ImportFileError, EXIT_UNREADABLE),
    )
    try:
        return read_document(path)
    except ImportFileError as exc:
        code = next(c for kind, c in codes if isinstance(exc, kind))
        raise _Refusal(f"{path}: {exc}", code) from exc
    except Exception as exc:  # a parser's surprise must never become a traceback
        raise _Refusal(
            f"{path}: the file could not be read as a health record.", EXIT_MALFORMED
        ) from exc


def find_person(session: Session, name: str) -> int:
    """The id of the one person called ``name`` (case and spacing aside, then by name words)."""
    from sqlalchemy import select

    from second_opinion.domain.models import Person
    from second_opinion.services.importing.plan import names_match

    people = session.execute(select(Person.id, Person.name).order_by(Person.id)).all()
    wanted = " ".join(name.casefold().split())
    exact = [p.id for p in people if " ".join(p.name.casefold().split()) == wanted]
    found = exact or [p.id for p in people if names_match(p.name, name)]
    if len(found) != 1:
        what = "No person" if not found else "More than one person"
        raise _Refusal(
            f"{what} in the vault has that name; nothing was changed.", EXIT_NO_SUCH_PERSON
        )
    return int(found[0])


def _documents_kept(doc: Any) -> int:
    """How many documents an import of ``doc`` keeps: the file, and each PDF it carries."""
    return 1 + sum(1 for a in doc.attachments if a.media_type == "application/pdf")


def _cmd_import(args: argparse.Namespace, source: PassphraseSource) -> int:
    from second_opinion.cli import _unlock
    from second_opinion.services.errors import NotFound, ServiceError
    from second_opinion.services.importing.plan import apply_import, plan_import

    try:
        doc = _read(args.file)
        with _unlock(args, source) as vault:
            with vault.session() as session:
                person_id = find_person(session, args.person) if args.person else None
                try:
                    if args.dry_run:
                        plan = plan_import(session, doc, person_id)
                        counts = plan.counts()
                        target, created = plan.person_id, plan.person_id is None
                        warnings = plan.warnings
                        session.rollback()
                        counts["documents"] = _documents_kept(doc) if counts["record_items"] else 0
                    else:
                        result = apply_import(session, doc, person_id)
                        counts = result.counts
                        target, created = result.person_id, result.created_person
                        warnings = result.warnings
                except NotFound as exc:
                    session.rollback()
                    raise _Refusal(str(exc), EXIT_NO_PATIENT) from exc
                except ServiceError as exc:
                    session.rollback()
                    raise _Refusal(f"{exc} Nothing was changed.", EXIT_REFUSED) from exc
            if not args.dry_run:
                from second_opinion.case.case import Case
                from second_opinion.case.importing import keep_documents

                # The file itself (and the PDFs it carries), encrypted beside the entries.
                owner = Case(vault, result.person_id)
                counts["documents"] = keep_documents(owner, Path(args.file), result)
    except _Refusal as refusal:
        _say(str(refusal))
        return refusal.code
    for warning in warnings:
        _say(f"warning: {warning}")
    if created:
        verb = "would be created" if args.dry_run else f"was created (id {target})"
        _say(f"No person matched the file's patient; a new person with the patient's name {verb}.")
    if args.json:
        _out(json.dumps(counts))
        return EXIT_OK
    added = ", ".join(
        f"{n} {k.replace('_', ' ')}" for k, n in counts.items() if n and k != "duplicates"
    )
    head = "Would add" if args.dry_run else "Added"
    _out(f"{head}: {added or 'nothing new'}; {counts['duplicates']} already there.")
    return EXIT_OK


def _cmd_summary(args: argparse.Namespace, source: PassphraseSource) -> int:
    from sqlalchemy import select

    from second_opinion.cli import _unlock
    from second_opinion.domain.models import Person
    from second_opinion.services import health_summary as hs

    try:
        with _unlock(args, source) as vault, vault.session() as session:
            if args.person:
                person_id = find_person(session, args.person)
            else:
                first = session.scalar(select(Person.id).order_by(Person.id).limit(1))
                if first is None:
                    raise _Refusal("The vault holds no person yet.", EXIT_NO_SUCH_PERSON)
                person_id = first
            summary = hs.get_summary(session, person_id)
    except _Refusal as refusal:
        _say(str(refusal))
        return refusal.code
    if args.json:
        _out(json.dumps(hs.as_json(summary), ensure_ascii=False))
        return EXIT_OK
    titles = dict(
        zip(
            SUMMARY_KINDS,
            ("Conditions", "Medications", "Allergies", "Procedures", "Results"),
            strict=True,
        )
    )
    for kind in hs.Kind:
        _out(f"{titles[kind.value]}:")
        lines = [hs.describe(e.data) for e in summary.of(kind)]
        for line in lines or ["(none)"]:
            _out(f"  {line}")
    return EXIT_OK


IMPORT_COMMANDS = {"import": _cmd_import, "summary": _cmd_summary}
