"""The profile's "where to reach me" fields: address, phone and e-mail.

A records request letter signs with them. Kept apart from ``profile_dialog`` so that file
stays a livable size.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from second_opinion.services.profile import Profile
from second_opinion.ui.call_form import line, multiline


def tr(text: str) -> str:
    return QCoreApplication.translate("ProfileDialog", text)


class ReachFields:
    """Builds the three fields and hands each to ``add(field, widget, caption)``."""

    def __init__(self, page: QWidget, add: Callable[[str, QWidget, str], None]) -> None:
        self.address = multiline(
            page, tr("Your address"), tr("Street, city and ZIP code, for letters"), 3
        )
        self.phone = line(page, tr("Your phone"))
        self.phone.setPlaceholderText(tr("Where a records office can call you back"))
        self.email = line(page, tr("Your e-mail"))
        self.email.setPlaceholderText("name@example.org")
        add("address", self.address, tr("&Address:"))
        add("own_phone", self.phone, tr("&Phone:"))
        add("email", self.email, tr("&E-mail:"))

    def fill(self, profile: Profile) -> None:
        self.address.setPlainText(profile.address)
        self.phone.setText(profile.phone)
        self.email.setText(profile.email)

    def values(self) -> dict[str, str]:
        return {
            "address": self.address.toPlainText(),
            "phone": self.phone.text(),
            "email": self.email.text(),
        }
