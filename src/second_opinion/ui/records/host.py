"""What the records views ask of the tab that holds them (and nothing more)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QDialog, QWidget

    from second_opinion.case.records import RecordsBoard
    from second_opinion.services.contacts import ContactChoice
    from second_opinion.services.record_requests import RequestRow
    from second_opinion.ui.context import AppContext
    from second_opinion.ui.form_base import FormDialog
    from second_opinion.ui.tab_registry import Navigator


class RecordsHost(Protocol):
    ctx: AppContext
    navigator: Navigator

    @property
    def owner(self) -> QObject:
        """The owner of the views' changes: the tab reloads itself after them."""
        ...

    @property
    def board(self) -> RecordsBoard:
        """The board as last loaded."""
        ...

    def show_form(self, form: FormDialog) -> None:
        """Open ``form`` as the tab's current form."""

    def new_holder(self, parent: QWidget, then: Callable[[ContactChoice], None]) -> QDialog:
        """Open the contact form for a new records holder; ``then`` gets the saved contact."""
        ...

    def with_contacts(self, then: Callable[[list[ContactChoice]], None]) -> None:
        """Read every contact (for a form's pickers), then call ``then`` with them."""

    def reload(self, select_request: int | None = None) -> None:
        """Load the board again; then select ``select_request``."""

    def open_request_form(
        self, item_ids: Sequence[int] = (), request: RequestRow | None = None
    ) -> None:
        """Open the request form: a new request for ``item_ids``, or ``request`` to edit."""

    def select_request(self, request_id: int) -> None:
        """Show the request in the requests view, clearing filters that hide it."""
