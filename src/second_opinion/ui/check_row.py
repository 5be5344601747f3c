"""A check box whose text wraps onto more lines, as a QCheckBox's own text cannot.

The row is a bare QCheckBox (the tick, the keyboard focus and its focus frame, Space to
toggle) and a word-wrapped label beside it. The check box carries the text as its accessible
name, so a screen reader announces one control with its whole text; clicking the text toggles
the box, as clicking a QCheckBox's own text would.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget


class _ClickableText(QLabel):
    """The row's text: a click on it is a click on the box."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
            self._box.click()  # toggles and emits clicked/toggled, as a click on the box does
            event.accept()
            return
        super().mouseReleaseEvent(event)


class WrappingCheckBox(QWidget):
    """A tick box with a text that wraps; ``box`` is the QCheckBox to connect to."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.box.setAccessibleName(text)
        self.label = _ClickableText(text, self.box, self)
        # As tall as a line of the text, so the tick sits level with the first line.
        self.box.setMinimumHeight(self.label.fontMetrics().lineSpacing())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The tick lines up with the first line of the text, however many lines follow.
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.setFocusProxy(self.box)

    def text(self) -> str:
        return self.label.text()

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def setChecked(self, checked: bool) -> None:
        self.box.setChecked(checked)
