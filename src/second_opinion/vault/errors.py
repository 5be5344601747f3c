"""Every way opening or changing a vault can be refused, each with its own message.

The messages are plain sentences for a person and never contain health data or paths to
exports; the UI and the command line show them as they are.
"""

from __future__ import annotations


class VaultError(Exception):
    """Base of all refusals; ``exit_code`` is what the command line returns."""

    exit_code = 1
    message = "The vault could not be opened."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)

    def __str__(self) -> str:
        return str(self.args[0])


class EmptyPassphrase(VaultError):
    exit_code = 3
    message = "The passphrase is empty. Type the passphrase for this vault."


class WrongPassphrase(VaultError):
    exit_code = 3
    message = "Wrong passphrase: it does not unlock this vault. Check it and try again."


class VaultDamaged(VaultError):
    exit_code = 4
    message = "The vault file is damaged and cannot be read. Restore it from a backup."


class VaultMissing(VaultError):
    exit_code = 5
    message = (
        "The vault's data file is missing or empty, although its header is there. "
        "Nothing was created over it; restore it from a backup."
    )


class NotAVault(VaultError):
    exit_code = 6
    message = "This is not a Second Opinion vault."


class VaultFromNewerVersion(VaultError):
    exit_code = 7
    message = (
        "This vault was saved by a newer version of Second Opinion. "
        "Install the newer version to open it; nothing was changed."
    )


class DataFolderNotWritable(VaultError):
    exit_code = 8
    message = "The data folder cannot be written to. Choose another folder or fix its permissions."


class VaultInUse(VaultError):
    exit_code = 9
    message = (
        "This vault is already open in another Second Opinion window. "
        "Close that one first; nothing was changed."
    )


class VaultExists(VaultError):
    exit_code = 10
    message = "A vault already exists in this folder; it was left as it is."


class NoVault(VaultError):
    exit_code = 11
    message = "There is no vault in this folder yet. Create one first (second-opinion init)."


class WeakKdfParameters(VaultError):
    exit_code = 6
    message = (
        "The vault's header asks for key-derivation settings below the safe minimum; "
        "it was refused as tampered or not ours."
    )


class VaultLocked(VaultError):
    exit_code = 12
    message = "The vault is locked. Unlock it to continue."


class BackupFailed(VaultError):
    exit_code = 13
    message = "The backup could not be written. The earlier backup, if any, is unchanged."


class CouldNotSave(VaultError):
    exit_code = 14
    message = (
        "Could not save: the disk may be full or the file is not writable. "
        "Your changes are still on screen; free some space and try again."
    )


class OutputInsideVault(VaultError):
    exit_code = 15
    message = (
        "That file would be inside the vault's own folder, where it could overwrite the "
        "vault. Choose a file outside that folder; nothing was written."
    )


class WeakPassphrase(VaultError):
    exit_code = 16
    message = (
        "This passphrase is too easy to guess. Use four or more unrelated words, "
        "or a longer sentence only you would think of; nothing was changed."
    )


class BackupOfAnotherVault(VaultError):
    exit_code = 18
    message = (
        "This backup is of a different vault, not of the one in this folder: restoring it "
        "would replace this vault with another one. Nothing was changed."
    )


class UnsafeDataFolder(VaultError):
    exit_code = 17
    message = (
        "The data folder is not safe for a vault: other users could change or replace its "
        "files. Use a folder of your own that only you can write to; nothing was changed."
    )


class PassphraseNotText(VaultError):
    exit_code = 2
    message = (
        "The passphrase is not valid text (it holds bytes that are not UTF-8). "
        "Type it again; nothing was changed."
    )
