"""The SQLAlchemy engine of an unlocked vault: a pool of keyed SQLCipher connections.

The pool keys each new connection itself (``connection.open_keyed``), so any thread may open
one. Imported on first use of a session, not when the vault opens: SQLAlchemy takes about a
quarter of a second to import, and the unlocked window's first screen does not need it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from second_opinion.vault.connection import open_keyed
from second_opinion.vault.key import VaultKey


def create_vault_engine(path: Path, key: VaultKey) -> Engine:
    def creator() -> Any:
        return open_keyed(path, key)

    engine = create_engine(
        "sqlite://",
        creator=creator,
        # The DBAPI module decides which exceptions SQLAlchemy recognises and wraps.
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=8,
        pool_pre_ping=False,
        # Bound parameters are health data: keep them out of exception text.
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _no_pysqlite_transaction_magic(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (the pysqlite driver's implicit transactions
        # otherwise defer BEGIN and break SAVEPOINTs).
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
