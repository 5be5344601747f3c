"""File-menu work on the vault itself: backup, restore, change passphrase, preferences.

Slow parts (backup, re-key with a new key derivation, restore) run off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from second_opinion.ui import prompts
from second_opinion.ui.tasks import run_in_background

if TYPE_CHECKING:
    from second_opinion.ui.main_window import MainWindow
    from second_opinion.vault.vault import Vault


def _tr(text: str) -> str:
    return QCoreApplication.translate("vault_actions", text)


def backup(window: MainWindow, vault: Vault) -> None:
    name = f"second-opinion-backup-{dt.date.today().isoformat()}.sobackup"
    path = prompts.ask_save_path(
        window,
        _tr("Save an encrypted backup"),
        name,
        _tr("Second Opinion backups (*.sobackup)"),
    )
    if path is None:
        return
    if path.suffix != ".sobackup":
        path = path.with_name(path.name + ".sobackup")
    window.statusBar().showMessage(_tr("Writing the backup…"))

    def done(_result: Any) -> None:
        window.statusBar().showMessage(
            _tr("Backup saved. It opens with your current passphrase."), 8000
        )

    def failed(exc: BaseException) -> None:
        window.statusBar().clearMessage()
        prompts.show_error(window, _tr("Backup"), str(exc))

    run_in_background(lambda: vault.backup_to(path), done, failed)


def restore(window: MainWindow) -> None:
    path = prompts.ask_open_path(
        window, _tr("Restore from a backup"), _tr("Second Opinion backups (*.sobackup)")
    )
    if path is None:
        return
    passphrase = prompts.ask_passphrase(
        window,
        _tr("Restore from a backup"),
        _tr("Passphrase of the backup (the one in use when it was made):"),
    )
    if not passphrase:
        return
    from second_opinion.vault.vault import vault_id_of_backup, vault_id_of_folder

    folder = window.data_dir
    current_id = vault_id_of_folder(folder)
    other_vault = current_id is not None and vault_id_of_backup(path) not in (None, current_id)
    question = (
        _tr(
            "This backup ({name}) is of a different vault, not of the one you have open: "
            "restoring it replaces your vault with that other one. Your vault is kept as a "
            "copy in the backups folder. Replace it?"
        ).replace("{name}", path.name)
        if other_vault
        else _tr(
            "Replace the vault with this backup? Changes made since the backup will be "
            "replaced; the current vault is kept as a copy in the backups folder."
        )
    )
    if not prompts.ask_confirm(window, _tr("Restore from a backup"), question, _tr("Restore")):
        return
    if window.vault is not None:
        window.lock()

    def work() -> Any:
        from second_opinion.vault.vault import Vault

        return Vault.restore(folder, path, passphrase, replace_other_vault=other_vault)

    def done(_kept: Any) -> None:
        window.show_lock_page(
            _tr("The backup was restored. Unlock it with the backup's passphrase."),
            try_remembered_key=False,
        )

    def failed(exc: BaseException) -> None:
        prompts.show_error(window, _tr("Restore from a backup"), str(exc))

    run_in_background(work, done, failed)


class ChangePassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change passphrase"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "The vault is re-encrypted with the new passphrase. Backups made earlier keep "
                "opening with the passphrase they were made with."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.current = self._field(self.tr("Current passphrase"))
        self.new = self._field(self.tr("New passphrase"))
        self.repeat = self._field(self.tr("Repeat the new passphrase"))
        form.addRow(self.tr("&Current passphrase:"), self.current)
        form.addRow(self.tr("&New passphrase:"), self.new)
        form.addRow(self.tr("&Repeat it:"), self.repeat)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Message"))
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._validate)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _validate(self) -> None:
        if not self.current.text() or not self.new.text():
            self._complain(self.tr("Fill in the current and the new passphrase."))
        elif self.new.text() != self.repeat.text():
            self._complain(self.tr("The two new passphrases are not the same."))
        else:
            from second_opinion.vault.passphrase_rule import WeakPassphrase, check_new_passphrase

            try:
                check_new_passphrase(self.new.text())
            except WeakPassphrase as refusal:
                self._complain(str(refusal))
                return
            self.accept()

    def _complain(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def change_passphrase(window: MainWindow, vault: Vault) -> ChangePassphraseDialog:
    dialog = ChangePassphraseDialog(window)

    def start() -> None:
        old, new = dialog.current.text(), dialog.new.text()
        for field in (dialog.current, dialog.new, dialog.repeat):
            field.clear()  # the dialog lives on; the passphrases need not
        window.statusBar().showMessage(_tr("Changing the passphrase…"))

        def work() -> None:
            from second_opinion.vault.keystore import KeyStore

            vault.change_passphrase(old, new)
            store = KeyStore()
            if store.load(vault.vault_id) is not None:
                store.save(vault.vault_id, vault.key)

        def done(_result: Any) -> None:
            window.statusBar().showMessage(_tr("The passphrase was changed."), 8000)

        def failed(exc: BaseException) -> None:
            window.statusBar().clearMessage()
            prompts.show_error(window, _tr("Change passphrase"), str(exc))

        run_in_background(work, done, failed)

    dialog.accepted.connect(start)
    dialog.open()
    return dialog


class PreferencesDialog(QDialog):
    def __init__(self, minutes: int, parent: QWidget | None = None, language: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.auto_lock = QSpinBox(self)
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(self.tr(" minutes"))
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setValue(minutes)
        self.auto_lock.setAccessibleName(self.tr("Lock after idle time"))
        self.auto_lock.setToolTip(
            self.tr("Lock the vault when the keyboard and mouse have not been used this long.")
        )
        form.addRow(self.tr("&Lock after being idle for:"), self.auto_lock)
        from second_opinion.ui.i18n import LANGUAGES

        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("As the system"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)  # each language in its own words
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        form.addRow(self.tr("Lan&guage:"), self.language)
        self.language_note = QLabel(
            self.tr("A new language shows the next time you open Second Opinion."), self
        )
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda: self.language_note.setVisible(self.language.currentData() != language)
        )
        form.addRow(self.language_note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def preferences(window: MainWindow) -> PreferencesDialog:
    dialog = PreferencesDialog(
        window.settings.auto_lock_minutes, window, language=window.settings.language
    )

    def save() -> None:
        window.settings.auto_lock_minutes = dialog.auto_lock.value()
        window.settings.language = str(dialog.language.currentData())
        if window.vault is not None:
            window.idle.set_interval_ms(dialog.auto_lock.value() * 60_000)

    dialog.accepted.connect(save)
    dialog.open()
    return dialog
