"""vCard import and export for the contacts tab: files read and written on the worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from second_opinion.case import contacts as case_contacts
from second_opinion.services import vcard as vcard_service
from second_opinion.ui import prompts
from second_opinion.ui.contacts.texts import plural
from second_opinion.ui.ops import service_text
from second_opinion.ui.table_model import ROW_ROLE

if TYPE_CHECKING:
    from second_opinion.ui.tabs.contacts_tab import ContactsTab


class VCardActions(QObject):
    """Import from and export to vCard files, for one contacts tab."""

    def __init__(self, tab: ContactsTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.ctx = tab.ctx

    def import_vcard(self) -> None:
        title = self.tr("Import contacts")
        path = prompts.ask_open_path(
            self.tab, title, self.tr("vCard files (*.vcf *.vcard);;All files (*)")
        )
        if path is None:
            return
        self.ctx.ops.change(
            lambda case: case_contacts.import_vcard_file(case, path), owner=self.tab, title=title
        ).success(self._show_imported).run()

    def _show_imported(self, summary: vcard_service.ImportSummary) -> None:
        title = self.tr("Import contacts")
        self.tab.reload(select=summary.imported[0] if summary.imported else None)
        lines = [
            plural(
                summary.imported_count,
                self.tr("Imported 1 contact."),
                self.tr("Imported {n} contacts."),
            )
        ]
        if summary.skipped:
            lines.append(
                plural(
                    len(summary.skipped), self.tr("Skipped 1 card:"), self.tr("Skipped {n} cards:")
                )
            )
            lines += [self._card_line(s) for s in summary.skipped[:20]]
            if len(summary.skipped) > 20:
                lines.append(self.tr("…and {n} more.").format(n=len(summary.skipped) - 20))
        if summary.warnings:
            lines.append(self.tr("Imported with a change:"))
            lines += [self._card_line(s) for s in summary.warnings[:20]]
        prompts.show_info(self.tab, title, "\n".join(lines))

    def _card_line(self, card: vcard_service.SkippedCard) -> str:
        who = card.name or self.tr("card {0}").format(card.number)
        return f"• {who}: {service_text(card.reason)}"

    def export_vcard(self) -> None:
        title = self.tr("Export contacts")
        rows = [self.tab.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.tab.proxy.rowCount())]
        if not rows:
            prompts.show_info(self.tab, title, self.tr("There are no contacts to export."))
            return
        path = prompts.ask_save_path(
            self.tab, title, "contacts.vcf", self.tr("vCard files (*.vcf)")
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".vcf")
        self.ctx.ops.query(
            lambda _case: case_contacts.export_vcard_file(path, rows), owner=self.tab, title=title
        ).success(
            lambda count: prompts.show_info(
                self.tab,
                title,
                plural(count, self.tr("Exported 1 contact."), self.tr("Exported {n} contacts.")),
            )
        ).run()
