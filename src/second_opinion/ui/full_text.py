"""A rich-text view as tall as its text, for a page that scrolls as a whole.

A QTextBrowser normally scrolls inside itself; squeezed between a title and a checklist on a
small screen with a large font, it shows two lines at a time. This one reports the height its
text needs at a given width (``heightForWidth``), so a scroll area around the whole page gives
it that height and the reader scrolls one page, not a box inside it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QKeyEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QSizePolicy,
    QTextBrowser,
    QWidget,
)

#: the keys that scroll; with no scrolling of its own, the view hands them to the page
_SCROLL_KEYS = {
    Qt.Key.Key_Up: QAbstractSlider.SliderAction.SliderSingleStepSub,
    Qt.Key.Key_Down: QAbstractSlider.SliderAction.SliderSingleStepAdd,
    Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
    Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd,
}


class FullTextBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._measuring = False
        self.document().documentLayout().documentSizeChanged.connect(self._text_resized)

    def _text_resized(self) -> None:
        if not self._measuring:  # measuring lays the text out again: no new layout pass
            self.updateGeometry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = _SCROLL_KEYS.get(Qt.Key(event.key()))
        page = self._page()
        if action is not None and page is not None and not event.modifiers():
            page.verticalScrollBar().triggerAction(action)
            event.accept()
            return
        super().keyPressEvent(event)

    def _page(self) -> QAbstractScrollArea | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        return parent

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        frame = 2 * self.frameWidth()
        document = self.document()
        current = document.textWidth()
        self._measuring = True
        try:
            document.setTextWidth(max(1, width - frame))
            height = math.ceil(document.size().height()) + frame
            document.setTextWidth(current)
        finally:
            self._measuring = False
        return height

    def sizeHint(self) -> QSize:
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.fontMetrics().lineSpacing() * 3)


def tone_down_headings(view: QTextBrowser) -> None:
    """Qt draws Markdown headings very large; make them modest, with air above them."""
    body_size = view.font().pointSizeF()
    cursor = QTextCursor(view.document())
    block = view.document().begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level:
            cursor.setPosition(block.position())
            cursor.setPosition(
                block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
            )
            # Qt sizes Markdown headings by a relative adjustment that wins over any point
            # size; drop it (replacing the format, not merging) and set a modest size.
            char_format = QTextCharFormat(block.charFormat())
            char_format.clearProperty(QTextFormat.Property.FontSizeAdjustment)
            char_format.setFontWeight(QFont.Weight.Bold)
            char_format.setFontPointSize(body_size * (1.3 if level <= 2 else 1.15))
            cursor.setCharFormat(char_format)
            block_format = block.blockFormat()
            block_format.setTopMargin(body_size * 1.2)
            block_format.setBottomMargin(body_size * 0.3)
            cursor.setBlockFormat(block_format)
        block = block.next()
    view.document().setModified(False)
