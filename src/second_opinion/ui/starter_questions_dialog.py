"""Pick starter questions: one click adds one, "Add all" adds a whole category.

General questions are always shown; choosing a condition group (cancer, heart, ...) adds
the questions of that group.

A picker rather than a form: each click saves at once, so it is a plain dialog with a Close
button. A starter already in the person's list shows "Added" and cannot be added again. The
dialog opens at once with every Add button off; ``set_added`` (the Questions tab asks the
case which starters the person has) turns them on. The tab hands it the operations that
save; their refusals and disk problems are shown by the runner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from second_opinion.domain.enums import QuestionCategory
from second_opinion.services import labels
from second_opinion.services.questions import QuestionRow
from second_opinion.services.starter_questions import (
    CONDITION_GROUP_LABELS,
    ConditionGroup,
    StarterQuestion,
    all_starters,
    starters,
)
from second_opinion.ui import icons
from second_opinion.ui.contact_form import label_of

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending


class StarterQuestionsDialog(QDialog):
    """Lists the starters by category.

    ``add_one(key)`` and ``add_category(category)`` give the operation that adds them (not
    yet run); its value is the list of questions added.
    """

    def __init__(
        self,
        add_one: Callable[[str], Pending[list[QuestionRow]]],
        add_category: Callable[
            [QuestionCategory, ConditionGroup | None], Pending[list[QuestionRow]]
        ],
        category: QuestionCategory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Starter questions"))
        self.setAccessibleName(self.windowTitle())
        self.setSizeGripEnabled(True)
        self._added: set[str] = set()
        self._loaded = False
        self._saving = False
        self._add_one = add_one
        self._add_category = add_category
        self.add_buttons: dict[str, QPushButton] = {}
        self.category_buttons: dict[QuestionCategory, QPushButton] = {}
        self.sections: dict[QuestionCategory, QWidget] = {}
        self._rows: dict[str, tuple[QLabel, QPushButton]] = {}
        text_color = self.palette().color(QPalette.ColorRole.WindowText).name()
        self._check_icon = icons.icon("fa5s.check", text_color)
        self._plus_icon = icons.icon("fa5s.plus", text_color)

        intro = QLabel(
            self.tr(
                "Questions many people find worth asking. Add the ones that fit; you can "
                "reword them, set their priority and order them afterwards."
            )
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("About starter questions"))

        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show starter questions of this category"))
        self.filter.addItem(self.tr("All categories"), None)
        for cat in QuestionCategory:
            self.filter.addItem(label_of(labels.QUESTION_CATEGORY, cat), cat)
        self.filter.currentIndexChanged.connect(self._apply_filter)

        self.condition = QComboBox()
        self.condition.setAccessibleName(self.tr("Also show questions for this kind of condition"))
        for group in ConditionGroup:
            self.condition.addItem(label_of(CONDITION_GROUP_LABELS, group), group)
        self.condition.currentIndexChanged.connect(lambda _i: self._refresh_all())

        content = QWidget()
        content_layout = QVBoxLayout(content)
        for cat in QuestionCategory:
            content_layout.addWidget(self._section(cat, all_starters(cat)))
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        self.status = QLabel()
        self.status.setAccessibleName(self.tr("What was added"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))

        top = QHBoxLayout()
        show_label = QLabel(self.tr("&Show:"))
        show_label.setBuddy(self.filter)
        top.addWidget(show_label)
        top.addWidget(self.filter, 1)
        condition_label = QLabel(self.tr("C&ondition:"))
        condition_label.setBuddy(self.condition)
        top.addWidget(condition_label)
        top.addWidget(self.condition, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        if category is not None:
            self.filter.setCurrentIndex(self.filter.findData(category))
        self.resize(760, 640)

    def _section(self, category: QuestionCategory, items: list[StarterQuestion]) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        title = QLabel(label_of(labels.QUESTION_CATEGORY, category))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        add_all = QPushButton()
        add_all.setAccessibleName(
            self.tr("Add all questions about {0}").format(title.text().lower())
        )
        add_all.clicked.connect(lambda _c=False, cat=category: self._on_add_category(cat))
        self.category_buttons[category] = add_all
        grid.addWidget(title, 0, 0)
        grid.addWidget(add_all, 0, 1)
        for row, starter in enumerate(items, start=1):
            text = QLabel(starter.text_in(QLocale().name()))
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            button = QPushButton()
            button.setAccessibleName(self.tr("Add: {0}").format(text.text()))
            button.clicked.connect(lambda _c=False, key=starter.key: self._on_add(key))
            self.add_buttons[starter.key] = button
            self._rows[starter.key] = (text, button)
            grid.addWidget(text, row, 0)
            grid.addWidget(button, row, 1)
        self.sections[category] = box
        self._refresh(category)
        return box

    def set_added(self, keys: set[str]) -> None:
        """The starters the person has already; until this is called nothing can be added."""
        self._added = set(keys)
        self._loaded = True
        self._refresh_all()

    def chosen_condition(self) -> ConditionGroup | None:
        data = self.condition.currentData()
        return None if data is None else ConditionGroup(data)

    def is_offered(self, key: str) -> bool:
        """Whether the starter is shown for the chosen condition group."""
        return key in {s.key for s in starters(None, self.chosen_condition())}

    def is_ready(self) -> bool:
        return self._loaded and not self._saving

    def _refresh_all(self) -> None:
        for category in self.sections:
            self._refresh(category)

    def _refresh(self, category: QuestionCategory) -> None:
        ready = self.is_ready()
        keys = [s.key for s in starters(category, self.chosen_condition())]
        for key in (s.key for s in all_starters(category)):
            for widget in self._rows[key]:
                widget.setVisible(key in keys)
        for key in keys:
            button = self.add_buttons[key]
            done = key in self._added
            button.setText(self.tr("Added") if done else self.tr("Add"))
            button.setIcon(self._check_icon if done else self._plus_icon)
            button.setEnabled(ready and not done)
        left = sum(1 for k in keys if k not in self._added)
        add_all = self.category_buttons[category]
        add_all.setText(self.tr("Add all ({0})").format(left) if left else self.tr("All added"))
        add_all.setEnabled(ready and left > 0)

    def _on_add(self, key: str) -> None:
        self._run(self._add_one(key))

    def _on_add_category(self, category: QuestionCategory) -> None:
        self._run(self._add_category(category, self.chosen_condition()))

    def _run(self, pending: Pending[list[QuestionRow]]) -> None:
        if not self.is_ready():
            return
        self._saving = True
        self._refresh_all()
        pending.success(self._show_added).finished(self._done_saving).run()

    def _done_saving(self) -> None:
        self._saving = False
        self._refresh_all()

    def _show_added(self, rows: list[QuestionRow]) -> None:
        self._added.update(r.starter_key for r in rows if r.starter_key)
        count = len(rows)
        if count == 0:
            self.status.setText(self.tr("These questions are already in your list."))
        elif count == 1:
            self.status.setText(self.tr("Added 1 question to your list."))
        else:
            self.status.setText(self.tr("Added {0} questions to your list.").format(count))

    def _apply_filter(self, _index: int) -> None:
        chosen = self.filter.currentData()
        for cat, box in self.sections.items():
            box.setVisible(chosen is None or cat == chosen)
