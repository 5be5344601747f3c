"""The notices of the works that Second Opinion is built from, for Help -> About -> Licenses.

A release build (``packaging/build.py``) writes the full text, ``THIRD-PARTY-LICENSES``, into
the bundle's ``second_opinion/resources/``: every Python distribution the app runs on with its
license files, the Python runtime, Qt (LGPL-3.0) with how to replace it, SQLCipher, DejaVu,
Font Awesome, and on Linux the system libraries the bundle carries.
``packaging/third_party_licenses.py`` makes it, with ``distribution_notices`` below for the
Python part.

In a source checkout there is no such file (it is made only by a build, so it is never stale
in git); ``third_party_text`` then lists the installed distributions' names, versions and
licenses from their own metadata, and says where the full text comes from.

Only the standard library: this runs in the app and in the build script alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

FILE_NAME = "THIRD-PARTY-LICENSES"
#: Where a build puts the full text; a plain path, as the package is always files on disk.
RESOURCE = Path(__file__).resolve().parent / "resources" / FILE_NAME
APP_DISTRIBUTION = "second-opinion"

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _field(dist: metadata.Distribution, key: str) -> str:
    """A metadata field's first value, or "" (never None, never a KeyError)."""
    values = dist.metadata.get_all(key) or []
    return str(values[0]) if values else ""


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = APP_DISTRIBUTION) -> list[metadata.Distribution]:
    """``root``'s installed dependencies, recursively, by name (without ``root`` itself).

    Requirements that only an extra asks for are left out; ones whose platform marker does
    not apply here are simply not installed, and so not found.
    """
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = _canonical(_field(dist, "Name") or name)
        if key in seen:
            continue
        seen[key] = dist
        for requirement in dist.requires or ():
            if "extra ==" in requirement.replace("extra==", "extra =="):
                continue
            match = _NAME.match(requirement)
            if match:
                todo.append(match.group(1))
    seen.pop(_canonical(root), None)
    return sorted(seen.values(), key=lambda d: _canonical(_field(d, "Name")))


def license_of(dist: metadata.Distribution) -> str:
    """The distribution's own statement of its license: SPDX expression, field or classifiers."""
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    field = _field(dist, "License").strip()
    if field and "\n" not in field and len(field) <= 100:
        return field
    classifiers = [
        c.split(" :: ")[-1]
        for c in dist.metadata.get_all("Classifier") or []
        if c.startswith("License ::") and c != "License :: OSI Approved"
    ]
    if classifiers:
        return ", ".join(classifiers)
    return "see its license text" if field else "not stated in its metadata"


def _homepage(dist: metadata.Distribution) -> str:
    if _field(dist, "Home-page"):
        return _field(dist, "Home-page")
    for url in dist.metadata.get_all("Project-URL") or []:
        label, _, address = str(url).partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "source code", "repository"}:
            return str(address).strip()
    return ""


def _read_metadata_file(dist: metadata.Distribution, name: str) -> str | None:
    # Metadata 2.4 puts license files in licenses/; older ones beside METADATA. A few are
    # not UTF-8 (Latin-1 copyright signs): shown with a replacement character, not dropped.
    for relative in (f"licenses/{name}", name):
        try:
            text = dist.read_text(relative)
        except UnicodeDecodeError:
            for path in dist.files or ():
                if path.as_posix().endswith(f".dist-info/{relative}"):
                    return path.read_binary().decode("utf-8", errors="replace")
            continue
        if text:
            return text
    return None


def license_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(name, text) of each license file the distribution ships in its metadata folder."""
    names = list(dist.metadata.get_all("License-File") or [])
    if not names:  # older wheels: LICENSE* and COPYING* beside METADATA
        names = [
            path.name
            for path in dist.files or ()
            if path.parent.name.endswith((".dist-info", ".egg-info"))
            and path.name.upper().startswith(("LICEN", "COPYING", "NOTICE"))
        ]
    found: list[tuple[str, str]] = []
    for name in names:
        text = _read_metadata_file(dist, name)
        if text:
            found.append((name, text.strip()))
    return found


def distribution_notices(dists: Iterable[metadata.Distribution], *, with_texts: bool) -> str:
    """One section per distribution: name, version, license, home page, then its files."""
    parts: list[str] = []
    for dist in dists:
        lines = [
            f"{_field(dist, 'Name')} {dist.version}",
            f"License: {license_of(dist)}",
        ]
        home = _homepage(dist)
        if home:
            lines.append(f"Home page: {home}")
        if with_texts:
            files = license_files(dist)
            if not files:
                lines.append("(it ships no license file; its license is the one named above)")
            for name, text in files:
                lines += ["", f"--- {name} ---", "", text]
        parts.append("\n".join(lines))
    rule = "\n\n" + "=" * 78 + "\n\n" if with_texts else "\n\n"
    return rule.join(parts)


def third_party_text() -> str:
    """The text the Licenses view shows: the build's file, or a summary from metadata."""
    try:
        return RESOURCE.read_text(encoding="utf-8")
    except OSError:
        pass
    header = (
        "Second Opinion is free software under the GNU General Public License, version 3 or "
        "later.\n\n"
        "This copy runs from source, so the full list of license texts is not here: it is "
        f"made when a release is built (packaging/build.py writes {FILE_NAME} into the "
        "bundle), together with the notices for Qt (LGPL-3.0), SQLCipher, the DejaVu fonts "
        "and Font Awesome. The Python packages this copy runs on, as their own metadata "
        "states:\n\n"
    )
    return header + distribution_notices(runtime_distributions(), with_texts=False) + "\n"
