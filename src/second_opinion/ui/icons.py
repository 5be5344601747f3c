"""Icons from qtawesome's fonts, made once.

A qtawesome icon draws its font glyph again, in Python, every time it is painted; a table
repaints its cells' icons on every scroll, selection and search keystroke. ``icon`` caches
the qtawesome icon per name and colour (for buttons and actions); ``cell_icon`` also draws it
once into pixmaps, at the small-icon sizes and the screen ratios a table uses, so a repaint
only copies them. Both keep the colour on a selected row, as qtawesome itself does.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon

log = logging.getLogger(__name__)


@cache
def icon(name: str, color: str | None = None) -> QIcon:
    """qtawesome's icon ``name`` (e.g. "fa5s.user-md"); an empty icon if the font fails."""
    try:
        import qtawesome

        made: QIcon = qtawesome.icon(name, color=color) if color else qtawesome.icon(name)
    except Exception:  # an icon font problem must never stop the app
        log.warning("icon %s could not be made", name)
        return QIcon()
    return made


@cache
def cell_icon(name: str, color: str | None = None) -> QIcon:
    """``icon(name, color)`` drawn once into pixmaps, for table cells."""
    source = icon(name, color)
    screen = QGuiApplication.primaryScreen()
    ratios = sorted({1.0, 2.0, screen.devicePixelRatio() if screen else 1.0})
    drawn = QIcon()
    for side in (16, 20, 24, 32):
        for ratio in ratios:
            for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Disabled):
                drawn.addPixmap(source.pixmap(QSize(side, side), ratio, mode), mode)
    return drawn
