"""The person switcher: whose case the window shows, and adding, renaming, deleting people.

Every read and change runs through the operations runner (``case.people``); the list shown
first after unlocking is read with plain SQL by the start-up code and handed to ``fill``.
``case.people`` loads the ORM, so it is imported where it is used, never on the way to the
first screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from second_opinion.case.changes import Area, Changes
from second_opinion.ui import prompts
from second_opinion.ui.icons import icon

if TYPE_CHECKING:
    from collections.abc import Sequence

    from second_opinion.case.people import PersonDeleted
    from second_opinion.services.first_screen import PersonName
    from second_opinion.services.people import PersonFootprint, PersonRow
    from second_opinion.ui.context import AppContext


class PersonSwitcher(QObject):
    """The "whose case" combo box and the actions on people, for one window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.ctx: AppContext | None = None
        self.label = QLabel(self.tr("Whose case:"), parent)
        self.label.setContentsMargins(6, 0, 6, 0)
        self.combo = QComboBox(parent)
        self.combo.setAccessibleName(self.tr("Whose case"))
        self.combo.setToolTip(
            self.tr("Whose case is shown. Each person has their own records, visits and guide.")
        )
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.currentIndexChanged.connect(self._picked)
        self.label.setBuddy(self.combo)

    # ---------------------------------------------------------------- attaching
    def attach(self, ctx: AppContext, people: Sequence[PersonName | PersonRow]) -> None:
        self.ctx = ctx
        ctx.sig_changed.connect(self._on_changed)
        self.fill(people, ctx.person_id)

    def detach(self) -> None:
        self.ctx = None
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.blockSignals(False)

    def fill(self, people: Sequence[PersonName | PersonRow], current_id: int) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        for person in people:
            self.combo.addItem(icon("fa5s.user"), person.name, person.id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current_id)))
        self.combo.blockSignals(False)

    def reload(self, current_id: int | None = None) -> None:
        from second_opinion.case import people as people_case

        ctx = self.ctx
        if ctx is None:
            return
        wanted = ctx.person_id if current_id is None else current_id
        ctx.ops.query(people_case.people, owner=self).success(
            lambda rows: self.fill(rows, wanted)
        ).run()

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if changes.touches(Area.PEOPLE) and initiator is not self._parent:
            self.reload()

    def _picked(self, index: int) -> None:
        if self.ctx is None or index < 0:
            return
        person_id = self.combo.itemData(index)
        if isinstance(person_id, int):
            self.ctx.set_person(person_id)

    # ---------------------------------------------------------------- actions
    def add_person(self) -> None:
        from second_opinion.case import people as people_case

        ctx = self.ctx
        if ctx is None:
            return
        title = self.tr("Add someone else's case")
        name = prompts.ask_text(
            self._parent,
            title,
            self.tr(
                "A separate case, with its own records, visits and guide, for someone you help "
                "(your doctors and contacts are shared). Name of the person whose case it is:"
            ),
        )
        if name is None:
            return

        def added(new_id: int) -> None:
            self.reload(new_id)
            ctx.set_person(new_id)

        ctx.ops.change(
            lambda case: people_case.add_person(case, name), owner=self._parent, title=title
        ).success(added).run()

    def rename_person(self) -> None:
        from second_opinion.case import people as people_case

        ctx = self.ctx
        if ctx is None:
            return
        title = self.tr("Rename this person")
        name = prompts.ask_text(
            self._parent, title, self.tr("New name for this person:"), self.combo.currentText()
        )
        if name is None:
            return
        person_id = ctx.person_id
        ctx.ops.change(
            lambda case: people_case.rename_person(case, person_id, name),
            owner=self._parent,
            title=title,
        ).success(lambda _none: self.reload(person_id)).run()

    def delete_person(self) -> None:
        """Say what would be deleted (a query), ask, then delete (a change)."""
        from second_opinion.case import people as people_case

        ctx = self.ctx
        if ctx is None:
            return
        title = self.tr("Delete this person's case")
        person_id = ctx.person_id
        name = self.combo.currentText()

        def ask(fp: PersonFootprint) -> None:
            text = self.tr(
                "Delete {name} and their whole case: {records} record items, {requests} "
                "requests, {questions} questions, {visits} visits and {opinions} opinions? "
                "Shared contacts stay. This cannot be undone."
            ).format(
                name=name,
                records=fp.records,
                requests=fp.requests,
                questions=fp.questions,
                visits=fp.visits,
                opinions=fp.opinions,
            )
            if self.ctx is not ctx or not prompts.ask_confirm(
                self._parent, title, text, self.tr("Delete")
            ):
                return
            ctx.ops.change(
                lambda case: people_case.delete_person(case, person_id),
                owner=self._parent,
                title=title,
            ).success(deleted).run()

        def deleted(result: PersonDeleted) -> None:
            first = result.remaining[0].id
            self.fill(result.remaining, first)
            ctx.set_person(first)

        ctx.ops.query(
            lambda case: people_case.footprint(case, person_id), owner=self._parent, title=title
        ).success(ask).run()
