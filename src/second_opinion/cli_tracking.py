"""``export-calendar`` and ``check-disc``, from the command line.

``export-calendar`` writes the case's dates as one iCalendar file. ``check-disc FOLDER``
reads the DICOM headers on an imaging disc (or a folder copied from one) as the window's
"Check a disc" does, without opening the vault: it changes nothing and needs no passphrase.

``cli.py`` adds the sub-commands with ``add_tracking_commands`` and runs them from
``COMMANDS``. Messages are one line each and never contain health data (counts and file
paths only); what a disc holds goes to standard output only.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from second_opinion.cli import PassphraseSource

EXIT_USAGE = 2
EXIT_NO_FOLDER = 20  # the folder is not there (or is a file)
EXIT_DISC_GONE = 22  # the disc or folder went away during the check


def add_tracking_commands(subparsers: Any) -> None:
    calendar = subparsers.add_parser(
        "export-calendar",
        help="write every visit, records due date, follow-up call and return-by date (.ics)",
    )
    calendar.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="calendar file to write"
    )
    calendar.add_argument(
        "--person", type=int, default=None, metavar="ID", help="only this person's case (id)"
    )
    disc = subparsers.add_parser(
        "check-disc",
        help="read the DICOM headers on an imaging disc or folder: studies, images, names",
    )
    disc.add_argument("folder", type=Path, metavar="FOLDER", help="the disc or folder")
    disc.add_argument("--json", action="store_true", help="print the report as one JSON object")


def _cmd_export_calendar(args: argparse.Namespace, source: PassphraseSource) -> int:
    from second_opinion.cli import _unlock
    from second_opinion.cli_exports import _check_out, _say, _write
    from second_opinion.domain.models import Person
    from second_opinion.services.calendar_export import build_calendar
    from second_opinion.vault.guard import refuse_output_in_vault

    problem = _check_out(args.out)
    if problem:
        _say(problem, error=True)
        return EXIT_USAGE
    with _unlock(args, source) as vault:
        refuse_output_in_vault(args.out, vault.paths.folder)
        with vault.session() as session:
            if args.person is not None and session.get(Person, args.person) is None:
                _say(f"there is no person with id {args.person}", error=True)
                return EXIT_USAGE
            data = build_calendar(session, vault.vault_id, dt.datetime.now(dt.UTC), args.person)
    return int(_write(args.out, data, "the calendar to "))


def _cmd_check_disc(args: argparse.Namespace, source: PassphraseSource) -> int:
    """Read the disc's headers (never its pixel data) and print what it holds."""
    import json
    import sys

    from second_opinion.cli_exports import _say
    from second_opinion.services.disc_check import DiscGone, scan_folder
    from second_opinion.services.errors import ValidationError

    try:
        report = scan_folder(args.folder, person_name="")
    except ValidationError:
        _say(f"{args.folder}: no such folder", error=True)
        return EXIT_NO_FOLDER
    except DiscGone:
        _say(f"{args.folder}: the disc or folder went away during the check", error=True)
        return EXIT_DISC_GONE
    if args.json:
        data = {
            "files": report.file_count,
            "images": report.image_count,
            "unreadable": report.unreadable_count,
            "dicomdir": report.has_dicomdir,
            "viewer": report.has_viewer,
            "patient_names": list(report.patient_names),
            "studies": [
                {
                    "date": study.study_date.isoformat() if study.study_date else None,
                    "description": study.description,
                    "modalities": list(study.modalities),
                    "series": study.series_count,
                    "images": study.image_count,
                }
                for study in report.studies
            ],
            "warnings": list(report.warnings),
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    sys.stdout.write(
        f"{report.image_count} image(s) in {len(report.studies)} study(ies), "
        f"{report.unreadable_count} unreadable, {report.file_count} file(s)"
        f"{'; a DICOMDIR' if report.has_dicomdir else ''}"
        f"{'; a viewer program' if report.has_viewer else ''}\n"
    )
    for warning in report.warnings:
        sys.stdout.write(f"  {warning}\n")
    return 0


COMMANDS = {"export-calendar": _cmd_export_calendar, "check-disc": _cmd_check_disc}
