"""Documents from the command line: ``attach``, ``documents``, ``export-document``, ``detach``
and ``export-bundle`` (and the documents of ``export-packet``, see ``packet_with_documents``).

``cli.py`` unlocks the vault and calls ``run``. Each refusal is one line on stderr and an exit
code of its own (``EXIT_CODES``); nothing is added or changed when a command is refused.
Messages name ids and file paths, never a document's content.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from second_opinion.case.case import Case
    from second_opinion.services.packet_data import PacketData
    from second_opinion.vault.vault import Vault

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_WRITE_FAILED = 1

#: exit code -> meaning, for the README (the values are services.documents.FileProblem's)
EXIT_CODES = {
    20: "a file to attach does not exist",
    21: "a path to attach is a folder",
    22: "a file cannot be read (permissions, or it changed while being added)",
    23: "a file is empty (0 bytes)",
    24: "a file's name claims a type its content is not (e.g. .pdf that is not a PDF)",
    25: "not a PDF, JPEG, PNG, TIFF, HEIC or UTF-8 text file",
    26: "a damaged or truncated PDF or image (or a stored document that no longer decrypts)",
    27: "a file over the 512 MiB limit",
    28: "a password-protected PDF",
    29: "no document, record item, request or visit with that id",
}

COMMANDS = ("attach", "documents", "export-document", "detach", "export-bundle")


def add_document_commands(subparsers: Any) -> None:
    """Add the document commands to ``cli.py``'s sub-parsers (and ``--documents`` to
    ``export-packet``, which must be added before)."""
    from second_opinion.cli_exports import add_language_option
    from second_opinion.domain.enums import RecordKind

    attach = subparsers.add_parser("attach", help="add documents (PDF, photos, scans, text)")
    attach.add_argument("files", nargs="+", type=Path, metavar="FILE")
    attach.add_argument("--title", default="", help="title (for one file; else the file name)")
    attach.add_argument("--kind", choices=[k.value for k in RecordKind], default="other")
    target = attach.add_mutually_exclusive_group()
    target.add_argument("--item", type=int, metavar="ID", help="link to this record item")
    target.add_argument("--request", type=int, metavar="ID", help="link to this request")
    target.add_argument("--visit", type=int, metavar="ID", help="link to this visit")
    attach.add_argument("--person", type=int, metavar="ID", help="whose case (default: first)")

    listing = subparsers.add_parser("documents", help="list the documents")
    listing.add_argument("--json", action="store_true", help="as a JSON list")

    export = subparsers.add_parser("export-document", help="write a document's original file")
    export.add_argument("id", type=int, metavar="ID")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")

    detach = subparsers.add_parser("detach", help="delete a document and its content")
    detach.add_argument("id", type=int, metavar="ID")

    bundle = subparsers.add_parser(
        "export-bundle", help="write a records bundle (PDF) for a request's recipient"
    )
    bundle.add_argument("--request", type=int, required=True, metavar="ID")
    bundle.add_argument("--out", type=Path, required=True, metavar="FILE")
    bundle.add_argument("--paper", choices=["a4", "letter"], default=None)
    add_language_option(bundle)

    packet = subparsers.choices.get("export-packet")
    if packet is not None:
        packet.add_argument(
            "--documents",
            choices=["all", "linked", "none"],
            default="linked",
            help="documents after the summary (default: those linked to the visit and to "
            "the requests for its doctor)",
        )


def _say(message: str, error: bool = False) -> None:
    stream = sys.stderr if error else sys.stdout
    stream.write(f"second-opinion: {message}\n" if error else f"{message}\n")


def run(vault: Vault, args: argparse.Namespace) -> int:
    """Run one document command on an unlocked vault; the exit code."""
    from second_opinion.case.case import Case
    from second_opinion.services.documents import NOT_FOUND_EXIT, DocumentRefused
    from second_opinion.services.errors import NotFound, ServiceError
    from second_opinion.vault.documents import DocumentContentError

    case = Case(vault, 0)
    handlers = {
        "attach": _attach,
        "documents": _list,
        "export-document": _export_document,
        "detach": _detach,
        "export-bundle": _export_bundle,
    }
    try:
        return handlers[args.command](case, args)
    except DocumentRefused as exc:
        _say(str(exc), error=True)
        return int(exc.problem)
    except NotFound as exc:
        _say(str(exc), error=True)
        return NOT_FOUND_EXIT
    except DocumentContentError as exc:
        _say(f"document {getattr(args, 'id', '')}: {exc}; run 'check'", error=True)
        return 26
    except ServiceError as exc:
        _say(str(exc), error=True)
        return EXIT_USAGE


def _use_person(case: Case, person: int | None) -> None:
    from second_opinion.case import documents as docs
    from second_opinion.services.errors import NotFound

    if person is None:
        person = docs.first_person(case)
        if person is None:
            raise NotFound("There is no person in this vault yet.")
    elif person not in docs.people(case):
        raise NotFound("There is no person {id}.", id=person)
    case.switch_person(person)


def _progress() -> Any:
    from second_opinion.case.progress import Progress

    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int, text: str) -> None:
        percent = 100 * done // total if total else 100
        sys.stderr.write(f"\r{percent:3d}% {text[:60]:<60}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return Progress(report)


def _attach(case: Case, args: argparse.Namespace) -> int:
    from second_opinion.case import documents as docs
    from second_opinion.domain.enums import RecordKind
    from second_opinion.services.documents import DocumentDetails, LinkRef, LinkTarget

    link = None
    for target, value in (
        (LinkTarget.ITEM, args.item),
        (LinkTarget.REQUEST, args.request),
        (LinkTarget.VISIT, args.visit),
    ):
        if value is not None:
            link = LinkRef(target, value)
    person = args.person
    if link is not None and person is None:
        person = docs.person_of_target(case, link)
    _use_person(case, person)
    details = DocumentDetails(title=args.title, kind=RecordKind(args.kind))
    outcome = docs.attach_files(case, args.files, details, link, progress=_progress())
    for row in outcome.value.added:
        sys.stdout.write(f"{row.id}\t{row.title}\n")
    for duplicate in outcome.value.duplicates:
        where = (
            f"document {duplicate.existing_id}"
            if duplicate.existing_id > 0
            else "another file given"
        )
        _say(f"{duplicate.path}: the same content as {where}; not stored twice", error=True)
    return EXIT_OK


def _list(case: Case, args: argparse.Namespace) -> int:
    from second_opinion.case import documents as docs

    rows: list[dict[str, Any]] = []
    for person in docs.people(case):
        case.switch_person(person)
        for row in docs.documents_board(case).rows:
            rows.append(
                {
                    "id": row.id,
                    "person_id": person,
                    "title": row.title,
                    "kind": row.kind.value,
                    "date": row.dated_on.isoformat() if row.dated_on else None,
                    "source": row.source_name or None,
                    "media_type": row.media_type,
                    "pages": row.pages,
                    "bytes": row.byte_size,
                    "sha256": row.sha256,
                    "viewable": row.viewable,
                    "original_name": row.original_name,
                    "links": [{"type": link.target.value, "id": link.id} for link in row.links],
                }
            )
    rows.sort(key=lambda r: r["id"])
    if args.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    for r in rows:
        sys.stdout.write(f"{r['id']}\t{r['title']}\t{r['kind']}\t{r['pages']}\t{r['bytes']}\n")
    return EXIT_OK


def _check_out(path: Path) -> str | None:
    folder = path.expanduser().absolute().parent
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    if path.is_dir():
        return f"{path} is a folder; give a file name"
    return None


def _export_document(case: Case, args: argparse.Namespace) -> int:
    from second_opinion.case import documents as docs

    problem = _check_out(args.out)
    if problem:
        _say(problem, error=True)
        return EXIT_USAGE
    case.switch_person(docs.person_of_document(case, args.id))
    try:
        written = docs.save_copy(case, args.id, args.out)
    except OSError as exc:
        _say(f"could not write {args.out}: {exc.strerror or exc}", error=True)
        return EXIT_WRITE_FAILED
    _say(f"Wrote document {args.id} to {written} (this copy is not encrypted).")
    return EXIT_OK


def _detach(case: Case, args: argparse.Namespace) -> int:
    from second_opinion.case import documents as docs

    case.switch_person(docs.person_of_document(case, args.id))
    docs.detach_document(case, args.id)
    _say(f"Deleted document {args.id} and its content.")
    return EXIT_OK


def _paper(value: str | None) -> Any:
    from second_opinion.cli_exports import _locale_paper
    from second_opinion.services.packet_data import Paper

    return Paper(value) if value else _locale_paper()


def _write(out: Path, data: bytes, what: str) -> int:
    from second_opinion.private_files import write_private_atomically

    try:
        written = write_private_atomically(out, data)
    except OSError as exc:
        _say(f"could not write {out}: {exc.strerror or exc}", error=True)
        return EXIT_WRITE_FAILED
    _say(f"Wrote {what}{written} (it holds health information; keep it private).")
    return EXIT_OK


def _export_bundle(case: Case, args: argparse.Namespace) -> int:
    from second_opinion.case import documents as docs
    from second_opinion.export.enclosures import render_bundle

    problem = _check_out(args.out)
    if problem:
        _say(problem, error=True)
        return EXIT_USAGE
    language = getattr(args, "lang", None) or "en"
    data = docs.bundle_data(case, args.request, _paper(args.paper), dt.date.today(), language)
    return _write(
        args.out, render_bundle(data), f"the records bundle for request {args.request} to "
    )


def packet_with_documents(
    vault: Vault, args: argparse.Namespace, data: PacketData, visit_id: int
) -> bytes:
    """The visit packet with the documents ``args.documents`` asks for."""
    from second_opinion.case import documents as docs
    from second_opinion.case.case import Case
    from second_opinion.export.enclosures import render_packet_with_documents
    from second_opinion.services.enclosures import DocumentChoice

    case = Case(vault, 0)
    enclosed = docs.packet_documents(case, visit_id, DocumentChoice(args.documents))
    return render_packet_with_documents(data, enclosed)
