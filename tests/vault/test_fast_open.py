"""Opening a vault and reading the first screen without SQLAlchemy; the instance lock."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from second_opinion.domain.enums import ContactRole
from second_opinion.domain.models import Contact
from second_opinion.services import first_screen, guide
from second_opinion.services.people import add_person, list_people
from second_opinion.vault.errors import VaultDamaged, VaultInUse, VaultLocked
from second_opinion.vault.instance_lock import InstanceLock
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF


def test_a_second_holder_of_the_instance_lock_is_refused_until_the_first_lets_go(
    tmp_path: Path,
) -> None:
    first, second = InstanceLock(tmp_path / "vault.lock"), InstanceLock(tmp_path / "vault.lock")
    first.acquire()
    with pytest.raises(VaultInUse):
        second.acquire()
    first.release()
    second.acquire()
    assert second.held and not first.held
    second.release()
    second.release()  # releasing twice is harmless


def test_the_first_screen_reads_match_the_orm(vault: Vault) -> None:
    with vault.session() as s:
        ada = add_person(s, "Ada <b>&amp; 🌼")
        ben = add_person(s, "Ben")
        keys = sorted(guide.all_item_keys())[:3]
        for key in keys:
            guide.set_item_done(s, ada, key, True)
        # Ticked by the data (a first-opinion doctor), and unticked by Ada: both read alike.
        s.add(Contact(name="Dr. First", role=ContactRole.FIRST_OPINION))
        guide.set_item_done(s, ada, "doctor.first", False)
    with vault.session() as s:
        orm_people = [(p.id, p.name) for p in list_people(s)]
        orm_ada, orm_ben = guide.progress(s, ada), guide.progress(s, ben)
    with vault.reading() as conn:
        assert [(p.id, p.name) for p in first_screen.people(conn)] == orm_people
        assert first_screen.guide_done_keys(conn, ada) == orm_ada == set(keys)
        assert first_screen.guide_done_keys(conn, ben) == orm_ben == {"doctor.first"}


def test_reading_after_lock_is_refused(vault: Vault) -> None:
    vault.lock()
    with pytest.raises(VaultLocked), vault.reading():
        pass


def test_unlocking_and_the_first_screen_load_neither_sqlalchemy_nor_filelock(
    vault: Vault, data_dir: Path
) -> None:
    with vault.session() as s:
        add_person(s, "Ada")
    key = vault.key.raw().hex()
    vault.lock()
    script = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from second_opinion.vault.key import VaultKey
        from second_opinion.vault.vault import Vault
        from second_opinion.services import first_screen
        vault = Vault.unlock_with_key(Path({str(data_dir)!r}), VaultKey(bytearray.fromhex({key!r})))
        with vault.reading() as conn:
            names = [p.name for p in first_screen.people(conn)]
        loaded = sorted(m for m in ("sqlalchemy", "filelock", "asyncio", "alembic", "argon2")
                        if m in sys.modules)
        with vault.session() as s:  # and a session still works, loading the ORM now
            from second_opinion.services.people import list_people
            orm = [p.name for p in list_people(s)]
        vault.lock()
        print(json.dumps({{"names": names, "orm": orm, "loaded": loaded}}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"names": ["Ada"], "orm": ["Ada"], "loaded": []}


def test_a_session_after_a_passphrase_change_uses_the_new_key(vault: Vault) -> None:
    with vault.session() as s:
        add_person(s, "Ada")
    vault.change_passphrase(PASSPHRASE, "a brand new passphrase, also long", kdf=TEST_KDF)
    with vault.session() as s:
        assert [p.name for p in list_people(s)] == ["Ada"]
    with vault.reading() as conn:
        assert [p.name for p in first_screen.people(conn)] == ["Ada"]


def test_pages_left_unchecked_at_unlock_are_checked_by_pages_intact(data_dir: Path) -> None:
    from tests.vault.helpers import add_people

    with Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF) as vault:
        add_people(vault, 300)
        assert vault.pages_intact()
    db = data_dir / "vault.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 512] = bytes(512)
    db.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        Vault.unlock(data_dir, PASSPHRASE)  # the default still checks every page
    vault = Vault.unlock(data_dir, PASSPHRASE, check_pages=False)
    try:
        assert not vault.pages_intact()
    finally:
        vault.lock()
