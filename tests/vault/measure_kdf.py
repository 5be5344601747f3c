"""Measure what docs/design/key-derivation.md quotes. Run: python -m tests.vault.measure_kdf

Not a test (no timing asserts anywhere): it prints the median of several runs of each step.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from second_opinion.domain.models import Person
from second_opinion.vault.kdf import DEFAULT, MINIMUM, KdfParameters, derive_key, new_salt
from second_opinion.vault.vault import Vault

RUNS = 7


def median_seconds(step: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def sqlcipher_open(path: Path, key_pragma: str) -> None:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = {key_pragma}")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def main() -> None:
    salt = new_salt()
    settings = {
        "Argon2id 19 MiB t=2 p=1 (minimum / tests)": KdfParameters(MINIMUM.memory_kib, 2, 1),
        "Argon2id 64 MiB t=3 p=4 (default)": DEFAULT,
        "Argon2id 256 MiB t=3 p=4": KdfParameters(256 * 1024, 3, 4),
    }
    for label, params in settings.items():
        report(f"{label:48s} {median_seconds(lambda p=params: derive_key('pw', salt, p)):.3f} s")

    folder = Path(tempfile.mkdtemp())
    passphrase_db = folder / "pbkdf2.db"
    conn = sqlcipher3.connect(str(passphrase_db))
    conn.execute("PRAGMA key = 'a passphrase'")  # SQLCipher 4 default: PBKDF2-SHA512, 256 000
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    pbkdf2 = median_seconds(lambda: sqlcipher_open(passphrase_db, "'a passphrase'"))
    report(f"{'SQLCipher PBKDF2 256k: open + first query':48s} {pbkdf2:.3f} s")

    vault = Vault.create(folder / "vault", "pw", kdf=KdfParameters(MINIMUM.memory_kib, 2, 1))
    with vault.session() as s:  # about 5 MB of text, a large real vault
        s.add_all(Person(name=f"p{i}", condition="n" * 2000) for i in range(2500))
    with vault.key.sqlcipher_literal() as literal:  # a measuring tool, not the app
        raw = '"' + literal.decode("ascii") + '"'
    raw_open = median_seconds(lambda: sqlcipher_open(vault.paths.database, raw))
    report(f"{'raw key: open + first query':48s} {raw_open * 1000:.2f} ms")
    size_mb = vault.paths.database.stat().st_size / 1e6
    check = median_seconds(vault.integrity_check, runs=3)
    report(f"{f'integrity checks, {size_mb:.1f} MB vault':48s} {check:.3f} s")
    conn = sqlcipher3.connect(str(vault.paths.database))
    conn.execute(f"PRAGMA key = {raw}")
    hmac_only = median_seconds(lambda: conn.execute("PRAGMA cipher_integrity_check").fetchall())
    conn.close()
    report(f"{f'cipher_integrity_check only (unlock), {size_mb:.1f} MB':48s} {hmac_only:.3f} s")

    def one_commit() -> None:
        with vault.session() as s:
            s.add(Person(name="x"))

    commit = median_seconds(one_commit)
    report(f"{'one committed write (DELETE journal, FULL sync)':48s} {commit * 1000:.1f} ms")
    vault.lock()


if __name__ == "__main__":
    main()
