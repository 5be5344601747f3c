"""The tabs of the main window, in order, where each one's code lives, and how to open one.

Tabs are imported and built the first time they are needed, so start-up pays only for the tab
that is shown. This module loads before the first paint, so it holds only names and Qt.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication


class Navigator:
    """Lets a tab (or a guide link) open a place elsewhere in the window.

    ``target`` is "<tab>" or "<tab>.<action>", e.g. "contacts.new", "records.new_request",
    "visits.open", "guide.step". The main window implements ``navigate``.
    """

    def navigate(self, target: str, **kwargs: Any) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class TabSpec(NamedTuple):  # not a dataclass: this module loads before the first paint
    key: str
    title: str  # untranslated; see translated_title()
    module: str
    cls: str
    icon: str

    def translated_title(self) -> str:
        return QCoreApplication.translate("tabs", self.title)

    def is_loaded(self) -> bool:
        """Whether the tab's code is imported, completely (not half-way, on another thread)."""
        module = sys.modules.get(self.module)
        # importlib marks a module's spec while its body still runs; another thread that
        # imported it then would wait for the one importing it.
        return module is not None and not getattr(module.__spec__, "_initializing", False)

    def load(self) -> type:
        module = importlib.import_module(self.module)
        return getattr(module, self.cls)  # type: ignore[no-any-return]


def _tr(text: str) -> str:  # marks the strings for the translation tools
    return text


TABS: tuple[TabSpec, ...] = (
    TabSpec(
        "today", _tr("Today"), "second_opinion.ui.tabs.today_tab", "TodayTab", "fa5s.calendar-check"
    ),
    TabSpec(
        "guide", _tr("Guide"), "second_opinion.ui.tabs.guide_tab", "GuideTab", "fa5s.map-signs"
    ),
    TabSpec(
        "contacts",
        _tr("Doctors && contacts"),
        "second_opinion.ui.tabs.contacts_tab",
        "ContactsTab",
        "fa5s.user-md",
    ),
    TabSpec(
        "records",
        _tr("Records"),
        "second_opinion.ui.tabs.records_tab",
        "RecordsTab",
        "fa5s.folder-open",
    ),
    TabSpec(
        "questions",
        _tr("Questions"),
        "second_opinion.ui.tabs.questions_tab",
        "QuestionsTab",
        "fa5s.question-circle",
    ),
    TabSpec(
        "visits",
        _tr("Visits"),
        "second_opinion.ui.tabs.visits_tab",
        "VisitsTab",
        "fa5s.calendar-alt",
    ),
    TabSpec(
        "opinions",
        _tr("Opinions"),
        "second_opinion.ui.tabs.opinions_tab",
        "OpinionsTab",
        "fa5s.balance-scale",
    ),
    TabSpec(
        "documents",
        _tr("Documents"),
        "second_opinion.ui.tabs.documents_tab",
        "DocumentsTab",
        "fa5s.file-medical",
    ),
)

TAB_KEYS = tuple(spec.key for spec in TABS)


def spec_for(key: str) -> TabSpec | None:
    return next((spec for spec in TABS if spec.key == key), None)
