"""Every modal question the app asks, in one place tests can answer.

GUI tests must never block on a modal dialog. Code calls these functions; tests replace the
module-level ``answerer`` (see ``tests/ui/conftest.py``) so each question gets a scripted
answer and is recorded for assertions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


@dataclass
class ScriptedAnswers:
    """Test double: answers confirmations from a queue and records every prompt shown."""

    confirms: list[bool] = field(default_factory=list)
    save_paths: list[Path | None] = field(default_factory=list)
    open_paths: list[Path | None] = field(default_factory=list)
    #: answers to ``ask_open_paths``: each a list of files, or None for Cancel
    open_path_lists: list[list[Path] | None] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)
    #: answers to ``ask_choice``: each the index chosen, or None for Cancel
    choices: list[int | None] = field(default_factory=list)
    #: where scripted "printing" goes: each print job writes a PDF to the next path
    print_to: list[Path] = field(default_factory=list)
    shown: list[tuple[str, str, str]] = field(default_factory=list)

    def next_confirm(self) -> bool:
        return self.confirms.pop(0) if self.confirms else True


if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

#: When set, prompts are answered from it instead of showing a dialog.
scripted: ScriptedAnswers | None = None

#: The open vault's folder (set by the main window): no save dialog may choose a file in it.
protected_folder: Path | None = None


def ask_confirm(
    parent: QWidget | None, title: str, text: str, confirm_label: str | None = None
) -> bool:
    """Ask a yes/no question; the confirming button can name the action ("Delete")."""
    if scripted is not None:
        scripted.shown.append(("confirm", title, text))
        return scripted.next_confirm()
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(confirm_label or box.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, "error", QMessageBox.Icon.Warning, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, "info", QMessageBox.Icon.Information, title, text)


def _show(parent: QWidget | None, kind: str, icon: QMessageBox.Icon, title: str, text: str) -> None:
    if scripted is not None:
        scripted.shown.append((kind, title, text))
        return
    QMessageBox(icon, title, text, parent=parent).exec()


def ask_save_path(
    parent: QWidget | None, title: str, suggested_name: str, file_filter: str
) -> Path | None:
    """Where to save a file; None when the user cancels. No recent-files history is kept.

    A file inside the vault's folder (``protected_folder``) is refused with an error and the
    question asked again: it could overwrite the vault.
    """
    while True:
        if scripted is not None:
            scripted.shown.append(("save", title, suggested_name))
            path = scripted.save_paths.pop(0) if scripted.save_paths else None
        else:
            dialog = QFileDialog(parent, title, str(Path.home() / suggested_name), file_filter)
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, False)
            dialog.setHistory([])
            accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
            path = Path(dialog.selectedFiles()[0]) if accepted and dialog.selectedFiles() else None
        if path is None or protected_folder is None:
            return path
        from second_opinion.vault.errors import OutputInsideVault
        from second_opinion.vault.guard import is_inside_vault

        if not is_inside_vault(path, protected_folder):
            return path
        show_error(parent, title, OutputInsideVault.message)


def ask_open_path(parent: QWidget | None, title: str, file_filter: str) -> Path | None:
    if scripted is not None:
        scripted.shown.append(("open", title, ""))
        return scripted.open_paths.pop(0) if scripted.open_paths else None
    dialog = QFileDialog(parent, title, str(Path.home()), file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setHistory([])
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_open_paths(parent: QWidget | None, title: str, file_filter: str) -> list[Path]:
    """Several existing files at once; an empty list when the user cancels."""
    if scripted is not None:
        scripted.shown.append(("open-many", title, ""))
        answer = scripted.open_path_lists.pop(0) if scripted.open_path_lists else None
        return list(answer or [])
    dialog = QFileDialog(parent, title, str(Path.home()), file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setHistory([])
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return [Path(name) for name in dialog.selectedFiles()]


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None when canceled."""
    if scripted is not None:
        scripted.shown.append(("text", title, label))
        return scripted.texts.pop(0) if scripted.texts else None
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def ask_choice(
    parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0
) -> int | None:
    """One of ``items`` (its index), ``current`` offered first; None when canceled."""
    if scripted is not None:
        scripted.shown.append(("choice", title, label))
        return scripted.choices.pop(0) if scripted.choices else current
    value, ok = QInputDialog.getItem(parent, title, label, items, current, False)
    return items.index(value) if ok and value in items else None


def ask_passphrase(parent: QWidget | None, title: str, label: str) -> str | None:
    """A passphrase typed hidden, or None when canceled."""
    if scripted is not None:
        scripted.shown.append(("passphrase", title, label))
        return scripted.texts.pop(0) if scripted.texts else None
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return value if ok else None


def ask_print(parent: QWidget | None, printer: QPrinter) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    """Qt's print dialog for ``printer``; False when canceled."""
    if scripted is not None:
        scripted.shown.append(("print", printer.docName(), ""))
        if not scripted.print_to:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(scripted.print_to.pop(0)))
        return True
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted
