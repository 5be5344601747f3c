"""What every tab is handed after unlock: the open vault and the person being looked at.

One ``AppContext`` lives exactly as long as the vault is unlocked. On lock the main window
destroys every tab together with this object, so no model, view or cache keeps health data.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from second_opinion.vault.vault import Vault


class AppContext(QObject):
    """Shared state of an unlocked window.

    Signals:
        sig_person_changed(int): the person switcher picked another person (their id).
        sig_data_changed(str): something was saved; the argument names the area
            ("contacts", "records", "questions", "visits", "opinions", "people", "guide"),
            so tabs that show derived data (counts, readiness) can refresh.
        sig_status(str): a short message for the status bar (no health data).
    """

    sig_person_changed = Signal(int)
    sig_data_changed = Signal(str)
    sig_status = Signal(str)

    def __init__(self, vault: Vault, person_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self._person_id = person_id

    @property
    def person_id(self) -> int:
        return self._person_id

    def set_person(self, person_id: int) -> None:
        if person_id != self._person_id:
            self._person_id = person_id
            self.sig_person_changed.emit(person_id)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        with self.vault.session() as session:
            yield session

    def notify_changed(self, area: str) -> None:
        self.sig_data_changed.emit(area)
