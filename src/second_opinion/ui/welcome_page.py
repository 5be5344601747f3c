"""The first-run page: choose a passphrase and create the vault.

Shown before anything but Qt is loaded, like the unlock page beside it, whose building blocks
(the card, headings, the busy state) it shares.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from second_opinion.ui.unlock_page import (
    KEYRING_CHECK_DELAY_MS,
    _BusyPage,
    _button,
    _card,
    _heading,
    _lock_unseen,
    _make_bold,
    _paragraph,
)


class WelcomePage(_BusyPage):
    """First run: what the vault is, and creating the passphrase."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(data_dir, parent)
        self.setAccessibleName(self.tr("Welcome"))
        _card_widget, layout = _card(self)
        layout.addWidget(_heading(self.tr("Welcome to Second Opinion"), self))
        layout.addWidget(
            _paragraph(
                self.tr(
                    "Everything you keep here (doctors, records, questions, visits and opinions) "
                    "is stored in one encrypted file on this computer, your vault. It opens only "
                    "with the passphrase you choose now, and nothing is sent anywhere."
                ),
                self,
            )
        )
        warning = _paragraph(
            self.tr(
                "Write your passphrase down and keep it somewhere safe. If you forget it, "
                "nobody can open the vault: not you, not us."
            ),
            self,
        )
        _make_bold(warning)
        layout.addWidget(warning)
        self.person_name = QLineEdit(self.tr("Me"), self)
        self.person_name.setAccessibleName(self.tr("Whose second opinion is this?"))
        self.person_name.setToolTip(
            self.tr("Your name, or the name of the person you are helping. You can add more later.")
        )
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("New passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Several words are easy to remember"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.repeat.returnPressed.connect(self.create_vault)
        self.strength = QProgressBar(self)
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setAccessibleName(self.tr("Passphrase strength"))
        self.strength_label = QLabel(self)
        self.strength_label.setWordWrap(True)
        self.strength_label.setAccessibleName(self.tr("Passphrase strength"))
        self.passphrase.textChanged.connect(self._rate)
        form = QFormLayout()
        form.addRow(self.tr("Whose second &opinion is this?"), self.person_name)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("&Repeat it:"), self.repeat)
        form.addRow(self.tr("Strength:"), self.strength)
        form.addRow("", self.strength_label)
        layout.addLayout(form)
        self.field_before_remember = self.repeat
        layout.addLayout(self.status_area)
        self.create_button = _button(self.tr("&Create my vault"), self)
        self.create_button.setDefault(True)
        self.create_button.setAccessibleName(self.tr("Create my vault"))
        self.create_button.clicked.connect(self.create_vault)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        self._score = 0
        # The page starts where it is read, at the first question. (With the passphrase as
        # the proxy, Tab from the last control came back to the passphrase and never reached
        # the name: Qt puts a proxy's tab stop where the page itself is in the chain.)
        self.setFocusProxy(self.person_name)

    def start(self) -> None:
        self.person_name.setFocus()
        QTimer.singleShot(KEYRING_CHECK_DELAY_MS, self, self.check_keyring)

    def _rate(self, text: str) -> None:
        if not text:
            self._score = 0
            self.strength.setValue(0)
            self.strength_label.clear()
            return
        from zxcvbn import zxcvbn  # loaded on first keystroke, not at start-up

        result = zxcvbn(text[:100])
        self._score = int(result["score"])
        self.strength.setValue(self._score)
        words = [
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Good"),
            self.tr("Strong"),
        ]
        hint = result.get("feedback", {}).get("warning") or ""
        label = words[self._score]
        self.strength_label.setText(f"{label}. {hint}".strip() if hint else label)

    def create_vault(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.show_error(self.tr("Choose a passphrase first."))
            return
        if passphrase != self.repeat.text():
            self.show_error(self.tr("The two passphrases are not the same. Type them again."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        self._rate(passphrase)
        from second_opinion.vault.passphrase_rule import WeakPassphrase, check_new_passphrase

        try:
            check_new_passphrase(passphrase)
        except WeakPassphrase as refusal:
            self.show_error(str(refusal))
            return
        name = self.person_name.text().strip() or self.tr("Me")
        folder = self.data_dir
        remember = self.remember_chosen()

        def attempt() -> Any:
            from second_opinion.case.people import create_vault_for
            from second_opinion.vault.keystore import KeyStore

            vault = create_vault_for(folder, passphrase, name)
            if remember and KeyStore().save(vault.vault_id, vault.key):
                self._remembered_id = vault.vault_id
            return vault

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            self.show_error(str(exc))

        def done(vault: Any) -> None:
            self.set_busy(False)
            self.passphrase.clear()
            self.repeat.clear()
            if self._remembered_id:
                self.sig_remembered.emit(self._remembered_id)
            self.sig_unlocked.emit(vault)

        self.set_busy(True)
        from second_opinion.ui.tasks import run_in_background

        run_in_background(attempt, done, failed, owner=self, discard=_lock_unseen)
