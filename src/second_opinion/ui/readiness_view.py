"""The readiness checklist of one visit: a tick or a cross per check, each cross a way to fix it.

A fixed, short list (at most seven checks), so it is laid out as widgets rather than a table:
every line reads as icon + word + sentence, and every cross carries a button that opens the
place in the app where it gets fixed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from second_opinion.services.readiness import ReadinessCheck, VisitReadiness
from second_opinion.ui import icons, palette
from second_opinion.ui.ops import phrase_text
from second_opinion.ui.tabs.base import Navigator

ICON_SIZE = 18
#: fixes done right here (a change the screen runs) rather than somewhere else in the app
IN_PLACE = frozenset({"questions.use_open"})


def tr(text: str) -> str:
    return QCoreApplication.translate("readiness", text)


def fix_button_text(target: str) -> str:
    """What the button on a cross says, by where it leads."""
    texts = {
        "records.new_request": tr("Request records…"),
        "records.open_request": tr("Open the request"),
        "questions.visit": tr("Prepare questions"),
        "questions.use_open": tr("Use my open questions"),
        "visits.edit": tr("Edit the visit…"),
        "contacts.new": tr("Add a support person…"),
        "contacts.open": tr("Open the doctor's contact"),
    }
    return texts.get(target, tr("Fix this"))


class ReadinessView(QWidget):
    """Shows a ``VisitReadiness``; a click on a cross's button navigates to its fix.

    Signals:
        sig_fix_requested(str): a fix button was clicked (its navigator target), emitted
            after ``navigator.navigate`` was called, mainly so tests can watch it.
        sig_fix_in_place(str, dict): a fix button for a target in ``IN_PLACE`` was clicked;
            the screen showing the view runs the change (nothing is navigated).
    """

    sig_fix_requested = Signal(str)
    sig_fix_in_place = Signal(str, dict)

    def __init__(self, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self._readiness: VisitReadiness | None = None
        self.fix_buttons: dict[str, QPushButton] = {}
        #: "Not needed…" beside a list of what the doctor needs: the person adjusts it
        self.adjust_buttons: dict[str, QPushButton] = {}
        self.status_labels: dict[str, QLabel] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setAccessibleName(tr("Readiness summary"))
        outer.addWidget(self.heading)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 4, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(2, 1)
        outer.addWidget(self._grid_host)

    def readiness(self) -> VisitReadiness | None:
        return self._readiness

    def set_readiness(self, readiness: VisitReadiness | None) -> None:
        self._readiness = readiness
        self.fix_buttons.clear()
        self.adjust_buttons.clear()
        self.status_labels.clear()
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Hidden at once: deleteLater only acts on the next event loop turn, and
                # until then the old line would be painted under the new one.
                widget.hide()
                widget.deleteLater()
        if readiness is None:
            self.heading.setText("")
            return
        if readiness.ready:
            self.heading.setText(tr("Ready for this visit"))
        else:
            self.heading.setText(
                tr("{done} of {total} ready").format(
                    done=readiness.done_count, total=readiness.total
                )
            )
        for row, check in enumerate(readiness.checks):
            self._add_check(row, check)

    def _add_check(self, row: int, check: ReadinessCheck) -> None:
        if check.ok:
            icon_name, color, word = "fa5s.check-circle", palette.accent(palette.GOOD), tr("Done")
        elif check.optional:
            icon_name, color, word = (
                "fa5s.lightbulb",
                palette.accent(palette.INFO),
                tr("Suggestion"),
            )
        else:
            icon_name, color, word = (
                "fa5s.times-circle",
                palette.accent(palette.PROBLEM),
                tr("Missing"),
            )
        icon = QLabel(self._grid_host)
        icon.setPixmap(icons.pixmap(icon_name, ICON_SIZE, color))  # drawn once, cached
        icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        status = QLabel(word, self._grid_host)
        status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        bold = QFont(status.font())
        bold.setBold(True)
        status.setFont(bold)
        self.status_labels[check.key] = status

        text_host = QWidget(self._grid_host)
        text_layout = QVBoxLayout(text_host)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.setSpacing(2)
        label_text = phrase_text(check.label)
        detail_text = phrase_text(check.detail) if check.detail else ""
        label = QLabel(label_text, text_host)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(f"{word}: {label_text}")
        text_layout.addWidget(label)
        if check.detail:
            detail = QLabel(detail_text, text_host)
            detail.setWordWrap(True)
            detail.setTextFormat(Qt.TextFormat.PlainText)
            small = QFont(detail.font())
            small.setPointSizeF(max(7.0, small.pointSizeF() * 0.92))
            detail.setFont(small)
            text_layout.addWidget(detail)
        if not check.ok and check.fix_target:
            button_row = QHBoxLayout()
            button_row.setContentsMargins(0, 2, 0, 0)
            button = QPushButton(
                icons.icon("fa5s.arrow-right"), fix_button_text(check.fix_target), text_host
            )
            button.setAccessibleName(f"{fix_button_text(check.fix_target)} ({label_text})")
            button.setToolTip(detail_text or label_text)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            target, kwargs = check.fix_target, check.fix_kwargs
            button.clicked.connect(lambda _checked=False, t=target, k=kwargs: self._fix(t, k))
            button_row.addWidget(button)
            if check.key == "physical_material" and self._readiness is not None:
                adjust = QPushButton(tr("Not needed for this doctor…"), text_host)
                adjust.setAccessibleName(tr("Choose what this doctor does not need"))
                adjust.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
                visit = {"visit_id": self._readiness.visit_id}
                adjust.clicked.connect(
                    lambda _checked=False, k=visit: self._fix("visits.doctor_needs", k)
                )
                button_row.addWidget(adjust)
                self.adjust_buttons[check.key] = adjust
            button_row.addStretch(1)
            text_layout.addLayout(button_row)
            self.fix_buttons[check.key] = button

        self._grid.addWidget(icon, row, 0)
        self._grid.addWidget(status, row, 1)
        self._grid.addWidget(text_host, row, 2)

    def _fix(self, target: str, kwargs: dict[str, int | str]) -> None:
        if target in IN_PLACE:
            self.sig_fix_in_place.emit(target, kwargs)
            return
        self.navigator.navigate(target, **kwargs)
        self.sig_fix_requested.emit(target)
