"""Write THIRD-PARTY-LICENSES: the notices of every work the bundle carries.

    python packaging/third_party_licenses.py --out FILE [--bundle DIR]

Run it with the build venv's Python (``packaging/build.py`` does), so that the installed
distributions it reads are exactly those PyInstaller bundles. It writes, in this order:

- the Python runtime's license (PSF), from the runtime's own LICENSE.txt;
- Qt and PySide6 (LGPL-3.0) with how to replace the Qt libraries (``licenses/Qt-LGPL.txt``);
- SQLCipher (BSD-3-Clause) and the OpenSSL built into it (``licenses/SQLCipher.txt``);
- the DejaVu fonts, Font Awesome and Bitstream Vera (ReportLab's) notices;
- every Python distribution the app depends on, from its own metadata and license files
  (``second_opinion.licenses``, the same code the app's Licenses view uses from source);
- with ``--bundle`` on Debian/Ubuntu: each system library PyInstaller copied from the build
  machine into the bundle, with its Debian package's ``copyright`` file;
- the full texts of the GNU LGPL 3, GNU GPL 3 and Apache 2.0 licenses.

No third-party tool: pip-licenses would add a dependency to the build for a loop over
importlib.metadata, and it knows nothing of Qt's, SQLCipher's or the fonts' notices.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "licenses"
RULE = "\n\n" + "=" * 78 + "\n\n"


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.submodule_search_locations, f"{name} is not installed"
    return Path(next(iter(spec.submodule_search_locations)))


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def python_runtime() -> str:
    candidates = [
        Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",  # Windows
        Path(sys.base_prefix)
        / "lib"
        / f"python{sys.version_info[0]}.{sys.version_info[1]}"
        / "LICENSE.txt",
    ]
    version = ".".join(str(p) for p in sys.version_info[:3])
    head = f"Python {version} (the runtime inside the bundle)\nLicense: PSF-2.0\n"
    for path in candidates:
        if path.is_file():
            return head + "\n" + path.read_text(encoding="utf-8").strip()
    return head + "\nSee https://docs.python.org/3/license.html"


def qt() -> str:
    version = _version("PySide6_Essentials")
    return (TEXTS / "Qt-LGPL.txt").read_text(encoding="utf-8").replace("QT_VERSION", version)


def sqlcipher() -> str:
    head = f"sqlcipher3 {_version('sqlcipher3')} builds in:\n\n"
    return head + (TEXTS / "SQLCipher.txt").read_text(encoding="utf-8").strip()


def fonts_and_icons() -> str:
    app = _package_dir("second_opinion")
    parts = [
        "DejaVu Sans fonts (second_opinion/resources/fonts; embedded in exported PDFs)\n"
        "License: Bitstream Vera Fonts license and Arev Fonts license (a permissive font "
        "license)\n\n"
        + (app / "resources" / "fonts" / "DejaVu-LICENSE.txt").read_text(encoding="utf-8").strip(),
        "Font Awesome Free 5.15.4 icons (second_opinion/resources/icons/fa), by Fonticons, "
        "Inc., https://fontawesome.com\nLicense: CC-BY-4.0, "
        "https://creativecommons.org/licenses/by/4.0/ (see https://fontawesome.com/license/"
        "free). The glyphs' outlines are re-expressed as SVG paths; the shapes are unchanged.",
    ]
    vera = _package_dir("reportlab") / "fonts" / "bitstream-vera-license.txt"
    if vera.is_file():
        parts.append(
            "Bitstream Vera fonts shipped with ReportLab (reportlab/fonts)\n\n"
            + vera.read_text(encoding="utf-8", errors="replace").strip()
        )
    return RULE.join(parts)


def python_distributions() -> str:
    # The app's own package is imported from this venv: the same code as the Licenses view.
    from second_opinion.licenses import distribution_notices, runtime_distributions

    dists = runtime_distributions()
    return (
        f"Python packages ({len(dists)}), each with the license its own metadata states and "
        "the license files it ships\n\n"
        + "=" * 78
        + "\n\n"
        + distribution_notices(dists, with_texts=True)
    )


def debian_system_libraries(bundle: Path) -> str:
    """The bundle's copies of the build machine's libraries, with their Debian copyrights."""
    internal = bundle / "_internal"
    # libpython comes from the Python that built the bundle (its section is above), not
    # necessarily from Debian's package of the same name.
    names = sorted(
        p.name for p in internal.glob("*.so*") if p.is_file() and not p.name.startswith("libpython")
    )
    packages: dict[str, list[str]] = {}
    # One dpkg call for all of them (one each takes minutes on a busy machine).
    found = subprocess.run(
        ["dpkg", "-S", *(f"*/{name}" for name in names)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    owner: dict[str, str] = {}
    for line in found.splitlines():
        package, _, paths = line.partition(": ")
        for path in paths.split(", "):
            if path.startswith(("/lib/", "/usr/lib/")):
                owner.setdefault(Path(path).name, package.split(", ")[0].split(":")[0])
    for name in names:
        if name in owner:
            packages.setdefault(owner[name], []).append(name)
    parts = [
        "Libraries of the build machine (Debian) that the bundle carries, by Debian package; "
        "each package's copyright file follows.\n\n"
        + "\n".join(f"  {pkg}: {', '.join(libs)}" for pkg, libs in sorted(packages.items()))
    ]
    for package in sorted(packages):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            text = copyright_file.read_text(encoding="utf-8", errors="replace").strip()
            parts.append(f"Debian package {package}\n\n{text}")
    return RULE.join(parts)


def full_texts() -> str:
    parts = []
    for title, name in (
        ("GNU Lesser General Public License, version 3", "LGPL-3.0.txt"),
        ("GNU General Public License, version 3", "GPL-3.0.txt"),
        ("Apache License 2.0", "Apache-2.0.txt"),
    ):
        parts.append(f"{title}\n\n" + (TEXTS / name).read_text(encoding="utf-8").strip())
    return RULE.join(parts)


def make(bundle: Path | None) -> str:
    app_version = _version("second-opinion")
    sections = [
        f"THIRD-PARTY LICENSES of Second Opinion {app_version}\n\n"
        "Second Opinion itself is free software under the GNU General Public License, "
        "version 3 or later (its text is near the end of this file). The program is built "
        "from the works below, each under its own license. This file was made by "
        "packaging/third_party_licenses.py from the build's installed packages and their "
        "own license files.",
        python_runtime(),
        qt(),
        sqlcipher(),
        fonts_and_icons(),
        python_distributions(),
    ]
    if bundle is not None and sys.platform.startswith("linux"):
        try:
            sections.append(debian_system_libraries(bundle))
        except FileNotFoundError:  # no dpkg: not a Debian-like build machine
            sections.append(
                "System libraries: this bundle was built where no dpkg could name them; "
                "see each library's own distribution for its license."
            )
    sections.append(full_texts())
    return RULE.join(sections) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, action="append", required=True)
    parser.add_argument("--bundle", type=Path)
    args = parser.parse_args(argv)
    text = make(args.bundle)
    for out in args.out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    sys.stderr.write(f"THIRD-PARTY-LICENSES: {len(text) // 1024} KiB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
