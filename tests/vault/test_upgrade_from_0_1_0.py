"""A vault made by Second Opinion 0.1.0 opens with this version: backed up, upgraded, all kept.

The vault in tests/fixtures/vault-0.1.0/ was made by the 0.1.0 code itself (see the README
there). These tests compare with whatever this code's newest migration is, never with a
revision written here, so they keep proving the upgrade as migrations are added.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from second_opinion.vault import migrate
from second_opinion.vault.vault import Vault

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vault-0.1.0"
EXPECTED: dict[str, Any] = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))
PASSPHRASE: str = EXPECTED["passphrase"]


@pytest.fixture
def old_vault(tmp_path: Path) -> Path:
    """A copy of the 0.1.0 vault, private as the app keeps its folder (git does not)."""
    folder = tmp_path / "vault"
    shutil.copytree(FIXTURE / "vault", folder)
    folder.chmod(0o700)
    for path in folder.iterdir():
        path.chmod(0o600)
    return folder


def _pre_upgrade_backups(folder: Path) -> list[Path]:
    return sorted((folder / "backups").glob("pre-upgrade-*.sobackup"))


def _assert_every_row_is_there(vault: Vault) -> None:
    with vault.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        tables = {
            row[0]
            for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        }
        for table, count in EXPECTED["row_counts"].items():
            # A migration that renames or merges a table must say here where its rows went.
            assert table in tables, f"table {table} of 0.1.0 is gone"
            found = conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
            assert found >= count, f"{table}: {found} rows, 0.1.0 had {count}"
        for column, table, key in (
            ("name", "person", "person_names"),
            ("name", "contact", "contact_names"),
            ("text", "question", "question_texts"),
        ):
            values = {row[0] for row in conn.execute(text(f"SELECT {column} FROM {table}"))}
            assert set(EXPECTED[key]) <= values, f"{table}.{column} lost values"


def test_the_fixture_was_made_by_0_1_0_at_an_older_or_equal_revision() -> None:
    assert EXPECTED["made_with_version"] == "0.1.0"
    assert EXPECTED["revision"] in migrate.known_revisions()
    assert (FIXTURE / "vault" / "vault.db").stat().st_size > 0


def test_the_0_1_0_vault_opens_with_every_row(old_vault: Path) -> None:
    needs_upgrade = EXPECTED["revision"] != migrate.head_revision()
    with Vault.unlock(old_vault, PASSPHRASE) as vault:
        _assert_every_row_is_there(vault)
    backups = _pre_upgrade_backups(old_vault)
    # An upgrade is always preceded by exactly one backup; a vault already current gets none.
    assert len(backups) == (1 if needs_upgrade else 0)
    if needs_upgrade:
        # The backup is the 0.1.0 vault as it was: restored elsewhere it opens (and is
        # upgraded, so backed up, again).
        restored = old_vault.parent / "restored"
        Vault.restore(restored, backups[0], PASSPHRASE)
        with Vault.unlock(restored, PASSPHRASE) as vault:
            _assert_every_row_is_there(vault)
        assert len(_pre_upgrade_backups(restored)) == 1


@pytest.fixture
def one_more_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """This code's migrations plus one more (a new column), as the next version will have.

    So the backup-then-upgrade path runs on the real 0.1.0 file even while the fixture's
    revision is still this code's newest.
    """
    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (migrations / "versions" / "9999_test_next_version.py").write_text(
        f'''"""A stand-in for the next version's migration."""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("test_next_version", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("person") as batch:
        batch.drop_column("test_next_version")
''',
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS", migrations)
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9999")
    return "9999"


def test_a_later_schema_backs_up_the_0_1_0_vault_before_upgrading_it(
    old_vault: Path, one_more_migration: str
) -> None:
    before = (old_vault / "vault.db").read_bytes()
    with Vault.unlock(old_vault, PASSPHRASE) as vault:
        _assert_every_row_is_there(vault)
        with vault.engine.connect() as conn:
            assert migrate.current_revision(conn) == one_more_migration
    backups = _pre_upgrade_backups(old_vault)
    assert len(backups) == 1
    assert backups[0].stat().st_size >= len(before) // 2
