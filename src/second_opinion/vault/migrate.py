"""Schema versions: what the vault holds, what this app knows, and upgrading between them.

Alembic and SQLAlchemy are imported only when there is work to do (creating or upgrading a
vault, or meeting a revision that is not this app's newest): on an ordinary unlock, one query
on the plain connection (``revision_of``) compared with ``HEAD_REVISION`` answers "is this
vault current?" without loading either (about 0.1 s and 0.25 s).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from second_opinion.vault.errors import VaultFromNewerVersion

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

MIGRATIONS = Path(__file__).with_name("migrations")

#: The newest migration in migrations/versions; a test keeps it equal to Alembic's head.
HEAD_REVISION = "0008"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1, "migrations must form one line"
    return heads[0]


def revision_of(dbapi_conn: Any) -> str | None:
    """The revision stamped in a plain (DB-API) connection's database; None if there is none.

    Errors other than "no such table" are the caller's (a damaged file must not read as
    "no revision").
    """
    try:
        row = dbapi_conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except Exception as exc:
        if "no such table" in str(exc):  # a database no migration has touched
            return None
        raise
    return None if row is None else str(row[0])


def current_revision(conn: Connection) -> str | None:
    """``revision_of`` for a SQLAlchemy connection."""
    return revision_of(conn.connection.driver_connection)


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def revision_needs_upgrade(current: str | None) -> bool:
    """True when ``current`` is older than this app; refuses one from a newer app."""
    if current == HEAD_REVISION:
        return False
    if current is not None and current not in known_revisions():
        raise VaultFromNewerVersion()
    return True


def upgrade(engine: Engine) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
