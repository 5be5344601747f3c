"""The Save / Cancel row every form dialog ends with, in the platform's order."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox


def save_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Save accepts, Cancel rejects; each button is named for screen readers (and tests)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    for button in buttons.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    return buttons
