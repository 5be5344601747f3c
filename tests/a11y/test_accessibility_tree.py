"""The accessibility tree, read from outside the app, as a screen reader reads it.

The app runs in a real X server (Xvfb) with accessibility on, on a private D-Bus session with
its own AT-SPI bus; ``atspi_walker.py`` (Debian's python3 with pyatspi, which the venv cannot
import) walks every tab and the main dialogs, changes tabs through the tab list, saves a
contact, locks and tries to unlock with nothing typed, and reports what it found. The tools
come from Debian (``./scripts/setup test`` installs them when run as root): when they are
missing this test fails, it never skips.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE, TEST_KDF

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
WALKER = Path(__file__).with_name("atspi_walker.py")
APP_NAME = "Second Opinion"

#: the dialogs the walker opens; the tabs whose New… opens a form
DIALOGS = [
    "Profile and insurance…",
    "Preferences…",
    "Find anything…",
    "Prepare visit packet…",
    "Change passphrase…",
    "Keyboard shortcuts",
    *(
        f"New… on {tab}"
        for tab in ("Doctors & contacts", "Records", "Questions", "Visits", "Opinions")
    ),
]


def missing_tools() -> list[str]:
    missing = [name for name in ("Xvfb", "dbus-daemon", "dbus-send") if not shutil.which(name)]
    if not os.access(BUS_LAUNCHER, os.X_OK):
        missing.append(BUS_LAUNCHER + " (at-spi2-core)")
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
        if os.access(SYSTEM_PYTHON, os.X_OK)
        else None
    )
    if probe is None or probe.returncode != 0:
        missing.append("pyatspi for /usr/bin/python3 (python3-pyatspi)")
    return missing


def _start(stack: ExitStack, args: list[str], env: dict[str, str], **kwargs: Any):
    process = subprocess.Popen(args, env=env, **kwargs)

    def stop() -> None:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    stack.callback(stop)
    return process


@pytest.fixture
def demo_folder(tmp_path: Path) -> Path:
    from second_opinion.services.demo import build_demo
    from second_opinion.vault.vault import Vault

    folder = tmp_path / "vault"
    with Vault.create(folder, PASSPHRASE, kdf=TEST_KDF) as vault, vault.session() as session:
        build_demo(session, dt.date.today())
    return folder


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An X server, a D-Bus session and the AT-SPI bus: the environment to run both sides in."""
    missing = missing_tools()
    assert not missing, (
        "The accessibility test needs Debian's tools: run ./scripts/setup test as root, or "
        f"apt install xvfb dbus-daemon at-spi2-core python3-pyatspi. Missing: {missing}"
    )
    env = dict(os.environ)
    for stale in ("DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS", "WAYLAND_DISPLAY"):
        env.pop(stale, None)
    with ExitStack() as stack:
        read_end, write_end = os.pipe()
        _start(
            stack,
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "1280x900x24",
                "-nolisten",
                "tcp",
            ],
            env,
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        env["DISPLAY"] = f":{number}"
        bus = _start(
            stack,
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        _start(
            stack,
            [BUS_LAUNCHER, "--launch-immediately"],
            env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            owner = subprocess.run(
                [
                    "dbus-send",
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    "string:org.a11y.Bus",
                ],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if "boolean true" in owner.stdout:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the AT-SPI bus (at-spi-bus-launcher) did not start")
        yield env


@pytest.fixture
def report(desktop: dict[str, str], demo_folder: Path, tmp_path: Path) -> dict[str, Any]:
    """Start the app on the demo vault and let the walker go through it."""
    app_env = dict(
        desktop,
        QT_QPA_PLATFORM="xcb",
        QT_ACCESSIBILITY="1",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        # Never the developer's keyring: a backend that holds nothing.
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    app_log = tmp_path / "app.log"
    with ExitStack() as stack, app_log.open("w") as log:
        app = _start(
            stack,
            [sys.executable, "-m", "second_opinion", "--data-dir", str(demo_folder), "--pw-stdin"],
            app_env,
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert app.stdin is not None
        app.stdin.write(PASSPHRASE + "\n")
        app.stdin.close()
        walker_env = {k: v for k, v in desktop.items() if not k.startswith("PYTHON")}
        walk = subprocess.run(
            [SYSTEM_PYTHON, str(WALKER), APP_NAME],
            env=walker_env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        still_running = app.poll() is None
    assert walk.stdout, f"the walker wrote no report:\n{walk.stderr[-3000:]}"
    found: dict[str, Any] = json.loads(walk.stdout)
    found["walker_exit"] = walk.returncode
    found["app_log"] = app_log.read_text(errors="replace")[-3000:]
    found["app_ran_throughout"] = still_running
    return found


def _events(found: dict[str, Any], step: str, kind: str = "object:announcement") -> list[str]:
    return [e["data"] or e["name"] for e in found["steps"].get(step, []) if e["type"] == kind]


@pytest.mark.slow
def test_the_accessibility_tree_from_outside(report: dict[str, Any]) -> None:
    found = report
    assert found["problems"] == [], (found["problems"], found.get("traceback"), found["app_log"])
    assert found["walker_exit"] == 0
    assert found["app_ran_throughout"], found["app_log"]

    # Every tab was chosen through the tab list's Selection interface and shows its content.
    from second_opinion.ui.tab_registry import TABS

    assert len(found["tab_names"]) == len(TABS)
    assert len([k for k in found["tabs"] if k != "(locked)"]) == len(TABS)
    assert set(found["dialogs"]) == set(DIALOGS)

    surveyed = {**found["tabs"], **found["dialogs"]}
    for where, survey in surveyed.items():
        assert survey["controls"], f"{where}: no focusable control in the tree"
        for control in survey["controls"]:
            assert not control["unknown_role"], (where, control)
            assert control["name"].strip(), f"{where}: a control without a name: {control}"
        for table in survey["tables"]:
            assert table["name"].strip(), (where, table)
            assert table["columns"] > 0, (where, table)
            assert len(table["headers"]) == table["columns"], (where, table)
            assert all(h.strip() for h in table["headers"]), f"{where}: headers {table}"
    for where, survey in found["dialogs"].items():
        assert survey["role"] == "dialog", (where, survey["role"])
    # the tables a screen reader meets first have their headers
    today = next(v for k, v in found["tabs"].items() if k.startswith("Today"))
    assert any(t["headers"] for t in today["tables"])

    steps = found["steps"]
    # Saving: the status bar says so, and the message is announced.
    assert steps["after_save_status"] == "Contact saved"
    assert "Contact saved" in _events(found, "save_events")
    # Locking: the unlock page replaces the case, the status bar says so, and it is announced.
    assert steps["locked_page"] is True
    assert steps["after_lock_status"] == "Locked"
    assert "Locked" in _events(found, "lock_events")
    # An error: the message is the label's accessible text and is announced.
    assert "Type your passphrase first." in steps["labels_after_error"]
    assert "Type your passphrase first." in _events(found, "error_events")
    # The whole walk stays short enough to run in every test run.
    assert steps["total_s"] < 50
