"""The Documents tab: the records themselves, encrypted in the vault, each with its links.

Add documents from the file dialog (several at once), by dropping files on the tab, or by
pasting files or a picture (Ctrl+V); each add runs on the operations runner with progress and
Cancel. The list filters by words and by kind; the pane beside it shows the selected
document's details, its links and the document itself (``ui.documents.viewer``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import document_links, documents
from second_opinion.case.changes import Area, Changes
from second_opinion.case.document_links import DocumentsScreen, LinkChoice
from second_opinion.case.documents import AttachResult
from second_opinion.domain.enums import RecordKind
from second_opinion.services.documents import DocumentDetails, DocumentRow, LinkRef
from second_opinion.services.errors import NotFound, ServiceError
from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.documents.attach import Attacher
from second_opinion.ui.documents.detail import DocumentDetail, accept_document_drops
from second_opinion.ui.documents.form import DocumentForm
from second_opinion.ui.documents.link_picker import LinkPicker
from second_opinion.ui.documents.model import DocumentsModel, DocumentsProxy
from second_opinion.ui.documents.texts import kind_label, size_text, tr
from second_opinion.ui.empty_state import EmptyState
from second_opinion.ui.focus_frame import mark_primary
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.icons import icon
from second_opinion.ui.ops import Pending, service_error_text
from second_opinion.ui.search_proxy import show_row
from second_opinion.ui.table_model import ROW_ROLE
from second_opinion.ui.tabs.base import CaseTab, Navigator

#: what the screen shows: sources are contacts; links name records, visits and opinions
SHOWN_AREAS = (
    Area.DOCUMENTS,
    Area.CONTACTS,
    Area.PEOPLE,
    Area.RECORDS,
    Area.VISITS,
    Area.OPINIONS,
)

_TARGETS = {"item", "request", "visit", "opinion", "contact"}


class DocumentsTab(CaseTab):
    key = "documents"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        self.board = DocumentsScreen([], [])
        self.form: FormDialog | None = None
        self._select_after_load: int | None = None
        self.attacher = Attacher(ctx, self)
        self.attacher.sig_added.connect(self._added)
        self._build()
        ctx.sig_changed.connect(self._on_changed)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        toolbar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search documents…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search documents"))
        self.search.textChanged.connect(lambda text: self.proxy.set_search(text))
        toolbar.addWidget(self.search, 1)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName(tr("Show documents of kind"))
        self.kind_filter.addItem(tr("All kinds"), None)
        for kind in RecordKind:
            self.kind_filter.addItem(kind_label(kind), kind.value)
        self.kind_filter.currentIndexChanged.connect(self._on_kind)
        toolbar.addWidget(self.kind_filter)
        toolbar.addStretch(1)
        self.paste_button = QPushButton(icon("fa5s.paste"), tr("&Paste"), self)
        self.paste_button.setAccessibleName(tr("Add the files or the picture on the clipboard"))
        self.paste_button.setToolTip(tr("Add the files or picture you copied (Ctrl+V)"))
        self.paste_button.clicked.connect(lambda: self.attacher.paste())
        toolbar.addWidget(self.paste_button)
        self.add_button = QPushButton(icon("fa5s.plus"), tr("&Add documents…"), self)
        self.add_button.setAccessibleName(tr("Add documents"))
        self.add_button.setToolTip(tr("Choose files, or drop them on this tab"))
        mark_primary(self.add_button)
        self.add_button.clicked.connect(self.new_item)
        toolbar.addWidget(self.add_button)
        layout.addLayout(toolbar)

        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        empty_add = QPushButton(icon("fa5s.plus"), tr("Add the first document…"))
        empty_add.setAccessibleName(tr("Add the first document"))
        empty_add.clicked.connect(self.new_item)
        self.empty_state = EmptyState(
            icon("fa5s.file-medical"),
            tr(
                "No documents yet. Add your records themselves here (reports, scans, photos "
                "of letters): choose files, drop them on this page, or paste them. They are "
                "kept encrypted in the vault and can go into a visit's packet."
            ),
            [empty_add],
            self.pages,
        )
        self.pages.addWidget(self.empty_state)
        splitter = QSplitter(Qt.Orientation.Horizontal, self.pages)
        splitter.addWidget(self._build_list(splitter))
        self.detail = DocumentDetail(self.ctx, splitter)
        self.detail.sig_link.connect(self.link_current)
        self.detail.sig_unlink.connect(self.unlink_current)
        self.detail.sig_open_link.connect(self._open_link)
        self.viewer = self.detail.viewer
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 760])
        self.pages.addWidget(splitter)

        accept_document_drops(self, self._dropped)
        accept_document_drops(self.detail, self._dropped)
        accept_document_drops(self.table.viewport(), self._dropped)
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(lambda: self.attacher.paste())

    def _build_list(self, parent: QWidget) -> QWidget:
        left = QWidget(parent)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = DocumentsModel(self)
        self.proxy = DocumentsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(left)
        # Tab leaves the list (the arrows move in it) instead of walking its cells.
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(tr("Documents"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # ResizeToContents over thousands of rows measures a sample, not every row.
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.edit_current())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(icon("fa5s.edit"), tr("&Details…"), left)
        self.edit_button.setAccessibleName(tr("Edit the document's details"))
        self.edit_button.clicked.connect(self.edit_current)
        buttons.addWidget(self.edit_button)
        self.delete_button = QPushButton(icon("fa5s.trash-alt"), tr("Delete…"), left)
        self.delete_button.setAccessibleName(tr("Delete the document"))
        self.delete_button.clicked.connect(self.delete_current)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.activated.connect(self.delete_current)
        return left

    # ------------------------------------------------------------------ CaseTab
    def title(self) -> str:
        return tr("Documents")

    def reload(self, select: int | None = None) -> None:
        if select is not None:
            self._select_after_load = select
        self.ctx.ops.query(document_links.documents_screen, owner=self).success(
            self._show_screen
        ).run()

    def _show_screen(self, screen: DocumentsScreen) -> None:
        current = self.current_row()
        keep = self._select_after_load or (current.id if current is not None else None)
        self._select_after_load = None
        self.board = screen
        self.model.set_rows(screen.rows)
        self.pages.setCurrentIndex(1 if screen.rows else 0)
        if (keep is None or not self.select(keep)) and self.proxy.rowCount():
            show_row(self.table, self.proxy.index(0, 0))
        self._selection_changed()
        self.sig_title_changed.emit(self.title())

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return  # this tab reloads after its own changes itself
        if changes.touches(*SHOWN_AREAS):
            self.reload_after(changes)

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        if action == "new":
            self.new_item()
        elif action == "open":
            document_id = kwargs.get("document_id")
            if isinstance(document_id, int) and not self.select(document_id):
                self.reload(select=document_id)
        elif action == "add":
            target, target_id = kwargs.get("target"), kwargs.get("id")
            if target in _TARGETS and isinstance(target_id, int):
                from second_opinion.services.documents import LinkTarget

                self.attacher.choose(LinkRef(LinkTarget(target), target_id))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        self.attacher.choose()

    def release(self) -> None:
        super().release()
        self.detail.show_row(None, None)
        self.board = DocumentsScreen([], [])

    # ------------------------------------------------------------------ selection
    def current_row(self) -> DocumentRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(ROW_ROLE)
        return row if isinstance(row, DocumentRow) else None

    def select(self, document_id: int) -> bool:
        position = self.model.position_of(document_id)
        if position is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if not index.isValid():
            return False
        show_row(self.table, index)
        return True

    def _selection_changed(self, *_args: object) -> None:
        row = self.current_row()
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.detail.show_row(row, self.board)

    def _on_kind(self, _index: int) -> None:
        value = self.kind_filter.currentData()
        self.proxy.set_kind(RecordKind(value) if value is not None else None)

    # ------------------------------------------------------------------ adding
    def _dropped(self, event: QDropEvent) -> None:
        self.attacher.attach_mime(event.mimeData())

    def _added(self, result: AttachResult) -> None:
        ids = [r.id for r in result.added] or [
            d.existing_id for d in result.duplicates if d.existing_id > 0
        ]
        self.reload(select=ids[0] if ids else None)

    # ------------------------------------------------------------------ details and links
    def _form_open(self) -> bool:
        if self.form is not None and self.form.isVisible():
            self.form.raise_()
            self.form.activateWindow()
            return True
        return False

    def _show(self, form: FormDialog, select: int) -> None:
        form.accepted.connect(lambda: self.reload(select=select))
        form.finished.connect(lambda _result: self._forget_form(form))
        self.form = form
        form.open()

    def _forget_form(self, form: FormDialog) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def edit_current(self) -> None:
        row = self.current_row()
        if row is None or self._form_open():
            return
        document_id = row.id

        def submit(details: DocumentDetails) -> Pending[DocumentRow]:
            return self.ctx.ops.change(
                lambda case: documents.update_document(case, document_id, details),
                owner=self,
                title=tr("Document details"),
            )

        def open_form(sources: list[tuple[int, str]]) -> None:
            if not self._form_open():
                self._show(DocumentForm(row, sources, submit, self), document_id)

        self.ctx.ops.query(documents.document_sources, owner=self).success(open_form).run()

    def link_current(self) -> None:
        row = self.current_row()
        if row is None or self._form_open():
            return
        document_id = row.id

        def submit(ref: LinkRef) -> Pending[object]:
            return self.ctx.ops.change(
                lambda case: documents.link_document(case, document_id, ref),
                owner=self,
                title=tr("Link a document"),
            )

        def open_picker(choices: list[LinkChoice]) -> None:
            if not self._form_open():
                self._show(LinkPicker(row.title, choices, row.links, submit, self), document_id)

        self.ctx.ops.query(document_links.link_choices, owner=self).success(open_picker).run()

    def unlink_current(self, ref: LinkRef) -> None:
        row = self.current_row()
        if row is None:
            return
        document_id = row.id
        self.ctx.ops.change(
            lambda case: documents.unlink_document(case, document_id, ref),
            owner=self,
            title=tr("Remove link"),
        ).success(lambda _none: self.reload(select=document_id)).failure(self._refused).run()

    def _open_link(self, ref: LinkRef) -> None:
        from second_opinion.services.documents import LinkTarget

        targets = {
            LinkTarget.REQUEST: ("records.open_request", "request_id"),
            LinkTarget.VISIT: ("visits.open", "visit_id"),
            LinkTarget.OPINION: ("opinions.open", "opinion_id"),
            LinkTarget.CONTACT: ("contacts.open", "contact_id"),
        }
        if ref.target in targets:
            where, name = targets[ref.target]
            self.navigator.navigate(where, **{name: ref.id})

    # ------------------------------------------------------------------ deleting
    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        document_id = row.id
        self.ctx.ops.query(
            lambda case: documents.document_row(case, document_id), owner=self
        ).success(self._confirm_delete).failure(self._refused).run()

    def _confirm_delete(self, row: DocumentRow) -> None:
        title = tr("Delete document")
        text = tr(
            "Delete “{title}” ({size}) and its content from the vault? Its links go too. "
            "This cannot be undone."
        ).format(title=row.title, size=size_text(row.byte_size))
        if not prompts.ask_confirm(self, title, text, tr("Delete")):
            return
        self.ctx.ops.change(
            lambda case: documents.detach_document(case, row.id), owner=self, title=title
        ).success(lambda _row: self._deleted(row)).failure(self._refused).run()

    def _deleted(self, row: DocumentRow) -> None:
        self.ctx.sig_status.emit(tr("Deleted “{title}”.").format(title=row.title))
        self.reload()

    def _refused(self, exc: ServiceError) -> None:
        if not isinstance(exc, NotFound):
            prompts.show_error(self, tr("Documents"), service_error_text(exc))
        self.reload()
