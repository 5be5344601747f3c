"""The case: an unlocked vault and the person whose case is being looked at.

Every read and every change the app makes after unlocking goes through a ``Case``. Its
functions (in the modules beside this one) open one unit of work each, call the services'
rules, and return plain data (read models) or ``Changes``. It knows nothing of Qt; the UI's
operations runner calls it on one worker thread, the command line and the tests call it
directly.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from second_opinion.vault.vault import Vault


class Case:
    def __init__(self, vault: Vault, person_id: int) -> None:
        self.vault = vault
        self._person_id = person_id

    @property
    def person_id(self) -> int:
        """The person every case-bound list belongs to (contacts are shared by all)."""
        return self._person_id

    def switch_person(self, person_id: int) -> None:
        self._person_id = person_id

    @contextlib.contextmanager
    def unit(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error.

        A write the disk refuses raises the vault's ``CouldNotSave``, and nothing of the unit
        is kept.
        """
        with self.vault.session() as session:
            yield session

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only; whatever it flushed is rolled back."""
        with self.vault.session() as session:
            try:
                yield session
            finally:
                session.rollback()

    @property
    def is_open(self) -> bool:
        return not self.vault.is_locked
