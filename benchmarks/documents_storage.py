"""Documents: blobs in the SQLCipher database, or files encrypted with per-document keys?

    python benchmarks/documents_storage.py [--collection-mb 256]

Measures, in a temporary folder, the two ways of keeping document content encrypted:

- blobs: 1 MiB chunks in a table of the vault's own SQLCipher database (same settings as the
  vault: DELETE journal, synchronous=FULL, secure_delete=ON);
- files: one file per document, AES-256-GCM in 1 MiB chunks with a random per-document key
  (the key would live in the vault's database).

For each: storing a 50 MB document (fsync'd), reading it back, and what a collection of
``--collection-mb`` costs the vault's unlock (which checks every page's HMAC with
``PRAGMA cipher_integrity_check``), a backup snapshot and a change of key. Results are printed
as a table and as one JSON object on the last line. See docs/design/documents-storage.md.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

import sqlcipher3
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

CHUNK = 1 << 20
KEY = "\"x'" + "ab" * 32 + "'\""
KEY2 = "\"x'" + "cd" * 32 + "'\""


def _connect(path: Path, key: str = KEY) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = {key}")
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA secure_delete = ON")
    return conn


def _small_schema(conn: sqlcipher3.Connection) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY, t TEXT)")
    conn.execute("BEGIN")
    for i in range(20000):
        conn.execute("INSERT INTO meta (t) VALUES (?)", (f"row {i} " * 8,))
    conn.execute("COMMIT")


def blob_store(conn: sqlcipher3.Connection, doc_id: int, data: bytes) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS chunk (doc INTEGER, n INTEGER, data BLOB, PRIMARY KEY(doc, n))"
    )
    conn.execute("BEGIN IMMEDIATE")
    for n, start in enumerate(range(0, len(data), CHUNK)):
        conn.execute(
            "INSERT INTO chunk (doc, n, data) VALUES (?, ?, ?)",
            (doc_id, n, data[start : start + CHUNK]),
        )
    conn.execute("COMMIT")


def blob_read(conn: sqlcipher3.Connection, doc_id: int) -> int:
    total = 0
    for (chunk,) in conn.execute("SELECT data FROM chunk WHERE doc = ? ORDER BY n", (doc_id,)):
        total += len(chunk)
    return total


def file_store(folder: Path, data: bytes) -> Path:
    key = AESGCM.generate_key(bit_length=256)
    aead = AESGCM(key)
    prefix = secrets.token_bytes(4)
    path = folder / f"{secrets.token_hex(16)}.sodoc"
    with open(path, "wb") as out:
        for n, start in enumerate(range(0, len(data), CHUNK)):
            nonce = prefix + n.to_bytes(8, "big")
            out.write(aead.encrypt(nonce, data[start : start + CHUNK], n.to_bytes(8, "big")))
        out.flush()
        os.fsync(out.fileno())
    (folder / (path.name + ".key")).write_bytes(key + prefix)
    return path


def file_read(path: Path) -> int:
    material = (path.parent / (path.name + ".key")).read_bytes()
    aead = AESGCM(material[:32])
    total = 0
    with open(path, "rb") as handle:
        n = 0
        while block := handle.read(CHUNK + 16):
            nonce = material[32:] + n.to_bytes(8, "big")
            total += len(aead.decrypt(nonce, block, n.to_bytes(8, "big")))
            n += 1
    return total


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _unlock_check(path: Path) -> None:
    conn = _connect(path)
    conn.execute("PRAGMA cipher_integrity_check").fetchall()
    conn.close()


def _backup(path: Path, target: Path) -> None:
    src = _connect(path)
    dst = sqlcipher3.connect(str(target), isolation_level=None)
    dst.execute(f"PRAGMA key = {KEY}")
    src.backup(dst)
    dst.close()
    src.close()
    target.unlink()


def _rekey(path: Path) -> None:
    conn = _connect(path)
    conn.execute(f"PRAGMA rekey = {KEY2}")
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--collection-mb", type=int, default=256)
    args = parser.parse_args()
    fifty = secrets.token_bytes(50 * CHUNK)
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        root = Path(tmp)
        # --- the vault alone, for the baseline unlock check
        plain_vault = root / "vault-small.db"
        conn = _connect(plain_vault)
        _small_schema(conn)
        conn.close()
        out["unlock_check_small_vault_s"] = min(
            _timed(lambda: _unlock_check(plain_vault)) for _ in range(3)
        )

        # --- blobs
        blobs = root / "vault-blobs.db"
        conn = _connect(blobs)
        _small_schema(conn)
        out["blob_store_50mb_s"] = _timed(lambda: blob_store(conn, 1, fifty))
        out["blob_read_50mb_s"] = _timed(lambda: blob_read(conn, 1))
        extra = secrets.token_bytes(16 * CHUNK)
        for doc in range(2, 2 + max(0, args.collection_mb - 50) // 16):
            blob_store(conn, doc, extra)
        conn.close()
        size_mb = blobs.stat().st_size / CHUNK
        out["blob_collection_mb"] = round(size_mb)
        out["blob_unlock_check_s"] = _timed(lambda: _unlock_check(blobs))
        out["blob_backup_snapshot_s"] = _timed(lambda: _backup(blobs, root / "snap.db"))
        out["blob_rekey_s"] = _timed(lambda: _rekey(blobs))
        conn = _connect(blobs, KEY2)
        out["blob_delete_50mb_s"] = _timed(
            lambda: (
                conn.execute("BEGIN IMMEDIATE"),
                conn.execute("DELETE FROM chunk WHERE doc = 1"),
                conn.execute("COMMIT"),
            )
        )
        conn.close()
        blobs.unlink()

        # --- files
        docs = root / "documents"
        docs.mkdir()
        holder: list[Path] = []
        out["file_store_50mb_s"] = _timed(lambda: holder.append(file_store(docs, fifty)))
        out["file_read_50mb_s"] = _timed(lambda: file_read(holder[0]))
        out["file_unlock_check_s"] = out["unlock_check_small_vault_s"]  # documents not read
        out["file_rekey_s_extra"] = 0.0  # per-document keys live in the database's rows
        out["file_verify_50mb_s"] = out["file_read_50mb_s"]
    width = max(len(k) for k in out)
    for name, value in out.items():
        print(f"{name:<{width}}  {value:8.3f}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
