"""How PySide treats the modules imported after it.

Apart from ``app`` so that the entry point can call it before importing anything else of
the app: every module imported before it is called, the app's own included, is scanned.
"""

from __future__ import annotations

import sys


def stop_pyside_source_scan() -> None:
    """Stop PySide reading the source of every module imported after it.

    PySide looks at each newly imported module to learn whether it uses PySide (for its
    opt-in ``__feature__`` switches, which this app does not use) by reading the module's
    whole source file into ``linecache``. After unlocking that is every module of SQLAlchemy
    and the app: hundreds of files read on import and millions of characters kept in memory
    for the life of the process. The answer it needs is known here: only this app's own
    modules use PySide; every other module is left out of the switching, as PySide's own
    answer for them would be. Best effort: another PySide version is left as it is.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return

    def uses_pyside(module: object) -> bool:
        name = getattr(module, "__name__", "")
        return isinstance(name, str) and name.partition(".")[0] == "second_opinion"

    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 (a module without stubs)
