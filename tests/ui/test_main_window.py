"""The window as a person meets it: first run, unlock, lock, auto-lock, people, tabs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from second_opinion.ui.main_window import MainWindow
from second_opinion.ui.settings import AppSettings
from second_opinion.ui.tab_registry import TAB_KEYS
from second_opinion.ui.unlock_page import UnlockPage
from second_opinion.ui.welcome_page import WelcomePage
from second_opinion.vault.keystore import KeyStore
from second_opinion.vault.layout import VaultPaths
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF


@pytest.fixture
def existing_vault(data_dir: Path) -> Path:
    with Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF) as vault, vault.session() as s:
        from second_opinion.services.people import add_person

        add_person(s, "Ada")
        add_person(s, "Ben")
    return data_dir


@pytest.fixture
def window(qtbot, data_dir: Path):
    win = MainWindow(data_dir, AppSettings())
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.vault is not None:
        win.lock()


def _unlock(qtbot, win: MainWindow, passphrase: str = PASSPHRASE) -> None:
    page = win.lock_page
    assert isinstance(page, UnlockPage)
    # The page first tries a remembered key; the button works once that has finished.
    qtbot.waitUntil(page.unlock_button.isEnabled, timeout=10000)
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)


def test_first_run_creates_a_vault_from_the_welcome_page(qtbot, window: MainWindow) -> None:
    page = window.lock_page
    assert isinstance(page, WelcomePage)
    page.person_name.setText("Carla")
    qtbot.keyClicks(page.passphrase, "maple orbit lantern seventeen")
    qtbot.keyClicks(page.repeat, "maple orbit lantern seventeen")
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=15000):
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert Vault.exists(window.data_dir)
    assert window.person_combo.currentText() == "Carla"
    assert window.tab_widget.count() == len(TAB_KEYS)


def test_welcome_page_refuses_mismatched_or_weak_passphrases(qtbot, window: MainWindow) -> None:
    page = window.lock_page
    assert isinstance(page, WelcomePage)
    qtbot.keyClicks(page.passphrase, "maple orbit lantern seventeen")
    qtbot.keyClicks(page.repeat, "maple orbit lantern")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "not the same" in page.error.text()
    page.passphrase.setText("password")
    page.repeat.setText("password")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "too easy" in page.error.text()
    assert not Vault.exists(window.data_dir)


def test_wrong_passphrase_is_refused_and_the_user_can_retry(
    qtbot, existing_vault: Path, window: MainWindow
) -> None:
    _unlock(qtbot, window, "not the passphrase")
    page = window.lock_page
    assert isinstance(page, UnlockPage)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10000)
    assert "Wrong passphrase" in page.error.text()
    assert window.vault is None
    page.passphrase.clear()
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    assert window.windowTitle() == "Second Opinion"


def test_a_damaged_vault_gets_its_own_message_and_offers_restore(
    qtbot, existing_vault: Path, window: MainWindow
) -> None:
    db = existing_vault / "vault.db"
    data = bytearray(db.read_bytes())
    data[:4096] = bytes(4096)
    db.write_bytes(bytes(data))
    _unlock(qtbot, window)
    page = window.lock_page
    assert isinstance(page, UnlockPage)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10000)
    assert "damaged" in page.error.text()
    assert page.restore_button.isVisible()


def test_closing_a_window_never_unlocked_keeps_the_last_tab_and_the_place(
    qtbot, existing_vault: Path, window: MainWindow
) -> None:
    settings = AppSettings()
    settings.last_tab = "visits"
    qtbot.waitUntil(lambda: window.lock_page is not None and window.lock_page.isVisible())
    window.close()
    settings.sync()
    assert settings.last_tab == "visits"  # no tab was open to replace it
    assert settings.geometry is not None  # where the window was is kept


def test_remembered_key_unlocks_without_the_passphrase(
    qtbot, existing_vault: Path, data_dir: Path
) -> None:
    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        assert KeyStore().save(vault.vault_id, vault.key)
    win = MainWindow(data_dir, AppSettings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.vault is not None, timeout=10000)
    win.lock()


def test_lock_drops_the_tabs_and_unlock_returns_to_the_same_tab(
    qtbot, existing_vault: Path, window: MainWindow
) -> None:
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    window.navigate("records")
    assert window.current_tab_key() == "records"
    with qtbot.waitSignal(window.sig_vault_locked):
        window.act_lock.trigger()
    assert window.vault is None and window.ctx is None
    assert window.tab_widget.count() == 0
    assert isinstance(window.lock_page, UnlockPage)
    assert not window.act_packet.isEnabled()
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    assert window.current_tab_key() == "records"


def test_auto_lock_after_idle_time(qtbot, existing_vault: Path, window: MainWindow) -> None:
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    window.idle.set_interval_ms(200)
    with qtbot.waitSignal(window.sig_vault_locked, timeout=5000):
        pass
    assert window.vault is None
    assert window.person_combo.count() == 0


def _names(win: MainWindow) -> list[str]:
    return [win.person_combo.itemText(i) for i in range(win.person_combo.count())]


def test_person_switcher_adds_and_switches_people(
    qtbot, existing_vault: Path, window: MainWindow, answers, settle
) -> None:
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    assert _names(window) == ["Ada", "Ben"]
    assert window.ctx is not None
    first_id = window.ctx.person_id
    answers.texts.append("Dora 🌼 <b>&")
    window.act_add_person.trigger()
    settle()
    assert _names(window) == ["Ada", "Ben", "Dora 🌼 <b>&"]
    assert window.person_combo.currentText() == "Dora 🌼 <b>&"
    assert window.ctx.person_id != first_id
    window.person_combo.setCurrentIndex(1)
    settle()
    assert window.ctx.person_id == window.person_combo.itemData(1)
    assert window.ctx.case.person_id == window.person_combo.itemData(1)


def test_empty_person_name_is_refused_with_a_message(
    qtbot, existing_vault: Path, window: MainWindow, answers, settle
) -> None:
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    answers.texts.append("   ")
    window.act_add_person.trigger()
    settle()
    assert answers.shown[-1][0] == "error"
    assert "name is needed" in answers.shown[-1][2]
    assert window.person_combo.count() == 2


def test_renaming_a_person_shows_the_new_name(
    qtbot, existing_vault: Path, window: MainWindow, answers, settle
) -> None:
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    answers.texts.append("Ada Lovelace")
    window.act_rename_person.trigger()
    settle()
    assert _names(window) == ["Ada Lovelace", "Ben"]


def test_deleting_a_person_says_what_goes_and_asks_first(
    qtbot, existing_vault: Path, window: MainWindow, answers, settle
) -> None:
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    window.person_combo.setCurrentIndex(1)
    settle()
    answers.confirms.append(False)
    window.act_delete_person.trigger()
    settle()
    assert "Delete Ben and their whole case" in answers.shown[-1][2]
    assert _names(window) == ["Ada", "Ben"]
    answers.confirms.append(True)
    window.act_delete_person.trigger()
    settle()
    assert _names(window) == ["Ada"]
    assert window.ctx is not None and window.ctx.person_id == window.person_combo.itemData(0)
    # The last person stays: the rule refuses, and says so.
    answers.confirms.append(True)
    window.act_delete_person.trigger()
    settle()
    assert answers.shown[-1][0] == "error"
    assert _names(window) == ["Ada"]


def test_build_window_returns_an_unlocked_window_with_every_tab(qtbot, data_dir: Path) -> None:
    from second_opinion.app import build_window

    win = build_window(data_dir, PASSPHRASE)
    qtbot.addWidget(win)
    assert win.vault is not None
    assert win.windowTitle() == "Second Opinion"
    titles = [win.tab_widget.tabText(i) for i in range(win.tab_widget.count())]
    assert len(titles) == len(TAB_KEYS) == 8
    assert titles[0].startswith("Today") and titles[1].startswith("Guide")
    assert titles[-1] == "Documents"
    assert _names(win) == ["Me"]  # a new vault's case needs someone
    win.lock()


def test_typing_at_once_loses_nothing_while_a_remembered_key_is_tried(
    qtbot, existing_vault: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    def slow_load(self: KeyStore, vault_id: str) -> None:
        time.sleep(0.5)  # a keyring that takes its time to say it has nothing
        return None

    monkeypatch.setattr(KeyStore, "load", slow_load)
    win = MainWindow(data_dir, AppSettings())
    qtbot.addWidget(win)
    win.show()
    page = win.lock_page
    assert isinstance(page, UnlockPage)
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    assert page.passphrase.text() == PASSPHRASE
    with qtbot.waitSignal(win.sig_vault_unlocked, timeout=10000):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    win.lock()


def test_activity_after_unlock_keeps_the_vault_open(
    qtbot, existing_vault: Path, window: MainWindow
) -> None:
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    # The auto-lock starts watching keys and clicks once the unlocked window has painted.
    qtbot.waitUntil(lambda: window.watching_activity, timeout=5000)
    window.idle.set_interval_ms(400)
    for _ in range(8):
        qtbot.keyClick(window.tab_widget, Qt.Key.Key_Shift)
        qtbot.wait(100)
    assert window.vault is not None
    with qtbot.waitSignal(window.sig_vault_locked, timeout=5000):
        pass  # and without activity it locks


#: Qt classes each first page has no use for until after its first frame: PySide creates a
#: class, with its enumerations, the first time it is used, at a cost to that frame
_NOT_FOR_THE_FIRST_FRAME = {
    "unlock": ["QCheckBox", "QFormLayout", "QIcon", "QProgressBar", "QTabBar", "QTabWidget"],
    "welcome": ["QCheckBox", "QIcon", "QTabBar", "QTabWidget"],
}


@pytest.mark.parametrize("page", ["unlock", "welcome"])
def test_the_first_page_paints_before_anything_but_its_own_qt_classes_is_loaded(
    tmp_path: Path, page: str
) -> None:
    import json
    import subprocess
    import sys
    import textwrap

    folder = tmp_path / "vault"
    if page == "unlock":
        folder.mkdir()
        VaultPaths(folder).header.write_text("{}")  # enough to be asked for a passphrase
    script = textwrap.dedent(
        f"""
        import json, sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from pathlib import Path
        import PySide6.QtGui, PySide6.QtWidgets
        from second_opinion.ui.main_window import MainWindow
        window = MainWindow(Path({str(folder)!r}))
        window.show()
        window.grab()  # paints it
        heavy = ("sqlalchemy", "sqlcipher3", "keyring", "qtawesome",
                 "second_opinion.cli", "second_opinion.vault.vault")
        made = set(vars(PySide6.QtGui)) | set(vars(PySide6.QtWidgets))
        print(json.dumps({{
            "page": type(window.lock_page).__name__,
            "modules": sorted(m for m in heavy if m in sys.modules),
            "classes": sorted(c for c in {_NOT_FOR_THE_FIRST_FRAME[page]!r} if c in made),
        }}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"page": f"{page.title()}Page", "modules": [], "classes": []}


@pytest.mark.parametrize("where", ["first screen", "elsewhere"])
def test_a_damaged_page_found_after_unlocking_closes_the_vault_and_says_so(
    qtbot, data_dir: Path, where: str
) -> None:
    from second_opinion.domain.enums import QuestionCategory
    from second_opinion.domain.models import Question
    from second_opinion.services.people import add_person
    from tests.vault.helpers import add_people

    with Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF) as vault:
        with vault.session() as s:
            ada = add_person(s, "Ada")
        if where == "first screen":
            add_people(vault, 300)  # the person table fills most of the file
        else:
            category = next(iter(QuestionCategory))
            with vault.session() as s:
                s.add_all(
                    Question(person_id=ada, text="q" * 400, category=category) for _ in range(300)
                )
    db = data_dir / "vault.db"
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 512] = bytes(512)
    db.write_bytes(bytes(data))

    win = MainWindow(data_dir, AppSettings())
    qtbot.addWidget(win)
    win.show()
    _unlock(qtbot, win)
    qtbot.waitUntil(
        lambda: isinstance(win.lock_page, UnlockPage) and win.lock_page.error.isVisible(),
        timeout=10000,
    )
    assert win.vault is None
    page = win.lock_page
    assert isinstance(page, UnlockPage)
    assert "damaged" in page.error.text().lower()
    assert page.restore_button.isVisible()


def test_the_unlock_page_offers_to_remember_once_no_remembered_key_was_found(
    qtbot, existing_vault: Path, window: MainWindow
) -> None:
    page = window.lock_page
    assert isinstance(page, UnlockPage)
    qtbot.waitUntil(page.remember.isVisible, timeout=10000)
    assert page.unlock_button.isEnabled()
    assert window.act_quit.isEnabled()  # the menus were filled meanwhile
    qtbot.waitUntil(lambda: not window.windowIcon().isNull(), timeout=3000)


def _collector_started(app_module) -> bool:
    return app_module._collector is not None


def test_collection_moves_to_the_gui_thread_once_start_up_is_over(
    qtbot, existing_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from second_opinion import app as app_module
    from second_opinion.ui.gui_gc import GuiThreadCollector

    monkeypatch.setattr(app_module, "GC_PAUSE_LIMIT_MS", 60_000)  # not the safety timer
    monkeypatch.setattr(app_module, "_collector", None)
    app_module._pause_garbage_collection()
    assert not gc.isenabled()
    win = MainWindow(existing_vault, AppSettings())
    qtbot.addWidget(win)
    win.sig_started.connect(app_module._resume_garbage_collection)
    win.show()
    # No remembered key: start-up is over once the unlock page has painted and looked.
    qtbot.waitUntil(lambda: _collector_started(app_module), timeout=10000)
    assert isinstance(app_module._collector, GuiThreadCollector)
    assert not gc.isenabled()  # never the automatic collector, which runs on any thread


def test_collection_starts_even_if_start_up_never_ends(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from second_opinion import app as app_module

    monkeypatch.setattr(app_module, "GC_PAUSE_LIMIT_MS", 50)
    monkeypatch.setattr(app_module, "_collector", None)
    app_module._pause_garbage_collection()
    qtbot.waitUntil(lambda: _collector_started(app_module), timeout=3000)


def _remember(data_dir: Path) -> str:
    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        assert KeyStore().save(vault.vault_id, vault.key)
        return vault.vault_id


def test_a_remembered_key_opens_the_window_unlocked_without_the_prompt_first(
    qtbot, existing_vault: Path, data_dir: Path
) -> None:
    settings = AppSettings()
    settings.remembered_vault = _remember(data_dir)
    win = MainWindow(data_dir, settings)
    qtbot.addWidget(win)
    prompt_painted: list[bool] = []
    page = win.lock_page
    assert isinstance(page, UnlockPage)
    page.sig_settled.connect(lambda: prompt_painted.append(True))
    win.show_when_ready()
    assert not win.isVisible()  # not yet: the key is tried first
    with qtbot.waitSignal(win.sig_vault_unlocked, timeout=10000):
        pass
    assert win.isVisible() and win.vault is not None
    assert not prompt_painted
    win.lock()


def test_a_remembered_key_that_is_gone_shows_the_prompt_and_is_forgotten(
    qtbot, existing_vault: Path, data_dir: Path
) -> None:
    settings = AppSettings()
    settings.remembered_vault = "some-vault-id"  # noted, but the keyring has nothing
    win = MainWindow(data_dir, settings)
    qtbot.addWidget(win)
    win.show_when_ready()
    qtbot.waitUntil(win.isVisible, timeout=10000)
    assert isinstance(win.lock_page, UnlockPage)
    qtbot.waitUntil(lambda: settings.remembered_vault == "", timeout=10000)
    with qtbot.waitSignal(win.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, win)
    win.lock()


def test_a_slow_keyring_does_not_keep_the_window_hidden(
    qtbot, existing_vault: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from second_opinion.ui import main_window as main_window_module

    def slow_load(self: KeyStore, vault_id: str) -> None:
        time.sleep(1.0)  # a keyring asking for its own password
        return None

    monkeypatch.setattr(KeyStore, "load", slow_load)
    monkeypatch.setattr(main_window_module, "QUIET_START_LIMIT_MS", 100)
    settings = AppSettings()
    settings.remembered_vault = "some-vault-id"
    win = MainWindow(data_dir, settings)
    qtbot.addWidget(win)
    win.show_when_ready()
    qtbot.waitUntil(win.isVisible, timeout=800)  # long before the keyring answers
    page = win.lock_page
    assert isinstance(page, UnlockPage)
    qtbot.waitUntil(page.unlock_button.isEnabled, timeout=5000)


def test_unlocking_with_remember_ticked_notes_it_for_the_next_start(
    qtbot, existing_vault: Path, window: MainWindow
) -> None:
    page = window.lock_page
    assert isinstance(page, UnlockPage)
    qtbot.waitUntil(page.remember.isVisible, timeout=10000)
    page.remember.setChecked(True)
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    assert window.vault is not None
    assert window.settings.remembered_vault == window.vault.vault_id


def test_lock_waits_for_the_running_operation_and_drops_its_result(
    qtbot, existing_vault: Path, window: MainWindow, settle
) -> None:
    import threading
    import time

    from second_opinion.case import people as people_case
    from second_opinion.ui.table_model import RowTableModel

    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window._build_queue, timeout=10000)
    settle()
    ctx = window.ctx
    assert ctx is not None
    started = threading.Event()
    still_open_at_the_end: list[bool] = []
    delivered: list[object] = []

    def slow(case):
        started.set()
        time.sleep(0.3)
        rows = people_case.people(case)
        still_open_at_the_end.append(case.is_open)
        return rows

    ctx.ops.query(slow, owner=window).success(delivered.append).run()
    ctx.ops.query(people_case.people, owner=window).success(delivered.append).run()
    assert started.wait(5)
    window.lock()
    qtbot.wait(300)
    # The running read finished on an open vault (lock waited for it), yet nobody saw it,
    # and the read queued behind it never ran.
    assert still_open_at_the_end == [True]
    assert delivered == []
    assert window.vault is None and window.ctx is None
    assert all(model.rowCount() == 0 for model in window.findChildren(RowTableModel))
    assert window.person_combo.count() == 0


def test_the_toolbar_says_whose_case_and_adding_a_case_is_not_adding_a_contact(
    qtbot, existing_vault: Path, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QLabel, QToolButton

    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    bar = window.person_toolbar
    assert bar is not None
    labels = [label.text() for label in bar.findChildren(QLabel)]
    assert "Whose case:" in labels
    assert window.person_combo.accessibleName() == "Whose case"
    buttons = [b.text() for b in bar.findChildren(QToolButton) if b.isVisible()]
    assert "Add someone else's case" in buttons  # tool buttons drop the ellipsis
    assert not any(text.startswith("Add person") for text in buttons)
    assert all("contact" not in text.lower() for text in buttons)


def test_a_new_vault_opens_on_today_whatever_tab_was_left_open(qtbot, data_dir: Path) -> None:
    settings = AppSettings()
    settings.last_tab = "records"  # another vault's last tab
    win = MainWindow(data_dir, settings)
    qtbot.addWidget(win)
    win.show()
    page = win.lock_page
    assert isinstance(page, WelcomePage)
    page.person_name.setText("Carla")
    qtbot.keyClicks(page.passphrase, "maple orbit lantern seventeen")
    qtbot.keyClicks(page.repeat, "maple orbit lantern seventeen")
    with qtbot.waitSignal(win.sig_vault_unlocked, timeout=15000):
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert win.current_tab_key() == "today"
    win.lock()


def test_another_vault_in_the_folder_opens_on_today(
    qtbot, existing_vault: Path, window: MainWindow
) -> None:
    import shutil

    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    window.navigate("records")
    window.lock()
    shutil.rmtree(existing_vault)  # e.g. a different vault copied into the folder
    Vault.create(existing_vault, PASSPHRASE, kdf=TEST_KDF).lock()
    window.show_lock_page()
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    assert window.current_tab_key() == "today"


def test_the_help_menu_says_it_is_not_medical_advice(qtbot, window: MainWindow, answers) -> None:
    from PySide6.QtWidgets import QDialog, QLabel

    window.finish_menus()
    window.act_disclaimer.trigger()
    assert answers.shown[-1][0] == "info"
    assert "not medical advice" in answers.shown[-1][2]
    window.act_about.trigger()
    about = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert about
    assert any("not medical advice" in label.text() for label in about[-1].findChildren(QLabel))


def test_tabs_clicked_through_while_their_code_loads_are_built_one_at_a_time(
    qtbot, existing_vault: Path, window: MainWindow, monkeypatch
) -> None:
    from second_opinion.ui import tab_registry, tasks

    # Once unlocked, the code of the other tabs is still being imported: each import (and
    # the rest of the background start-up) is held here.
    held: list[tuple[object, object]] = []

    def hold_background_work() -> None:
        monkeypatch.setattr(tab_registry.TabSpec, "is_loaded", lambda spec: spec.key == "today")
        monkeypatch.setattr(
            tasks, "run_in_background", lambda fn, done, _error, **_: held.append((fn, done))
        )

    window.sig_vault_unlocked.connect(hold_background_work)
    with qtbot.waitSignal(window.sig_vault_unlocked, timeout=10000):
        _unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(held), timeout=10000)  # the start-up's own background work
    imports = len(held)
    for key in ("contacts", "records", "questions"):
        window.tab_widget.setCurrentIndex(TAB_KEYS.index(key))
    tab_imports = held[imports:]
    assert len(tab_imports) == 3
    for fn, on_done in tab_imports:
        on_done(fn())  # the three imports end together
    # The tab on screen is there at once; the two the person passed through are not built
    # in the same moment (together they held the window still) ...
    assert not window.tab_is_pending("questions")
    assert window.tab_is_pending("contacts") and window.tab_is_pending("records")
    # ... but with the other pending tabs, one at a time.
    window.start_background_builds()
    qtbot.waitUntil(lambda: not window.tab_is_pending("records"), timeout=10000)
    assert not window.tab_is_pending("contacts")
