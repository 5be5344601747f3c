"""Contrast and color: text and icons reach 4.5:1 on their backgrounds in a light and a dark
palette, and no state is told by color alone.

The light palette is Qt's Fusion standard one; the dark one is ``palette.dark_palette()``
(what ``scripts/screenshots.py --dark`` shows). Icons are measured from their pixels, as
they are drawn for the tables of a demo case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QStyleFactory

from second_opinion.app import build_window
from second_opinion.services.demo import build_demo
from second_opinion.ui import palette
from second_opinion.ui.tab_registry import TAB_KEYS
from second_opinion.vault.vault import Vault
from tests.conftest import PASSPHRASE, TEST_KDF

R = QPalette.ColorRole
ACCENTS = (palette.PROBLEM, palette.WARN, palette.GOOD, palette.INFO, palette.QUIET)
#: where text and icons are drawn: the window, fields and tables, and a table's odd rows
BACKGROUNDS = (R.Window, R.Base, R.AlternateBase)


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    assert style is not None
    return style.standardPalette()


PALETTES = {"light": light_palette, "dark": palette.dark_palette}


def test_contrast_is_measured_as_wcag_says() -> None:
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert palette.contrast("#123456", "#123456") == pytest.approx(1.0)


@pytest.mark.parametrize("kind", PALETTES)
@pytest.mark.parametrize("accent", ACCENTS)
def test_every_accent_is_readable_on_every_background(qapp, kind: str, accent: str) -> None:
    pal = PALETTES[kind]()
    assert palette.is_dark(pal) == (kind == "dark")
    shade = palette.color(accent, pal)
    for role in BACKGROUNDS:
        ratio = palette.contrast(shade, pal.color(role))
        assert ratio >= palette.MINIMUM_CONTRAST, (kind, accent, role.name, round(ratio, 2))


@pytest.mark.parametrize("kind", PALETTES)
def test_table_and_window_text_is_readable(qapp, kind: str) -> None:
    pal = PALETTES[kind]()
    pairs = [
        (R.Text, R.Base),
        (R.Text, R.AlternateBase),
        (R.WindowText, R.Window),
        (R.ButtonText, R.Button),
    ]
    if kind == "dark":
        # Ours; Fusion's own light selection (white on #308cc6) is 3.7:1, Qt's to choose.
        pairs.append((R.HighlightedText, R.Highlight))
    for text, background in pairs:
        ratio = palette.contrast(pal.color(text), pal.color(background))
        assert ratio >= palette.MINIMUM_CONTRAST, (kind, text.name, background.name, ratio)


def test_dark_placeholders_are_readable(qapp) -> None:
    pal = palette.dark_palette()
    ratio = palette.contrast(pal.color(R.PlaceholderText), pal.color(R.Base))
    assert ratio >= palette.MINIMUM_CONTRAST


# ------------------------------------------------------------------ the tables of a demo case
def _icon_color(icon: QIcon) -> QColor | None:
    """The color of an icon's opaque pixels (Font Awesome icons are drawn in one color)."""
    image = icon.pixmap(16).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    best: QColor | None = None
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                return pixel
            if best is None or pixel.alpha() > best.alpha():
                best = pixel
    return best if best is not None and best.alpha() > 0 else None


@pytest.fixture(params=list(PALETTES))
def demo_tables(request, qtbot, qapp, data_dir: Path, settle) -> Iterator[tuple[str, list]]:
    previous = qapp.palette()
    qapp.setPalette(PALETTES[request.param]())
    with Vault.create(data_dir, PASSPHRASE, kdf=TEST_KDF) as vault, vault.session() as s:
        build_demo(s, dt.date.today())
    window = build_window(data_dir, PASSPHRASE)
    qtbot.addWidget(window)
    window.show()
    for key in TAB_KEYS:
        window.navigate(key)
        settle()
    views = [
        view
        for view in window.findChildren(QAbstractItemView)
        if not isinstance(view, QHeaderView) and view.model() is not None
    ]
    yield request.param, views
    window.lock()
    QApplication.setPalette(previous)


def _cells(view: QAbstractItemView) -> Iterator[QModelIndex]:
    model = view.model()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for row in range(model.rowCount()):
        for column in range(columns):
            yield model.index(row, column)


def test_table_icons_are_readable_and_never_alone(demo_tables) -> None:
    kind, views = demo_tables
    pal = QApplication.palette()
    icons_seen = 0
    for view in views:
        name = view.accessibleName() or view.objectName() or type(view).__name__
        for index in _cells(view):
            # Any color given to a cell's text is readable too.
            foreground = index.data(Qt.ItemDataRole.ForegroundRole)
            if foreground is not None:
                ratio = palette.contrast(QColor(foreground.color()), pal.color(R.Base))
                assert ratio >= palette.MINIMUM_CONTRAST, (kind, name, index.data())
            decoration = index.data(Qt.ItemDataRole.DecorationRole)
            if not isinstance(decoration, QIcon) or decoration.isNull():
                continue
            icons_seen += 1
            # Never color alone: the cell says in words what its icon shows.
            words = index.data(Qt.ItemDataRole.DisplayRole) or index.data(
                Qt.ItemDataRole.AccessibleTextRole
            )
            assert str(words or "").strip() or decoration.name(), (
                f"{name}: a cell at {index.row()},{index.column()} shows an icon with no words"
            )
            shade = _icon_color(decoration)
            assert shade is not None, f"{name}: an empty icon"
            for role in (R.Base, R.AlternateBase):
                ratio = palette.contrast(shade, pal.color(role))
                assert ratio >= palette.MINIMUM_CONTRAST, (
                    kind,
                    name,
                    index.data(),
                    shade.name(),
                    role.name,
                    round(ratio, 2),
                )
    assert icons_seen > 20, "the demo case's tables should show status icons"
