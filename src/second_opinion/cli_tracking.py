"""``export-calendar``: the case's dates as one iCalendar file, from the command line.

``cli.py`` adds the sub-command with ``add_tracking_commands`` and runs it from ``COMMANDS``.
Messages are one line each and never contain health data (counts and file paths only).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from second_opinion.cli import PassphraseSource

EXIT_USAGE = 2


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


COMMANDS = {"export-calendar": _cmd_export_calendar}
