"""A small "Documents" section for another screen's detail: the documents linked to one
record item or request, a button to add more (linked to it), and a way to open one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import document_links
from second_opinion.case.changes import Area, Changes
from second_opinion.services.documents import DocumentRow, LinkRef, LinkTarget
from second_opinion.services.packet_data import default_paper
from second_opinion.services.printed_words import LANGUAGE_NAMES, language_of
from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.documents.attach import Attacher
from second_opinion.ui.documents.bundle import write_bundle
from second_opinion.ui.documents.texts import kind_label, tr
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.icons import icon
from second_opinion.ui.tab_registry import Navigator
from second_opinion.ui.table_model import AnyIndex, Column, RowTableModel


def _row_text(row: DocumentRow | None) -> str:
    if row is None:  # the line that says there is none
        return tr("None yet: add the records that arrived.")
    return f"{row.title} · {kind_label(row.kind)}"


class _LinkedModel(RowTableModel[DocumentRow | None]):
    """The documents; when there are none, one grayed line that says so (not selectable)."""

    def __init__(self, parent: QObject | None = None) -> None:
        # No header: a list view shows none.
        super().__init__(
            [Column("", _row_text)], row_id=lambda r: r.id if r else None, parent=parent
        )

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if index.isValid() and self.row_at(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index)


class LinkedDocuments(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        navigator: Navigator,
        what: str,
        parent: QWidget | None = None,
    ) -> None:
        """``what`` names the thing in the accessible names ("this request")."""
        super().__init__(parent)
        self.ctx = ctx
        self.navigator = navigator
        self.ref: LinkRef | None = None
        self.rows: list[DocumentRow] = []
        self.attacher = Attacher(ctx, self)
        self.attacher.sig_added.connect(lambda _result: self._load())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The heading and the button share a line while they fit, and stack when not.
        top = FlowLayout()
        self.heading = QLabel(tr("Documents"), self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        top.addWidget(self.heading)
        top.add_stretch()
        self.add_button = QPushButton(icon("fa5s.paperclip"), tr("Add documents…"), self)
        self.add_button.setAccessibleName(tr("Add documents to {what}").format(what=what))
        self.add_button.clicked.connect(self.add)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        self.model = _LinkedModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName(tr("Documents of {what}").format(what=what))
        self.list.setMaximumHeight(96)
        self.list.activated.connect(self._open)
        layout.addWidget(self.list)
        ctx.sig_changed.connect(self._on_changed)
        self.show_for(None)

    def show_for(self, ref: LinkRef | None) -> None:
        self.ref = ref
        self.add_button.setEnabled(ref is not None)
        self._load()

    def add(self) -> None:
        if self.ref is not None:
            self.attacher.choose(self.ref)

    def _load(self) -> None:
        ref = self.ref
        if ref is None:
            self._show(None, [])
            return
        self.ctx.ops.query(
            lambda case: document_links.linked_documents(case, ref), owner=self
        ).success(lambda rows: self._show(ref, rows)).failure(
            lambda _exc: self._show(ref, [])
        ).run()

    def _show(self, ref: LinkRef | None, rows: list[DocumentRow]) -> None:
        if ref != self.ref:
            return  # the selection moved on meanwhile
        self.rows = rows
        self.model.set_rows(list(rows) or [None])

    # ---------------------------------------------------------------- a request's actions
    def offer_attach(self, request_id: int) -> None:
        """Records arrived: offer to add them now, linked to the request."""
        if not prompts.ask_confirm(
            self,
            tr("Attach the records that arrived?"),
            tr(
                "Add the records you received to your documents now? They are kept encrypted "
                "in the vault and linked to this request."
            ),
            tr("Choose files…"),
        ):
            return
        self.attacher.choose(LinkRef(LinkTarget.REQUEST, request_id))

    def export_bundle(self, request_id: int) -> None:
        """The records bundle (cover letter, index, the documents) for the request's recipient,
        built and written on the worker."""
        title = tr("Records bundle")
        if self.ref == LinkRef(LinkTarget.REQUEST, request_id) and not self.rows:
            prompts.show_info(
                self,
                title,
                tr("No documents are linked to this request yet: add the records first."),
            )
            return
        # The bundle goes to a doctor's office, which may read English while the person reads
        # Spanish: its language is asked each time, the app's own offered first.
        codes = list(LANGUAGE_NAMES)
        chosen = prompts.ask_choice(
            self,
            title,
            tr("Language of the cover letter and index:"),
            list(LANGUAGE_NAMES.values()),
            codes.index(language_of(QLocale().name())),
        )
        if chosen is None:
            return
        language = codes[chosen]
        path = prompts.ask_save_path(
            self, title, f"records-bundle-{request_id}.pdf", tr("PDF files (*.pdf)")
        )
        if path is None:
            return
        paper = default_paper(QLocale().name())
        self.ctx.ops.query(
            lambda case: write_bundle(case, request_id, paper, path, language),
            owner=self,
            title=title,
        ).success(lambda problem: self._bundle_written(path, problem)).run()

    def _bundle_written(self, path: Path, problem: str) -> None:
        if problem:
            prompts.show_error(self, tr("Records bundle"), problem)
            return
        self.ctx.sig_status.emit(
            tr(
                "Wrote the records bundle to {path}. It holds health information: keep it private."
            ).format(path=path)
        )

    def titles(self) -> list[str]:
        return [row.title for row in self.rows]

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.navigator.navigate("documents.open", document_id=row.id)

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if self.ref is not None and changes.touches(Area.DOCUMENTS, Area.RECORDS):
            self._load()
