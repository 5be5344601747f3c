"""The encrypted vault: create, unlock, use, re-key, back up, restore, lock.

Layout of a vault folder (0700, every file 0600)::

    vault.header.json   salt, Argon2id settings, key-check value (no secrets, no health data)
    vault.header.copy.json  a second copy of it: losing the header would lose the salt
    vault.db            the SQLCipher database (AES-256, HMAC per page, raw 256-bit key)
    documents/          document files, each AES-256-GCM with its own key kept in vault.db
    vault.lock          held while a process has the vault open
    backups/            automatic backups (before a schema upgrade, before a restore)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import logging
import os
import re
import shutil
import stat
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

import sqlcipher3

from second_opinion.private_files import PRIVATE_FILE_MODE, make_private_dirs
from second_opinion.vault import migrate
from second_opinion.vault.connection import (
    apply_key,
    classify_unreadable,
    damaged_pages,
    error_code,
    open_keyed,
    rekey,
)
from second_opinion.vault.documents import SUFFIX as DOCUMENT_SUFFIX
from second_opinion.vault.documents import DocumentStore
from second_opinion.vault.errors import (
    BackupFailed,
    BackupOfAnotherVault,
    CouldNotSave,
    DataFolderNotWritable,
    NotAVault,
    NoVault,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultFromNewerVersion,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
)
from second_opinion.vault.guard import refuse_output_in_vault
from second_opinion.vault.header import MAX_HEADER_BYTES, KeySlot, VaultHeader
from second_opinion.vault.instance_lock import InstanceLock
from second_opinion.vault.kdf import (
    DEFAULT,
    KdfParameters,
    derive_key,
    key_check_value,
    key_matches,
    new_salt,
    normalise_passphrase,
)
from second_opinion.vault.key import VaultKey
from second_opinion.vault.paths import (
    VaultPaths,
    ensure_private_dir,
    make_private,
    require_empty_or_ours,
    require_safe_folder,
    require_usable_path,
)

if TYPE_CHECKING:
    # SQLAlchemy is imported on the first session (see engine.py), not when the vault opens.
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".sobackup"
_QUEUE_TIMEOUT_S = 30
_BACKUP_HEADER_NAME = "vault.header.json"
_BACKUP_DB_NAME = "vault.db"
_BACKUP_DOCUMENTS = "documents/"
#: a document file's random name (DocumentStore.store), as it may appear inside a backup
_DOCUMENT_NAME = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class IntegrityReport:
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _new_slot(passphrase: str, kdf: KdfParameters) -> tuple[KeySlot, VaultKey]:
    salt = new_salt()
    key = VaultKey(derive_key(passphrase, salt, kdf))
    return KeySlot(salt=salt, kdf=kdf, key_check=key_check_value(key.buffer())), key


def _timestamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    os.close(fd)


class Vault:
    """An unlocked vault. Obtain one with ``create``, ``unlock`` or ``unlock_with_key``."""

    def __init__(
        self, paths: VaultPaths, header: VaultHeader, key: VaultKey, lock: InstanceLock
    ) -> None:
        self.paths = paths
        self._header = header
        self._key = key
        self._instance_lock = lock
        self._locked = False
        # Made on first use (_require_engine): opening, checking and the first screen's plain
        # reads (``reading``) do without SQLAlchemy, which takes a quarter second to import.
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        # One unit of work at a time within this process (other processes are kept out by the
        # instance lock). SQLite allows one writer anyway; queueing here, rather than in
        # SQLite's busy handler, means a session that reads and then writes can never be
        # refused with "database is locked", and lock() or a re-key never pulls a connection
        # from under a session that is still running.
        self._guard = threading.RLock()

    # ----------------------------------------------------------------- opening
    @staticmethod
    def exists(folder: Path) -> bool:
        return VaultPaths(folder).exists()

    @classmethod
    def create(cls, folder: Path, passphrase: str, kdf: KdfParameters = DEFAULT) -> Vault:
        normalise_passphrase(passphrase)  # refuse an empty one before any work
        require_usable_path(folder)
        paths = VaultPaths(folder)
        if paths.exists():
            raise VaultExists()
        # Never into (and never chmod) a folder that already holds someone's other files.
        require_empty_or_ours(folder, _OUR_NAMES)
        made_folder = not folder.exists()
        ensure_private_dir(folder)
        there_before = set(os.listdir(folder))
        lock = _acquire_instance_lock(paths)
        try:
            slot, key = _new_slot(passphrase, kdf)
            header = VaultHeader.new(slot)
            building = folder / _CREATING
            with contextlib.suppress(FileNotFoundError):
                building.unlink()
            try:
                _create_private_file(building)
                from sqlalchemy.exc import DBAPIError

                from second_opinion.vault.engine import create_vault_engine

                engine = create_vault_engine(building, key)
                try:
                    migrate.upgrade(engine)
                finally:
                    engine.dispose()
                header.write(paths.header)
                os.replace(building, paths.database)
            except (OSError, sqlcipher3.DatabaseError, DBAPIError) as exc:
                if _is_write_failure(exc) and not _is_cannot_open(exc):
                    raise CouldNotSave(
                        "The vault could not be created: the disk may be full. "
                        "Nothing was left behind."
                    ) from None
                raise DataFolderNotWritable(
                    "The vault could not be created in this folder: it cannot be written to, "
                    "or its path is too long. Nothing was left behind."
                ) from None
            make_private(paths.database)
        except BaseException:
            lock.release()
            _undo_create(paths, there_before, made_folder)
            raise
        log.info("vault created")
        return cls(paths, header, key, lock)

    @classmethod
    def unlock(cls, folder: Path, passphrase: str, *, check_pages: bool = True) -> Vault:
        """Open with the passphrase. ``check_pages=False`` leaves the HMAC check of every page
        to the caller (``pages_intact``), who shows something first: see ``_open``."""
        normalise_passphrase(passphrase)
        require_usable_path(folder)
        paths = VaultPaths(folder)
        lock = _lock_for_open(paths)
        candidates: list[tuple[VaultKey, str]] = []
        try:
            # Read under the lock: a passphrase change in another process cannot swap the
            # header between this read and the database's answer (which read as "damaged").
            header, from_copy = _read_header_for_open(paths)
            candidates = _derive_matching_keys(header, passphrase)
            return cls._open(paths, header, candidates, lock, check_pages, from_copy)
        except BaseException:
            lock.release()
            for key, _ in candidates:
                key.wipe()
            raise

    @classmethod
    def unlock_with_key(cls, folder: Path, key: VaultKey, *, check_pages: bool = True) -> Vault:
        """Open with a remembered key. A stale key raises ``WrongPassphrase``; never damages."""
        require_usable_path(folder)
        paths = VaultPaths(folder)
        lock = _lock_for_open(paths)
        try:
            header, from_copy = _read_header_for_open(paths)
            candidates = [
                (key, role)
                for slot, role in header.slots()
                if key_matches(key.buffer(), slot.key_check)
            ]
            if not candidates:
                raise WrongPassphrase()
            return cls._open(paths, header, candidates, lock, check_pages, from_copy)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open(
        cls,
        paths: VaultPaths,
        header: VaultHeader,
        candidates: list[tuple[VaultKey, str]],
        lock: InstanceLock,
        check_pages: bool = True,
        from_copy: bool = False,
    ) -> Vault:
        """Open with the first candidate key the database accepts.

        Every candidate has already matched a key-check value in the header. There are two
        only while a passphrase change is unresolved and the same passphrase was chosen again:
        then the database, not the header, knows which key it is encrypted with.

        With ``check_pages`` (the default) every page's HMAC is checked before the vault is
        returned. The window skips it here and runs ``pages_intact`` right after its first
        paint (about 20 ms on a large vault, on the way to the first screen otherwise): what
        it shows before that is safe to show, since SQLCipher checks the HMAC of every page
        it reads, and damage found is reported (and the vault locked) at once.
        """
        try:
            _remove_leftovers(paths, header)
            opened: tuple[sqlcipher3.Connection, VaultKey, str] | None = None
            for candidate, role in candidates:
                try:
                    opened = (open_keyed(paths.database, candidate), candidate, role)
                    break
                except WrongPassphrase:
                    continue
                except sqlcipher3.DatabaseError as exc:
                    # The key is right but the file cannot be read at all (an I/O error, a
                    # folder where the file should be): nothing to open, nothing changed.
                    raise VaultDamaged() from exc
            if opened is None:
                # The key is proven right by the header, so the file is the problem, unless a
                # passphrase change was interrupted and this key belongs to the other side.
                if not header.settled:
                    raise WrongPassphrase(
                        "Wrong passphrase: a passphrase change or a restore was interrupted, "
                        "and this vault now opens with another passphrase (the old one, the "
                        "new one, or the backup's)."
                    ) from None
                raise classify_unreadable(paths.database)() from None
            conn, key, role = opened
            for other, _ in candidates:
                if other is not key:
                    other.wipe()
            try:
                # Every page's HMAC, before anyone works with the data: a tampered, overwritten
                # or truncated file is reported as damaged now, not half-way through an edit.
                if check_pages and damaged_pages(conn):
                    raise VaultDamaged()
                try:
                    revision = migrate.revision_of(conn)
                except sqlcipher3.DatabaseError as exc:
                    raise VaultDamaged() from exc
            finally:
                conn.close()
            # Refuses a vault from a newer app before anything is written.
            upgrade = migrate.revision_needs_upgrade(revision)
            if not header.settled:
                # The database decides which side of an interrupted change or restore won.
                header = header.settled_on(role)
                header.write(paths.header)
            elif from_copy:
                # The header was missing or unreadable; its copy's key check matched and the
                # database accepted the key, so the copy is the vault's header.
                header.write(paths.header)
                log.warning("vault header was missing or damaged; rebuilt from its copy")
            elif _copy_differs(paths):
                # A vault made before the copy existed, or a copy lost since: make it now.
                header.write(paths.header)
            vault = cls(paths, header, key, lock)
            if upgrade:
                try:
                    vault._upgrade_schema()
                except BaseException:
                    vault.lock()
                    raise
        except BaseException:
            lock.release()
            raise
        log.info("vault unlocked")
        return vault

    def _upgrade_schema(self) -> None:
        """Back up, then bring an older vault's schema up to this app's (the caller locks on
        any error)."""
        ensure_private_dir(self.paths.backups)
        self._write_backup(self.paths.backups / f"pre-upgrade-{_timestamp()}{BACKUP_SUFFIX}")
        migrate.upgrade(self._require_engine())
        log.info("vault schema upgraded")

    # ----------------------------------------------------------------- using
    @property
    def vault_id(self) -> str:
        return self._header.vault_id

    @property
    def key(self) -> VaultKey:
        self._require_open()
        return self._key

    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def engine(self) -> Engine:
        return self._require_engine()

    @property
    def documents(self) -> DocumentStore:
        """The encrypted document files; their keys are in the database's document rows."""
        self._require_open()
        return DocumentStore(self.paths.documents)

    def remove_document_files(self, blob_names: list[str]) -> None:
        """Remove document files whose rows are gone; between units of work, so never while
        a backup is taking its snapshot."""
        with self._serialised():
            DocumentStore(self.paths.documents).remove(blob_names)

    def remove_unreferenced_documents(self) -> int:
        """Remove document files no row refers to (after a crash, or a deleted person)."""
        with self._serialised():
            self._require_open()
            conn = open_keyed(self.paths.database, self._key)
            try:
                referenced = _referenced_documents(conn)
            finally:
                conn.close()
            return DocumentStore(self.paths.documents).remove_unreferenced(referenced)

    def session_factory(self) -> Callable[[], Session]:
        self._require_engine()
        assert self._sessions is not None
        return self._sessions

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlcipher3.Connection]:
        """A plain keyed connection for a quick read, between units of work; closed after.

        For what the first screen after unlocking shows, read before SQLAlchemy has loaded.
        Never for writes: those go through ``session``.
        """
        with self._serialised():
            self._require_open()
            conn = open_keyed(self.paths.database, self._key)
            try:
                yield conn
            finally:
                conn.close()

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error.

        A write the disk refuses (full, read-only, I/O error) raises ``CouldNotSave`` and
        leaves everything committed earlier as it was; the caller keeps the edit for a retry.
        """
        from sqlalchemy.exc import DBAPIError

        with self._serialised():
            self._require_engine()
            assert self._sessions is not None
            with self._sessions() as session:
                try:
                    yield session
                    session.commit()
                except (DBAPIError, OSError) as exc:
                    with contextlib.suppress(Exception):
                        session.rollback()
                    if _is_write_failure(exc):
                        raise CouldNotSave() from None
                    raise
                except BaseException:
                    session.rollback()
                    raise

    @contextlib.contextmanager
    def _serialised(self) -> Iterator[None]:
        acquired = self._guard.acquire(timeout=_QUEUE_TIMEOUT_S)
        if not acquired:
            # Something holds a session far longer than any unit of work should; carry on
            # and let SQLite's own locking arbitrate rather than freezing the app.
            log.warning("vault session waited %d s for another one", _QUEUE_TIMEOUT_S)
        try:
            yield
        finally:
            if acquired:
                self._guard.release()

    def _require_open(self) -> None:
        if self._locked:
            raise VaultLocked()

    def _require_engine(self) -> Engine:
        self._require_open()
        if self._engine is None:
            with self._guard:
                if self._engine is None:
                    self._make_engine()
        assert self._engine is not None
        return self._engine

    def _make_engine(self) -> None:
        from sqlalchemy.orm import sessionmaker

        from second_opinion.vault.engine import create_vault_engine

        self._engine = create_vault_engine(self.paths.database, self._key)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    # ----------------------------------------------------------------- checks
    def pages_intact(self) -> bool:
        """Whether every page's HMAC (and the file's length) checks out: what unlocking checks,
        for a caller that unlocked with ``check_pages=False``."""
        try:
            with self.reading() as conn:
                return not damaged_pages(conn)
        except (WrongPassphrase, sqlcipher3.DatabaseError):  # page 1 no longer decrypts
            return False

    def integrity_check(self) -> IntegrityReport:
        """Every page's HMAC, SQLite's structure check and the foreign keys.

        Runs between units of work (not during a re-key, which would swap the key under it).
        """
        with self._serialised():
            self._require_open()
            return self._check_integrity()

    def _check_integrity(self) -> IntegrityReport:
        problems: list[str] = []
        try:
            conn = open_keyed(self.paths.database, self._key)
        except WrongPassphrase:
            return IntegrityReport(("page 1 cannot be decrypted",))
        try:
            for pragma in ("cipher_integrity_check", "integrity_check"):
                try:
                    rows = conn.execute(f"PRAGMA {pragma}").fetchall()
                except sqlcipher3.DatabaseError as exc:
                    problems.append(f"{pragma}: {type(exc).__name__}")
                    continue
                problems.extend(
                    f"{pragma}: {row[0]}" for row in rows if row and str(row[0]).lower() != "ok"
                )
            try:
                conn.execute("PRAGMA foreign_key_check").fetchall()
            except sqlcipher3.DatabaseError as exc:
                problems.append(f"foreign_key_check: {type(exc).__name__}")
            if not problems:
                problems.extend(self._check_documents(conn))
        finally:
            conn.close()
        return IntegrityReport(tuple(problems))

    def _check_documents(self, conn: sqlcipher3.Connection) -> list[str]:
        """Decrypt every document file and compare it with its sha256 (names ids only)."""
        try:
            rows = conn.execute(
                "SELECT id, blob_name, content_key, sha256 FROM document ORDER BY id"
            ).fetchall()
        except sqlcipher3.OperationalError as exc:
            if "no such table" in str(exc):
                return []
            raise
        store = DocumentStore(self.paths.documents)
        problems = []
        for doc_id, blob_name, content_key, sha256 in rows:
            problem = store.verify(blob_name, bytes(content_key), sha256)
            if problem is not None:
                problems.append(f"document {doc_id}: {problem}")
        return problems

    # ----------------------------------------------------------------- passphrase
    def change_passphrase(
        self, old_passphrase: str, new_passphrase: str, kdf: KdfParameters = DEFAULT
    ) -> None:
        """Re-key the database; a crash at any point leaves exactly one passphrase working.

        Order: (1) the new key's slot is written to the header as *pending*; (2) the database
        is re-keyed in one SQLite transaction; (3) the pending slot becomes current. Opening
        after a crash tries both slots and lets the database decide which one won.
        """
        normalise_passphrase(new_passphrase)
        with self._guard:
            self._require_open()
            old_key = VaultKey(
                derive_key(old_passphrase, self._header.current.salt, self._header.current.kdf)
            )
            try:
                old_matches = key_matches(old_key.buffer(), self._header.current.key_check)
            finally:
                old_key.wipe()
            if not old_matches:
                raise WrongPassphrase("The current passphrase is wrong; nothing was changed.")
            slot, new_key = _new_slot(new_passphrase, kdf)
            pending_header = self._header.with_pending(slot)
            try:
                pending_header.write(self.paths.header)
                if self._engine is not None:
                    self._engine.dispose()
                conn = open_keyed(self.paths.database, self._key)
                try:
                    rekey(conn, new_key)
                finally:
                    conn.close()
            except (OSError, sqlcipher3.DatabaseError) as exc:
                # The re-key is one transaction: it either never happened or was rolled back,
                # so the old passphrase is still the one; say so in the header again.
                with contextlib.suppress(OSError):
                    self._header.write(self.paths.header)
                new_key.wipe()
                if _is_write_failure(exc):
                    raise CouldNotSave(
                        "The passphrase could not be changed: the disk may be full or the "
                        "folder is not writable. The current passphrase still works."
                    ) from None
                raise
            self._header = pending_header.promoted()
            self._header.write(self.paths.header)
            self._key.wipe()
            self._key = new_key
            # The next session makes a new engine, keyed with the new key.
            self._engine = None
            self._sessions = None
        log.info("vault passphrase changed")

    # ----------------------------------------------------------------- backups
    def backup_to(self, destination: Path) -> Path:
        """Write an encrypted backup (header + database) to ``destination`` atomically.

        A destination inside the vault's own folder is refused (``OutputInsideVault``): it
        could replace the database or its header. The app's own backups there (before a
        schema upgrade) go through ``_write_backup``.
        """
        refuse_output_in_vault(destination, self.paths.folder)
        return self._write_backup(destination)

    def _write_backup(self, destination: Path) -> Path:
        """Write the backup to ``destination``, wherever it is (see ``backup_to``).

        The database is copied with SQLite's online backup API (a consistent snapshot even
        while other connections write), into a temporary file beside the destination, which
        replaces the destination only once complete: a failed backup leaves any earlier
        backup at that path untouched and no partial file behind.
        """
        self._require_open()
        destination = destination.expanduser()
        try:
            make_private_dirs(destination.parent)
            snapshot_fd, snapshot_name = tempfile.mkstemp(
                dir=self.paths.folder, prefix=f".backup-{_tag(self.vault_id)}-", suffix=".db"
            )
            os.close(snapshot_fd)
            snapshot = Path(snapshot_name)
            held = Path(
                tempfile.mkdtemp(
                    dir=self.paths.folder, prefix=f".backup-documents-{_tag(self.vault_id)}-"
                )
            )
            try:
                # Between units of work, so that the header and the key that go into the
                # backup are the ones its database is encrypted with (no re-key in between),
                # and the document files are those its rows refer to (hard links: instant, and
                # a file removed after this unit still goes into the backup).
                with self._serialised():
                    self._require_open()
                    header_bytes = self._header.to_bytes()
                    _snapshot_database(self.paths.database, self._key, snapshot)
                    documents = _hold_documents(snapshot, self._key, self.paths.documents, held)
                payload_fd, payload_name = tempfile.mkstemp(
                    dir=destination.parent, prefix=f".{destination.name}.", suffix=".tmp"
                )
                os.close(payload_fd)
                payload = Path(payload_name)
                try:
                    os.chmod(payload, PRIVATE_FILE_MODE)
                    with zipfile.ZipFile(payload, "w", compression=zipfile.ZIP_STORED) as zf:
                        zf.writestr(_BACKUP_HEADER_NAME, header_bytes)
                        zf.write(snapshot, _BACKUP_DB_NAME)
                        for document in documents:
                            zf.write(document, _BACKUP_DOCUMENTS + document.name)
                    with open(payload, "rb+") as handle:
                        os.fsync(handle.fileno())
                    os.replace(payload, destination)
                except BaseException:
                    with contextlib.suppress(OSError):
                        payload.unlink()
                    raise
            finally:
                with contextlib.suppress(OSError):
                    snapshot.unlink()
                shutil.rmtree(held, ignore_errors=True)
        except OSError as exc:
            raise BackupFailed() from exc
        log.info("backup written")
        return destination

    @classmethod
    def restore(
        cls, folder: Path, backup: Path, passphrase: str, *, replace_other_vault: bool = False
    ) -> Path | None:
        """Replace the vault in ``folder`` with ``backup``; returns where the old one was kept.

        A backup of another vault (its header's vault id differs from the one in ``folder``)
        is refused with ``BackupOfAnotherVault`` unless ``replace_other_vault``: the user must
        have been told that the vault they have is replaced by a different one.

        The backup is fully checked (passphrase, integrity, schema version) before the live
        vault is touched, and the live vault is kept in ``backups/`` as a pre-restore copy.
        The swap itself uses the same two-slot header as a passphrase change, so a crash in
        the middle leaves either the old vault or the restored one, each with its passphrase.
        """
        normalise_passphrase(passphrase)
        require_usable_path(folder)
        paths = VaultPaths(folder)
        if not paths.exists():
            require_empty_or_ours(folder, _OUR_NAMES)
        ensure_private_dir(folder)
        lock = _acquire_instance_lock(paths)
        try:
            try:
                live_header: VaultHeader | None = VaultHeader.read(paths.header)
            except VaultError:
                live_header = _header_copy(paths)
            if live_header is not None:
                _remove_leftovers(paths, live_header)
            live_documents = DocumentStore(paths.documents).stored_names()
            expected = None if replace_other_vault else _live_vault_id(paths)
            restored, staged, referenced = _stage_backup(paths, backup, passphrase, expected)
            _settle_live_header(paths, passphrase)
            try:
                kept = _keep_pre_restore_copy(paths, live_documents)
                _swap_in(paths, restored, staged)
                # The restored database decides which document files are live; the replaced
                # vault's own files are kept (linked) in the pre-restore copy.
                DocumentStore(paths.documents).remove_unreferenced(referenced)
            except OSError as exc:
                if not staged.exists():
                    # The database was swapped in; only the header's last write failed. The
                    # header still names the restored key (as pending), so it opens.
                    raise CouldNotSave(
                        "The backup was restored, but the vault's header could not be "
                        "finished: the disk may be full. The vault opens with the backup's "
                        "passphrase; the vault it replaced was kept in the backups folder."
                    ) from exc
                raise CouldNotSave(
                    "The backup could not be restored: the disk may be full or the folder is "
                    "not writable. The vault was left as it was."
                ) from exc
            finally:
                with contextlib.suppress(OSError):
                    staged.unlink()
        finally:
            lock.release()
        log.info("vault restored from backup")
        return kept

    # ----------------------------------------------------------------- locking
    def lock(self) -> None:
        """Drop every connection, wipe the key, release the folder. Further use is refused."""
        with self._serialised():
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
                self._sessions = None
            self._locked = True
            self._key.wipe()
            with contextlib.suppress(Exception):
                self._instance_lock.release()
        log.info("vault locked")

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()


# --------------------------------------------------------------------- helpers
def _acquire_instance_lock(paths: VaultPaths) -> InstanceLock:
    # Any thread may release it: the vault may be unlocked on a worker thread and locked on
    # the GUI one.
    lock = InstanceLock(paths.lock)
    lock.acquire()
    make_private(paths.lock)
    return lock


# Temporary files a killed process can leave behind: all encrypted, but clutter that would
# otherwise accumulate. Only removed while holding the instance lock, so never in use; and
# only those this app made for this vault: their names carry a tag of the vault's id (the
# backup's, for a restore), so a file of someone else's that merely looks alike is left alone.
_LEFTOVER_PATTERNS = (".backup-{tag}-*.db", ".backup-{tag}-*.db-journal", ".restore-{tag}-*.db")
_CREATING = ".vault.db.creating"
#: What a vault's folder may hold before ``create`` or ``restore`` makes a vault in it.
_OUR_NAMES = (
    "vault.header.json",
    "vault.header.copy.json",
    "vault.db",
    "vault.db-journal",
    "vault.lock",
    "backups",
    "documents",
    _CREATING,
)
_LEFTOVER_FOLDERS = ".backup-documents-{tag}-*"
_LEFTOVER_DOCUMENTS = ".*.part"  # in documents/: a file whose adding was interrupted


def _tag(vault_id: str) -> str:
    """A file-name-safe tag of a vault id (the id is read from a header anyone could edit)."""
    return hashlib.sha256(vault_id.encode("utf-8")).hexdigest()[:16]


def _remove_leftovers(paths: VaultPaths, header: VaultHeader) -> None:
    ids = [header.vault_id] + ([header.restoring[0]] if header.restoring is not None else [])
    leftovers = [paths.folder / _CREATING]
    folders: list[Path] = []
    for vault_id in ids:
        for pattern in _LEFTOVER_PATTERNS:
            leftovers.extend(paths.folder.glob(pattern.format(tag=_tag(vault_id))))
        folders.extend(paths.folder.glob(_LEFTOVER_FOLDERS.format(tag=_tag(vault_id))))
    for leftover in leftovers:
        with contextlib.suppress(OSError):
            if stat.S_ISREG(leftover.lstat().st_mode):
                leftover.unlink()
    for folder in folders:
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)
    if paths.documents.is_dir():
        for part in paths.documents.glob(_LEFTOVER_DOCUMENTS):
            with contextlib.suppress(OSError):
                part.unlink()


def _referenced_documents(conn: sqlcipher3.Connection) -> set[str]:
    """The document file names a database's rows refer to (none before schema 0003)."""
    try:
        return {str(row[0]) for row in conn.execute("SELECT blob_name FROM document")}
    except sqlcipher3.OperationalError as exc:
        if "no such table" in str(exc):
            return set()
        raise


def _hold_documents(snapshot: Path, key: VaultKey, documents: Path, held: Path) -> list[Path]:
    """Hard-link (or copy) the document files ``snapshot`` refers to into ``held``."""
    conn = open_keyed(snapshot, key)
    try:
        names = sorted(_referenced_documents(conn))
    finally:
        conn.close()
    store = DocumentStore(documents)
    out = []
    for name in names:
        source = store.path_of(name)
        target = held / source.name
        try:
            os.link(source, target)
        except FileNotFoundError:
            # A row without its file: the backup is made anyway (``check`` names it).
            log.warning("a document file is missing from the vault")
            continue
        except OSError:
            shutil.copyfile(source, target)
        out.append(target)
    return out


def _undo_create(paths: VaultPaths, there_before: set[str], made_folder: bool) -> None:
    """After a failed create: remove what it made (never a finished vault, never a file that
    was there before), and the folder if it made that too and it is empty again."""
    if paths.database.exists():
        return
    for name in _OUR_NAMES:
        if name in there_before or name == "backups":
            continue
        with contextlib.suppress(OSError):
            (paths.folder / name).unlink()
        with contextlib.suppress(OSError):
            (paths.folder / (name + "-journal")).unlink()
    if made_folder:
        with contextlib.suppress(OSError):
            paths.folder.rmdir()


def _lock_for_open(paths: VaultPaths) -> InstanceLock:
    """The instance lock, taken before the header is read (``NoVault`` when there is none)."""
    if not paths.header.exists() and not paths.header_copy.exists():
        # No header of ours at all: refused (NoVault, NotAVault) without creating a lock file
        # in a folder that may not be ours.
        _read_header_for_open(paths)
    try:
        require_safe_folder(paths.folder)
    except OSError as exc:
        raise DataFolderNotWritable() from exc
    return _acquire_instance_lock(paths)


def _read_header_for_open(paths: VaultPaths) -> tuple[VaultHeader, bool]:
    """The header, and whether it came from the copy (the header itself missing or damaged)."""
    if not paths.header.exists() and not paths.database.exists():
        raise NoVault()
    try:
        header = VaultHeader.read(paths.header)
        from_copy = False
    except NotAVault:
        spare = _header_copy(paths) if paths.database.exists() else None
        if spare is None:
            if paths.header.exists() and paths.database.exists():
                # Our file names, side by side: a header that no longer parses is damage, and
                # the way out is a backup, not "this is not a vault".
                raise VaultDamaged(
                    "The vault's header file is damaged, so the passphrase cannot be checked. "
                    "Restore the vault from a backup."
                ) from None
            raise
        # Used only once the passphrase matches its key check and the database accepts the
        # key (see _open), which then rebuilds the header from it.
        header, from_copy = spare, True
    # A 0-byte database opens with any key and looks empty: treat it as missing rather than
    # showing an empty vault or letting SQLite build a new one over the user's data.
    try:
        size = paths.database.stat().st_size
    except FileNotFoundError:
        raise VaultMissing() from None
    if size == 0:
        raise VaultMissing()
    return header, from_copy


def _header_copy(paths: VaultPaths) -> VaultHeader | None:
    try:
        return VaultHeader.read(paths.header_copy)
    except VaultError:
        return None


def _copy_differs(paths: VaultPaths) -> bool:
    try:
        return paths.header_copy.read_bytes() != paths.header.read_bytes()
    except OSError:
        return True


def _derive_matching_keys(header: VaultHeader, passphrase: str) -> list[tuple[VaultKey, str]]:
    """Every slot key this passphrase derives correctly (usually one); WrongPassphrase if none."""
    matches: list[tuple[VaultKey, str]] = []
    for slot, role in header.slots():
        key = VaultKey(derive_key(passphrase, slot.salt, slot.kdf))
        if key_matches(key.buffer(), slot.key_check):
            matches.append((key, role))
        else:
            key.wipe()
    if not matches:
        raise WrongPassphrase()
    return matches


def _snapshot_database(source: Path, key: VaultKey, target: Path) -> None:
    src = open_keyed(source, key)
    try:
        dst = sqlcipher3.connect(str(target), isolation_level=None)
        try:
            apply_key(dst, key)
            dst.execute("PRAGMA cipher_log_level = NONE")
            src.backup(dst)
        finally:
            dst.close()
    except sqlcipher3.DatabaseError as exc:
        if _is_disk_full(exc):
            raise OSError("disk full") from exc
        raise VaultDamaged() from exc
    finally:
        src.close()


def _journal(paths: VaultPaths) -> Path:
    return paths.database.with_name(paths.database.name + "-journal")


def _live_vault_id(paths: VaultPaths) -> str | None:
    """The id of the vault a restore would replace; None when there is none to replace (no
    database) or its header and copy are both unreadable (nothing to compare with)."""
    if not paths.database.exists():
        return None
    try:
        return VaultHeader.read(paths.header).vault_id
    except VaultError:
        spare = _header_copy(paths)
        return spare.vault_id if spare is not None else None


def vault_id_of_folder(folder: Path) -> str | None:
    """The id of the vault in ``folder``, if there is one whose header reads (no passphrase)."""
    return _live_vault_id(VaultPaths(folder))


def vault_id_of_backup(backup: Path) -> str | None:
    """The vault id in a backup's plaintext header (no passphrase needed); None if unreadable.

    Only for asking the user before a restore; the restore itself checks again."""
    try:
        with zipfile.ZipFile(backup) as archive:
            info = archive.getinfo(_BACKUP_HEADER_NAME)
            if info.file_size > MAX_HEADER_BYTES:
                return None
            with archive.open(info) as member:
                return VaultHeader.from_bytes(member.read(MAX_HEADER_BYTES + 1)).vault_id
    except (VaultError, KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    except (RuntimeError, NotImplementedError):  # an encrypted or unsupported zip member
        return None


def _stage_backup(
    paths: VaultPaths, backup: Path, passphrase: str, expected_vault_id: str | None = None
) -> tuple[VaultHeader, Path, set[str]]:
    """Unpack and verify a backup next to the vault; the live vault is not touched.

    With ``expected_vault_id``, a backup whose header names another vault is refused
    (``BackupOfAnotherVault``) before anything is derived or written.

    Returns the header the restored vault will have (the backup's slot that this passphrase
    opens), the verified database file, staged in the vault's folder, and the names of the
    document files it refers to, unpacked into documents/ (new random names never collide
    with the live vault's; the same name is the same immutable file).

    Nothing is unpacked before the backup has proven to be one of ours (exactly a header, a
    database and document files, stored uncompressed as ``backup_to`` writes them, a header
    of header size, no unfinished passphrase change) and the passphrase has matched its
    header's key check; and then only if the free space holds it.
    """
    not_ours = "This file is not a Second Opinion backup."
    damaged = "The backup is damaged and was not restored."
    try:
        archive = zipfile.ZipFile(backup)
    except FileNotFoundError:
        raise NotAVault("The backup file does not exist.") from None
    except IsADirectoryError:
        raise NotAVault("That is a folder, not a backup file.") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise NotAVault(not_ours) from None
    candidates: list[tuple[VaultKey, str]] = []
    staged: Path | None = None
    try:
        with archive:
            db_info, document_infos = _our_backup_members(archive, not_ours)
            try:
                with archive.open(_BACKUP_HEADER_NAME) as member:
                    raw_header = member.read(MAX_HEADER_BYTES + 1)
            except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError):
                raise VaultDamaged(damaged) from None
            if len(raw_header) > MAX_HEADER_BYTES:
                raise NotAVault(not_ours)
            header = VaultHeader.from_bytes(raw_header)
            if not header.settled:
                # backup_to always writes a settled header; a pending slot is not ours.
                raise NotAVault(not_ours)
            if expected_vault_id is not None and header.vault_id != expected_vault_id:
                raise BackupOfAnotherVault()
            # The passphrase first: a wrong one must not cost a single byte on disk.
            candidates = _derive_matching_keys(header, passphrase)
            _require_free_space(
                paths, db_info.file_size + sum(i.file_size for i in document_infos.values())
            )
            fd, staged_name = tempfile.mkstemp(
                dir=paths.folder, prefix=f".restore-{_tag(header.vault_id)}-", suffix=".db"
            )
            staged = Path(staged_name)
            try:
                with os.fdopen(fd, "wb") as out, archive.open(db_info) as db:
                    _copy_at_most(db, out, db_info.file_size)
            except (zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError) as exc:
                # Ours, but its bytes no longer match their checksum or their stated size.
                raise VaultDamaged(damaged) from exc
            except OSError as exc:
                if _is_write_failure(exc):
                    raise CouldNotSave() from exc
                raise VaultDamaged(damaged) from exc
            for key, _role in candidates:
                try:
                    referenced = _verify_staged(staged, key)
                except VaultDamaged:
                    continue
                _unpack_documents(archive, document_infos, referenced, paths.documents, damaged)
                restored = VaultHeader(vault_id=header.vault_id, current=header.current)
                return restored, staged, referenced
        raise VaultDamaged(damaged)
    except BaseException:
        if staged is not None:
            with contextlib.suppress(OSError):
                staged.unlink()
        raise
    finally:
        for key, _ in candidates:
            key.wipe()


def _our_backup_members(
    archive: zipfile.ZipFile, not_ours: str
) -> tuple[zipfile.ZipInfo, dict[str, zipfile.ZipInfo]]:
    """The database's entry and the document files' (by name), once the archive holds
    exactly what ``backup_to`` writes: a header, a database and document files."""
    infos = archive.infolist()
    names = [info.filename for info in infos]
    documents: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.filename in (_BACKUP_HEADER_NAME, _BACKUP_DB_NAME):
            continue
        name = _document_member_name(info.filename)
        if name is None or name in documents:
            raise NotAVault(not_ours)
        documents[name] = info
    if sorted(n for n in names if n in (_BACKUP_HEADER_NAME, _BACKUP_DB_NAME)) != sorted(
        (_BACKUP_HEADER_NAME, _BACKUP_DB_NAME)
    ) or len(names) != len(set(names)):
        raise NotAVault(not_ours)
    for info in infos:
        if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1:
            raise NotAVault(not_ours)  # compressed or encrypted: not written by us
        if info.file_size != info.compress_size:
            raise NotAVault(not_ours)
    header_info = archive.getinfo(_BACKUP_HEADER_NAME)
    if header_info.file_size > MAX_HEADER_BYTES:
        raise NotAVault(not_ours)
    return archive.getinfo(_BACKUP_DB_NAME), documents


def _document_member_name(member: str) -> str | None:
    """The document file name inside ``documents/NAME.sodoc``, or None for anything else."""
    if not member.startswith(_BACKUP_DOCUMENTS) or not member.endswith(DOCUMENT_SUFFIX):
        return None
    name = member[len(_BACKUP_DOCUMENTS) : -len(DOCUMENT_SUFFIX)]
    if not _DOCUMENT_NAME.fullmatch(name):
        return None
    return name


# Room kept free beyond the restored database itself: the pre-restore copy of the live vault
# is made too, and a full disk helps nobody.
_FREE_SPACE_MARGIN = 64 * 1024 * 1024


def _require_free_space(paths: VaultPaths, size: int) -> None:
    try:
        free = shutil.disk_usage(paths.folder).free
    except OSError:
        return  # cannot tell; the copy itself reports a full disk
    live = sum(
        f.stat().st_size for f in (paths.header, paths.database, _journal(paths)) if f.is_file()
    )
    needed = size + live + _FREE_SPACE_MARGIN
    if needed > free:
        raise CouldNotSave(
            f"There is not enough free space to restore this backup (it needs about "
            f"{-(-needed // 2**20)} MB, {free // 2**20} MB are free). Nothing was changed."
        )


def _copy_at_most(source: IO[bytes], target: IO[bytes], limit: int) -> None:
    """Copy exactly ``limit`` bytes; more or fewer means the archive lied about its size."""
    copied = 0
    while True:
        chunk = source.read(min(1 << 20, limit + 1 - copied))
        if not chunk:
            break
        copied += len(chunk)
        if copied > limit:
            raise zipfile.BadZipFile("member larger than stated")
        target.write(chunk)
    if copied != limit:
        raise zipfile.BadZipFile("member shorter than stated")
    target.flush()
    os.fsync(target.fileno())


def _settle_live_header(paths: VaultPaths, passphrase: str) -> None:
    """Before a restore swaps anything, settle an interrupted passphrase change or restore in
    the live vault, keeping the slot whose key actually opens its database.

    Only the backup's passphrase is at hand; when it is also one of the live vault's (the
    usual case) the database shows which slot is its own. Otherwise the live slots are kept
    as they are beside the restored one (see ``_swap_in``), and the pre-restore copy holds
    the live vault whatever happens.
    """
    live: VaultHeader | None
    try:
        live = VaultHeader.read(paths.header)
    except VaultError:
        live = _header_copy(paths)
    if live is None or live.settled or not paths.database.is_file():
        return
    try:
        candidates = _derive_matching_keys(live, passphrase)
    except VaultError:
        return
    try:
        for key, role in candidates:
            try:
                open_keyed(paths.database, key).close()
            except (VaultError, sqlcipher3.DatabaseError):
                continue
            live.settled_on(role).write(paths.header)
            log.info("an interrupted change was settled before the restore")
            return
    finally:
        for key, _ in candidates:
            key.wipe()


def _unpack_documents(
    archive: zipfile.ZipFile,
    infos: dict[str, zipfile.ZipInfo],
    referenced: set[str],
    folder: Path,
    damaged: str,
) -> None:
    """Unpack the document files the restored database refers to, each exactly its size."""
    if any(name not in infos for name in referenced):
        raise VaultDamaged("The backup is missing some of its documents and was not restored.")
    store = DocumentStore(folder)
    if referenced:
        ensure_private_dir(folder)
    for name in sorted(referenced):
        final = store.path_of(name)
        if final.exists():
            continue
        part = folder / f".{final.name}.part"
        try:
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
            with os.fdopen(fd, "wb") as out, archive.open(infos[name]) as source:
                _copy_at_most(source, out, infos[name].file_size)
            os.replace(part, final)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                part.unlink()
            if isinstance(exc, zipfile.BadZipFile | EOFError | RuntimeError | NotImplementedError):
                raise VaultDamaged(damaged) from exc
            if isinstance(exc, OSError):
                if _is_write_failure(exc):
                    raise CouldNotSave() from exc
                raise VaultDamaged(damaged) from exc
            raise


def _keep_pre_restore_copy(paths: VaultPaths, documents: set[str]) -> Path | None:
    """Copy the live vault (header, database and any unfinished journal) into ``backups/``."""
    live = [f for f in (paths.header, paths.database, _journal(paths)) if f.exists()]
    if not live:
        return None
    ensure_private_dir(paths.backups)
    kept = paths.backups / f"pre-restore-{_timestamp()}"
    kept.mkdir(mode=0o700)
    for existing in live:
        shutil.copyfile(existing, kept / existing.name)
        make_private(kept / existing.name)
    store = DocumentStore(paths.documents)
    if documents:
        (kept / "documents").mkdir(mode=0o700)
        for name in sorted(documents):
            source = store.path_of(name)
            try:  # the files never change: a link is a copy that costs nothing
                os.link(source, kept / "documents" / source.name)
            except OSError:
                shutil.copyfile(source, kept / "documents" / source.name)
    return kept


def _swap_in(paths: VaultPaths, restored: VaultHeader, staged: Path) -> None:
    try:
        live = VaultHeader.read(paths.header) if paths.database.exists() else None
    except VaultError:
        live = _header_copy(paths) if paths.database.exists() else None
    if live is not None:
        # Until the database is swapped, the live slots stay as they are (with an interrupted
        # passphrase change's pending one, if restore could not settle it) and the restored
        # key is added beside them: after a crash the database decides which one it is.
        replace(live, restoring=(restored.vault_id, restored.current)).write(paths.header)
    # A journal left by a crash belongs to the old database; played back onto the restored one
    # it would corrupt it. It is kept in the pre-restore copy.
    with contextlib.suppress(FileNotFoundError):
        _journal(paths).unlink()
    make_private(staged)
    os.replace(staged, paths.database)
    restored.write(paths.header)


def _verify_staged(staged: Path, key: VaultKey) -> set[str]:
    """Checks a staged backup database; returns the document files it refers to."""
    try:
        conn = open_keyed(staged, key)
    except WrongPassphrase:
        raise VaultDamaged("The backup is damaged and was not restored.") from None
    try:
        for pragma in ("cipher_integrity_check", "integrity_check"):
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            if any(str(row[0]).lower() != "ok" for row in rows):
                raise VaultDamaged("The backup is damaged and was not restored.")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        referenced = _referenced_documents(conn)
    except sqlcipher3.DatabaseError as exc:
        raise VaultDamaged("The backup is damaged and was not restored.") from exc
    finally:
        conn.close()
    if revision is None or revision[0] not in migrate.known_revisions():
        raise VaultFromNewerVersion(
            "This backup was made by a newer version of Second Opinion; it was not restored."
        )
    return referenced


# SQLite result codes for "the disk would not take the write".
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_WRITE_FAILURE_CODES = frozenset({_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN})
_WRITE_FAILURE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO})


def _is_write_failure(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in _WRITE_FAILURE_ERRNOS
    cause = getattr(exc, "orig", exc)
    code = error_code(cause)
    if code is not None:
        return code in _WRITE_FAILURE_CODES
    text_ = str(cause).lower()
    return "full" in text_ or "disk i/o" in text_ or "readonly" in text_


def _is_cannot_open(exc: BaseException) -> bool:
    """SQLite could not open the file at all (a path too long, a folder it cannot enter)."""
    return error_code(getattr(exc, "orig", exc)) == _SQLITE_CANTOPEN or (
        "unable to open" in str(getattr(exc, "orig", exc)).lower()
    )


def _is_disk_full(exc: BaseException) -> bool:
    return _is_write_failure(exc)
