"""The encrypted vault: create, unlock, use, re-key, back up, restore, lock.

Layout of a vault folder (0700, every file 0600)::

    vault.header.json   salt, Argon2id settings, key-check value (no secrets, no health data)
    vault.db            the SQLCipher database (AES-256, HMAC per page, raw 256-bit key)
    vault.lock          held while a process has the vault open
    backups/            automatic backups (before a schema upgrade, before a restore)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import filelock
import sqlcipher3
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from second_opinion.vault import migrate
from second_opinion.vault.connection import classify_unreadable, create_vault_engine, open_keyed
from second_opinion.vault.errors import (
    BackupFailed,
    CouldNotSave,
    NotAVault,
    NoVault,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultFromNewerVersion,
    VaultInUse,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
)
from second_opinion.vault.header import KeySlot, VaultHeader
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
    PRIVATE_FILE_MODE,
    VaultPaths,
    ensure_private_dir,
    make_private,
)

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".sobackup"
_BACKUP_HEADER_NAME = "vault.header.json"
_BACKUP_DB_NAME = "vault.db"


@dataclass(frozen=True)
class IntegrityReport:
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _new_slot(passphrase: str, kdf: KdfParameters) -> tuple[KeySlot, VaultKey]:
    salt = new_salt()
    key = VaultKey(derive_key(passphrase, salt, kdf))
    return KeySlot(salt=salt, kdf=kdf, key_check=key_check_value(key.raw())), key


def _timestamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    os.close(fd)


class Vault:
    """An unlocked vault. Obtain one with ``create``, ``unlock`` or ``unlock_with_key``."""

    def __init__(
        self, paths: VaultPaths, header: VaultHeader, key: VaultKey, lock: filelock.BaseFileLock
    ) -> None:
        self.paths = paths
        self._header = header
        self._key = key
        self._instance_lock = lock
        self._engine: Engine | None = create_vault_engine(paths.database, key)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._guard = threading.RLock()

    # ----------------------------------------------------------------- opening
    @staticmethod
    def exists(folder: Path) -> bool:
        return VaultPaths(folder).exists()

    @classmethod
    def create(cls, folder: Path, passphrase: str, kdf: KdfParameters = DEFAULT) -> Vault:
        normalise_passphrase(passphrase)  # refuse an empty one before any work
        paths = VaultPaths(folder)
        if paths.exists():
            raise VaultExists()
        ensure_private_dir(folder)
        lock = _acquire_instance_lock(paths)
        try:
            slot, key = _new_slot(passphrase, kdf)
            header = VaultHeader.new(slot)
            building = folder / f".{paths.database.name}.creating"
            with contextlib.suppress(FileNotFoundError):
                building.unlink()
            _create_private_file(building)
            engine = create_vault_engine(building, key)
            try:
                migrate.upgrade(engine)
            finally:
                engine.dispose()
            header.write(paths.header)
            os.replace(building, paths.database)
            make_private(paths.database)
        except BaseException:
            lock.release()
            raise
        log.info("vault created")
        return cls(paths, header, key, lock)

    @classmethod
    def unlock(cls, folder: Path, passphrase: str) -> Vault:
        normalise_passphrase(passphrase)
        paths = VaultPaths(folder)
        header = _read_header_for_open(paths)
        key, slot_is_pending = _derive_matching_key(header, passphrase)
        return cls._open(paths, header, key, slot_is_pending)

    @classmethod
    def unlock_with_key(cls, folder: Path, key: VaultKey) -> Vault:
        """Open with a remembered key. A stale key raises ``WrongPassphrase``; never damages."""
        paths = VaultPaths(folder)
        header = _read_header_for_open(paths)
        if key_matches(key.raw(), header.current.key_check):
            return cls._open(paths, header, key, False)
        if header.pending is not None and key_matches(key.raw(), header.pending.key_check):
            return cls._open(paths, header, key, True)
        raise WrongPassphrase()

    @classmethod
    def _open(
        cls, paths: VaultPaths, header: VaultHeader, key: VaultKey, slot_is_pending: bool
    ) -> Vault:
        lock = _acquire_instance_lock(paths)
        try:
            try:
                conn = open_keyed(paths.database, key)
            except WrongPassphrase:
                # The key is proven right by the header, so the file is the problem, unless a
                # passphrase change was interrupted and this key belongs to the other side.
                if header.pending is not None:
                    raise WrongPassphrase(
                        "Wrong passphrase: a passphrase change was interrupted and this vault "
                        "now opens with the other passphrase (the old or the new one)."
                    ) from None
                raise classify_unreadable(paths.database)() from None
            conn.close()
            if header.pending is not None:
                # The database decides which side of an interrupted change won.
                header = header.promoted() if slot_is_pending else header.with_pending(None)
                header.write(paths.header)
            vault = cls(paths, header, key, lock)
            vault._upgrade_schema_if_needed()
        except BaseException:
            lock.release()
            raise
        log.info("vault unlocked")
        return vault

    def _upgrade_schema_if_needed(self) -> None:
        engine = self._require_engine()
        try:
            upgrade = migrate.needs_upgrade(engine)
        except DBAPIError as exc:
            self.lock()
            raise VaultDamaged() from exc
        except VaultError:
            self.lock()
            raise
        if upgrade:
            ensure_private_dir(self.paths.backups)
            self.backup_to(self.paths.backups / f"pre-upgrade-{_timestamp()}{BACKUP_SUFFIX}")
            migrate.upgrade(engine)
            log.info("vault schema upgraded")

    # ----------------------------------------------------------------- using
    @property
    def vault_id(self) -> str:
        return self._header.vault_id

    @property
    def key(self) -> VaultKey:
        self._require_engine()
        return self._key

    @property
    def is_locked(self) -> bool:
        return self._engine is None

    @property
    def engine(self) -> Engine:
        return self._require_engine()

    def session_factory(self) -> Callable[[], Session]:
        self._require_engine()
        return self._sessions

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error."""
        self._require_engine()
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                if _is_disk_full(exc):
                    raise CouldNotSave() from None
                raise
            except BaseException:
                session.rollback()
                raise

    def _require_engine(self) -> Engine:
        if self._engine is None:
            raise VaultLocked()
        return self._engine

    # ----------------------------------------------------------------- checks
    def integrity_check(self) -> IntegrityReport:
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
        finally:
            conn.close()
        return IntegrityReport(tuple(problems))

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
            engine = self._require_engine()
            if not key_matches(
                derive_key(old_passphrase, self._header.current.salt, self._header.current.kdf),
                self._header.current.key_check,
            ):
                raise WrongPassphrase("The current passphrase is wrong; nothing was changed.")
            slot, new_key = _new_slot(new_passphrase, kdf)
            pending_header = self._header.with_pending(slot)
            pending_header.write(self.paths.header)
            engine.dispose()
            conn = open_keyed(self.paths.database, self._key)
            try:
                conn.execute(f"PRAGMA rekey = {new_key.pragma_literal()}")
            except BaseException:
                conn.close()
                self._header.write(self.paths.header)
                raise
            conn.close()
            self._header = pending_header.promoted()
            self._header.write(self.paths.header)
            self._key.wipe()
            self._key = new_key
            self._engine = create_vault_engine(self.paths.database, new_key)
            self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        log.info("vault passphrase changed")

    # ----------------------------------------------------------------- backups
    def backup_to(self, destination: Path) -> Path:
        """Write an encrypted backup (header + database) to ``destination`` atomically.

        The database is copied with SQLite's online backup API (a consistent snapshot even
        while other connections write), into a temporary file beside the destination, which
        replaces the destination only once complete: a failed backup leaves any earlier
        backup at that path untouched and no partial file behind.
        """
        self._require_engine()
        destination = destination.expanduser()
        try:
            destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            snapshot_fd, snapshot_name = tempfile.mkstemp(
                dir=self.paths.folder, prefix=".backup-", suffix=".db"
            )
            os.close(snapshot_fd)
            snapshot = Path(snapshot_name)
            try:
                _snapshot_database(self.paths.database, self._key, snapshot)
                payload_fd, payload_name = tempfile.mkstemp(
                    dir=destination.parent, prefix=f".{destination.name}.", suffix=".tmp"
                )
                os.close(payload_fd)
                payload = Path(payload_name)
                try:
                    os.chmod(payload, PRIVATE_FILE_MODE)
                    with zipfile.ZipFile(payload, "w", compression=zipfile.ZIP_STORED) as zf:
                        zf.writestr(_BACKUP_HEADER_NAME, self._header.to_bytes())
                        zf.write(snapshot, _BACKUP_DB_NAME)
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
        except OSError as exc:
            raise BackupFailed() from exc
        log.info("backup written")
        return destination

    @classmethod
    def restore(cls, folder: Path, backup: Path, passphrase: str) -> Path | None:
        """Replace the vault in ``folder`` with ``backup``; returns where the old one was kept.

        The backup is fully checked (passphrase, integrity, schema version) before the live
        vault is touched, and the live vault is kept in ``backups/`` as a pre-restore copy.
        """
        normalise_passphrase(passphrase)
        paths = VaultPaths(folder)
        ensure_private_dir(folder)
        header, staged = _stage_backup(paths, backup, passphrase)
        lock = _acquire_instance_lock(paths)
        try:
            kept: Path | None = None
            if paths.database.exists() or paths.header.exists():
                ensure_private_dir(paths.backups)
                kept = paths.backups / f"pre-restore-{_timestamp()}"
                kept.mkdir(mode=0o700)
                for existing in (paths.header, paths.database):
                    if existing.exists():
                        shutil.copy2(existing, kept / existing.name)
                        make_private(kept / existing.name)
            header.write(paths.header)
            os.replace(staged, paths.database)
            make_private(paths.database)
        except BaseException:
            with contextlib.suppress(OSError):
                staged.unlink()
            raise
        finally:
            lock.release()
        log.info("vault restored from backup")
        return kept

    # ----------------------------------------------------------------- locking
    def lock(self) -> None:
        """Drop every connection, wipe the key, release the folder. Further use is refused."""
        with self._guard:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
            self._key.wipe()
            with contextlib.suppress(Exception):
                self._instance_lock.release()
        log.info("vault locked")

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()


# --------------------------------------------------------------------- helpers
def _acquire_instance_lock(paths: VaultPaths) -> filelock.BaseFileLock:
    lock = filelock.FileLock(str(paths.lock), timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise VaultInUse() from None
    make_private(paths.lock)
    return lock


def _read_header_for_open(paths: VaultPaths) -> VaultHeader:
    if not paths.header.exists() and not paths.database.exists():
        raise NoVault()
    header = VaultHeader.read(paths.header)
    # A 0-byte database opens with any key and looks empty: treat it as missing rather than
    # showing an empty vault or letting SQLite build a new one over the user's data.
    try:
        size = paths.database.stat().st_size
    except FileNotFoundError:
        raise VaultMissing() from None
    if size == 0:
        raise VaultMissing()
    return header


def _derive_matching_key(header: VaultHeader, passphrase: str) -> tuple[VaultKey, bool]:
    slots = [(header.current, False)]
    if header.pending is not None:
        slots.append((header.pending, True))
    for slot, is_pending in slots:
        material = derive_key(passphrase, slot.salt, slot.kdf)
        if key_matches(material, slot.key_check):
            return VaultKey(material), is_pending
        VaultKey(material).wipe()
    raise WrongPassphrase()


def _snapshot_database(source: Path, key: VaultKey, target: Path) -> None:
    src = open_keyed(source, key)
    try:
        dst = sqlcipher3.connect(str(target), isolation_level=None)
        try:
            dst.execute(f"PRAGMA key = {key.pragma_literal()}")
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


def _stage_backup(paths: VaultPaths, backup: Path, passphrase: str) -> tuple[VaultHeader, Path]:
    """Unpack and verify a backup next to the vault; the live vault is not touched."""
    try:
        archive = zipfile.ZipFile(backup)
    except FileNotFoundError:
        raise NotAVault("The backup file does not exist.") from None
    except (zipfile.BadZipFile, OSError):
        raise NotAVault("This file is not a Second Opinion backup, or it is damaged.") from None
    with archive:
        try:
            header = VaultHeader.from_bytes(archive.read(_BACKUP_HEADER_NAME))
            fd, staged_name = tempfile.mkstemp(dir=paths.folder, prefix=".restore-", suffix=".db")
            staged = Path(staged_name)
            with os.fdopen(fd, "wb") as out, archive.open(_BACKUP_DB_NAME) as db:
                shutil.copyfileobj(db, out)
        except (KeyError, zipfile.BadZipFile) as exc:
            raise NotAVault("This file is not a Second Opinion backup, or it is damaged.") from exc
        except OSError as exc:
            raise CouldNotSave() from exc
    try:
        key, _ = _derive_matching_key(header, passphrase)
        _verify_staged(staged, key)
    except BaseException:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise
    return header, staged


def _verify_staged(staged: Path, key: VaultKey) -> None:
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
    except sqlcipher3.DatabaseError as exc:
        raise VaultDamaged("The backup is damaged and was not restored.") from exc
    finally:
        conn.close()
    if revision is None or revision[0] not in migrate.known_revisions():
        raise VaultFromNewerVersion(
            "This backup was made by a newer version of Second Opinion; it was not restored."
        )
    key.wipe()


def _is_disk_full(exc: BaseException) -> bool:
    text_ = str(getattr(exc, "orig", exc)).lower()
    return "full" in text_ or "disk i/o" in text_
