"""The tracking migration: a vault from the revision before it upgrades with its requests kept.

The revision ids are read from the script directory, never written here: parallel branches
renumber their migrations when they merge.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from second_opinion.services.tracking import follow_up
from second_opinion.vault import migrate
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF

TRACKING_TABLES = {
    "follow_up_call",
    "shipment",
    "pathology_material",
    "pathology_stain",
    "disc_inventory",
    "disc_study",
}


def _tracking_revision() -> tuple[str, str]:
    """(the revision that adds the tracking tables, the one before it)."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    for rev in script.walk_revisions():
        if "follow_up_call" in Path(rev.path).read_text():
            assert isinstance(rev.down_revision, str)
            return rev.revision, rev.down_revision
    raise AssertionError("no migration creates the tracking tables")


def test_an_older_vault_gains_the_tracking_tables_and_default_plans(data_dir: Path) -> None:
    tracking, before = _tracking_revision()
    vault = Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF)
    cfg = migrate.alembic_config()
    with vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, before)
    with vault.engine.begin() as conn:
        assert not TRACKING_TABLES & set(inspect(conn).get_table_names())
        for sql in (
            "INSERT INTO person (id, name, condition, medications, allergies, created_at)"
            " VALUES (1, 'Ada', '', '', '', '2026-01-01 00:00:00')",
            "INSERT INTO contact (id, name, kind, role, specialty, organization, health_system,"
            " phone, fax, email, address, portal_url, website, recommended_by, in_network,"
            " notes, phone_digits, fax_digits) VALUES (1, 'Lab', 'org', 'records_department',"
            " '', '', '', '', '', '', '', '', '', '', 'unknown', '', '', '')",
            "INSERT INTO record_request (id, person_id, holder_id, recipient_id, method, state,"
            " requested_on, due_on, reference_number, notes)"
            " VALUES (1, 1, 1, 1, 'mail', 'requested', '2026-10-01', '2026-10-31', '', '')",
        ):
            conn.execute(text(sql))
    vault.lock()

    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        with vault.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            assert set(inspect(conn).get_table_names()) >= TRACKING_TABLES
        with vault.session() as session:
            found = follow_up(session, 1)
    assert found.plan == (10, 20, 30)
    assert found.holder_received_on is None

    with Vault.unlock(data_dir, PASSPHRASE) as vault, vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, before)
        assert not TRACKING_TABLES & set(inspect(conn).get_table_names())
        command.upgrade(cfg, tracking)
