"""Render the app icon SVG into the PNG, ICO and ICNS files the installers need.

Run it after editing ``packaging/icons/second-opinion.svg``; the outputs are committed so a
release build does not depend on a renderer:

    .venv/bin/python packaging/render_icons.py

Qt's own SVG renderer is used (not a browser or Inkscape) so the pixels match what the app
window shows. Pillow (already installed as a ReportLab dependency) packs the multi-size ICO and
ICNS files, since Qt's writers store only one size per file.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SOURCE = HERE / "icons" / "second-opinion.svg"
APP_ICON_IN_PACKAGE = REPO / "src" / "second_opinion" / "resources" / "icons" / "second-opinion.svg"
DESKTOP_ID = "io.github.secondopinion.SecondOpinion"

# The sizes of the freedesktop hicolor theme that desktops actually look up, up to 512 for
# software centres and HiDPI docks.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_path(size: int) -> Path:
    return HERE / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        sys.stderr.write(f"cannot read {SOURCE}\n")
        return 1
    for size in PNG_SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target)):
            sys.stderr.write(f"could not write {target}\n")
            return 1

    scalable = HERE / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    APP_ICON_IN_PACKAGE.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, APP_ICON_IN_PACKAGE)

    # Each size rendered from the vector, not scaled down from 256, so 16 px stays crisp.
    ico_images = [Image.open(png_path(s)).convert("RGBA") for s in ICO_SIZES]
    largest = ico_images[-1]
    largest.save(
        HERE / "icons" / "second-opinion.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=ico_images[:-1],
    )
    icns_images = [Image.open(png_path(s)).convert("RGBA") for s in ICNS_SIZES]
    icns_images[-1].save(
        HERE / "icons" / "second-opinion.icns", format="ICNS", append_images=icns_images[:-1]
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
