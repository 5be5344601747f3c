"""PySide does not read the source of each module imported once the app has started."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import linecache, sys
    sys.path.insert(0, sys.argv[1])
    from second_opinion import app
    app._application()
    import helper_that_names_pyside6  # its text says PySide6, as PySide's own scan looks for
    from second_opinion.ui import dates
    feature = sys.modules["shibokensupport.feature"]
    kept = [name for name in linecache.cache if "helper_that_names_pyside6" in name]
    print(kept, feature.pyside_feature_dict.get("helper_that_names_pyside6"),
          feature.pyside_feature_dict.get("second_opinion.ui"))
    """
)


def test_modules_imported_after_start_are_not_read_into_memory(tmp_path: Path) -> None:
    (tmp_path / "helper_that_names_pyside6.py").write_text("WORD = 'PySide6'\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # Nothing kept in linecache (PySide's own scan kept the helper's source there). The
    # helper is left out of PySide's feature switching; the app's modules take part in it.
    assert done.stdout.split() == ["[]", "-1", "0"]
