"""The contract between the main window and its tabs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from second_opinion.case.changes import Area, Changes
from second_opinion.ui.context import AppContext
from second_opinion.ui.tab_registry import Navigator

__all__ = ["CaseTab", "Navigator"]

#: changes that alter no tab's title (contacts show by name inside other tabs, and in their
#: pickers), so a hidden tab may wait until it is shown to reload for them
_NAMES_ONLY = frozenset({Area.CONTACTS})


class CaseTab(QWidget):
    """Base of every tab.

    Subclasses build their widgets in ``__init__`` and load data only in ``reload``, which the
    main window calls once, right after construction (loading in ``__init__`` as well would
    read everything twice). They must not hold health data anywhere the main window cannot
    drop (it deletes the tab on lock).

    Signals:
        sig_title_changed(str): the tab's label changed (e.g. "Records (2 overdue)").
    """

    sig_title_changed = Signal(str)
    #: the stable name used by the navigator and the settings ("guide", "contacts", ...)
    key: str = ""

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.navigator = navigator
        self._load_when_shown: Callable[[], None] | None = None
        ctx.sig_person_changed.connect(lambda _pid: self.reload())

    def title(self) -> str:
        """The label on the tab; may include a count."""
        raise NotImplementedError

    def reload(self) -> None:
        """(Re)load everything shown from the vault for ``ctx.person_id``."""

    def reload_after(self, changes: Changes, load: Callable[[], None] | None = None) -> None:
        """Reload (``load``, by default ``reload``) for a change made elsewhere.

        A tab the person cannot see waits until it is shown when the change is only to
        contacts: a saved contact would otherwise reload every tab that names contacts, each
        a read of the whole case on the worker, for screens nobody is looking at.
        """
        load = load or self.reload
        hidden = self.window().isVisible() and not self.isVisible()
        if hidden and changes.areas <= _NAMES_ONLY:
            self._load_when_shown = load
        else:
            self._load_when_shown = None
            load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        load, self._load_when_shown = self._load_when_shown, None
        if load is not None:
            load()

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        """Do ``action`` (the part after the dot in a navigator target); default: nothing."""

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in this tab's search field, if it has one."""

    def new_item(self) -> None:
        """Ctrl+N: start adding this tab's main kind of thing, if it has one."""

    def release(self) -> None:
        """Called on lock, just before the tab is deleted: empty every model it owns.

        Deleting the tab frees its models too, but only when the event loop next runs; this
        empties them at once so no view can paint health data after the vault is locked.
        """
        from second_opinion.ui.table_model import RowTableModel

        for model in self.findChildren(RowTableModel):
            model.clear()
