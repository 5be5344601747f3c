"""Deleting a contact: ask what refers to it, confirm naming it, then delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QObject

from second_opinion.case import contacts as case_contacts
from second_opinion.services.contacts import ContactReferences, ContactRow
from second_opinion.services.errors import NotFound, ServiceError
from second_opinion.ui import prompts
from second_opinion.ui.contacts.texts import count_words
from second_opinion.ui.ops import service_error_text

if TYPE_CHECKING:
    from second_opinion.ui.tabs.contacts_tab import ContactsTab


class ContactDeletion(QObject):
    def __init__(self, tab: ContactsTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.ctx = tab.ctx

    def delete_current(self) -> None:
        row = self.tab.current_row()
        if row is None:
            return
        title = self.tr("Delete contact")
        self.ctx.ops.query(
            lambda case: case_contacts.references(case, row.id), owner=self.tab, title=title
        ).success(lambda refs: self._confirm_delete(row, refs)).failure(
            lambda _exc: self.tab.reload()
        ).run()

    def _confirm_delete(self, row: ContactRow, refs: ContactReferences) -> None:
        title = self.tr("Delete contact")
        if refs.blocking:
            prompts.show_error(
                self.tab,
                title,
                self.tr(
                    "{name} cannot be deleted: {what} still refer to this contact. "
                    "Change or delete those first."
                ).format(name=row.name, what=count_words(refs.blocking)),
            )
            return
        if refs.unlinkable:
            question = self.tr("Delete {name} and unlink {what}?").format(
                name=row.name, what=count_words(refs.unlinkable)
            )
        else:
            question = self.tr("Delete {name}? This cannot be undone.").format(name=row.name)
        if not prompts.ask_confirm(self.tab, title, question, self.tr("Delete")):
            return
        self.ctx.ops.change(
            lambda case: case_contacts.delete_contact(case, row.id), owner=self.tab, title=title
        ).success(lambda _unlinked: self._show_deleted(row.id)).failure(
            lambda exc: self._delete_refused(exc, title)
        ).run()

    def _delete_refused(self, exc: ServiceError, title: str) -> None:
        if isinstance(exc, NotFound):
            self.tab.reload()
            return
        prompts.show_error(self.tab, title, service_error_text(exc))

    def _show_deleted(self, contact_id: int) -> None:
        position = self.tab.proxy.mapFromSource(
            self.tab.model.index(self.tab.model.position_of(contact_id) or 0, 0)
        ).row()
        self.tab.model.remove(contact_id)
        self.tab.show_page()
        if self.tab.proxy.rowCount():
            next_index = self.tab.proxy.index(
                min(max(position, 0), self.tab.proxy.rowCount() - 1), 0
            )
            self.tab.table.selectionModel().setCurrentIndex(
                next_index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.ctx.sig_status.emit(self.tr("Contact deleted"))
        # The verdicts of others may change with a first-opinion doctor gone.
        self.ctx.ops.query(case_contacts.independence_findings, owner=self.tab).success(
            self.tab.show_findings
        ).run()

    # ---------------------------------------------------------------- clipboard
