"""The Guide tab: the steps of getting a second opinion, with a checklist per person.

The list of steps sits on the left with a tick and a word for each ("Done", "1 of 3"); the page
on the right shows the text, the step's checklist, and buttons that open the place in the app
where an item gets done. A tick shows at once and is saved through the operations runner;
one that cannot be saved is taken back and explained.

The first load reads with plain SQL (``case.first_screen``): this tab is usually the first
screen after unlocking, shown before SQLAlchemy has loaded. Every later load is a query on the
runner.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import first_screen
from second_opinion.case.changes import Area, Changes
from second_opinion.services import guide
from second_opinion.services.errors import ServiceError
from second_opinion.services.guide import GuideItem, GuideStep
from second_opinion.ui import palette
from second_opinion.ui.check_row import WrappingCheckBox
from second_opinion.ui.context import AppContext
from second_opinion.ui.full_text import FullTextBrowser, tone_down_headings
from second_opinion.ui.icons import cell_icon, icon
from second_opinion.ui.ops import service_error_text
from second_opinion.ui.search_proxy import SearchFilterProxy
from second_opinion.ui.table_model import Column, RowTableModel
from second_opinion.ui.tabs.base import CaseTab, Navigator
from second_opinion.vault.connection import is_database_error
from second_opinion.vault.errors import VaultError

if TYPE_CHECKING:
    from second_opinion.vault.vault import Vault

log = logging.getLogger(__name__)

READING_WIDTH = 760  # pixels: about 75 characters a line at the body font size


@dataclass(frozen=True)
class StepRow:
    step: GuideStep
    done_items: int

    @property
    def done(self) -> bool:
        return self.step.counts and self.done_items == len(self.step.items)


#: the areas whose data can tick guide items
FROM_DATA = (
    Area.INSURANCE,
    Area.CONTACTS,
    Area.RECORDS,
    Area.QUESTIONS,
    Area.VISITS,
    Area.OPINIONS,
)


class GuideTab(CaseTab):
    key = "guide"

    def __init__(self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(ctx, navigator, parent)
        self._steps = guide.load_guide(QLocale().name())
        self._done: set[str] = set()
        self._current = self._steps[0].key
        self._loaded_person: int | None = None
        self._last_title = ""
        self._checkboxes: dict[str, QCheckBox] = {}

        self._build()
        ctx.sig_changed.connect(self._on_changed)
        # Data loads in reload(), which the main window calls once the tab is built.

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_step_list())
        splitter.addWidget(self._build_page())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 880])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _build_step_list(self) -> QWidget:
        panel = QWidget(self)
        panel.setMinimumWidth(280)
        panel.setMaximumWidth(480)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 12, 6, 12)

        heading = QLabel(self.tr("Your progress"), panel)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.progress_label = QLabel(panel)
        self.progress_label.setWordWrap(True)
        self.progress_label.setAccessibleName(self.tr("Guide progress"))
        self.progress_bar = QProgressBar(panel)
        self.progress_bar.setTextVisible(False)  # the label beside it says it in words
        self.progress_bar.setMaximumHeight(8)
        self.progress_bar.setAccessibleName(self.tr("Guide progress bar"))

        self.step_model: RowTableModel[StepRow] = RowTableModel(
            [
                Column(self.tr("Step"), self._step_text, tooltip=lambda r: r.step.title),
                Column(self.tr("Progress"), self._status_text, icon=self._status_icon),
            ],
            row_id=lambda r: r.step.key,
            parent=self,
        )
        self.step_proxy = SearchFilterProxy(self)
        self.step_proxy.setSourceModel(self.step_model)
        self.step_view = QTableView(panel)
        # Tab leaves the list (the arrows move in it) instead of walking its cells.
        self.step_view.setTabKeyNavigation(False)
        self.step_view.setModel(self.step_proxy)
        self.step_view.setAccessibleName(self.tr("Steps of the guide"))
        self.step_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.step_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.step_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.step_view.setShowGrid(False)
        # Long titles wrap onto a second line rather than being cut off on a narrow window.
        self.step_view.setWordWrap(True)
        self.step_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        rows = self.step_view.verticalHeader()
        rows.hide()
        rows.setMinimumSectionSize(int(self.fontMetrics().height() * 2.2))
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.step_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        self.step_view.selectionModel().currentRowChanged.connect(self._on_step_row_changed)

        layout.addWidget(heading)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addSpacing(6)
        layout.addWidget(self.step_view, 1)
        return panel

    def _build_page(self) -> QWidget:
        # One page that scrolls as a whole: with a large font on a small screen, the text,
        # the checklist and the buttons each keep the height their words need.
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setAccessibleName(self.tr("Step page"))
        # No Tab stop of its own (it would show no focus): the focused part scrolls into view.
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QWidget(self.page_scroll)
        outer_layout = QHBoxLayout(outer)
        outer_layout.setContentsMargins(6, 12, 12, 12)
        page = QWidget(outer)
        page.setMaximumWidth(READING_WIDTH + 60)
        page.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # Centered with a capped width: long lines are hard to read on a wide screen.
        outer_layout.addStretch(1)
        outer_layout.addWidget(page, 100)
        outer_layout.addStretch(1)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.step_counter = QLabel(page)
        self.step_title = QLabel(page)
        self.step_title.setWordWrap(True)
        self.step_title.setTextFormat(Qt.TextFormat.PlainText)
        self.step_title.setAccessibleName(self.tr("Step title"))
        title_font = self.step_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.step_title.setFont(title_font)

        self.text = FullTextBrowser(page)
        self.text.setAccessibleName(self.tr("Step text"))
        self.text.setOpenLinks(False)
        body_font = QFont(self.text.font())
        body_font.setPointSizeF(body_font.pointSizeF() + 1.5)
        self.text.setFont(body_font)
        self.text.document().setDocumentMargin(14)

        self.checklist_box = QGroupBox(self.tr("Your checklist for this step"), page)
        self.checklist_layout = QVBoxLayout(self.checklist_box)
        self.checklist_hint = QLabel(
            self.tr("Ticks are saved straight away, separately for each person."),
            self.checklist_box,
        )
        self.checklist_hint.setWordWrap(True)
        self.checklist_hint.setEnabled(False)  # shown in the palette's quieter text color

        nav = QHBoxLayout()
        self.back_button = QPushButton(icon("fa5s.arrow-left"), self.tr("Back"), page)
        self.back_button.setAccessibleName(self.tr("Previous step"))
        self.back_button.clicked.connect(lambda: self._move(-1))
        self.next_button = QPushButton(icon("fa5s.arrow-right"), "", page)
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # icon after text
        self.next_button.clicked.connect(lambda: self._move(1))
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        layout.addWidget(self.step_counter)
        layout.addWidget(self.step_title)
        layout.addWidget(self.text)
        layout.addWidget(self.checklist_box)
        layout.addStretch(1)
        layout.addLayout(nav)
        self.page_scroll.setWidget(outer)
        return self.page_scroll

    # ------------------------------------------------------------------ step list columns
    def _step_text(self, row: StepRow) -> str:
        if not row.step.counts:
            return row.step.title
        return f"{row.step.number}. {row.step.title}"

    def _status_text(self, row: StepRow) -> str:
        if not row.step.counts:
            return self.tr("Start here")
        if row.done:
            return self.tr("Done")
        return self.tr("{done} of {total}").format(done=row.done_items, total=len(row.step.items))

    def _status_icon(self, row: StepRow) -> QIcon:
        if not row.step.counts:
            name, options = "fa5s.info-circle", {}
        elif row.done:
            # always paired with the word "Done"
            name, options = "fa5s.check-circle", {"color": palette.accent(palette.GOOD)}
        elif row.done_items:
            name, options = "fa5s.adjust", {}
        else:
            name, options = "fa5.circle", {}
        return cell_icon(name, **options)

    # ------------------------------------------------------------------ CaseTab
    def title(self) -> str:
        summary = guide.step_summary(self._done, self._steps)
        return self.tr("Guide ({done}/{total})").format(done=summary.done, total=summary.total)

    def reload(self) -> None:
        if self._loaded_person is None and self.ctx.ops.is_idle():
            # The first screen: read at once, with plain SQL (the ORM is not loaded yet).
            self._show_done(self.ctx.person_id, _read_done(self.ctx.vault, self.ctx.person_id))
            return
        if self._loaded_person is None:
            # Built later, while the worker reads something else: reading here would wait
            # for the vault until that read is done, with the window held still. The same
            # plain read goes to the worker, after it.
            vault, person_id = self.ctx.vault, self.ctx.person_id
            self.ctx.ops.query(lambda _case: _read_done(vault, person_id), owner=self).success(
                lambda done: self._show_done(person_id, done)
            ).run()
            return
        from second_opinion.case import guide as guide_case  # loads the ORM: never at first

        self.ctx.ops.query(
            lambda case: (case.person_id, guide_case.done_keys(case)), owner=self
        ).success(lambda loaded: self._show_done(*loaded)).run()

    def _show_done(self, person_id: int, done: set[str]) -> None:
        self._done = done
        if person_id != self._loaded_person:
            # Another person's case: open where *they* are in the guide.
            self._loaded_person = person_id
            self._current = guide.first_open_step(self._done, self._steps)
        self._refresh_rows()
        self._show_step(self._current)
        self._refresh_progress()

    def handle_navigation(self, action: str, **kwargs: Any) -> None:
        if action == "step":
            key = str(kwargs.get("step", ""))
            if any(step.key == key for step in self._steps):
                self._show_step(key)

    def current_step(self) -> str:
        return self._current

    # ------------------------------------------------------------------ showing
    def _step(self, key: str) -> GuideStep:
        return next(step for step in self._steps if step.key == key)

    def _refresh_rows(self) -> None:
        self.step_model.set_rows(
            [StepRow(step, step.done_items(self._done)) for step in self._steps]
        )

    def _refresh_progress(self) -> None:
        summary = guide.step_summary(self._done, self._steps)
        if summary.complete:
            text = self.tr("All {total} steps done").format(total=summary.total)
        else:
            text = self.tr("{done} of {total} steps done").format(
                done=summary.done, total=summary.total
            )
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, summary.total)
        self.progress_bar.setValue(summary.done)
        title = self.title()
        if title != self._last_title:
            self._last_title = title
            self.sig_title_changed.emit(title)

    def _show_step(self, key: str) -> None:
        self._current = key
        step = self._step(key)
        position = self._steps.index(step)
        total = sum(1 for s in self._steps if s.counts)

        if step.counts:
            self.step_counter.setText(
                self.tr("Step {number} of {total}").format(number=step.number, total=total)
            )
        else:
            self.step_counter.setText(self.tr("Before you start"))
        self.step_title.setText(step.title)
        self.text.setMarkdown(step.full_markdown())
        tone_down_headings(self.text)
        self.page_scroll.verticalScrollBar().setValue(0)
        self._fill_checklist(step)

        self.back_button.setEnabled(position > 0)
        if position + 1 < len(self._steps):
            following = self._steps[position + 1]
            self.next_button.setText(self.tr("Next: {title}").format(title=following.title))
            self.next_button.setEnabled(True)
        else:
            self.next_button.setText(self.tr("Next"))
            self.next_button.setEnabled(False)
        self._select_row(key)

    def _select_row(self, key: str) -> None:
        source_row = self.step_model.position_of(key)
        if source_row is None:
            return
        index = self.step_proxy.mapFromSource(self.step_model.index(source_row, 0))
        selection = self.step_view.selectionModel()
        if selection.currentIndex().row() != index.row() or not selection.hasSelection():
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _fill_checklist(self, step: GuideStep) -> None:
        while self.checklist_layout.count():
            taken = self.checklist_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None and widget is not self.checklist_hint:
                widget.hide()  # deletion waits for the event loop; never show stale items
                widget.deleteLater()
        self._checkboxes.clear()
        self.checklist_box.setVisible(step.counts)
        # New widgets join the tab chain at its end; it is put back in reading order below.
        chain: list[QWidget] = [self.text]
        for item in step.items:
            # The item's text wraps: a QCheckBox's own text would be cut off when narrow.
            check = WrappingCheckBox(item.label, self.checklist_box)
            box = check.box
            box.setChecked(item.key in self._done)
            box.toggled.connect(lambda checked, key=item.key: self._on_item_toggled(key, checked))
            self._checkboxes[item.key] = box
            chain.append(check)  # the row: its box, then its button
            if item.target:
                link = QPushButton(icon("fa5s.external-link-alt"), self._link_text(item))
                link.setParent(self.checklist_box)
                link.setAccessibleName(
                    self.tr("{action}: {item}").format(
                        action=self._link_text(item), item=item.label
                    )
                )
                link.setToolTip(self.tr("Opens the place in the app where you can do this"))
                link.clicked.connect(lambda _checked=False, it=item: self._follow(it))
                # Under the item's text rather than beside it: the text keeps the width.
                check.add_below(link)
            self.checklist_layout.addWidget(check)
            check.show()  # the layout would only show it on the next turn of the event loop
        self.checklist_layout.addWidget(self.checklist_hint)
        chain += [self.back_button, self.next_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _link_text(self, item: GuideItem) -> str:
        target = item.target or ""
        texts = {
            # "&&" is a literal ampersand in a button label (a single one marks a shortcut key)
            "contacts.new": self.tr("Add in Doctors && contacts"),
            "contacts": self.tr("Open Doctors && contacts"),
            "records.new_request": self.tr("New records request"),
            "records": self.tr("Open Records"),
            "questions": self.tr("Open Questions"),
            "visits.new": self.tr("Plan a visit"),
            "visits": self.tr("Open Visits"),
            "opinions": self.tr("Open Opinions"),
            "profile.profile": self.tr("Open your profile"),
            "profile.insurance": self.tr("Open insurance details"),
            "profile.calls": self.tr("Open the call log"),
        }
        return texts.get(target, self.tr("Open"))

    # ------------------------------------------------------------------ reacting
    def _on_step_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        source = self.step_proxy.mapToSource(current)
        key = self.step_model.row_at(source.row()).step.key
        if key != self._current:
            self._show_step(key)

    def _move(self, offset: int) -> None:
        position = self._steps.index(self._step(self._current)) + offset
        if 0 <= position < len(self._steps):
            self._show_step(self._steps[position].key)

    def _follow(self, item: GuideItem) -> None:
        if item.target:
            self.navigator.navigate(item.target, **item.target_kwargs)

    def _on_item_toggled(self, key: str, checked: bool) -> None:
        """Show the tick at once, save it; take it back if it could not be saved."""
        from second_opinion.case import guide as guide_case

        self._set_done(key, checked)
        person_id = self._loaded_person
        saved: list[bool] = []

        def refused(error: ServiceError) -> None:
            from second_opinion.ui import prompts  # dialogs: not needed for the first screen

            prompts.show_error(
                self,
                self.tr("Not saved"),
                self.tr("This tick could not be saved. {reason}")
                .format(reason=service_error_text(error))
                .strip(),
            )

        def finished() -> None:
            # Refused, or the vault could not save (the runner said why); unless another
            # person's case is showing by now.
            if not saved and self._loaded_person == person_id:
                log.warning("guide item %s not saved", key)
                self._set_done(key, not checked)

        self.ctx.ops.change(
            lambda case: guide_case.set_item_done(case, key, checked),
            owner=self,
            title=self.tr("Not saved"),
        ).success(lambda _none: saved.append(True)).failure(refused).finished(finished).run()

    def _set_done(self, key: str, done: bool) -> None:
        if done:
            self._done.add(key)
        else:
            self._done.discard(key)
        box = self._checkboxes.get(key)
        if box is not None and box.isChecked() != done:
            box.blockSignals(True)
            box.setChecked(done)
            box.blockSignals(False)
        step = next(s for s in self._steps if any(item.key == key for item in s.items))
        self.step_model.upsert(StepRow(step, step.done_items(self._done)))
        self._refresh_progress()

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        # Items tick themselves from what the person entered (services.guide_rules).
        if changes.touches(Area.GUIDE, *FROM_DATA) and initiator is not self:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        # Icons are drawn in the palette's text color; redraw them when the palette changes.
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "step_model"):
            self._refresh_rows()
            self._select_row(self._current)
        super().changeEvent(event)


def _read_done(vault: Vault, person_id: int) -> set[str]:
    """The guide's progress, read with plain SQL; none when the vault cannot be read."""
    try:
        return first_screen.guide_done_keys(vault, person_id)
    except Exception as exc:
        if not (isinstance(exc, VaultError) or is_database_error(exc)):
            raise
        log.warning("could not read guide progress (%s)", type(exc).__name__)
        return set()
