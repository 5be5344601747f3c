"""Build dist/second-opinion_VERSION_ARCH.deb from the one-folder bundle.

    python3 packaging/linux/make_deb.py [--bundle dist/second-opinion] [--out dist]
                                        [--version VERSION]

``packaging/build.py --deb`` runs it after building the bundle. ``--version`` exists for
the upgrade test (``check_deb.sh`` packs the same bundle as two versions); a release never
passes it: the version comes from ``src/second_opinion/__init__.py``.

The package installs the bundle in /opt/second-opinion, a link /usr/bin/second-opinion, the
menu entry, hicolor icons and AppStream metadata under /usr/share, THIRD-PARTY-LICENSES and
a Debian copyright file in /usr/share/doc/second-opinion, and a manual page. It has no
maintainer scripts: dpkg's triggers refresh the menu and icon caches, and nothing is made
outside the package's own files, so ``apt remove`` leaves nothing behind. A person's vault
(~/.local/share/second-opinion) is never the package's to touch.

Depends is what ``dpkg-shlibdeps`` finds the bundle's programs and libraries need from the
system and the bundle does not carry (libGL, libEGL, libc, ...), plus the data packages that
the bundled libraries read at run time (fonts and their configuration, keyboard layouts). The
GTK platform theme's libraries (native file dialogs) are Recommends: without them Qt shows its
own dialogs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import gzip
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGING = HERE.parent
REPO = PACKAGING.parent
APP_ID = "io.github.secondopinion.SecondOpinion"
PACKAGE = "second-opinion"
MAINTAINER = "The Second Opinion authors <second-opinion@users.noreply.github.com>"
HOMEPAGE = "https://github.com/secondopinion/second-opinion"

# Read at run time by libraries the bundle carries, so no ELF dependency names them:
# fontconfig's configuration and at least one font (Qt draws no text without them), the
# keyboard layouts libxkbcommon reads, and the MIME and icon-theme data of a desktop.
DATA_DEPENDS = ("fontconfig-config", "fonts-dejavu-core", "xkb-data")
RECOMMENDS = ("hicolor-icon-theme", "desktop-file-utils")
SUGGESTS = ("cups", "gnome-keyring | kwalletmanager")


def app_version() -> str:
    text = (REPO / "src" / "second_opinion" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if match is None:
        raise SystemExit("no __version__ in src/second_opinion/__init__.py")
    return match.group(1)


def release_date(version: str) -> dt.datetime:
    """The metainfo's date for this release (midday UTC), or now for an unlisted one."""
    metainfo = (HERE / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    match = re.search(rf'<release version="{re.escape(version)}" date="([0-9-]+)"', metainfo)
    if match is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    return dt.datetime.fromisoformat(match.group(1) + "T12:00:00+00:00")


def is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def gzip_to(source_text: str, target: Path) -> None:
    # -9n as dh_compress: no name or time in the header, so rebuilds are identical.
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as handle,
    ):
        handle.write(source_text.encode("utf-8"))


def stage(bundle: Path, root: Path, version: str) -> None:
    opt = root / "opt" / PACKAGE
    opt.mkdir(parents=True)
    shutil.copy2(bundle / PACKAGE, opt / PACKAGE)
    shutil.copytree(bundle / "_internal", opt / "_internal", symlinks=True)
    bindir = root / "usr" / "bin"
    bindir.mkdir(parents=True)
    # Absolute: /usr/bin and /opt are different top-level folders (Debian policy 10.5).
    (bindir / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")

    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(HERE / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir()
    shutil.copy2(HERE / f"{APP_ID}.metainfo.xml", share / "metainfo")
    shutil.copytree(PACKAGING / "icons" / "hicolor", share / "icons" / "hicolor")

    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copy2(bundle / "THIRD-PARTY-LICENSES", doc / "THIRD-PARTY-LICENSES")
    (doc / "copyright").write_text(copyright_file(), encoding="utf-8")
    gzip_to(debian_changelog(version), doc / "changelog.gz")
    gzip_to(
        (HERE / "second-opinion.1").read_text(encoding="utf-8"),
        share / "man" / "man1" / "second-opinion.1.gz",
    )
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    shutil.copy2(HERE / "lintian-overrides", overrides / PACKAGE)

    # The DejaVu fonts the app embeds in its PDFs: the system's copies from
    # fonts-dejavu-core (a Depends), as Debian wants one copy of a font on a system.
    fonts = opt / "_internal" / "second_opinion" / "resources" / "fonts"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        system = Path("/usr/share/fonts/truetype/dejavu") / name
        if system.is_file() and (fonts / name).is_file():
            (fonts / name).unlink()
            (fonts / name).symlink_to(system)

    # Debian's modes: folders 0755, files 0644, programs 0755. Shared libraries are not
    # programs (Policy 8.1); Qt and Python find them by path, never execute them.
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir() or path == opt / PACKAGE:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def copyright_file() -> str:
    year = dt.date.today().year
    return f"""Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Second Opinion
Upstream-Contact: {MAINTAINER}
Source: {HOMEPAGE}
Comment: The program in /opt/second-opinion is a PyInstaller bundle: the Python runtime,
 Qt (LGPL-3.0) and the other works it is built from, each under its own license. Their
 notices and license texts are in /usr/share/doc/second-opinion/THIRD-PARTY-LICENSES (also
 shown in the program under Help, About, Licenses), including how to replace the Qt
 libraries.

Files: *
Copyright: 2026-{year} The Second Opinion authors
License: GPL-3+

Files: opt/second-opinion/_internal/PySide6/*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3
 On Debian systems, the complete text of the GNU Lesser General Public License version 3
 can be found in "/usr/share/common-licenses/LGPL-3".

Files: opt/second-opinion/_internal/second_opinion/resources/fonts/*
Copyright: Bitstream, Inc.; Tavmjong Bah; DejaVu changes are in the public domain
License: Bitstream-Vera
 See /opt/second-opinion/_internal/second_opinion/resources/fonts/DejaVu-LICENSE.txt.

Files: opt/second-opinion/_internal/second_opinion/resources/icons/fa/*
Copyright: Fonticons, Inc.
License: CC-BY-4.0
 Font Awesome Free 5.15.4, https://fontawesome.com/license/free

License: GPL-3+
 This program is free software: you can redistribute it and/or modify it under the terms
 of the GNU General Public License as published by the Free Software Foundation, either
 version 3 of the License, or (at your option) any later version.
 .
 On Debian systems, the complete text of the GNU General Public License version 3 can be
 found in "/usr/share/common-licenses/GPL-3".
"""


def debian_changelog(version: str) -> str:
    when = email.utils.format_datetime(release_date(version))
    return (
        f"{PACKAGE} ({version}) stable; urgency=medium\n\n"
        f"  * Second Opinion {version}. The changes are listed in CHANGELOG.md in the\n"
        "    source, and in the program's AppStream metadata\n"
        f"    (/usr/share/metainfo/{APP_ID}.metainfo.xml).\n\n"
        f" -- {MAINTAINER}  {when}\n"
    )


def shlibdeps(root: Path) -> tuple[str, str]:
    """(Depends, Recommends) from dpkg-shlibdeps over every ELF file in the package."""
    opt = root / "opt" / PACKAGE
    elves = [p for p in opt.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    gtk = [p for p in elves if p.name == "libqgtk3.so"]
    others = [p for p in elves if p not in gtk]
    # Every folder of the bundle that holds libraries: a library found there is the
    # bundle's own and needs no package.
    private = sorted({str(p.parent) for p in elves})
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "debian").mkdir()
        (Path(work) / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n", encoding="utf-8"
        )
        command = ["dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=0"]
        command += [f"-l{d}" for d in private]
        command += ["-dDepends", *(f"-e{p}" for p in others)]
        command += ["-dRecommends", *(f"-e{p}" for p in gtk)]
        result = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        # Usually a library the bundle expects from the system is not installed here, so
        # its package cannot be named: install it (build.py's warning lists them).
        missing = sorted(set(re.findall(r"cannot find library (\S+)", result.stderr)))
        raise SystemExit(
            "dpkg-shlibdeps failed"
            + (f": this machine lacks {', '.join(missing)}" if missing else "")
            + "\n"
            + result.stderr[-2000:]
        )
    output = result.stdout
    fields = dict(line.split("=", 1) for line in output.splitlines() if line.startswith("shlibs:"))
    return fields.get("shlibs:Depends", ""), fields.get("shlibs:Recommends", "")


def control(root: Path, version: str) -> str:
    depends, recommends = shlibdeps(root)
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    size_kib = sum((p.lstat().st_size + 1023) // 1024 for p in root.rglob("*") if not p.is_dir())
    depends_all = ", ".join(x for x in (depends, *DATA_DEPENDS) if x)
    recommends_all = ", ".join(x for x in (recommends, *RECOMMENDS) if x)
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {depends_all}\n"
        f"Recommends: {recommends_all}\n"
        f"Suggests: {', '.join(SUGGESTS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Homepage: {HOMEPAGE}\n"
        "Description: organise a medical second opinion in one encrypted file\n"
        " Second Opinion helps a patient, or the person caring for them, get a medical\n"
        " second opinion: the doctors and other contacts, which medical records were\n"
        " requested from and sent to whom, the questions to ask, the visits and the\n"
        " opinions received, with a step-by-step guide.\n"
        " .\n"
        " Everything is kept in one SQLCipher-encrypted file in the user's own data\n"
        " folder; the program needs no account and no network. It prints visit packets\n"
        " and records request letters as PDF.\n"
    )


def md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}")
    return "\n".join(lines) + "\n"


def build_deb(bundle: Path, out: Path, version: str) -> Path:
    for needed in (bundle / PACKAGE, bundle / "_internal", bundle / "THIRD-PARTY-LICENSES"):
        if not needed.exists():
            raise SystemExit(f"{needed} is missing: run python3 packaging/build.py first")
    work = REPO / "build" / "deb"
    root = work / f"{PACKAGE}_{version}"
    if root.exists():
        shutil.rmtree(root)
    stage(bundle, root, version)
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(root, version), encoding="utf-8")
    (debian / "md5sums").write_text(md5sums(root), encoding="utf-8")
    for path in debian.iterdir():
        path.chmod(0o644)
    out.mkdir(parents=True, exist_ok=True)
    arch = re.search(r"^Architecture: (\S+)", (debian / "control").read_text(), re.M)
    assert arch is not None
    deb = out / f"{PACKAGE}_{version}_{arch.group(1)}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / PACKAGE)
    parser.add_argument("--out", type=Path, default=REPO / "dist")
    parser.add_argument("--version", default=None, help="only for tests (check_deb.sh)")
    args = parser.parse_args(argv)
    deb = build_deb(args.bundle.resolve(), args.out.resolve(), args.version or app_version())
    size = deb.stat().st_size / (1024 * 1024)
    sys.stdout.write(f"Debian package {deb}: {size:.1f} MiB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
