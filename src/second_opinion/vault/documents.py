"""The encrypted content of documents: one file per document in the vault's documents/ folder.

Each document has its own random 256-bit key, kept only in its database row (which SQLCipher
encrypts); the file is AES-256-GCM in 1 MiB chunks. Each chunk's nonce is a random 4-byte
prefix and the chunk's number; its associated data is the number and a "last chunk" flag, so a
reordered, dropped, truncated or altered chunk fails to decrypt. Why files and not blobs in the
database, with the figures: docs/design/documents-storage.md.

Files are written once and never changed: ``.<name>.part`` while being written (fsync'd), then
renamed. They are only ever read chunk by chunk into memory; nothing decrypted touches a disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from second_opinion.private_files import PRIVATE_FILE_MODE

CHUNK = 1 << 20
_TAG = 16
_MAGIC = b"SODOC\x001\n"
SUFFIX = ".sodoc"
PART_SUFFIX = ".part"


class DocumentContentError(Exception):
    """A document's file is missing, or does not decrypt (damaged or tampered with)."""


@dataclass(frozen=True)
class StoredContent:
    """What the database keeps about a stored file."""

    blob_name: str
    #: the document's key (32 bytes) and nonce prefix (4 bytes)
    content_key: bytes
    sha256: str
    byte_size: int


def _aad(index: int, last: bool) -> bytes:
    return index.to_bytes(8, "big") + (b"\x01" if last else b"\x00")


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + index.to_bytes(8, "big")


class DocumentStore:
    """The documents/ folder of a vault."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_of(self, blob_name: str) -> Path:
        if not blob_name or "/" in blob_name or "\\" in blob_name or blob_name.startswith("."):
            raise DocumentContentError("not a document file name")
        return self.folder / f"{blob_name}{SUFFIX}"

    def _ensure_folder(self) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(self.folder, 0o700)

    def store(
        self,
        source: BinaryIO,
        size: int,
        on_chunk: Callable[[int], None] | None = None,
    ) -> StoredContent:
        """Encrypt ``size`` bytes from ``source`` into a new file; returns its name and key.

        ``on_chunk(bytes_done)`` is called after each chunk (and may raise to stop: the partial
        file is removed). An ``OSError`` (a full disk) leaves nothing behind.
        """
        self._ensure_folder()
        key = AESGCM.generate_key(bit_length=256)
        prefix = secrets.token_bytes(4)
        aead = AESGCM(key)
        name = secrets.token_hex(16)
        final = self.path_of(name)
        part = self.folder / f".{name}{PART_SUFFIX}"
        digest = hashlib.sha256()
        done = 0
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_MAGIC)
                index = 0
                block = source.read(CHUNK)
                while True:
                    following = source.read(CHUNK) if len(block) == CHUNK else b""
                    last = not following
                    digest.update(block)
                    out.write(aead.encrypt(_nonce(prefix, index), block, _aad(index, last)))
                    done += len(block)
                    if on_chunk is not None:
                        on_chunk(done)
                    if last:
                        break
                    block = following
                    index += 1
                out.flush()
                os.fsync(out.fileno())
            if done != size:
                raise OSError("the file changed while it was being added")
            os.replace(part, final)
        except BaseException:
            with contextlib.suppress(OSError):
                part.unlink()
            raise
        _sync_folder(self.folder)
        return StoredContent(name, key + prefix, digest.hexdigest(), done)

    def chunks(self, blob_name: str, content_key: bytes) -> Iterator[bytes]:
        """The decrypted content, chunk by chunk; ``DocumentContentError`` on any damage."""
        if len(content_key) != 36:
            raise DocumentContentError("the document's key is damaged")
        aead = AESGCM(content_key[:32])
        prefix = content_key[32:]
        try:
            handle = open(self.path_of(blob_name), "rb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            raise DocumentContentError("its file is missing") from None
        except OSError as exc:
            raise DocumentContentError(f"its file cannot be read ({exc.strerror})") from None
        with handle:
            if handle.read(len(_MAGIC)) != _MAGIC:
                raise DocumentContentError("its file is damaged (not a document file)")
            index = 0
            block = handle.read(CHUNK + _TAG)
            while True:
                following = handle.read(CHUNK + _TAG) if len(block) == CHUNK + _TAG else b""
                last = not following
                try:
                    yield aead.decrypt(_nonce(prefix, index), block, _aad(index, last))
                except InvalidTag:
                    raise DocumentContentError(
                        "its file is damaged or was altered (it does not decrypt)"
                    ) from None
                if last:
                    return
                block = following
                index += 1

    def read(self, blob_name: str, content_key: bytes) -> bytes:
        return b"".join(self.chunks(blob_name, content_key))

    def verify(self, blob_name: str, content_key: bytes, sha256: str) -> str | None:
        """None when the file decrypts and matches ``sha256``; otherwise what is wrong."""
        digest = hashlib.sha256()
        try:
            for chunk in self.chunks(blob_name, content_key):
                digest.update(chunk)
        except DocumentContentError as exc:
            return str(exc)
        if digest.hexdigest() != sha256:
            return "its content does not match its checksum (altered)"
        return None

    def remove(self, blob_names: Iterable[str]) -> None:
        for name in blob_names:
            with contextlib.suppress(FileNotFoundError, DocumentContentError):
                self.path_of(name).unlink()

    def stored_names(self) -> set[str]:
        """Names of every complete document file in the folder."""
        if not self.folder.is_dir():
            return set()
        return {
            p.name[: -len(SUFFIX)]
            for p in self.folder.iterdir()
            if p.name.endswith(SUFFIX) and not p.name.startswith(".")
        }

    def remove_unreferenced(self, referenced: set[str]) -> int:
        """Remove files no document row refers to (left by a crash, a restore or a deleted
        person); also unfinished ``.part`` files. Returns how many were removed."""
        removed = 0
        for name in self.stored_names() - referenced:
            self.remove([name])
            removed += 1
        if self.folder.is_dir():
            for part in self.folder.glob(f".*{PART_SUFFIX}"):
                with contextlib.suppress(OSError):
                    part.unlink()
        return removed


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
