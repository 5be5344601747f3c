"""Write the Font Awesome icons the app uses as small SVG files (a developer tool).

    .venv/bin/pip install -e ".[icons]"
    .venv/bin/python scripts/make_icons.py          # write src/second_opinion/resources/icons/fa/
    .venv/bin/python scripts/make_icons.py --check  # only say whether the files are up to date

The app names its icons as qtawesome did: "fa5s.user-md" (Font Awesome 5 solid) and
"fa5.circle" (regular). Importing qtawesome at run time cost ~130 ms (its qtpy layer
star-imports PySide6, which makes PySide build every Qt class and enum), so the app now draws
these SVGs instead (second_opinion/ui/icons.py). This script finds every such name in src/,
takes the glyph from the Font Awesome 5.15.4 font that qtawesome ships, and writes it with
the geometry qtawesome drew it in: the glyph's em box at 0.875 of the icon's height, centred.
A glyph too wide for that square (a few are 640 units wide) gets a wider square, so it is
scaled down rather than clipped. The fill is the placeholder ``#000000``; the app replaces it.

fontTools and qtawesome are needed only here (the "icons" extra), never by the app.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
OUT = SRC / "second_opinion" / "resources" / "icons" / "fa"

# An icon name as a string literal in the source: "fa5s.user-md" or 'fa5.circle'.
NAME_IN_SOURCE = re.compile(r"""["'](fa5s?\.[a-z0-9-]+)["']""")
FONT_VERSION = "5.15.4"
STYLES = {"fa5s": "solid", "fa5": "regular"}
PLACEHOLDER_FILL = "#000000"
# qtawesome draws the glyph at a font size of 0.875 times the icon's height.
GLYPH_SCALE = 0.875


def used_icon_names(src: Path = SRC) -> list[str]:
    """Every icon name written as a string literal in the Python files under ``src``."""
    names: set[str] = set()
    for path in src.rglob("*.py"):
        names.update(NAME_IN_SOURCE.findall(path.read_text(encoding="utf-8")))
    return sorted(names)


def svg_file_name(name: str) -> str:
    return f"{name}.svg"


def _number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _font_files(style: str) -> tuple[Path, Path]:
    # find_spec does not import qtawesome (nor qtpy and the PySide6 modules under it).
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit('qtawesome is not installed: pip install -e ".[icons]"')
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    stem = f"fontawesome5-{style}-webfont"
    return fonts / f"{stem}-{FONT_VERSION}.ttf", fonts / f"{stem}-charmap-{FONT_VERSION}.json"


class _Font:
    def __init__(self, style: str) -> None:
        from fontTools.ttLib import TTFont

        ttf, charmap = _font_files(style)
        self.font = TTFont(ttf)
        self.glyphs = self.font.getGlyphSet()
        self.cmap = self.font.getBestCmap()
        self.codepoints: dict[str, str] = json.loads(charmap.read_text(encoding="utf-8"))
        hhea = self.font["hhea"]
        self.ascent = hhea.ascent
        self.descent = -hhea.descent  # positive, below the baseline
        self.em_height = self.ascent + self.descent

    def svg(self, icon: str) -> str:
        """The glyph ``icon`` (a name from the charmap) as an SVG document."""
        from fontTools.pens.boundsPen import BoundsPen
        from fontTools.pens.svgPathPen import SVGPathPen
        from fontTools.pens.transformPen import TransformPen

        if icon not in self.codepoints:
            raise KeyError(icon)
        glyph_name = self.cmap[int(self.codepoints[icon], 16)]
        glyph = self.glyphs[glyph_name]
        path_pen = SVGPathPen(self.glyphs, ntos=_number)
        # Font outlines have y up; SVG has y down.
        glyph.draw(TransformPen(path_pen, (1, 0, 0, -1, 0, 0)))
        bounds_pen = BoundsPen(self.glyphs)
        glyph.draw(bounds_pen)
        x_min, y_min, x_max, y_max = bounds_pen.bounds or (0, 0, 0, 0)

        # qtawesome centres the advance width horizontally and the em box (ascent + descent)
        # vertically in a square 1/0.875 of the em box high; widen the square where the ink
        # would reach past it.
        centre_x = glyph.width / 2
        centre_y = (self.ascent - self.descent) / 2  # in font units, y up
        side = max(
            self.em_height / GLYPH_SCALE,
            2 * max(centre_x - x_min, x_max - centre_x),
            2 * max(centre_y - y_min, y_max - centre_y),
        )
        view_box = " ".join(
            _number(v) for v in (centre_x - side / 2, -centre_y - side / 2, side, side)
        )
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}">'
            f'<path fill="{PLACEHOLDER_FILL}" d="{path_pen.getCommands()}"/></svg>\n'
        )


def render_all(names: list[str]) -> dict[str, str]:
    """File name → SVG text for every icon name."""
    fonts: dict[str, _Font] = {}
    files: dict[str, str] = {}
    for name in names:
        prefix, _, icon = name.partition(".")
        if prefix not in STYLES:
            raise SystemExit(f"{name}: only {', '.join(STYLES)} icons are supported")
        font = fonts.get(prefix) or fonts.setdefault(prefix, _Font(STYLES[prefix]))
        try:
            files[svg_file_name(name)] = font.svg(icon)
        except KeyError:
            raise SystemExit(f"{name}: no such icon in Font Awesome {FONT_VERSION}") from None
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    wanted = render_all(used_icon_names())
    present = {p.name: p.read_text(encoding="utf-8") for p in args.out.glob("*.svg")}
    stale = sorted(n for n in present if n not in wanted)
    changed = sorted(n for n, text in wanted.items() if present.get(n) != text)
    if args.check:
        for name in changed:
            print(f"out of date or missing: {name}", file=sys.stderr)
        for name in stale:
            print(f"no longer used: {name}", file=sys.stderr)
        return 1 if changed or stale else 0

    args.out.mkdir(parents=True, exist_ok=True)
    for name in changed:
        (args.out / name).write_text(wanted[name], encoding="utf-8", newline="\n")
    for name in stale:
        (args.out / name).unlink()
    print(
        f"{len(wanted)} icons in {args.out}: {len(changed)} written, {len(stale)} removed",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
