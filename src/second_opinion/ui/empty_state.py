"""The designed empty page of a list: an icon, one sentence on what belongs here, and the
buttons that add the first one (the first button is the primary action)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(
        self, icon: QIcon, text: str, buttons: list[QPushButton], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        picture = QLabel(self)
        picture.setPixmap(icon.pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(picture)
        layout.addSpacing(8)
        self.text = QLabel(text, self)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.text.setFont(font)
        self.text.setMaximumWidth(620)  # a line a person can read in one glance
        # Centered between stretches, not by an alignment flag: a wrapped label centered by
        # its layout item gets its one-line size hint and is cut off at top and bottom.
        centered = QHBoxLayout()
        centered.addStretch(1)
        centered.addWidget(self.text, 8)
        centered.addStretch(1)
        layout.addLayout(centered)
        layout.addSpacing(8)
        for button in buttons:
            # Every one is an action, so every one looks like a button.
            button.setParent(self)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(3)
