"""Importing a portal's C-CDA or FHIR file: the preview (a read model) and the import itself.

The preview reads and parses the file and compares it with the vault without writing; the
import parses again and writes only the ticked items in one unit of work (the comparison is
made again there, so nothing is added twice). Both report progress and can be cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.case.progress import Progress
from second_opinion.services.importing import ParsedDocument, read_document
from second_opinion.services.importing.plan import (
    ImportPlan,
    ImportResult,
    apply_import,
    plan_import,
)

_STEPS = 3


@dataclass(frozen=True)
class ImportPreview:
    """What the import dialog shows: the plan, and the file it was made from."""

    path: Path
    plan: ImportPlan
    #: the file as read, so importing after the preview does not read and parse it again
    document: ParsedDocument


def preview_import(
    case: Case, path: Path, person_id: int | None = None, progress: Progress | None = None
) -> ImportPreview:
    """Read ``path`` and compare it with the vault; ``ImportFileError`` if it cannot be read.

    ``person_id`` None means "whoever the file's patient matches" (or a new person).
    """
    progress = progress or Progress()
    progress.step(0, _STEPS, "Reading the file")
    doc = read_document(path)
    progress.step(1, _STEPS, "Comparing with what is already here")
    with case.reading() as session:
        plan = plan_import(session, doc, person_id)
    progress.step(_STEPS, _STEPS)
    return ImportPreview(path, plan, doc)


def run_import(
    case: Case,
    path: Path,
    person_id: int | None = None,
    keep: set[int] | None = None,
    progress: Progress | None = None,
    document: ParsedDocument | None = None,
) -> Outcome[ImportResult]:
    """Import ``path`` for ``person_id`` (or the matching person), keeping the ``keep`` items.

    ``document`` is the preview's parse of the same file, when there was a preview.
    """
    progress = progress or Progress()
    progress.step(0, _STEPS, "Reading the file")
    doc = document if document is not None else read_document(path)
    progress.step(1, _STEPS, "Importing")
    with case.unit() as session:
        result = apply_import(session, doc, person_id, keep)
        progress.step(2, _STEPS, "Saving")
        # the last chance to cancel is before the unit commits: after it, all is kept
        progress.step(_STEPS, _STEPS)
    result.counts["documents"] = keep_documents(case, path, result)
    changes = changes_of(result)
    if result.counts["documents"]:
        changes |= Changes.of(Area.DOCUMENTS)
    return Outcome(result, changes)


def keep_documents(case: Case, path: Path, result: ImportResult) -> int:
    """Keep the imported file itself, and the PDFs it carries, as encrypted documents linked
    to the record item the import made; how many were added.

    A file the documents store refuses (an unusual encoding, say) leaves the import as it is:
    the entries are what the person asked for; the document is a copy for reference.
    """
    if result.record_item_id is None:
        return 0
    from second_opinion.case import document_links, documents
    from second_opinion.case.document_pages import count_pages
    from second_opinion.services.documents import (
        DocumentDetails,
        DocumentRefused,
        LinkRef,
        LinkTarget,
    )

    owner = Case(case.vault, result.person_id)
    link = LinkRef(LinkTarget.ITEM, result.record_item_id)
    added = 0
    try:
        kept = documents.attach_files(
            owner, [path], DocumentDetails(title=f"Imported file: {path.name}"), link
        )
        added += len(kept.value.added)
    except DocumentRefused:
        pass
    for attachment in result.attachments:
        if attachment.media_type != "application/pdf":
            continue
        try:
            pages = count_pages(attachment.data, attachment.media_type)
            kept = document_links.attach_content(
                owner,
                attachment.filename,
                attachment.media_type,
                attachment.data,
                DocumentDetails(title=f"{path.stem}: {attachment.filename}"),
                link,
                pages=pages,
            )
            added += len(kept.value.added)
        except (DocumentRefused, ValueError):
            continue
    return added


def changes_of(result: ImportResult) -> Changes:
    counts = result.counts
    changes = Changes()
    if counts["contacts"]:
        changes |= Changes.of(Area.CONTACTS)
    if counts["record_items"]:
        changes |= Changes.of(Area.RECORDS, also=[Area.VISITS])
    summary = ("conditions", "medications", "allergies", "procedures", "results")
    if result.updated or any(counts[k] for k in summary):
        changes |= Changes.of(Area.PROFILE)
    if result.created_person:
        changes |= Changes.of(Area.PEOPLE, result.person_id)
    return changes
