"""Doctors & contacts: everyone in the case, searchable by name, organization or any number.

One ``RowTableModel`` over ``ContactRow``s under a ``SearchFilterProxy`` (sorting and filtering
stay instant with 10 000 contacts); the role filter is a proxy predicate. Everything it shows
comes from the case layer (``case.contacts``) through the operations runner. Second-opinion
doctors who share an organization or health system with the first-opinion doctor carry a
warning icon and the words "May not be independent" in their row.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import contacts as case_contacts
from second_opinion.case.changes import Area, Changes
from second_opinion.case.contacts import ContactSaved, ContactsBoard
from second_opinion.domain.enums import ContactKind, ContactRole
from second_opinion.services import labels
from second_opinion.services.contacts import ContactData, ContactRow
from second_opinion.services.independence import IndependenceFinding
from second_opinion.ui import clipboard, icons, palette
from second_opinion.ui.column_widths import ProportionalColumns
from second_opinion.ui.contact_form import ContactForm, independence_reason, label_of
from second_opinion.ui.contacts.deleting import ContactDeletion
from second_opinion.ui.contacts.texts import details_text, search_text, search_words
from second_opinion.ui.contacts.vcards import VCardActions
from second_opinion.ui.context import AppContext
from second_opinion.ui.empty_state import EmptyState
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.focus_frame import mark_primary
from second_opinion.ui.ops import Pending
from second_opinion.ui.search_proxy import SearchFilterProxy, show_row
from second_opinion.ui.table_model import ROW_ROLE, Column, RowTableModel
from second_opinion.ui.tabs.base import CaseTab, Navigator

log = logging.getLogger(__name__)

_ROLE_ORDER = {role: n for n, role in enumerate(ContactRole)}

COL_NAME, COL_ROLE, COL_SPECIALTY, COL_ORG, COL_PHONE, COL_FAX, COL_CHECK = range(7)


class ContactsTab(CaseTab):
    key = "contacts"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        self._findings: dict[int, list[IndependenceFinding]] = {}
        # Asked for on every paint and for every search text: translate each label once.
        self._role_labels = {role: label_of(labels.CONTACT_ROLE, role) for role in ContactRole}
        self._not_independent = self.tr("May not be independent")
        self.form: ContactForm | None = None

        self.model: RowTableModel[ContactRow] = RowTableModel(
            self._columns(),
            row_id=lambda r: r.id,
            search_text=lambda r: search_text(r, self._role_labels[r.role]),
            parent=self,
        )
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        # ---- toolbar
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Search doctors, organizations, specialties, numbers…")
        )
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)

        self.role_filter = QComboBox(self)
        self.role_filter.setAccessibleName(self.tr("Show contacts with this role"))
        self.role_filter.addItem(self.tr("All roles"), None)
        self.role_filter.addItem(self.tr("All doctors"), "doctors")
        for role in ContactRole:
            self.role_filter.addItem(label_of(labels.CONTACT_ROLE, role), role)
        self.role_filter.currentIndexChanged.connect(self._on_role_filter)

        self.copy_button = QPushButton(self._icon("fa5s.copy"), self.tr("Copy details"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the contact's details"))
        self.copy_button.setToolTip(
            self.tr("Copies name, numbers and addresses; the clipboard is cleared after 30 s.")
        )
        self.copy_button.clicked.connect(self.copy_details)

        self.more_button = QToolButton(self)
        self.more_button.setText(self.tr("vCard"))
        self.more_button.setIcon(self._icon("fa5s.address-card"))
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setAccessibleName(self.tr("Import or export vCards"))
        menu = QMenu(self.more_button)
        self.vcards = VCardActions(self)
        self.deleting = ContactDeletion(self)
        self.act_import = menu.addAction(self.tr("Import from vCard…"), self.vcards.import_vcard)
        self.act_export = menu.addAction(self.tr("Export as vCard…"), self.vcards.export_vcard)
        self.more_button.setMenu(menu)

        self.edit_button = QPushButton(self._icon("fa5s.pen"), self.tr("Edit"), self)
        self.edit_button.setAccessibleName(self.tr("Edit the contact"))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(self._icon("fa5s.trash-alt"), self.tr("Delete"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the contact"))
        self.delete_button.clicked.connect(self.delete_current)

        self.add_button = QPushButton(self._icon("fa5s.user-plus"), self.tr("Add contact"), self)
        self.add_button.setAccessibleName(self.tr("Add contact"))
        mark_primary(self.add_button)
        self.add_button.clicked.connect(lambda: self.open_new())

        # One line when it fits; with long words the buttons wrap to a second line and the
        # search field takes the room its line has left.
        bar = FlowLayout()
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 20)
        bar.addWidget(self.search)
        bar.addWidget(self.role_filter)
        for button in (self.edit_button, self.delete_button, self.copy_button, self.more_button):
            bar.addWidget(button)
        bar.addWidget(self.add_button)

        # ---- table
        self.table = QTableView(self)
        # Tab leaves the list (the arrows move in it) instead of walking its cells.
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Contacts"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # name, role, specialty, organization, phone, fax, independence
        self.columns = ProportionalColumns(
            self.table, (18, 16, 12, 18, 11, 11, 12), (130, 170, 80, 100, 125, 125, 150)
        )
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Return), self.edit_current),
            (QKeySequence(Qt.Key.Key_Enter), self.edit_current),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_current),
            (QKeySequence(QKeySequence.StandardKey.Copy), self.copy_details),
        ):
            shortcut = QShortcut(keys, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self.no_match = QLabel(self.tr("No contact matches this search or filter."), self)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.hide()
        self.proxy.rowsInserted.connect(self._update_no_match)
        self.proxy.rowsRemoved.connect(self._update_no_match)
        self.proxy.modelReset.connect(self._update_no_match)
        self.proxy.layoutChanged.connect(self._update_no_match)

        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.no_match)

        # ---- designed empty state
        self.empty_add = QPushButton(
            self._icon("fa5s.user-plus"), self.tr("Add the first-opinion doctor")
        )
        self.empty_add.setAccessibleName(self.tr("Add the first-opinion doctor"))
        self.empty_add.clicked.connect(lambda: self.open_new(ContactRole.FIRST_OPINION))
        self.empty_import = QPushButton(self.tr("Import from a vCard file…"))
        self.empty_import.setAccessibleName(self.tr("Import contacts from a vCard file"))
        self.empty_import.clicked.connect(self.vcards.import_vcard)
        empty_page = EmptyState(
            self._icon("fa5s.user-md"),
            self.tr("No doctors yet. Add the doctor who gave your first opinion."),
            [self.empty_add, self.empty_import],
            self,
        )
        self.empty_text = empty_page.text

        self.pages = QStackedWidget(self)
        self.pages.addWidget(empty_page)
        self.pages.addWidget(list_page)
        self.empty_page, self.list_page = empty_page, list_page
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        # Keyboard order follows the screen, left to right, then into the table.
        chain = [
            self.search,
            self.role_filter,
            self.edit_button,
            self.delete_button,
            self.copy_button,
            self.more_button,
            self.add_button,
            self.table,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        ctx.sig_changed.connect(self._on_changed)
        self._update_buttons()

    # ---------------------------------------------------------------- columns
    def _icon(self, name: str) -> QIcon:
        # Plain icons take the palette's text color, so they stay visible in dark mode.
        return icons.icon(name, self.palette().color(QPalette.ColorRole.WindowText).name())

    def _cell_icon(self, name: str, color: str | None = None) -> QIcon:
        color = color or self.palette().color(QPalette.ColorRole.WindowText).name()
        return icons.cell_icon(name, color)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "table"):
            # Plain icons follow the text color (dark mode): the cache is keyed by color, so
            # a repaint picks the icons of the new color.
            self.table.viewport().update()
        super().changeEvent(event)

    def _columns(self) -> list[Column[ContactRow]]:
        def role_text(row: ContactRow) -> str:
            return self._role_labels[row.role]

        def name_icon(row: ContactRow) -> QIcon:
            if row.kind == ContactKind.ORGANIZATION:
                return self._cell_icon("fa5s.building")
            return self._cell_icon("fa5s.user-md" if row.role.is_doctor else "fa5s.user")

        return [
            Column(self.tr("Name"), lambda r: r.name, icon=name_icon, tooltip=lambda r: r.name),
            Column(
                self.tr("Role in this case"),
                role_text,
                sort_key=lambda r: (_ROLE_ORDER[r.role], r.name.casefold()),
            ),
            Column(self.tr("Specialty"), lambda r: r.specialty, tooltip=lambda r: r.specialty),
            Column(
                self.tr("Organization"),
                lambda r: r.organization,
                tooltip=lambda r: (
                    self.tr("Health system: {0}").format(r.health_system) if r.health_system else ""
                ),
            ),
            Column(self.tr("Phone"), lambda r: r.phone, sort_key=lambda r: r.phone_digits),
            Column(self.tr("Fax"), lambda r: r.fax, sort_key=lambda r: r.fax_digits),
            Column(
                self.tr("Independence"),
                lambda r: self._not_independent if r.id in self._findings else "",
                sort_key=lambda r: (0 if r.id in self._findings else 1, r.name.casefold()),
                icon=lambda r: (
                    self._cell_icon("fa5s.exclamation-triangle", palette.accent(palette.WARN))
                    if r.id in self._findings
                    else None
                ),
                tooltip=lambda r: "\n".join(
                    independence_reason(f) for f in self._findings.get(r.id, [])
                ),
            ),
        ]

    # ---------------------------------------------------------------- CaseTab
    def title(self) -> str:
        return self.tr("Doctors & contacts")

    def reload(self, select: int | None = None) -> None:
        """Load the board; then select ``select`` (clearing filters to show it) or keep the
        current selection."""
        self.ctx.ops.query(case_contacts.contacts_board, owner=self).success(
            lambda board: self._show_board(board, select)
        ).run()

    def _show_board(self, board: ContactsBoard, select: int | None) -> None:
        selected = self.current_id()
        self._findings = board.findings
        self.model.set_rows(board.rows)
        self.show_page()
        if select is not None:
            self.select(select, clear_filters=True)
        elif selected is not None:
            self.select(selected)
        log.debug("contacts tab loaded %d rows", len(board.rows))

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        if action == "new":
            role = kwargs.get("role")
            self.open_new(ContactRole(role) if role else None)
        elif action == "open":
            contact_id = kwargs.get("contact_id")
            if isinstance(contact_id, int) and self.select(contact_id, clear_filters=True):
                self.edit_current()
        elif action == "select":  # the finder: show the row, open nothing
            contact_id = kwargs.get("contact_id")
            if isinstance(contact_id, int) and not self.select(contact_id, clear_filters=True):
                self.reload(select=contact_id)
        elif action == "export_vcard":
            self.vcards.export_vcard()
        elif action == "import_vcard":
            self.vcards.import_vcard()

    def focus_search(self) -> None:
        if self.pages.currentWidget() is self.list_page:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()

    def new_item(self) -> None:
        self.open_new()

    # ---------------------------------------------------------------- selection
    def current_row(self) -> ContactRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return self.row_for(index)

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.id if row else None

    def select(self, contact_id: int, clear_filters: bool = False) -> bool:
        position = self.model.position_of(contact_id)
        if position is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(position, 0))
        if not proxy_index.isValid() and clear_filters:
            self.search.clear()
            self.role_filter.setCurrentIndex(0)
            proxy_index = self.proxy.mapFromSource(self.model.index(position, 0))
        if not proxy_index.isValid():
            return False
        show_row(self.table, proxy_index)
        return True

    def _update_buttons(self, *_args: object) -> None:
        has = self.current_row() is not None
        for button in (self.edit_button, self.delete_button, self.copy_button):
            button.setEnabled(has)
        self.act_export.setEnabled(self.model.rowCount() > 0)

    def show_page(self) -> None:
        empty = self.model.rowCount() == 0
        self.pages.setCurrentWidget(self.empty_page if empty else self.list_page)
        self._update_no_match()
        self._update_buttons()

    def _update_no_match(self, *_args: object) -> None:
        self.no_match.setVisible(self.model.rowCount() > 0 and self.proxy.rowCount() == 0)

    # ---------------------------------------------------------------- filters
    def _on_search(self, text: str) -> None:
        self.proxy.set_search(search_words(text))

    def _on_role_filter(self, _index: int) -> None:
        choice = self.role_filter.currentData()
        if choice is None:
            self.proxy.set_predicate("role", None)
        elif choice == "doctors":
            self.proxy.set_predicate("role", lambda row: row.role.is_doctor)
        else:
            role = ContactRole(choice)
            self.proxy.set_predicate("role", lambda row: row.role == role)

    # ---------------------------------------------------------------- add / edit
    def open_new(self, role: ContactRole | None = None) -> ContactForm:
        if role is None:
            # The first doctor people add is the one who gave the first opinion; after that,
            # most additions are doctors they are considering for the second.
            has_first = any(r.role == ContactRole.FIRST_OPINION for r in self.model.rows())
            role = ContactRole.SECOND_OPINION_CANDIDATE if has_first else ContactRole.FIRST_OPINION
        return self._open_form(None, role)

    def edit_current(self) -> ContactForm | None:
        row = self.current_row()
        if row is None:
            return None
        return self._open_form(row, None)

    def _open_form(self, existing: ContactRow | None, role: ContactRole | None) -> ContactForm:
        if self.form is not None and self.form.isVisible():
            # Never throw away what is being typed: bring the open form forward instead.
            self.form.raise_()
            self.form.activateWindow()
            return self.form

        contact_id = existing.id if existing is not None else None

        def submit(data: ContactData) -> Pending[ContactSaved]:
            shown = self._findings
            return self.ctx.ops.change(
                lambda case: case_contacts.save_contact(case, data, contact_id, shown),
                owner=self,
                title=self.tr("Save contact"),
            )

        form = ContactForm(submit, self.model.rows(), existing, role, self)
        form.accepted.connect(lambda: self._after_save(form))
        form.finished.connect(lambda _result: self._forget_form(form))
        self.form = form
        form.open()
        return form

    def _forget_form(self, form: ContactForm) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def _after_save(self, form: ContactForm) -> None:
        saved = form.saved
        if saved is None:
            return
        self.model.upsert(saved.row)
        self.show_findings(saved.findings, saved.row.id, saved)
        self.show_page()
        self.select(saved.row.id, clear_filters=True)
        self.ctx.sig_status.emit(self.tr("Contact saved"))

    def show_findings(
        self,
        findings: dict[int, list[IndependenceFinding]],
        exclude: int | None = None,
        saved: ContactSaved | None = None,
    ) -> None:
        """Take new independence verdicts; a changed first-opinion doctor changes other rows."""
        before, self._findings = self._findings, findings
        changed = case_contacts.changed_findings(before, findings, known=saved)
        self._refresh_check_column(set(changed) - {exclude})

    def _refresh_check_column(self, contact_ids: set[int]) -> None:
        """Show new independence verdicts on rows that did not change themselves.

        Saving a first-opinion doctor can change the verdict on hundreds of rows; one signal
        over their range (and one re-sort if the list is sorted by the verdict) replaces a
        search and a re-sort of the whole list per row.
        """
        if not contact_ids:
            return
        positions = [n for n, row in enumerate(self.model.rows()) if row.id in contact_ids]
        if positions:
            self.model.dataChanged.emit(
                self.model.index(min(positions), COL_CHECK),
                self.model.index(max(positions), COL_CHECK),
            )
        column, order = self.model.sort_state()
        if column == COL_CHECK:
            self.model.sort(column, order)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return  # this tab already shows its own change
        if changes.touches(Area.CONTACTS, Area.PEOPLE):
            self.reload()

    # ---------------------------------------------------------------- delete
    def delete_current(self) -> None:
        self.deleting.delete_current()

    def copy_details(self) -> None:
        row = self.current_row()
        if row is None:
            return
        clipboard.copy_concealed(details_text(row))
        self.ctx.sig_status.emit(self.tr("Details copied; the clipboard is cleared in 30 seconds"))

    # ---------------------------------------------------------------- misc
    def row_for(self, index: QModelIndex) -> ContactRow | None:
        row = index.data(ROW_ROLE)
        return row if isinstance(row, ContactRow) else None

    # vCard import and export live in ui/contacts/vcards.py; these keep the tab's own API.
    def import_vcard(self) -> None:
        self.vcards.import_vcard()

    def export_vcard(self) -> None:
        self.vcards.export_vcard()
