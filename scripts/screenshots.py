"""Save a screenshot of every tab of a demo vault (offscreen), for looking at the screens.

.venv/bin/python scripts/screenshots.py OUT_DIR [--size 1280x800] [--dark] [--lang es]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A fictional passphrase that passes the rule for new ones (vault/passphrase_rule.py).
SCREENSHOT_PASSPHRASE = "fictional screenshot passphrase, never a real one"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--empty", action="store_true", help="a new vault, no demo case")
    parser.add_argument("--lang", default="en", help="the language of the app: en or es")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from second_opinion.ui import i18n

    i18n.install(args.lang)
    if args.dark:
        from second_opinion.ui.palette import dark_palette

        app.setStyle("Fusion")
        app.setPalette(dark_palette())

    from second_opinion.app import build_window
    from second_opinion.services.demo import build_demo
    from second_opinion.ui.tab_registry import TABS
    from second_opinion.vault.kdf import MINIMUM
    from second_opinion.vault.vault import Vault

    folder = Path(tempfile.mkdtemp()) / "vault"
    with (
        Vault.create(folder, SCREENSHOT_PASSPHRASE, kdf=MINIMUM) as vault,
        vault.session() as session,
    ):
        if not args.empty:  # a new vault: the window adds its first person, "Me" in English
            build_demo(session, dt.date.today())
    window = build_window(folder, SCREENSHOT_PASSPHRASE)
    window.resize(width, height)
    window.show()
    from second_opinion.ui import ops

    def settle() -> None:
        """Let every queued read reach the screen (loads run on the database worker)."""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            app.processEvents()
            if ops.all_idle():
                break
            time.sleep(0.01)
        for _ in range(5):
            app.processEvents()

    for spec in TABS:
        window.navigate(spec.key)
        settle()
        path = args.out / f"tab-{spec.key}.png"
        window.grab().save(str(path))
        print(path)
    window.lock()
    app.processEvents()
    window.grab().save(str(args.out / "locked.png"))
    print(args.out / "locked.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
