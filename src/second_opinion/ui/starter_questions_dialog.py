"""Pick starter questions: one click adds one, "Add all" adds a whole category.

A starter already in the person's list shows "Added" and cannot be added again. The dialog
only lays out and reports clicks; the Questions tab does the saving through callbacks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
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
from second_opinion.services.starter_questions import StarterQuestion, starters
from second_opinion.ui import icons
from second_opinion.ui.contact_form import label_of


class StarterQuestionsDialog(QDialog):
    """Lists the starters by category.

    ``add_one(key) -> bool`` and ``add_category(category) -> int`` save and say what was added.
    """

    def __init__(
        self,
        added: set[str],
        add_one: Callable[[str], bool],
        add_category: Callable[[QuestionCategory], int],
        category: QuestionCategory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Starter questions"))
        self.setAccessibleName(self.windowTitle())
        self.setSizeGripEnabled(True)
        self._added = set(added)
        self._add_one = add_one
        self._add_category = add_category
        self.add_buttons: dict[str, QPushButton] = {}
        self.category_buttons: dict[QuestionCategory, QPushButton] = {}
        self.sections: dict[QuestionCategory, QWidget] = {}
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

        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show starter questions of this category"))
        self.filter.addItem(self.tr("All categories"), None)
        for cat in QuestionCategory:
            self.filter.addItem(label_of(labels.QUESTION_CATEGORY, cat), cat)
        self.filter.currentIndexChanged.connect(self._apply_filter)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        for cat in QuestionCategory:
            content_layout.addWidget(self._section(cat, starters(cat)))
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
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.filter, 1)
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
            text = QLabel(starter.text)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            button = QPushButton()
            button.setAccessibleName(self.tr("Add: {0}").format(starter.text))
            button.clicked.connect(lambda _c=False, key=starter.key: self._on_add(key))
            self.add_buttons[starter.key] = button
            grid.addWidget(text, row, 0)
            grid.addWidget(button, row, 1)
        self.sections[category] = box
        self._refresh(category)
        return box

    def _refresh(self, category: QuestionCategory) -> None:
        keys = [s.key for s in starters(category)]
        for key in keys:
            button = self.add_buttons[key]
            done = key in self._added
            button.setText(self.tr("Added") if done else self.tr("Add"))
            button.setIcon(self._check_icon if done else self._plus_icon)
            button.setEnabled(not done)
        left = sum(1 for k in keys if k not in self._added)
        add_all = self.category_buttons[category]
        add_all.setText(self.tr("Add all ({0})").format(left) if left else self.tr("All added"))
        add_all.setEnabled(left > 0)

    def _on_add(self, key: str) -> None:
        if self._add_one(key):
            self.status.setText(self.tr("Added 1 question to your list."))
        self._added.add(key)
        category = next(s.category for s in starters() if s.key == key)
        self._refresh(category)

    def _on_add_category(self, category: QuestionCategory) -> None:
        count = self._add_category(category)
        self.status.setText(
            self.tr("Added 1 question to your list.")
            if count == 1
            else self.tr("Added {0} questions to your list.").format(count)
        )
        self._added.update(s.key for s in starters(category))
        self._refresh(category)

    def _apply_filter(self, _index: int) -> None:
        chosen = self.filter.currentData()
        for cat, box in self.sections.items():
            box.setVisible(chosen is None or cat == chosen)
