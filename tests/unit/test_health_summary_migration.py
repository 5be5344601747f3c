"""The health-summary migration: every line of the old free text becomes an entry, and the
text itself is kept exactly, whatever it holds."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from alembic import command
from alembic.migration import MigrationContext
from sqlalchemy import text

from second_opinion.domain.models import Base
from second_opinion.vault import migrate
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF
from tests.migrations import module_mentioning, revision_mentioning

ODD = {
    "condition": "Stage II <b>breast</b> cancer & more 🎗️\r\n\n   \n  indented line  \nلا",
    "medications": "Letrozole 2.5 mg\n\nVitamin D\tdaily\n" + "x" * 50_000,
    "allergies": "Penicillin 💊 <&>\u2028same line?\n",
}


def _migration() -> ModuleType:
    return module_mentioning('"health_condition"')


def _before_summary(vault: Vault) -> None:
    """Take the vault back to the revision before the summary and fill the old fields."""
    before = _migration().down_revision
    cfg = migrate.alembic_config()
    with vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, before)
    with vault.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO person (id, name, condition, medications, allergies, created_at)"
                " VALUES (1, 'Ada', :c, :m, :a, '2026-01-01 00:00:00'),"
                " (2, 'Empty', '', '', '', '2026-01-01 00:00:00')"
            ),
            {"c": ODD["condition"], "m": ODD["medications"], "a": ODD["allergies"]},
        )


def _upgrade(vault: Vault) -> None:
    cfg = migrate.alembic_config()
    with vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def test_the_summary_migration_is_in_the_chain() -> None:
    # Renumbering the migration must not need edits here: the test finds it by its table.
    revision, before, _path = revision_mentioning('"health_condition"')
    assert _migration().revision == revision and _migration().down_revision == before


def test_every_line_becomes_an_entry_and_the_text_is_kept_exactly(vault: Vault) -> None:
    _before_summary(vault)
    _upgrade(vault)
    lines_of = _migration().lines_of
    with vault.engine.connect() as conn:
        kept = conn.execute(
            text("SELECT condition, medications, allergies FROM person WHERE id = 1")
        ).one()
        assert tuple(kept) == (ODD["condition"], ODD["medications"], ODD["allergies"])
        for column, table in (
            ("condition", "health_condition"),
            ("medications", "health_medication"),
            ("allergies", "health_allergy"),
        ):
            names = conn.execute(
                text(f"SELECT name, source FROM {table} WHERE person_id = 1 ORDER BY id")
            ).all()
            assert [n for n, _ in names] == lines_of(ODD[column])
            assert {s for _, s in names} == {"profile text"}
            # every character that is not a line break or surrounding space is in an entry
            squeezed = "".join(ODD[column].split())
            assert "".join("".join(n.split()) for n, _ in names) == squeezed
        assert (
            conn.execute(text("SELECT count(*) FROM health_condition WHERE person_id = 2")).scalar()
            == 0
        )
    names = lines_of(ODD["medications"])
    assert names[-1] == "x" * 50_000
    assert "Vitamin D\tdaily" in names


def test_downgrade_keeps_the_old_text(vault: Vault) -> None:
    _before_summary(vault)
    _upgrade(vault)
    cfg = migrate.alembic_config()
    with vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, _migration().down_revision)
    with vault.engine.connect() as conn:
        kept = conn.execute(text("SELECT condition, allergies FROM person WHERE id = 1")).one()
        assert tuple(kept) == (ODD["condition"], ODD["allergies"])
        assert "health_condition" not in {
            r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))
        }
    _upgrade(vault)  # and up again, for the fixture's lock


def test_the_migrated_schema_matches_the_models(vault: Vault) -> None:
    from alembic.autogenerate import compare_metadata

    with vault.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ours = [d for d in diff if "health" in repr(d) or "imported" in repr(d) or "npi" in repr(d)]
    assert ours == []


@pytest.mark.parametrize("text_value", ["", "\n\n  \n", None])
def test_blank_text_gives_no_entries(text_value: str | None) -> None:
    assert _migration().lines_of(text_value) == []


def test_an_upgraded_vault_opens(data_dir: Path) -> None:
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    _before_summary(vault)
    vault.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as again, again.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM health_allergy")).scalar() == 1
