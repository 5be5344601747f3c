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

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from second_opinion.case import document_links
from second_opinion.case.document_links import PacketCandidates
from second_opinion.services.documents import DocumentRow
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import format_date
from second_opinion.ui.documents.texts import kind_label, tr

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def candidate_text(row: DocumentRow) -> str:
    parts = [row.title, kind_label(row.kind)]
    if row.dated_on is not None:
        parts.append(format_date(row.dated_on))
    if not row.viewable:
        parts.append(tr("cannot be shown: a page says it was left out"))
    elif row.pages:
        parts.append(tr("1 page") if row.pages == 1 else tr("{n} pages").format(n=row.pages))
    return " · ".join(parts)


class PacketDocumentsModel(QAbstractListModel):
    """The candidates, each with a check box. Signal ``sig_checked()`` on every tick."""

    sig_checked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentRow] = []
        self._checked: set[int] = set()
        self._default: frozenset[int] = frozenset()

    def set_candidates(self, candidates: PacketCandidates) -> None:
        self.beginResetModel()
        # The ticked ones first, in the packet's order (by date), then the others.
        self._rows = sorted(
            candidates.rows,
            key=lambda r: (
                r.id not in candidates.default_ids,
                r.dated_on is None,
                r.dated_on,
                r.id,
            ),
        )
        self._default = candidates.default_ids
        self._checked = set(candidates.default_ids)
        self.endResetModel()
        self.sig_checked.emit()

    def clear(self) -> None:
        self.set_candidates(PacketCandidates([], frozenset()))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return candidate_text(row)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.original_name
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._rows):
            return False
        document_id = self._rows[index.row()].id
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self._checked.add(document_id)
        else:
            self._checked.discard(document_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.sig_checked.emit()
        return True

    def set_all(self, checked: bool | None) -> None:
        """Tick every one (True), none (False), or the defaults again (None)."""
        if checked is None:
            self._checked = set(self._default)
        else:
            self._checked = {r.id for r in self._rows} if checked else set()
        if self._rows:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.CheckStateRole]
            )
        self.sig_checked.emit()

    def chosen_ids(self) -> list[int]:
        return [r.id for r in self._rows if r.id in self._checked]

    def chosen_pages(self) -> int:
        return sum(r.pages for r in self._rows if r.id in self._checked and r.viewable)


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
            button.clicked.connect(lambda _c=False, v=value: self.model.set_all(v))
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
