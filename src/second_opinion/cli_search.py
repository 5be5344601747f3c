"""``search TEXT [--json]``: the finder from the command line, over every person's case.

``cli.py`` unlocks the vault and calls ``run_search``. The text is searched exactly as the
finder searches it (plain words, case and accents ignored, prefixes, phone numbers in any
format, one typo in a name forgiven). Health data goes to standard output only, never to
stderr or a log. Exit code 0 whether or not anything matched; ``--json`` prints ``[]`` then.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from second_opinion.services.search import Hit
    from second_opinion.vault.vault import Vault

EXIT_OK = 0

#: what each kind of result is called in the plain listing
KIND_HEADINGS = {
    "contact": "Contacts",
    "record_item": "Record items",
    "request": "Records requests",
    "question": "Questions and answers",
    "visit": "Visits",
    "opinion": "Opinions",
    "decision": "Decisions",
    "document": "Documents",
}


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")


def add_search_command(subparsers: Any) -> None:
    """Add ``search`` to ``cli.py``'s sub-parsers."""
    parser = subparsers.add_parser(
        "search", help="find anything in the vault: contacts, records, questions, documents"
    )
    parser.add_argument("text", help="what to look for (plain words; quotes and * are just text)")
    parser.add_argument(
        "--json", action="store_true", help="print a JSON list (kind, id, title, person, ...)"
    )


def run_search(vault: Vault, args: argparse.Namespace) -> int:
    from second_opinion.services.search import search

    with vault.session() as session:
        result = search(session, args.text, person_id=None)
    if args.json:
        _out(json.dumps([as_json(hit) for hit in result.hits], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not result.hits:
        _out("Nothing matches.")
        return EXIT_OK
    for kind, hits in result.by_kind().items():
        _out(KIND_HEADINGS.get(kind, kind))
        for hit in hits:
            _out("  " + _line(hit))
    if any(hit.fuzzy for hit in result.hits):
        _out("(Some results match a name spelled slightly differently.)")
    return EXIT_OK


def as_json(hit: Hit) -> dict[str, Any]:
    from second_opinion.services.search import plain

    return {
        "kind": hit.kind,
        "id": hit.id,
        "title": hit.title,
        "person": hit.person,
        "person_id": hit.person_id,
        "snippet": plain(hit.snippet_marked),
        "page": hit.page or None,
        "no_text": hit.no_text,
        "fuzzy": hit.fuzzy,
    }


def _line(hit: Hit) -> str:
    from second_opinion.services.search import plain

    parts = [f"#{hit.id}", hit.title or "(untitled)"]
    if hit.page:
        parts.append(f"page {hit.page}")
    parts.append(hit.person or "shared contact")
    snippet = " ".join(plain(hit.snippet_marked).split())
    if snippet:
        parts.append(snippet)
    if hit.no_text:
        parts.append("image only: its contents cannot be searched")
    return " · ".join(parts)


def run_reindex(vault: Vault) -> None:
    """``check --reindex``: rebuild the search index from the tables (documents' text is
    carried over from the old index where it can still be read)."""
    from sqlalchemy.exc import DBAPIError

    from second_opinion.services.search_index import rebuild

    try:
        with vault.session() as session:
            entries = rebuild(session)
    except DBAPIError:  # the pages themselves are damaged: the integrity check says so next
        sys.stderr.write("second-opinion: the search index could not be rebuilt\n")
        return
    _out(f"The search index was rebuilt ({entries} entries).")
