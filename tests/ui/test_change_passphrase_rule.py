"""The change-passphrase dialog applies the same rule as the create page and the command line."""

from __future__ import annotations

from second_opinion.ui.vault_actions import ChangePassphraseDialog


def test_the_dialog_refuses_a_weak_new_passphrase(qtbot) -> None:
    dialog = ChangePassphraseDialog()
    qtbot.addWidget(dialog)
    dialog.current.setText("correct horse battery staple")
    dialog.new.setText(" ")
    dialog.repeat.setText(" ")
    accepted: list[bool] = []
    dialog.accepted.connect(lambda: accepted.append(True))
    dialog._validate()
    assert not accepted
    assert "too easy to guess" in dialog.error.text()
    dialog.new.setText("maple orbit lantern seventeen")
    dialog.repeat.setText("maple orbit lantern seventeen")
    dialog._validate()
    assert accepted == [True]
