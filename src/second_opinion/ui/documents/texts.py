"""What the documents' screens call things: kinds, types, sizes, links, in the person's words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from second_opinion.case.document_links import LinkChoice
from second_opinion.services.documents import (
    IMAGE_TYPES,
    PDF,
    TEXT,
    DocumentRow,
    LinkRef,
    LinkTarget,
)
from second_opinion.ui.dates import format_date
from second_opinion.ui.records.common import kind_label

__all__ = ["kind_label", "link_text", "pages_text", "size_text", "tr", "type_text"]


def tr(text: str) -> str:
    return QCoreApplication.translate("documents", text)


def type_text(media_type: str) -> str:
    if media_type == PDF:
        return "PDF"
    if media_type == TEXT:
        return tr("Text")
    if media_type in IMAGE_TYPES:
        return tr("Picture")
    return media_type


def size_text(count: int) -> str:
    return QLocale().formattedDataSize(count, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def pages_text(row: DocumentRow) -> str:
    return "" if not row.viewable else str(row.pages)


def state_text(row: DocumentRow) -> str:
    return tr("Cannot be shown") if not row.viewable else ""


TARGET_WORDS = {
    LinkTarget.ITEM: "Record",
    LinkTarget.REQUEST: "Request",
    LinkTarget.VISIT: "Visit",
    LinkTarget.OPINION: "Opinion",
    LinkTarget.CONTACT: "Contact",
}


def target_text(target: LinkTarget) -> str:
    return tr(TARGET_WORDS[target])


def choice_text(choice: LinkChoice) -> str:
    """“Visit: Dr. Ward, 3/4/2026” — what a link is to, in one line."""
    name = choice.name or (kind_label(choice.kind) if choice.kind is not None else "")
    when = format_date(choice.on) if choice.on is not None else ""
    what = f"{name}, {when}" if name and when else (name or when)
    return f"{target_text(choice.ref.target)}: {what}"


def link_text(ref: LinkRef, choice: LinkChoice | None) -> str:
    if choice is None:
        return f"{target_text(ref.target)} {ref.id}"
    return choice_text(choice)
