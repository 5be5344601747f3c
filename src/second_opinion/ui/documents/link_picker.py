"""A small dialog to link a document to a record, request, visit, opinion or contact."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit, QListView, QWidget

from second_opinion.case.document_links import LinkChoice
from second_opinion.services.documents import LinkRef, LinkTarget
from second_opinion.services.errors import ValidationError
from second_opinion.ui.documents.texts import choice_text, target_text, tr
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.search_proxy import SearchFilterProxy, show_row
from second_opinion.ui.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending


class LinkPicker(FormDialog):
    """Choose what ``title`` belongs with; Save links it (``submit(ref)``)."""

    def __init__(
        self,
        document_title: str,
        choices: list[LinkChoice],
        already: tuple[LinkRef, ...],
        submit: Callable[[LinkRef], Pending[object]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Link “{title}”").format(title=document_title[:60]), parent)
        self._submit = submit
        self._confirm_discard = False  # a choice, not typing: nothing to lose
        self.setMinimumSize(460, 420)
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("What to link to"))
        self.kind.addItem(tr("Anything"), None)
        for target in LinkTarget:
            self.kind.addItem(target_text(target), target.value)
        self.kind.currentIndexChanged.connect(self._filter)
        self.add_field("kind", self.kind, tr("&Show:"))
        self.search = QLineEdit()
        self.search.setAccessibleName(tr("Search what to link to"))
        self.search.setPlaceholderText(tr("Type to narrow the list"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.add_field("search", self.search, tr("S&earch:"))
        # No header: a list view shows none.
        self.model: RowTableModel[LinkChoice] = RowTableModel(
            [Column("", choice_text)], row_id=lambda c: c.ref, parent=self
        )
        self.model.set_rows([c for c in choices if c.ref not in already])
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setAccessibleName(tr("Things to link to"))
        self.list.activated.connect(lambda _index: self.accept())
        self.add_field("target", self.list, tr("&Link to:"))
        self._select_first()
        self.search.setFocus()

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            show_row(self.list, self.proxy.index(0, 0))

    def _current(self) -> LinkRef | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        choice: LinkChoice = self.model.row_at(self.proxy.mapToSource(index).row())
        return choice.ref

    def _filter(self) -> None:
        before = self._current()
        target = self.kind.currentData()
        self.proxy.set_predicate(
            "kind",
            None if target is None else lambda choice: choice.ref.target.value == target,
        )
        self.proxy.set_search(self.search.text())
        # The chosen one stays chosen while it is listed; else the first listed is.
        if before is None or before != self._current():
            self._select_first()

    def choose(self, ref: LinkRef) -> bool:
        """Select ``ref`` in the list (for callers that know what to link); a filter that
        hides it is cleared."""
        position = self.model.position_of(ref)
        if position is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if not index.isValid():
            self.kind.setCurrentIndex(0)
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(position, 0))
        show_row(self.list, index)
        return True

    def collect(self) -> LinkRef:
        ref = self._current()
        if ref is None:
            raise ValidationError("Choose what to link the document to.", field="target")
        return ref

    def submit(self, data: LinkRef) -> Pending[object]:
        return self._submit(data)
