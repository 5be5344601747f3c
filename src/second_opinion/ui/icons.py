"""Font Awesome icons, drawn once per name and color from small SVG files.

The icons are the Font Awesome 5 glyphs the app names as qtawesome did ("fa5s.user-md" for
solid, "fa5.circle" for regular), stored one SVG each in ``resources/icons/fa/`` by
``scripts/make_icons.py``. qtawesome itself is not used at run time: importing it cost
~130 ms, because its qtpy layer star-imports the PySide6 modules and PySide then builds every
Qt class and enum; and it loaded all its fonts on the first icon.

``icon`` draws the glyph into pixmaps at the usual small-icon sizes, for the device-pixel
ratios of the screens there are, so painting an icon (a table repaints its cells' icons
on every scroll and keystroke) only copies a pixmap. A disabled icon is drawn in the palette's
grayed text color; a selected one keeps its color, as qtawesome's did. All the sizes and
both colors are drawn in one go, as one SVG "sheet" cut into pixmaps: one SVG parse instead
of sixteen halves the time an icon takes to make.

Only QtGui classes are imported here: the ``Qt`` namespace costs ~28 ms on first use.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette, QPixmap

log = logging.getLogger(__name__)

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "icons" / "fa"
# Icon sizes (in device-independent pixels) drawn ahead: menus, buttons, tabs, table cells.
SIZES = (16, 20, 24, 32, 48)
_STYLES = ("fa5s", "fa5")  # Font Awesome 5 solid and regular
_NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_GAP = 2  # pixels between the icons on a sheet, so no edge bleeds into the next


def icon(name: str, color: str | QColor | None = None) -> QIcon:
    """The icon ``name`` (e.g. "fa5s.user-md") in ``color`` ("#rrggbb" or a QColor).

    Without a color, the application palette's window-text color at this moment, so a
    dark palette gets light icons. An unknown name gives an empty icon (and a warning).
    """
    if QGuiApplication.instance() is None:  # a pixmap needs the application
        log.warning("icon %s asked for before the application exists", name)
        return QIcon()
    normal, disabled = _colours(color)
    return _icon(name, normal, disabled, _ratios())


def cell_icon(name: str, color: str | QColor | None = None) -> QIcon:
    """The icon for a table cell: as ``icon``, but on a selected row it is drawn in the
    palette's selected-text color, like the row's text (a blue status icon on a blue
    selection could not be seen)."""
    if QGuiApplication.instance() is None:
        log.warning("icon %s asked for before the application exists", name)
        return QIcon()
    normal, disabled = _colours(color)
    return _icon(
        name, normal, disabled, _ratios(), _selected_colour(QGuiApplication.palette().cacheKey())
    )


@cache
def _selected_colour(_palette_key: int) -> str:
    text = QGuiApplication.palette().color(
        QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText
    )
    return text.name(QColor.NameFormat.HexArgb)


def pixmap(name: str, side: int, color: str | QColor | None = None) -> QPixmap:
    """The icon drawn at exactly ``side`` pixels (for a QLabel), sharp on the app's screens.

    ``icon(...).pixmap(side)`` scales the nearest drawn size for a size not in ``SIZES``.
    """
    app = QGuiApplication.instance()
    if app is None:
        log.warning("icon %s asked for before the application exists", name)
        return QPixmap()
    normal, _ = _colours(color)
    ratio = app.devicePixelRatio()  # type: ignore[attr-defined]  # a QGuiApplication
    # A copy: the caller may change it without changing the one kept for the next call.
    return QPixmap(_pixmap(name, side, normal, ratio))


def _colours(color: str | QColor | None) -> tuple[str, str]:
    """The normal and the disabled color, as "#aarrggbb" (worked out once per color and
    palette: a table asks for its cells' icons on every repaint)."""
    given = color.name(QColor.NameFormat.HexArgb) if isinstance(color, QColor) else color
    return _colours_in(given, QGuiApplication.palette().cacheKey())


@cache
def _colours_in(color: str | None, _palette_key: int) -> tuple[str, str]:
    palette = QGuiApplication.palette()
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    normal = text
    if color is not None:
        given = QColor(color)
        if given.isValid():
            normal = given
        else:
            log.warning("icon color %r is not a color; using the text color", color)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if disabled.rgba() == text.rgba():  # a palette without its own disabled colors
        window = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
        disabled = QColor(
            (text.red() + window.red()) // 2,
            (text.green() + window.green()) // 2,
            (text.blue() + window.blue()) // 2,
        )
    argb = QColor.NameFormat.HexArgb
    return normal.name(argb), disabled.name(argb)


@cache
def _ratios() -> tuple[float, ...]:
    # The ratios of the screens there are at start (drawing for 2.0 as well, on a 1.0 screen,
    # made each icon five times the work, on the path to the first unlocked window). A window
    # moved to a screen added later gets scaled pixmaps until the next start. Asked once: a
    # table asks for its cells' icons on every repaint.
    ratios = {screen.devicePixelRatio() for screen in QGuiApplication.screens()}
    return tuple(sorted(ratios or {1.0}))


@cache
def _icon(
    name: str, normal: str, disabled: str, ratios: tuple[float, ...], selected: str | None = None
) -> QIcon:
    """``selected``: the color on a selected row (a row of its own); None keeps ``normal``."""
    wanted = sorted({round(side * ratio) for ratio in ratios for side in SIZES})
    colors = (normal, disabled) if selected is None else (normal, disabled, selected)
    rows = _draw(name, colors, wanted)
    if rows is None:
        return QIcon()
    made = QIcon()
    row_modes: tuple[tuple[QIcon.Mode, ...], ...] = (
        ((QIcon.Mode.Normal, QIcon.Mode.Selected), (QIcon.Mode.Disabled,))
        if selected is None
        else ((QIcon.Mode.Normal,), (QIcon.Mode.Disabled,), (QIcon.Mode.Selected,))
    )
    for drawn, modes in zip(rows, row_modes, strict=True):
        for ratio in ratios:
            for side in SIZES:
                piece = drawn[round(side * ratio)]
                if ratio != 1.0:
                    piece = QPixmap(piece)
                    piece.setDevicePixelRatio(ratio)
                for mode in modes:
                    made.addPixmap(piece, mode)
    return made


@cache
def _pixmap(name: str, side: int, color: str, ratio: float) -> QPixmap:
    pixels = round(side * ratio)
    rows = _draw(name, (color,), [pixels])
    if rows is None:
        return QPixmap()
    drawn = rows[0][pixels]
    drawn.setDevicePixelRatio(ratio)
    return drawn


def _draw(
    name: str, colors: tuple[str, ...], pixel_sizes: list[int]
) -> list[dict[int, QPixmap]] | None:
    """The glyph ``name`` in each color ("#aarrggbb"), at each size in device pixels.

    All of them are drawn in one go: one SVG "sheet" with a row per color and the sizes side
    by side, cut into pixmaps. None (and a warning) if there is no such icon.
    """
    glyph = _glyph(name)
    if glyph is None:
        return None
    min_x, min_y, side, path = glyph
    row_height = pixel_sizes[-1] + _GAP
    width = sum(pixels + _GAP for pixels in pixel_sizes)
    parts = [
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        b' width="%d" height="%d"><defs><path id="g" d="%s"/></defs>'
        % (width, row_height * len(colors), path)
    ]
    for row, color in enumerate(colors):
        fill = b'fill="#%s"' % color[3:].encode("ascii")
        alpha = int(color[1:3], 16)
        if alpha != 255:
            fill += b' fill-opacity="%.3f"' % (alpha / 255)
        x = 0
        for pixels in pixel_sizes:
            parts.append(
                b'<use xlink:href="#g" %s transform="translate(%d %d) scale(%.6g) '
                b'translate(%.6g %.6g)"/>'
                % (fill, x, row * row_height, pixels / side, -min_x, -min_y)
            )
            x += pixels + _GAP
    parts.append(b"</svg>")
    sheet = QImage()
    if not sheet.loadFromData(b"".join(parts), "SVG"):
        log.warning("icon %s could not be drawn", name)
        return None
    rows = []
    for row in range(len(colors)):
        drawn, x = {}, 0
        for pixels in pixel_sizes:
            drawn[pixels] = QPixmap.fromImage(sheet.copy(x, row * row_height, pixels, pixels))
            x += pixels + _GAP
        rows.append(drawn)
    return rows


@cache
def _glyph(name: str) -> tuple[float, float, float, bytes] | None:
    """The left and top edge and the side of ``name``'s square viewBox, and its path."""
    style, _, glyph = name.partition(".")
    if style not in _STYLES or not glyph or not _NAME_CHARACTERS.issuperset(glyph):
        log.warning("no icon named %r", name)
        return None
    try:
        text = (FOLDER / f"{name}.svg").read_bytes()
    except OSError:
        log.warning("no icon file for %s (scripts/make_icons.py makes them)", name)
        return None
    # What scripts/make_icons.py writes: a square viewBox around the glyph, and one path.
    view_box, path = _attribute(text, b"viewBox"), _attribute(text, b"d")
    try:
        min_x, min_y, side, _ = (float(v) for v in (view_box or b"").split())
    except ValueError:
        view_box = None
    if view_box is None or not path:
        log.warning("icon file for %s is not as scripts/make_icons.py writes it", name)
        return None
    return min_x, min_y, side, path


def _attribute(text: bytes, name: bytes) -> bytes | None:
    """The value of the first attribute ``name`` in ``text``."""
    start = text.find(b' %s="' % name)
    if start < 0:
        return None
    start += len(name) + 3
    end = text.find(b'"', start)
    return text[start:end] if end >= 0 else None
