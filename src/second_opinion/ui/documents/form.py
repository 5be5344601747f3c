"""The form for a document's details: title, date, kind, where it came from, notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from second_opinion.domain.enums import RecordKind
from second_opinion.services.documents import DocumentDetails, DocumentRow, check_details
from second_opinion.ui.documents.texts import kind_label, tr
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.records.common import OptionalDateEdit

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending


class DocumentForm(FormDialog):
    """Edit what a document is; ``saved`` is then its updated row."""

    def __init__(
        self,
        row: DocumentRow,
        sources: list[tuple[int, str]],
        submit: Callable[[DocumentDetails], Pending[DocumentRow]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Document details"), parent)
        self._submit = submit
        self.document_id = row.id
        self.setMinimumWidth(520)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(tr("Title"))
        self.add_field("title", self.title_edit, tr("&Title:"), check=self._check_title)
        self.dated_on = OptionalDateEdit(tr("Known"), tr("Date of the document"))
        self.add_field(
            "dated_on",
            self.dated_on,
            tr("&Date:"),
            watch=[self.dated_on.check, self.dated_on.edit],
        )
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of record"))
        for kind in RecordKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.add_field("kind", self.kind, tr("&Kind:"))
        self.source = QComboBox()
        self.source.setAccessibleName(tr("Where it came from"))
        self.source.addItem(tr("(not said)"), None)
        for contact_id, name in sources:
            self.source.addItem(name, contact_id)
        self.add_field("source_id", self.source, tr("&Source:"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        self.add_field("notes", self.notes, tr("&Notes:"))

        with self.loading():
            self.title_edit.setText(row.title)
            self.dated_on.set_value(row.dated_on)
            self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind.value)))
            self.source.setCurrentIndex(max(0, self.source.findData(row.source_id)))
            self.notes.setPlainText(row.notes)
        self.title_edit.setFocus()

    def _check_title(self) -> None:
        check_details(DocumentDetails(title=self.title_edit.text()))

    def collect(self) -> DocumentDetails:
        source = self.source.currentData()
        return DocumentDetails(
            title=self.title_edit.text(),
            kind=RecordKind(self.kind.currentData()),
            dated_on=self.dated_on.value(),
            source_id=int(source) if source is not None else None,
            notes=self.notes.toPlainText(),
        )

    def submit(self, data: DocumentDetails) -> Pending[DocumentRow]:
        return self._submit(data)
