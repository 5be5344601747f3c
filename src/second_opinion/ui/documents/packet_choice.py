"""Which documents go into a visit packet: a checkable list, for the packet dialog.

Self-contained: the dialog creates it, calls ``load(visit_id)`` whenever the visit changes,
and reads ``chosen_ids()`` when it builds the packet. By default the documents linked to the
visit and to the requests for its doctor (and their record items) are ticked; every other
document of the person is listed unticked. A document that cannot be shown can be ticked: the
packet then has its separator page saying it was left out.

Hook for the packet dialog (ui/export_actions.py)::

    self.documents = PacketDocumentsChoice(ctx, self)
    self.form.addRow(self.tr("Documents:"), self.documents)
    self.documents.load(visit_id)          # and again when the chosen visit changes
    ...
    ids = self.documents.chosen_ids()      # on the GUI thread, when Save/Print is pressed
    # then, in the background work (off the GUI thread):
    enclosed = case_documents.packet_documents(case, visit_id, chosen=ids)
    pdf = render_packet_with_documents(data, enclosed)
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from second_opinion.case import document_links
from second_opinion.case.document_links import PacketCandidates
from second_opinion.services.documents import DocumentRow
from second_opinion.ui.check_list_model import CheckListModel
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import format_date
from second_opinion.ui.documents.texts import kind_label, tr
from second_opinion.ui.table_model import Column


def candidate_text(row: DocumentRow) -> str:
    parts = [row.title, kind_label(row.kind)]
    if row.dated_on is not None:
        parts.append(format_date(row.dated_on))
    if not row.viewable:
        parts.append(tr("cannot be shown: a page says it was left out"))
    elif row.pages:
        parts.append(tr("1 page") if row.pages == 1 else tr("{n} pages").format(n=row.pages))
    return " · ".join(parts)


class PacketDocumentsModel(CheckListModel[DocumentRow]):
    """The candidates, each with a check box. Signal ``sig_checked()`` on every tick."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            # No header: a list view shows none.
            [Column("", candidate_text, tooltip=lambda r: r.original_name)],
            row_id=lambda r: r.id,
            parent=parent,
        )
        self._default: frozenset[int] = frozenset()

    def set_candidates(self, candidates: PacketCandidates) -> None:
        self._default = candidates.default_ids
        # The ticked ones first, in the packet's order (by date), then the others.
        rows = sorted(
            candidates.rows,
            key=lambda r: (
                r.id not in candidates.default_ids,
                r.dated_on is None,
                r.dated_on,
                r.id,
            ),
        )
        self.set_rows(rows, checked=candidates.default_ids)

    def clear(self) -> None:
        self.set_candidates(PacketCandidates([], frozenset()))

    def tick(self, checked: bool | None) -> None:
        """Tick every one (True), none (False), or the defaults again (None)."""
        if checked is None:
            self.set_all(True, only=self._default)
        else:
            self.set_all(checked)

    def chosen_ids(self) -> list[int]:
        return [r.id for r in self.checked_rows()]

    def chosen_pages(self) -> int:
        return sum(r.pages for r in self.checked_rows() if r.viewable)


class PacketDocumentsChoice(QWidget):
    """The documents list of the packet dialog. Signal ``sig_changed()`` when the choice does."""

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id: int | None = None
        self._loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = PacketDocumentsModel(self)
        self.model.sig_checked.connect(self._changed)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Documents to put in the packet"))
        self.view.setMinimumHeight(110)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setAccessibleName(tr("Documents chosen"))
        row.addWidget(self.summary, 1)
        for text, name, value in (
            (tr("Linked"), tr("Tick the documents linked to this visit"), None),
            (tr("All"), tr("Tick every document"), True),
            (tr("None"), tr("Tick no document"), False),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _c=False, v=value: self.model.tick(v))
            row.addWidget(button)
        layout.addLayout(row)
        self._changed()

    @property
    def loaded(self) -> bool:
        """Whether the candidates of the current visit are in (``chosen_ids`` means them)."""
        return self._loaded

    def load(self, visit_id: int) -> None:
        self.visit_id = visit_id
        self._loaded = False
        self.model.clear()
        self.summary.setText(tr("Finding the documents…"))
        self.ctx.ops.query(
            lambda case: document_links.packet_candidates(case, visit_id), owner=self
        ).success(lambda candidates: self._show(visit_id, candidates)).failure(
            lambda _exc: self._show(visit_id, PacketCandidates([], frozenset()))
        ).run()

    def _show(self, visit_id: int, candidates: PacketCandidates) -> None:
        if visit_id != self.visit_id:
            return  # another visit was chosen meanwhile
        self.model.set_candidates(candidates)
        self._loaded = True
        self._changed()

    def chosen_ids(self) -> list[int]:
        return self.model.chosen_ids()

    def _changed(self) -> None:
        ids = self.model.chosen_ids()
        if not self.model.rowCount():
            self.summary.setText(tr("No documents yet (add them in the Documents tab)."))
        elif not ids:
            self.summary.setText(tr("No document goes in the packet."))
        else:
            self.summary.setText(
                tr("{count} of {total} documents go in ({pages} pages).").format(
                    count=len(ids), total=self.model.rowCount(), pages=self.model.chosen_pages()
                )
            )
        self.sig_changed.emit()
