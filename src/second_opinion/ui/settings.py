"""Per-computer preferences (QSettings). They never hold names, paths of exports or health data:
only window geometry, the last tab, the auto-lock delay, the language, the paper size last
chosen for a PDF, and the (random) id of a vault whose key was remembered in this computer's
keyring."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_AUTO_LOCK_MINUTES = 10


class AppSettings:
    def __init__(self) -> None:
        self._q = QSettings("SecondOpinion", "second-opinion")

    @property
    def auto_lock_minutes(self) -> int:
        value = self._q.value("security/auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES)
        try:
            return max(0, int(str(value)))
        except (TypeError, ValueError):
            return DEFAULT_AUTO_LOCK_MINUTES

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, minutes: int) -> None:
        self._q.setValue("security/auto_lock_minutes", int(minutes))

    @property
    def geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def last_tab(self) -> str:
        return str(self._q.value("window/last_tab", "guide"))

    @last_tab.setter
    def last_tab(self, key: str) -> None:
        self._q.setValue("window/last_tab", key)

    @property
    def remembered_vault(self) -> str:
        """The id of the vault whose key the keyring was last given here ("" for none): a hint
        to try the keyring before showing the window, never the key itself."""
        return str(self._q.value("security/remembered_vault", ""))

    @remembered_vault.setter
    def remembered_vault(self, vault_id: str) -> None:
        if vault_id:
            self._q.setValue("security/remembered_vault", vault_id)
        else:
            self._q.remove("security/remembered_vault")

    @property
    def paper(self) -> str:
        """The paper size last chosen for a PDF ("a4" or "letter"); "" until one is chosen."""
        return str(self._q.value("export/paper", ""))

    @paper.setter
    def paper(self, value: str) -> None:
        self._q.setValue("export/paper", value)

    @property
    def language(self) -> str:
        """The language chosen in Preferences ("en", "es"), or "" to follow the system."""
        return str(self._q.value("ui/language", ""))

    @language.setter
    def language(self, code: str) -> None:
        if code:
            self._q.setValue("ui/language", code)
        else:
            self._q.remove("ui/language")

    def sync(self) -> None:
        self._q.sync()
