"""The selected document's pane: what it is, what it is linked to, and the document itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case.document_links import DocumentsScreen
from second_opinion.services.documents import DocumentRow, LinkRef
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import format_date
from second_opinion.ui.documents.attach import carries_documents
from second_opinion.ui.documents.texts import kind_label, link_text, size_text, tr, type_text
from second_opinion.ui.documents.viewer import DocumentViewer
from second_opinion.ui.icons import icon
from second_opinion.ui.table_model import Column, RowTableModel

#: a link, and how it reads
Link = tuple[LinkRef, str]


class _DropFilter(QObject):
    """Takes drops of files (or a picture) on a widget and hands them to ``on_drop``."""

    def __init__(self, widget: QWidget, on_drop: Callable[[QDropEvent], None]) -> None:
        super().__init__(widget)
        self._on_drop = on_drop
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if carries_documents(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
            return False
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            if carries_documents(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self._on_drop(event)
                return True
        return False


def accept_document_drops(widget: QWidget, on_drop: Callable[[QDropEvent], None]) -> None:
    _DropFilter(widget, on_drop)


class DocumentDetail(QWidget):
    """Signals: sig_link(), sig_unlink(LinkRef), sig_open_link(LinkRef)."""

    sig_link = Signal()
    sig_unlink = Signal(object)
    sig_open_link = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: DocumentRow | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(top)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAccessibleName(tr("Selected document"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        top_layout.addWidget(self.title)
        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("what", tr("What:")),
            ("file", tr("File:")),
            ("notes", tr("Notes:")),
            ("state", tr("State:")),
        ):
            value = QLabel(top)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label.rstrip(":"))
            form.addRow(label, value)
            self.fields[key] = value
        top_layout.addLayout(form)
        links_row = QHBoxLayout()
        links_label = QLabel(tr("Linked to"), top)
        links_label.setFont(font)
        links_row.addWidget(links_label)
        links_row.addStretch(1)
        self.link_button = QPushButton(icon("fa5s.link"), tr("&Link to…"), top)
        self.link_button.setAccessibleName(
            tr("Link the document to a record, request, visit, opinion or contact")
        )
        self.link_button.clicked.connect(self.sig_link.emit)
        links_row.addWidget(self.link_button)
        self.unlink_button = QPushButton(icon("fa5s.unlink"), tr("Remove link"), top)
        self.unlink_button.setAccessibleName(tr("Remove the selected link"))
        self.unlink_button.clicked.connect(self._unlink)
        links_row.addWidget(self.unlink_button)
        top_layout.addLayout(links_row)
        # No header: a list view shows none.
        self.links_model: RowTableModel[Link] = RowTableModel(
            [Column("", lambda link: link[1])], row_id=lambda link: link[0], parent=self
        )
        self.links = QListView(top)
        self.links.setModel(self.links_model)
        self.links.setAccessibleName(tr("What the document is linked to"))
        self.links.setMaximumHeight(110)
        self.links.selectionModel().currentRowChanged.connect(
            lambda _now, _before: self._update_buttons()
        )
        self.links.activated.connect(
            lambda index: self.sig_open_link.emit(self.links_model.row_at(index.row())[0])
        )
        top_layout.addWidget(self.links)
        self.viewer = DocumentViewer(ctx, splitter)
        splitter.addWidget(top)
        splitter.addWidget(self.viewer)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)
        self.show_row(None, None)

    def show_row(self, row: DocumentRow | None, screen: DocumentsScreen | None) -> None:
        """Show ``row``; the viewer opens it only when it is another document."""
        same = row is not None and self.row is not None and row.id == self.row.id
        self.row = row
        links: list[Link] = []
        if row is None:
            self.title.setText(tr("Select a document to see it, its details and its links."))
            for value in self.fields.values():
                value.clear()
        else:
            self.title.setText(row.title)
            what = [kind_label(row.kind)]
            if row.dated_on is not None:
                what.append(format_date(row.dated_on))
            if row.source_name:
                what.append(tr("from {source}").format(source=row.source_name))
            self.fields["what"].setText(" · ".join(what))
            pages = tr("{n} pages").format(n=row.pages) if row.pages != 1 else tr("1 page")
            self.fields["file"].setText(
                f"{row.original_name} · {type_text(row.media_type)} · "
                + (f"{pages} · " if row.viewable else "")
                + size_text(row.byte_size)
            )
            self.fields["notes"].setText(row.notes[:2000])
            self.fields["state"].setText(
                tr("Cannot be shown: {problem}").format(problem=row.problem)
                if not row.viewable
                else tr("Encrypted in the vault")
            )
            for ref in row.links:
                choice = screen.choice_for(ref) if screen is not None else None
                links.append((ref, link_text(ref, choice)))
        self.links_model.set_rows(links)
        self._update_buttons()
        if not same:
            self.viewer.show_document(row.id if row is not None else None)

    def _update_buttons(self) -> None:
        self.link_button.setEnabled(self.row is not None)
        self.unlink_button.setEnabled(self.row is not None and self.links.currentIndex().isValid())

    def _unlink(self) -> None:
        index = self.links.currentIndex()
        if index.isValid():
            self.sig_unlink.emit(self.links_model.row_at(index.row())[0])
