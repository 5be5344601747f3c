"""The pane beside the visits list: the chosen visit, its actions and its readiness checklist."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case.visits import VisitListRow
from second_opinion.domain.enums import VisitStatus
from second_opinion.ui.icons import icon
from second_opinion.ui.readiness_view import ReadinessView
from second_opinion.ui.tabs.base import Navigator
from second_opinion.ui.visits.texts import facts_text, format_start


class VisitDetail(QScrollArea):
    """Shows one ``VisitListRow``; the tab connects the buttons to its actions."""

    def __init__(self, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Everything in the panel wraps, so it never needs to scroll sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A Tab stop (its arrow keys scroll the details), so it says what it is.
        self.setAccessibleName(self.tr("Visit details"))
        panel = QWidget(self)
        layout = QVBoxLayout(panel)

        self.title = QLabel(panel)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAccessibleName(self.tr("Visit title"))
        layout.addWidget(self.title)

        self.facts = QLabel(panel)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAccessibleName(self.tr("Visit details"))
        layout.addWidget(self.facts)

        actions = QHBoxLayout()
        self.edit_button = self._button("fa5s.edit", self.tr("Edit…"), self.tr("Edit visit"))
        self.done_button = self._button(
            "fa5s.check", self.tr("Mark done"), self.tr("Mark visit done")
        )
        self.delete_button = self._button(
            "fa5s.trash-alt", self.tr("Delete…"), self.tr("Delete visit")
        )
        for button in (self.edit_button, self.done_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        exports = QHBoxLayout()
        self.ical_button = self._button(
            "fa5s.calendar-plus",
            self.tr("Export to calendar…"),
            self.tr("Export visit to calendar"),
        )
        self.ical_button.setToolTip(
            self.tr("Save an .ics file with the time, place or link and two reminders.")
        )
        self.packet_button = self._button(
            "fa5s.file-pdf", self.tr("Prepare visit packet…"), self.tr("Prepare visit packet")
        )
        exports.addWidget(self.ical_button)
        exports.addWidget(self.packet_button)
        exports.addStretch(1)
        layout.addLayout(exports)

        self.readiness_box = QGroupBox(self.tr("Ready for the visit?"), panel)
        box_layout = QVBoxLayout(self.readiness_box)
        self.readiness_view = ReadinessView(navigator, self.readiness_box)
        box_layout.addWidget(self.readiness_view)
        layout.addWidget(self.readiness_box)
        layout.addStretch(1)
        self.setWidget(panel)

    def _button(self, icon_name: str, text: str, name: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text, self)
        button.setAccessibleName(name)
        return button

    def show_visit(self, item: VisitListRow | None) -> None:
        for button in (self.edit_button, self.delete_button, self.ical_button, self.packet_button):
            button.setEnabled(item is not None)
        if item is None:
            self.title.setText(self.tr("Choose a visit on the left."))
            self.facts.setText("")
            self.readiness_box.hide()
            self.done_button.setEnabled(False)
            return
        visit = item.visit
        self.title.setText(
            self.tr("{doctor} — {when}").format(
                doctor=visit.doctor_name, when=format_start(visit, long=True)
            )
        )
        self.facts.setText(facts_text(visit))
        self.done_button.setEnabled(visit.status is VisitStatus.PLANNED)
        self.readiness_view.set_readiness(item.readiness)
        self.readiness_box.setVisible(item.readiness is not None)
