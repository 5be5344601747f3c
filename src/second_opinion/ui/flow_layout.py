"""A layout that lines its items up left to right and wraps onto a new line when the room
runs out, as words do in a paragraph.

Button rows use it so that a long translation, a large font or a narrow window moves a button
to the next line instead of squeezing its text. Each line's leftover width goes to the items
that ask to grow (a search field, a spacer from ``add_stretch``), so a row that fits on one
line looks like an ordinary box layout. The height for a given width is reported
(``heightForWidth``), so the surrounding layout gives the row the lines it needs.

Keyboard order is the order of creation (or ``setTabOrder``), not of the layout: add the
items in reading order.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        #: heights for widths asked since the layout last changed: the layouts around ask
        #: for the same few widths many times while a page is built and shown
        self._heights: dict[int, int] = {}
        if parent is not None:
            self.setContentsMargins(0, 0, 0, 0)

    # ---------------------------------------------------------------- QLayout's interface
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def add_stretch(self) -> None:
        """Room that takes a line's leftover width (pushes what follows to the right)."""
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self.invalidate()
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        # Qt calls this when an item is added or removed, or an item's size hint or
        # visibility changes (a button's text translated, a widget hidden).
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line."""
        width = height = 0
        shown = self._shown()
        for item in shown:
            hint = item.sizeHint()
            width += hint.width()
            height = max(height, hint.height())
        width += self._gap() * max(0, len(shown) - 1)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """As narrow as the widest item: one item a line."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize()).expandedTo(QSize(item.sizeHint().width(), 0))
        return size.grownBy(self.contentsMargins())

    # ---------------------------------------------------------------- arranging
    def spacing(self) -> int:
        return self._gap()

    def setSpacing(self, spacing: int) -> None:
        self._spacing = spacing
        self.invalidate()

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        style = parent.style()
        return max(
            0, style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)
        )

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty() or _is_stretch(item)]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            wanted = item.sizeHint().width()
            if lines[-1] and used + self._gap() + wanted > width:
                lines.append([])
                used = 0
            used += (self._gap() if lines[-1] else 0) + wanted
            lines[-1].append(item)
        # A stretch that starts or ends a wrapped line only pushes against nothing.
        return [line for line in lines if any(not _is_stretch(item) for item in line)]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        width = max(1, area.width())
        y = area.y()
        gap = self._gap()
        for number, line in enumerate(self._lines(width)):
            if number:
                y += gap
            widths = [min(item.sizeHint().width(), width) for item in line]
            growing = [i for i, item in enumerate(line) if _grows(item)]
            spare = width - sum(widths) - gap * (len(line) - 1)
            if spare > 0 and growing:
                for turn, i in enumerate(growing):
                    share = spare // len(growing) + (1 if turn < spare % len(growing) else 0)
                    limit = line[i].maximumSize().width()
                    widths[i] = min(widths[i] + share, limit)
            height = max(_height(item, w) for item, w in zip(line, widths, strict=True))
            if move:
                x = area.x()
                for item, item_width in zip(line, widths, strict=True):
                    item_height = min(height, item.maximumSize().height())
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(item_width, item_height)))
                    x += item_width + gap
            y += height
        return y - area.y() + margins.top() + margins.bottom()


def _is_stretch(item: QLayoutItem) -> bool:
    return item.spacerItem() is not None and _grows(item)


def _grows(item: QLayoutItem) -> bool:
    return bool(item.expandingDirections() & Qt.Orientation.Horizontal)


def _height(item: QLayoutItem, width: int) -> int:
    """A wrapped label's height at the width it gets; any other item's preferred height."""
    if item.hasHeightForWidth():
        return max(item.heightForWidth(width), item.minimumSize().height())
    return item.sizeHint().height()
