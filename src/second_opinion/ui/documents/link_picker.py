"""A small dialog to link a document to a record, request, visit, opinion or contact."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QWidget

from second_opinion.case.document_links import LinkChoice
from second_opinion.services.documents import LinkRef, LinkTarget
from second_opinion.services.errors import ValidationError
from second_opinion.ui.documents.texts import choice_text, target_text, tr
from second_opinion.ui.form_base import FormDialog

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
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Things to link to"))
        for choice in choices:
            if choice.ref in already:
                continue
            item = QListWidgetItem(choice_text(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice.ref)
            self.list.addItem(item)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.add_field("target", self.list, tr("&Link to:"))
        if self.list.count():
            self.list.setCurrentRow(0)
        self.search.setFocus()

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        target = self.kind.currentData()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            ref: LinkRef = item.data(Qt.ItemDataRole.UserRole)
            text = item.text().casefold()
            shown = (target is None or ref.target.value == target) and all(w in text for w in words)
            item.setHidden(not shown)
            if shown and first is None:
                first = row
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first is not None:
            self.list.setCurrentRow(first)

    def choose(self, ref: LinkRef) -> bool:
        """Select ``ref`` in the list (for callers that know what to link)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == ref:
                item.setHidden(False)
                self.list.setCurrentRow(row)
                return True
        return False

    def collect(self) -> LinkRef:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            raise ValidationError("Choose what to link the document to.", field="target")
        ref: LinkRef = item.data(Qt.ItemDataRole.UserRole)
        return ref

    def submit(self, data: LinkRef) -> Pending[object]:
        return self._submit(data)
