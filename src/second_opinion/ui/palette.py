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


#: the least contrast of text, and of icons that stand for words, with their background
MINIMUM_CONTRAST = 4.5


def contrast(first: QColor | str, second: QColor | str) -> float:
    """The WCAG 2 contrast ratio of two colors, from 1 (same) to 21 (black on white)."""

    def luminance(value: QColor | str) -> float:
        c = QColor(value)
        channels = []
        for v in (c.redF(), c.greenF(), c.blueF()):
            channels.append(v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


#: the least contrast of text (and of the icons that stand for words) with its background
MINIMUM_CONTRAST = 4.5


def dark_palette() -> QPalette:
    """A dark palette (for ``scripts/screenshots.py --dark`` and the contrast tests); every
    text role reaches 4.5:1 on the backgrounds it is drawn on, placeholders included."""
    result = QPalette()
    for role, shade in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#2f2f2f"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.PlaceholderText, "#a8a8a8"),
        (QPalette.ColorRole.ToolTipBase, "#1e1e1e"),
        (QPalette.ColorRole.ToolTipText, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.Link, "#79b8ff"),
    ):
        result.setColor(role, QColor(shade))
    return result
