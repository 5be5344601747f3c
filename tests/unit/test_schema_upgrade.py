"""Opening a vault made by an older version: backed up first, then upgraded, data kept."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from second_opinion.services.record_requests import request_history
from second_opinion.vault import migrate
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF


def _make_first_schema_vault(folder: Path) -> None:
    """A vault as version 0001 of the schema left it, with an extension in the old format."""
    vault = Vault.create(folder, PASSPHRASE, kdf=TEST_KDF)
    cfg = migrate.alembic_config()
    with vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    with vault.engine.begin() as conn:
        for sql in (
            "INSERT INTO person (id, name, condition, medications, allergies, created_at)"
            " VALUES (1, 'Ada', '', '', '', '2026-01-01 00:00:00')",
            "INSERT INTO contact (id, name, kind, role, specialty, organization, health_system,"
            " phone, fax, email, address, portal_url, website, recommended_by, in_network,"
            " notes, phone_digits, fax_digits) VALUES (1, 'Lab', 'org', 'records_department',"
            " '', '', '', '', '', '', '', '', '', '', 'unknown', '', '', '')",
            "INSERT INTO record_request (id, person_id, holder_id, recipient_id, method, state,"
            " requested_on, due_on, extended_due_on, reference_number, notes)"
            " VALUES (1, 1, 1, 1, 'fax', 'extended', '2026-10-01', '2026-10-31', '2026-11-30',"
            " '', '')",
            'INSERT INTO request_state_change (request_id, state, "on", recorded_at, note)'
            " VALUES (1, 'requested', '2026-10-01', '2026-10-01 00:00:00', '')",
            'INSERT INTO request_state_change (request_id, state, "on", recorded_at, note)'
            " VALUES (1, 'extended', '2026-10-20', '2026-10-20 00:00:00',"
            " 'New due date 2026-11-30. They wrote to explain.')",
        ):
            conn.execute(text(sql))
    vault.lock()


def test_an_older_vault_is_backed_up_then_upgraded_keeping_its_data(data_dir: Path) -> None:
    _make_first_schema_vault(data_dir)
    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        with vault.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
        with vault.session() as session:
            history = request_history(session, 1)
    assert [h.state.value for h in history] == ["requested", "extended"]
    assert history[1].new_due_on is not None
    assert history[1].new_due_on.isoformat() == "2026-11-30"
    assert history[1].note == "They wrote to explain."
    backups = list((data_dir / "backups").glob("pre-upgrade-*.sobackup"))
    assert len(backups) == 1
    # The automatic backup holds the old schema: restored elsewhere, it needs the upgrade
    # again (and so is backed up again before it).
    restored = data_dir.parent / "restored"
    Vault.restore(restored, backups[0], PASSPHRASE)
    with Vault.unlock(restored, PASSPHRASE):
        pass
    assert list((restored / "backups").glob("pre-upgrade-*.sobackup"))


def test_the_fast_schema_check_knows_the_newest_migration() -> None:
    # Unlocking answers without Alembic by comparing with HEAD_REVISION: a new migration
    # that forgets to move it would leave vaults un-upgraded.
    assert migrate.head_revision() == migrate.HEAD_REVISION
