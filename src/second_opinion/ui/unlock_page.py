"""What the window shows while the vault is locked: the first-run welcome or the unlock prompt.

This module imports nothing but Qt at load time, so the first window paints fast; the vault,
the keyring and the key derivation are imported inside the background tasks, which start
once the page has painted (or at once when the window is kept back while a remembered key is
tried, see ``MainWindow.show_when_ready``). It does not even touch the ``Qt`` namespace before
the page is painted: PySide builds all of that namespace's enumerations on first use, about
28 ms, more than the rest of this page costs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    # Made only when first needed, after the first frame: PySide creates each class (and its
    # enumerations) the first time it is imported, half a millisecond or so apiece.
    from PySide6.QtWidgets import QCheckBox, QProgressBar

KEYRING_CHECK_DELAY_MS = 150
#: pixels between the lines of a page's card
CARD_SPACING = 12
BUSY_BAR_DELAY_MS = 400

# Refusals that mean "this file needs attention", where restoring a backup is the way out.
_RESTORABLE = {"VaultDamaged", "VaultMissing", "NotAVault", "WeakKdfParameters"}


def _card(parent: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """A centered column of comfortable width, used by both pages."""
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    card = QWidget(parent)
    card.setMaximumWidth(520)
    card.setMinimumWidth(380)
    row.addWidget(card, 3)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    layout = QVBoxLayout(card)
    layout.setSpacing(CARD_SPACING)
    return card, layout


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _button(text: str, parent: QWidget) -> QPushButton:
    """A push button with ``text``, made as the parent's child first and labeled after.

    ``QPushButton(text, parent)`` makes PySide weigh the constructor that takes an icon, and
    so create its icon class with every enumeration of it (some hundred theme icons), about
    1.3 ms on the way to the first frame; the button is the same either way.
    """
    button = QPushButton(parent)
    button.setText(text)
    return button


def _lock_unseen(vault: Any) -> None:
    """A vault opened for a page that went away meanwhile: locked again, never left open."""
    if vault is not None:
        vault.lock()


def _make_bold(label: QLabel) -> None:
    # A font, not a style sheet: a style sheet, even on one label, puts Qt's style-sheet
    # machinery into the first paint.
    font = label.font()
    font.setBold(True)
    label.setFont(font)


def _paragraph(text: str, parent: QWidget) -> QLabel:
    # Only the app's own sentences, never markup, so the default (automatic) format shows them
    # as plain text.
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class _BusyPage(QWidget):
    """Shared busy/error handling of the two pages, and "the page has been seen".

    Work that can wait (asking the keyring, trying a remembered key) starts only once the
    page's first frame is drawn, so a background thread never competes with the first paint.
    """

    sig_unlocked = Signal(object)  # the opened Vault
    #: once, after the first frame and any start-up work (a remembered key) that followed it
    sig_settled = Signal()
    #: the vault id whose key this computer's keyring now holds, or "" when it holds none
    sig_remembered = Signal(str)

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._painted = False
        self._after_paint: list[Callable[[], None]] = []
        self._remembered_id = ""  # set by a worker when it gave the keyring this vault's key
        self._settled = False
        self._key_missing = False
        self.installEventFilter(self)
        #: under the form, top to bottom: the "Remember" box, the keyring note, the busy bar and
        #: the error; each hidden until there is something to show. The box and the bar are
        #: made when first needed (see ``remember`` and ``busy``), so not for the first frame.
        self.status_area = QVBoxLayout()
        self.status_area.setContentsMargins(0, 0, 0, 0)
        self.status_area.setSpacing(CARD_SPACING)
        self._remember: QCheckBox | None = None
        self._busy: QProgressBar | None = None
        #: the field the "Remember" box follows when Tab goes down the page
        self.field_before_remember: QWidget | None = None
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        self.keyring_note.hide()
        self.status_area.addWidget(self.keyring_note)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        # No fixed accessible name: a screen reader reads the message itself. Made bold when
        # first shown: a font is a class PySide creates on first use, with eight enumerations.
        self.error.hide()
        self.status_area.addWidget(self.error)
        #: modules the window will need right after unlocking; imported on the unlock thread
        self.warm_modules: list[str] = []

    @property
    def remember(self) -> QCheckBox:
        """ "Remember on this computer", shown once the keyring has been found usable."""
        if self._remember is None:
            from PySide6.QtWidgets import QCheckBox

            box = QCheckBox(self)
            box.setText(self.tr("Remember on this computer"))
            box.setAccessibleName(self.tr("Remember on this computer"))
            box.setToolTip(
                self.tr(
                    "Keep the vault's key in this computer's keyring so it opens without the "
                    "passphrase. Anyone using your account could then open it."
                )
            )
            box.hide()
            self.status_area.insertWidget(0, box)
            if self.field_before_remember is not None:
                QWidget.setTabOrder(self.field_before_remember, box)
            self._remember = box
        return self._remember

    def remember_chosen(self) -> bool:
        """Whether the person asked to keep the key in this computer's keyring."""
        box = self._remember
        return box is not None and box.isVisible() and box.isChecked()

    @property
    def busy(self) -> QProgressBar:
        """The bar that moves while the vault opens."""
        if self._busy is None:
            from PySide6.QtWidgets import QProgressBar

            bar = QProgressBar(self)
            bar.setRange(0, 0)
            bar.setTextVisible(False)
            bar.setAccessibleName(self.tr("Working"))
            bar.hide()
            self.status_area.insertWidget(self.status_area.indexOf(self.error), bar)
            self._busy = bar
        return self._busy

    def _hide_busy(self) -> None:
        if self._busy is not None:
            self._busy.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Installed on the page itself until its first paint, then removed: a Python
        # paintEvent would be called (and take the GIL from the unlock thread) on every frame.
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.removeEventFilter(self)
            # After the rest of this frame (the zero timer runs once the paint is over).
            QTimer.singleShot(0, self, self._run_after_paint)
        return False

    def _run_after_paint(self) -> None:
        waiting, self._after_paint = self._after_paint, []
        for work in waiting:
            work()
        if not self._busy_at_start():
            self._settle()

    def _busy_at_start(self) -> bool:
        """Whether start-up work is still running (it emits ``sig_settled`` when done)."""
        return False

    def _settle(self) -> None:
        if not self._settled:
            self._settled = True
            self.sig_settled.emit()

    def when_painted(self, work: Callable[[], None]) -> None:
        """Run ``work`` after the page's first frame (at once if that is over already).

        A page that is still not on screen once the event loop runs (a window built but never
        shown, as in tests and scripts) has no frame to wait for: its work runs then.
        """
        if self._painted:
            work()
            return
        self._after_paint.append(work)
        if len(self._after_paint) == 1:
            QTimer.singleShot(0, self, self._run_if_never_shown)

    def _run_if_never_shown(self) -> None:
        if not self._painted and not self.isVisible():
            self._run_after_paint()

    def warm_up(self) -> None:
        """Import what the unlocked window needs first (its first tab), on the unlock thread,
        right after the vault opened: the GUI thread has nothing to do meanwhile."""
        import contextlib
        import importlib

        for name in self.warm_modules:
            with contextlib.suppress(ImportError):  # the GUI thread will meet and report it
                importlib.import_module(name)

    def check_keyring(self) -> None:
        def probe() -> tuple[bool, str]:
            from second_opinion.vault.keystore import KeyStore

            status = KeyStore().status()
            return status.usable, status.reason

        def show(result: tuple[bool, str]) -> None:
            usable, reason = result
            if usable or self._remember is not None:
                self.remember.setVisible(usable)
            self.keyring_note.setVisible(not usable)
            # The reason is a whole sentence from the vault layer ("This computer has no
            # secure keyring, so the passphrase cannot be remembered; ...").
            self.keyring_note.setText(QCoreApplication.translate("keyring", reason))

        from second_opinion.ui.tasks import run_in_background

        run_in_background(probe, show, lambda _exc: None, owner=self)

    def set_busy(self, busy: bool) -> None:
        if busy:
            self.busy.show()
        else:
            self._hide_busy()
        for child in self.findChildren(QLineEdit) + self.findChildren(QPushButton):
            child.setEnabled(not busy)
        if busy:
            self.error.hide()

    def show_error(self, text: str) -> None:
        from PySide6.QtCore import Qt  # not at import time: see the module's docstring

        _make_bold(self.error)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setText(text)
        self.error.show()
        from second_opinion.ui.announce import announce

        announce(self.error, text, assertive=True)


class UnlockPage(_BusyPage):
    """Later runs: the passphrase prompt, and the automatic unlock with a remembered key."""

    sig_restore_requested = Signal()

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(data_dir, parent)
        self.setAccessibleName(self.tr("Unlock"))
        _card_widget, layout = _card(self)
        layout.addWidget(_heading(self.tr("Unlock your vault"), self))
        layout.addWidget(
            _paragraph(self.tr("Type the passphrase you chose when you created this vault."), self)
        )
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        # One labeled row; a form layout for it would cost its class on the way to the first frame.
        label = QLabel(self.tr("&Passphrase:"), self)
        label.setBuddy(self.passphrase)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.passphrase, 1)
        layout.addLayout(row)
        self.field_before_remember = self.passphrase
        layout.addLayout(self.status_area)
        self.unlock_button = _button(self.tr("&Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self.unlock)
        self.restore_button = _button(self.tr("&Restore from a backup…"), self)
        self.restore_button.setAccessibleName(self.tr("Restore from a backup"))
        self.restore_button.clicked.connect(self.sig_restore_requested.emit)
        self.restore_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        self.setFocusProxy(self.passphrase)
        self._remembered_in_flight = False
        self._unlock_when_free = False

    def start(self, try_remembered_key: bool = True) -> None:
        """Called when the page is shown: offer the keyring, try a remembered key."""
        self.passphrase.clear()
        self.passphrase.setFocus()
        if try_remembered_key:
            self.when_painted(self._try_remembered_key)
            # The keyring check only decides whether a box shows: once the attempt is over
            # (with the vault open, the page is gone and the check never runs).
            self.sig_settled.connect(self.check_keyring)
        else:
            # Well after the first paint.
            QTimer.singleShot(KEYRING_CHECK_DELAY_MS, self, self.check_keyring)

    def _try_remembered_key(self) -> None:
        folder = self.data_dir

        def attempt() -> Any:
            from second_opinion.vault.header import VaultHeader
            from second_opinion.vault.keystore import KeyStore
            from second_opinion.vault.paths import VaultPaths
            from second_opinion.vault.vault import Vault

            header = VaultHeader.read(VaultPaths(folder).header)
            key = KeyStore().load(header.vault_id)
            if key is None:
                self._key_missing = True
                return None
            # The window checks every page right after its first paint (Vault._open says why).
            vault = Vault.unlock_with_key(folder, key, check_pages=False)
            self.warm_up()
            return vault

        def finished() -> None:
            self._remembered_in_flight = False
            self._hide_busy()
            self.unlock_button.setEnabled(True)

        def done(vault: Any) -> None:
            finished()
            if vault is not None:
                # Straight to the unlocked window: this page and its keyring check are done.
                self.sig_unlocked.emit(vault)
                return
            if self._key_missing:
                self.sig_remembered.emit("")
            self._settle()
            if self._unlock_when_free:
                self.unlock()

        def failed(exc: BaseException) -> None:
            # Any trouble with a remembered key means "ask for the passphrase", nothing more.
            finished()
            if type(exc).__name__ == "WrongPassphrase":  # a stale key (the passphrase changed)
                self.sig_remembered.emit("")
            self._settle()
            self.show_refusal(exc, quiet_if_wrong=True)
            if self._unlock_when_free:
                self.unlock()

        # The passphrase field stays usable meanwhile: someone who starts typing at once must
        # not lose keystrokes; pressing Enter early unlocks as soon as this attempt is over.
        self._remembered_in_flight = True
        self._unlock_when_free = False
        self._key_missing = False
        # The busy bar only if this takes long enough to be noticed: usually it is over in a
        # blink, and an animated bar repaints (and competes with the thread) all the while.
        QTimer.singleShot(BUSY_BAR_DELAY_MS, self, self._show_busy_if_still_trying)
        self.unlock_button.setEnabled(False)
        from second_opinion.ui.tasks import run_in_background

        run_in_background(attempt, done, failed, owner=self, discard=_lock_unseen)

    def _show_busy_if_still_trying(self) -> None:
        if self._remembered_in_flight:
            self.busy.show()

    def _busy_at_start(self) -> bool:
        return self._remembered_in_flight

    def unlock(self) -> None:
        if self._remembered_in_flight:
            self._unlock_when_free = True
            return
        self._unlock_when_free = False
        passphrase = self.passphrase.text()
        if not passphrase:
            self.show_error(self.tr("Type your passphrase first."))
            return
        folder = self.data_dir
        remember = self.remember_chosen()

        def attempt() -> Any:
            from second_opinion.vault.keystore import KeyStore
            from second_opinion.vault.vault import Vault

            vault = Vault.unlock(folder, passphrase, check_pages=False)
            store = KeyStore()
            if remember and store.save(vault.vault_id, vault.key):
                self._remembered_id = vault.vault_id
            self.warm_up()
            return vault

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            self.show_refusal(exc)
            self.passphrase.setFocus()
            self.passphrase.selectAll()

        def done(vault: Any) -> None:
            self.set_busy(False)
            self.passphrase.clear()
            if self._remembered_id:
                self.sig_remembered.emit(self._remembered_id)
            self.sig_unlocked.emit(vault)

        self.set_busy(True)
        from second_opinion.ui.tasks import run_in_background

        run_in_background(attempt, done, failed, owner=self, discard=_lock_unseen)

    def show_refusal(self, exc: BaseException, quiet_if_wrong: bool = False) -> None:
        """Say why the vault did not open (or was closed again), with a way out if any."""
        name = type(exc).__name__
        if name == "WrongPassphrase" and quiet_if_wrong:
            self.show_error(
                self.tr("The remembered key no longer opens this vault. Type your passphrase.")
            )
            return
        from second_opinion.vault.errors import VaultError

        if isinstance(exc, VaultError):
            self.show_error(str(exc))
        else:
            self.show_error(
                self.tr("The vault could not be opened ({name}).").replace("{name}", name)
            )
        self.restore_button.setVisible(name in _RESTORABLE or name == "VaultFromNewerVersion")
