"""Help -> About -> Licenses: the notices of every work the app is built from, searchable.

The text comes from ``second_opinion.licenses.third_party_text``: in a release, the
``THIRD-PARTY-LICENSES`` file the build put in the bundle; from source, a summary made from
the installed packages' metadata that says so.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from second_opinion.licenses import third_party_text


class LicensesDialog(QDialog):
    """A read-only view of the license notices with a search field (Enter finds the next)."""

    def __init__(self, parent: QWidget | None = None, text: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("licensesDialog")
        self.setWindowTitle(self.tr("Licenses"))
        self.setAccessibleName(self.tr("Licenses"))
        self.resize(760, 620)
        layout = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "Second Opinion is free software under the GNU General Public License, "
                "version 3 or later. It is built from the works below, each under its own "
                "license."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        search_row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("licensesSearch")
        self.search.setPlaceholderText(self.tr("Search the licenses"))
        self.search.setAccessibleName(self.tr("Search the licenses"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.search.textEdited.connect(self._search_from_top)
        search_row.addWidget(self.search, 1)
        self.find_button = QPushButton(self.tr("Find next"), self)
        self.find_button.setAccessibleName(self.tr("Find next"))
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.find_next)
        search_row.addWidget(self.find_button)
        layout.addLayout(search_row)

        self.status = QLabel("", self)
        self.status.setAccessibleName(self.tr("Search result"))
        layout.addWidget(self.status)

        self.view = QPlainTextEdit(self)
        self.view.setObjectName("licensesText")
        self.view.setAccessibleName(self.tr("License texts"))
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.view.setFont(QFont(fixed))
        self.view.setPlainText(third_party_text() if text is None else text)
        layout.addWidget(self.view, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        layout.addWidget(buttons)
        self.search.setFocus()

    def _search_from_top(self) -> None:
        cursor = self.view.textCursor()
        cursor.setPosition(min(cursor.selectionStart(), len(self.view.toPlainText())))
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.find_next()

    def find_next(self) -> bool:
        """Select the next match after the cursor, wrapping round once; say when none."""
        needle = self.search.text()
        if not needle:
            self.status.setText("")
            return False
        found = self.view.find(needle, QTextDocument.FindFlag(0))
        if not found:
            cursor = self.view.textCursor()
            cursor.setPosition(0)
            self.view.setTextCursor(cursor)
            found = self.view.find(needle, QTextDocument.FindFlag(0))
        self.status.setText("" if found else self.tr("Not found: {0}").format(needle))
        return found


def show_licenses(parent: QWidget | None) -> LicensesDialog:
    """Open the Licenses view, not modal, and return it."""
    dialog = LicensesDialog(parent)
    dialog.open()
    return dialog
