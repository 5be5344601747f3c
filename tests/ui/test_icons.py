"""The app's icons: every name the code uses is drawn, in the asked or the palette's color,
from the SVGs in resources/icons/fa/, without qtawesome."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from second_opinion.ui import icons

REPO = Path(__file__).resolve().parents[2]


def _make_icons_script() -> ModuleType:
    # scripts/ is not a package; the script imports fontTools only when it draws.
    spec = importlib.util.spec_from_file_location("make_icons", REPO / "scripts" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_icons = _make_icons_script()
USED = make_icons.used_icon_names()


def _inked(icon: QIcon, side: int = 16, mode: QIcon.Mode = QIcon.Mode.Normal) -> list[QColor]:
    """The colors of the mostly covered pixels of ``icon`` drawn at ``side`` pixels."""
    image = icon.pixmap(side, side, mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    pixels = (image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width()))
    return [color for color in pixels if color.alpha() >= 128]


def _near(color: QColor, wanted: str) -> bool:
    # Edge pixels are stored premultiplied by their coverage: allow for the rounding.
    other = QColor(wanted)
    return (
        abs(color.red() - other.red()) <= 3
        and abs(color.green() - other.green()) <= 3
        and abs(color.blue() - other.blue()) <= 3
    )


def _shows(icon: QIcon, wanted: str, side: int = 16, mode: QIcon.Mode = QIcon.Mode.Normal) -> bool:
    return any(_near(color, wanted) for color in _inked(icon, side, mode))


@pytest.fixture
def palette(qapp: QApplication) -> Iterator[None]:
    """Put the application palette back after a test changes it."""
    before = QPalette(QGuiApplication.palette())
    yield
    QGuiApplication.setPalette(before)


def _set_text_colours(window_text: str, window: str) -> None:
    palette = QPalette(QGuiApplication.palette())
    palette.setColor(QPalette.ColorRole.WindowText, QColor(window_text))
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    QGuiApplication.setPalette(palette)


def test_the_source_uses_icons_and_each_has_exactly_one_svg() -> None:
    assert len(USED) > 40  # the scan finds the names ("fa5s.user", "fa5.circle", ...)
    assert "fa5s.exclamation-triangle" in USED and "fa5.circle" in USED
    on_disk = sorted(path.stem for path in icons.FOLDER.glob("*.svg"))
    # Missing: scripts/make_icons.py was not run after a new name; extra: an unused file.
    assert on_disk == USED


@pytest.mark.parametrize("name", USED)
def test_every_used_icon_is_drawn_in_the_asked_colour(qapp: QApplication, name: str) -> None:
    made = icons.icon(name, "#d9534f")
    assert not made.isNull()
    assert _shows(made, "#d9534f")


def test_a_qcolor_works_as_well_as_a_string(qapp: QApplication) -> None:
    assert _shows(icons.icon("fa5s.check-circle", QColor("#2e9d57")), "#2e9d57")
    assert icons.cell_icon("fa5s.check-circle", "#2e9d57").cacheKey() == (
        icons.cell_icon("fa5s.check-circle", QColor("#2e9d57")).cacheKey()
    )


def test_icons_are_made_once_per_name_and_colour(qapp: QApplication) -> None:
    assert icons.icon("fa5s.user").cacheKey() == icons.icon("fa5s.user").cacheKey()
    assert icons.icon("fa5s.user", "#112233").cacheKey() != icons.icon("fa5s.user").cacheKey()


def test_default_colour_follows_the_palette(qapp: QApplication, palette: None) -> None:
    _set_text_colours("#101010", "#f0f0f0")
    assert _shows(icons.icon("fa5s.user"), "#101010")
    _set_text_colours("#e8e8e8", "#2b2b2b")  # a dark palette: light icons
    dark = icons.icon("fa5s.user")
    assert _shows(dark, "#e8e8e8")
    assert not _shows(dark, "#101010")


def test_disabled_is_grayed_and_selected_keeps_the_color(qapp: QApplication, palette: None) -> None:
    _set_text_colours("#101010", "#f0f0f0")
    made = icons.icon("fa5s.trash-alt", "#d9534f")
    assert all(_near(c, "#d9534f") for c in _inked(made, mode=QIcon.Mode.Selected))
    disabled = _inked(made, mode=QIcon.Mode.Disabled)
    assert disabled
    assert not any(_near(c, "#d9534f") for c in disabled)
    assert all(c.hsvSaturation() < 30 for c in disabled)  # a grey, not a paler red


def test_every_size_is_drawn_for_the_screens_and_scaled_for_others(qapp: QApplication) -> None:
    made = icons.icon("fa5s.user")
    screens = {screen.devicePixelRatio() for screen in QGuiApplication.screens()}
    drawn_sizes = {size.width() for size in made.availableSizes()}
    for side in icons.SIZES:
        for ratio in screens:
            assert round(side * ratio) in drawn_sizes  # drawn, not scaled
        for ratio in screens:
            drawn = made.pixmap(QSize(side, side), ratio)
            assert drawn.width() == round(side * ratio)
            assert drawn.devicePixelRatio() == ratio
        # A screen that was not there when the icon was made still gets a (scaled) icon.
        assert not made.pixmap(QSize(side, side), 3.0).isNull()


def test_pixmap_is_drawn_at_exactly_the_asked_size(qapp: QApplication) -> None:
    drawn = icons.pixmap("fa5s.check-circle", 18, "#2e9d5b")
    ratio = drawn.devicePixelRatio()
    assert drawn.width() == round(18 * ratio)
    assert _shows(QIcon(drawn), "#2e9d5b", side=18)


@pytest.mark.parametrize("name", ["fa5s.no-such-icon", "mdi.account", "../fa5s.user", ""])
def test_an_unknown_name_gives_an_empty_icon_and_a_warning(
    qapp: QApplication, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    with caplog.at_level("WARNING", logger="second_opinion.ui.icons"):
        assert icons.icon(name).isNull()
        assert icons.pixmap(name, 16).isNull()
    assert caplog.records


def test_a_bad_colour_falls_back_to_the_text_colour(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING", logger="second_opinion.ui.icons"):
        assert not icons.icon("fa5s.user", "not a color").isNull()
    assert caplog.records


def test_making_icons_imports_neither_qtawesome_nor_qtpy() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from second_opinion.ui import icons\n"
        "for name in ('fa5s.user', 'fa5.circle', 'fa5s.check-circle'):\n"
        "    assert not icons.icon(name).isNull()\n"
        "assert not icons.icon('fa5s.plus', '#d9534f').isNull()\n"
        "assert not icons.pixmap('fa5s.plus', 18).isNull()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('qtawesome', 'qtpy')))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_svgs_are_what_make_icons_writes() -> None:
    # The test extra installs the generator's tools (fontTools, and qtawesome for the font).
    written = make_icons.render_all(USED)
    for file_name, text in written.items():
        assert (icons.FOLDER / file_name).read_text(encoding="utf-8") == text, file_name


def test_a_cell_icon_on_a_selected_row_is_drawn_in_the_selected_text_colour(
    qapp: QApplication, palette: None
) -> None:
    # The status icon's own blue on a blue selection: it vanished from the selected row.
    colours = QPalette(QGuiApplication.palette())
    colours.setColor(QPalette.ColorRole.Highlight, QColor("#2a6ebb"))
    colours.setColor(QPalette.ColorRole.HighlightedText, QColor("#fefefe"))
    QGuiApplication.setPalette(colours)
    made = icons.cell_icon("fa5s.paper-plane", "#2a6ebb")
    assert _shows(made, "#2a6ebb")
    selected = _inked(made, mode=QIcon.Mode.Selected)
    assert selected and all(_near(c, "#fefefe") for c in selected)
    # Buttons and menus keep their colour when selected.
    assert _shows(icons.icon("fa5s.paper-plane", "#2a6ebb"), "#2a6ebb", mode=QIcon.Mode.Selected)
