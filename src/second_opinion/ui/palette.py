"""The app's few semantic accents, one place, each in a light- and a dark-palette shade.

Every status is shown with a word and an icon as well; these colors only add emphasis. Each
name has two shades so text and icons stay readable on light and dark window backgrounds:
``accent(name)`` gives the hex for the palette in use, ``color(name)`` the ``QColor``.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: names of the accents
PROBLEM = "problem"  # something is wrong or refused: overdue, a field to fix
WARN = "warn"  # needs attention soon: due, may not be independent, opinions differ
GOOD = "good"  # done: received, ready, answered
INFO = "info"  # neutral emphasis: planned, in progress
QUIET = "quiet"  # secondary: not started, not needed

# (on a light window, on a dark window)
_SHADES: dict[str, tuple[str, str]] = {
    PROBLEM: ("#b3261e", "#ff7b72"),
    WARN: ("#8a5a00", "#e0a800"),
    GOOD: ("#1e7a45", "#56d38a"),
    INFO: ("#1f63b0", "#79b8ff"),
    QUIET: ("#5f6670", "#a0a7b0"),
}


def is_dark(palette: QPalette | None = None) -> bool:
    if palette is None:
        app = QGuiApplication.instance()
        palette = QGuiApplication.palette() if app is not None else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def accent(name: str, palette: QPalette | None = None) -> str:
    """The hex color of accent ``name`` for ``palette`` (default: the application's)."""
    light, dark = _SHADES[name]
    if palette is None:
        app = QGuiApplication.instance()
        palette = QGuiApplication.palette() if app is not None else QPalette()
    return dark if _dark_by_key(palette.cacheKey(), palette) else light


_dark_keys: dict[int, bool] = {}


def _dark_by_key(key: int, palette: QPalette) -> bool:
    # Table models ask for accents once per painted cell: decide each palette once.
    found = _dark_keys.get(key)
    if found is None:
        found = _dark_keys[key] = is_dark(palette)
    return found


def color(name: str, palette: QPalette | None = None) -> QColor:
    return QColor(accent(name, palette))
