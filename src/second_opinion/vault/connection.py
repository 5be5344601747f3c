"""Opening keyed SQLCipher connections (the pool of ``engine.py`` opens its own through these).

Every connection gets the key as its very first statement, then the settings the vault relies
on. With a raw key this costs microseconds (no KDF per connection). Plain DB-API only: the
vault opens, checks and reads its first screen before SQLAlchemy has been imported.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from second_opinion.vault.errors import NotAVault, VaultDamaged, VaultInUse, WrongPassphrase
from second_opinion.vault.key import VaultKey

SQLITE_PLAIN_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000

SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
# What SQLCipher reports when page 1 does not decrypt (a wrong key, or a damaged file; only the
# key-check value in the header can tell which). "Locked" or "busy" is neither.
_UNREADABLE_CODES = frozenset({SQLITE_CORRUPT, SQLITE_NOTADB})
_BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED


def open_keyed(path: Path, key: VaultKey) -> sqlcipher3.Connection:
    """Open ``path`` with ``key`` and apply the vault's settings.

    Raises ``WrongPassphrase`` when the key does not decrypt page 1. The caller decides
    whether that means a wrong key or a damaged file (it knows the key-check value).
    """
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        apply_key(conn, key)
        # SQLCipher writes its errors to stderr by default; they say nothing useful to a user
        # and must never reach a log.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # Before the first read, so that a connection opened while another one commits waits
        # for it as long as any other statement would.
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            code = error_code(exc)
            if code in _BUSY_CODES:
                # Another program (or a stuck connection) holds the file: not our key's fault,
                # and certainly no reason to call a healthy vault damaged.
                raise VaultInUse() from exc
            if code is None or code in _UNREADABLE_CODES:
                raise WrongPassphrase() from exc
            raise
        conn.execute("PRAGMA foreign_keys = ON")
        # DELETE journal (not WAL): the vault stays one file at rest, a re-key is one
        # transaction, and a copy of the folder is always consistent. See the design note.
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return conn


def apply_key(conn: sqlcipher3.Connection, key: VaultKey) -> None:
    """Key a new connection (``sqlite3_key``) from a wiped-after-use buffer, not a str."""
    with key.sqlcipher_literal() as literal:
        conn.set_key(literal)


def rekey(conn: sqlcipher3.Connection, new_key: VaultKey) -> None:
    """Re-encrypt the database under ``new_key`` (``sqlite3_rekey``), as ``PRAGMA rekey``."""
    with new_key.sqlcipher_literal() as literal:
        conn.reset_key(literal)


def error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a driver exception (extended codes folded), if any."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def damaged_pages(conn: sqlcipher3.Connection) -> list[str]:
    """SQLCipher's check of every page's HMAC (and of the file's length); empty when intact.

    It reads each page once, so on a vault of a few megabytes it costs milliseconds: cheap
    enough to run at every unlock, which is what lets a tampered or truncated file be called
    damaged right away instead of failing later in the middle of someone's work.
    """
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher3.DatabaseError as exc:
        return [f"cipher_integrity_check: {type(exc).__name__}"]
    return [str(row[0]) for row in rows if row and str(row[0]).lower() != "ok"]


def classify_unreadable(path: Path) -> type[Exception]:
    """Why a file whose key was proven right still cannot be read."""
    try:
        with path.open("rb") as handle:
            start = handle.read(16)
    except OSError:
        return VaultDamaged
    if start == SQLITE_PLAIN_MAGIC:
        return NotAVault
    return VaultDamaged


def is_database_error(exc: BaseException) -> bool:
    """Whether the driver refused a read or write (a damaged page, a full disk, ...)."""
    return isinstance(exc, sqlcipher3.DatabaseError)
