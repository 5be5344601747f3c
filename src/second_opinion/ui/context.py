"""What every tab is handed after unlock: the case, its operations runner, and a few signals.

One ``AppContext`` lives exactly as long as the vault is unlocked. On lock the main window
shuts the runner down (results still on their way are dropped) and destroys every tab
together with this object, so no model, view or cache keeps health data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes
from second_opinion.ui.ops import OpsRunner

if TYPE_CHECKING:
    from second_opinion.vault.vault import Vault


class AppContext(QObject):
    """Shared state of an unlocked window.

    Signals:
        sig_person_changed(int): the person switcher picked another person (their id); every
            operation started after this signal sees the new person.
        sig_changed(Changes, object): relayed from the runner: a change succeeded; the
            second argument is the widget that made it (or None).
        sig_status(str): a short message for the status bar (no health data).
    """

    sig_person_changed = Signal(int)
    sig_changed = Signal(object, object)
    sig_status = Signal(str)

    def __init__(self, vault: Vault, person_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.case = Case(vault, person_id)
        self.ops = OpsRunner(self.case, self)
        self.ops.sig_changed.connect(self.sig_changed.emit)
        self._person_id = person_id

    @property
    def person_id(self) -> int:
        return self._person_id

    def set_person(self, person_id: int) -> None:
        """Show ``person_id``'s case. The switch is queued behind work already running for the
        previous person, so none of it lands in the new person's lists."""
        if person_id == self._person_id:
            return
        self._person_id = person_id

        def switch(case: Case) -> Changes:
            case.switch_person(person_id)
            return Changes()

        self.ops.change(switch, owner=self).success(
            lambda _none: self.sig_person_changed.emit(person_id)
        ).run()

    def announce(self, *areas: Area) -> None:
        """Tell every screen that ``areas`` changed outside an operation (e.g. a restore)."""
        self.sig_changed.emit(Changes(frozenset(areas)), None)

    def shutdown(self) -> None:
        self.ops.shutdown()
