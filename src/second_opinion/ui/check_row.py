"""A check box whose text wraps onto more lines, as a QCheckBox's own text cannot.

The row is a bare QCheckBox (the tick, the keyboard focus, Space to toggle) and a
word-wrapped label beside it; while the box has the keyboard focus the label draws the
style's focus frame around the text, where a QCheckBox draws it. The check box carries the
text as its accessible name, so a screen reader announces one control with its whole text;
clicking the text toggles the box, as clicking a QCheckBox's own text would.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyleOptionFocusRect,
    QVBoxLayout,
    QWidget,
)


class _ClickableText(QLabel):
    """The row's text: a click on it is a click on the box."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._box and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.update()  # the focus frame comes or goes
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        window = self.window()
        if not self._box.hasFocus() or not window.testAttribute(
            Qt.WidgetAttribute.WA_KeyboardFocusChange
        ):
            return  # as a QCheckBox: the frame shows once the keyboard has moved the focus
        option = QStyleOptionFocusRect()
        option.initFrom(self)
        option.rect = self.contentsRect()
        option.backgroundColor = self.palette().color(self.backgroundRole())
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)
        painter.end()

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
        self._column = QVBoxLayout()
        self._column.addWidget(self.label)
        layout.addLayout(self._column, 1)
        self.setFocusProxy(self.box)
        # A stop of its own in the Tab order, given to the box: QWidget.setTabOrder then moves
        # the row with the box and its button, never the box out of the row. (A row left
        # behind at its first place in the order caught Tab there and sent it back to the box.)
        self.setFocusPolicy(self.box.focusPolicy())

    def add_below(self, widget: QWidget) -> None:
        """Put ``widget`` (a button for the item) under the text, lined up with it."""
        widget.setParent(self)
        self._column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)

    def text(self) -> str:
        return self.label.text()

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def setChecked(self, checked: bool) -> None:
        self.box.setChecked(checked)
