"""Help menu: keyboard shortcuts, "not medical advice" and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from second_opinion import APP_NAME, __version__
from second_opinion.ui.notices import NOT_MEDICAL_ADVICE


def _tr(text: str) -> str:
    return QCoreApplication.translate("help", text)


def shortcut_rows() -> list[tuple[str, str]]:
    return [
        ("Ctrl+N", _tr("Add a new item in the current tab")),
        ("Ctrl+F", _tr("Search in the current tab")),
        ("Enter", _tr("Open the selected item")),
        ("Delete", _tr("Delete the selected item (asks first)")),
        ("Alt+Up / Alt+Down", _tr("Move the selected question up or down")),
        ("Alt+1 … Alt+8", _tr("Go to a tab (Alt+1 is Today)")),
        ("Ctrl+K", _tr("Find anything in the whole case")),
        ("F1", _tr("Open the guide")),
        ("Ctrl+P", _tr("Prepare a visit packet")),
        ("Ctrl+L", _tr("Lock the vault now")),
        ("Ctrl+Q", _tr("Quit")),
    ]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def show_shortcuts(parent: QWidget) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(_tr("Keyboard shortcuts"))
    layout = QVBoxLayout(dialog)
    rows = "".join(
        f"<tr><td style='padding:3px 18px 3px 0'><b>{_escape(keys)}</b></td>"
        f"<td>{_escape(what)}</td></tr>"
        for keys, what in shortcut_rows()
    )
    label = QLabel(f"<table>{rows}</table>", dialog)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAccessibleName(_tr("Keyboard shortcuts"))
    layout.addWidget(label)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    licenses = buttons.addButton(_tr("Licenses…"), QDialogButtonBox.ButtonRole.HelpRole)
    licenses.setAccessibleName(_tr("Licenses of the parts Second Opinion is built from"))

    def show_licenses() -> None:
        from second_opinion.ui.licenses_dialog import show_licenses as open_licenses

        open_licenses(dialog)

    licenses.clicked.connect(show_licenses)
    layout.addWidget(buttons)
    dialog.open()
    return dialog


def show_disclaimer(parent: QWidget) -> None:
    from second_opinion.ui import prompts

    prompts.show_info(parent, _tr("Not medical advice"), _tr(NOT_MEDICAL_ADVICE))


def show_about(parent: QWidget) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(_tr("About Second Opinion"))
    layout = QVBoxLayout(dialog)
    title = QLabel(f"<h2>{APP_NAME} {__version__}</h2>", dialog)
    layout.addWidget(title)
    body = QLabel(
        _tr(
            "Keeps the doctors, records, questions, visits and opinions of a second opinion "
            "in one encrypted file on this computer. Nothing is sent anywhere."
        )
        + "\n\n"
        + _tr(NOT_MEDICAL_ADVICE),
        dialog,
    )
    body.setWordWrap(True)
    body.setTextFormat(Qt.TextFormat.PlainText)
    layout.addWidget(body)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    licenses = buttons.addButton(_tr("Licenses…"), QDialogButtonBox.ButtonRole.HelpRole)
    licenses.setAccessibleName(_tr("Licenses of the parts Second Opinion is built from"))

    def show_licenses() -> None:
        from second_opinion.ui.licenses_dialog import show_licenses as open_licenses

        open_licenses(dialog)

    licenses.clicked.connect(show_licenses)
    layout.addWidget(buttons)
    dialog.open()
    return dialog
