"""The release metadata a desktop, a software centre and an installer read.

Each check here is one a user would notice: a menu entry that does not appear, a software
centre that rejects the app, an icon that is blurred or missing, a version that says one thing
in the About box and another in the changelog or the installer.
"""

from __future__ import annotations

import ast
import configparser
import datetime as dt
import plistlib
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import second_opinion

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
APP_ID = "io.github.secondopinion.SecondOpinion"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _problems(output: str, markers: tuple[str, ...]) -> list[str]:
    return [line for line in output.splitlines() if line.strip().startswith(markers)]


def _require(tool: str, package: str) -> None:
    # A missing validator is a failed check, not a skipped one: scripts/setup installs them.
    assert shutil.which(tool), f"{tool} is not installed (Debian: apt install {package})"


def test_desktop_file_passes_desktop_file_validate() -> None:
    _require("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Hints are advice; errors and warnings mean some desktop would mishandle the entry.
    assert not [
        line for line in output.splitlines() if ": error: " in line or ": warning: " in line
    ]


def test_metainfo_passes_appstreamcli_validate() -> None:
    _require("appstreamcli", "appstream")
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert _problems(output, ("E:", "W:")) == [], output


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_program_and_names_the_shipped_icon() -> None:
    entry = _desktop_entry()
    assert entry["Exec"].split()[0] == "second-opinion"
    assert entry["Icon"] == APP_ID
    assert entry["Name"] == second_opinion.APP_NAME
    assert entry["Terminal"] == "false"


def test_one_id_across_desktop_file_metainfo_icons_and_macos_bundle() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == "second-opinion"
    plist = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert plist["CFBundleIdentifier"] == APP_ID
    spec = (PACKAGING / "second-opinion.spec").read_text(encoding="utf-8")
    assert f'BUNDLE_ID = "{APP_ID}"' in spec


def _newest_metainfo_release() -> ET.Element:
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases, "the metainfo lists no release"
    return releases[0]


def test_metainfo_newest_release_is_the_app_version() -> None:
    release = _newest_metainfo_release()
    assert release.get("version") == second_opinion.__version__
    dt.date.fromisoformat(release.get("date", ""))


def test_changelog_has_the_app_version_with_the_metainfo_release_date() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, re.M)
    assert headings[0] == ("Unreleased", "")
    version, date = headings[1]
    assert version == second_opinion.__version__
    assert date == _newest_metainfo_release().get("date")
    # Every release heading in Keep a Changelog has a date.
    assert all(date for _, date in headings[1:])


def test_installers_take_the_version_from_the_package_not_a_copy() -> None:
    version = second_opinion.__version__
    iss = (PACKAGING / "windows" / "second-opinion.iss").read_text(encoding="utf-8")
    assert "#ifndef AppVersion" in iss
    assert "AppVersion={#AppVersion}" in iss
    assert version not in iss.replace(f"/DAppVersion={version}", "")
    plist = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert "CFBundleShortVersionString" not in plist  # the spec adds it from __version__
    spec = (PACKAGING / "second-opinion.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    assert f'"{version}"' not in spec


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_every_hicolor_png_has_its_size(size: int) -> None:
    png = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert _png_size(png) == (size, size)


def test_window_icon_and_packaged_icons_come_from_one_svg() -> None:
    source = (PACKAGING / "icons" / "second-opinion.svg").read_bytes()
    in_app = REPO / "src" / "second_opinion" / "resources" / "icons" / "second-opinion.svg"
    scalable = PACKAGING / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert in_app.read_bytes() == source
    assert scalable.read_bytes() == source
    ET.fromstring(source)  # well-formed, or no renderer will draw it
    for binary in ("second-opinion.ico", "second-opinion.icns"):
        assert (PACKAGING / "icons" / binary).stat().st_size > 1000


def test_every_lintian_override_is_explained_in_the_packaging_readme() -> None:
    overrides = (PACKAGING / "linux" / "lintian-overrides").read_text(encoding="utf-8")
    readme = (PACKAGING / "README-packaging.md").read_text(encoding="utf-8")
    tags = {
        line.split(":", 1)[1].split()[0]
        for line in overrides.splitlines()
        if line.startswith("second-opinion:")
    }
    assert tags, "no overrides parsed"
    assert [tag for tag in tags if f"`{tag}`" not in readme] == []


def test_the_spec_never_excludes_libraries_the_app_may_depend_on() -> None:
    # Others are adding pypdf, Pillow and lxml as dependencies: an exclude would silently
    # drop them from the bundle while every test from source still passes.
    spec = (PACKAGING / "second-opinion.spec").read_text(encoding="utf-8")
    excludes = spec[spec.index("excludes = [") : spec.index("]", spec.index("excludes = ["))]
    for module in ("pypdf", "PIL", "pillow", "lxml", "defusedxml", "rapidfuzz", "pillow_heif"):
        assert f'"{module}"' not in excludes


def test_the_release_workflow_builds_each_platform_on_a_version_tag() -> None:
    workflow = (REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert 'tags: ["v*"]' in workflow
    for job in ("linux:", "windows:", "macos:", "release:"):
        assert f"\n  {job}" in workflow
    assert "packaging/build.py --deb" in workflow
    assert "hdiutil create" in workflow
    # Signing runs only when its secrets exist.
    assert "if: env.HAS_SIGNING_CERT == 'true'" in workflow


def test_third_party_notices_cover_the_runtime_packages_and_no_build_tools() -> None:
    from second_opinion.licenses import runtime_distributions

    names = {(d.metadata.get_all("Name") or [""])[0].lower() for d in runtime_distributions()}
    assert {"pyside6_essentials", "sqlalchemy", "sqlcipher3", "reportlab"} <= names
    assert not names & {"pyinstaller", "pip", "pytest", "second-opinion"}


def test_the_spec_keeps_the_parts_of_the_dependencies_the_app_loads() -> None:
    # The spec cuts unused parts of Pillow, lxml, rapidfuzz, pydicom and pillow-heif (see
    # README-packaging.md); the parts the app loads must never be among them.
    spec = (PACKAGING / "second-opinion.spec").read_text(encoding="utf-8")
    kept = spec[spec.index("_PILLOW_FORMATS_KEPT = {") :].split("}", 1)[0]
    for fmt in ("Jpeg", "Mpo", "Png", "Tiff"):
        assert f'"{fmt}"' in kept
    for module in ("lxml.etree", "lxml._elementpath", "PIL.Image", "PIL.ImageOps", "PIL._imaging"):
        assert f'"{module}"' not in spec
    # rapidfuzz: only the AVX2 duplicates go; the generic builds the imports fall back to stay.
    for pattern in re.findall(r'"(rapidfuzz/[^"]*)"', spec):
        assert "_avx2" in pattern
    # pillow-heif: libx265 is replaced by a stub only; libheif and libde265 are never cut.
    unused = spec[spec.index("_UNUSED = (") :].split("\n)\n", 1)[0]
    assert "heif" not in unused and "de265" not in unused
