"""Build the one-folder bundle ``dist/second-opinion/`` from a clean checkout.

    python3 packaging/build.py            # build, then run packaging/check_bundle.sh (Linux)
    python3 packaging/build.py --no-check # build only
    python3 packaging/build.py --no-archive  # no dist/second-opinion-VERSION-linux-ARCH.tar.gz
    python3 packaging/build.py --deb      # also dist/second-opinion_VERSION_ARCH.deb, checked
                                          # by packaging/linux/check_deb.sh

Needs nothing but Python 3.11+ with venv: it makes its own build venv in ``build/venv-build``
(kept between runs; delete ``build/`` to start over), installs the app and PyInstaller into
it, and runs PyInstaller on ``packaging/second-opinion.spec``. PyInstaller is a build tool,
so it is installed here and never becomes a dependency of the app itself.

On Windows, when Inno Setup's ``ISCC.exe`` is on PATH, it also compiles the installer
(``packaging/windows/second-opinion.iss``) with the app's version.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BUILD = REPO / "build"
VENV = BUILD / "venv-build"
DIST = REPO / "dist"
BUNDLE = DIST / "second-opinion"
SPEC = HERE / "second-opinion.spec"
LICENSES = BUILD / "THIRD-PARTY-LICENSES"  # the spec puts it in second_opinion/resources

# Kept in step with the ``build`` extra proposed for pyproject.toml.
BUILD_REQUIREMENTS = ("pyinstaller>=6.10,<7", "pyinstaller-hooks-contrib>=2024.8")


def app_version() -> str:
    text = (REPO / "src" / "second_opinion" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if match is None:
        raise SystemExit("no __version__ in src/second_opinion/__init__.py")
    return match.group(1)


def venv_python() -> Path:
    if sys.platform == "win32":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def run(*cmd: str | os.PathLike[str], cwd: Path = REPO) -> None:
    sys.stderr.write("+ " + " ".join(str(c) for c in cmd) + "\n")
    subprocess.run([str(c) for c in cmd], cwd=cwd, check=True)


def make_venv() -> Path:
    python = venv_python()
    if not python.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    # A regular (not editable) install: the bundle is then built from exactly what a wheel
    # would ship, so a resource missing from the package data shows up here, not on a laptop.
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", *BUILD_REQUIREMENTS)
    # setuptools stages the wheel in build/lib and does not empty it: a module deleted from
    # src/ would otherwise come back from there into the bundle.
    for stale in (BUILD / "lib", *BUILD.glob("bdist.*")):
        shutil.rmtree(stale, ignore_errors=True)
    run(python, "-m", "pip", "install", "--quiet", ".")  # a local project is always reinstalled
    return python


# Libraries Qt's X11 plugin links to that many desktops lack (Qt 6.5+ needs xcb-cursor).
# When the build machine has them PyInstaller copies them into the bundle; when it does not,
# the bundle only opens a window where the user happens to have them.
XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
    "libxkbcommon-x11-0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-sync1 libxcb-xkb1 "
    # Wayland's client libraries, and GTK 3 for the GTK theme plugin (left to the desktop,
    # not bundled): --deb's dpkg-shlibdeps must find them to declare them.
    "libwayland-cursor0 libwayland-egl1 libgtk-3-0"
)


def warn_missing_linux_libraries(python: Path) -> None:
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return
    probe = subprocess.run(
        [
            str(python),
            "-c",
            "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    qt = Path(probe.stdout.strip()) / "Qt"
    missing: set[str] = set()
    for library in (
        qt / "plugins" / "platforms" / "libqxcb.so",
        qt / "lib" / "libQt6XcbQpa.so.6",
        qt / "lib" / "libQt6WaylandClient.so.6",
        qt / "plugins" / "platformthemes" / "libqgtk3.so",
    ):
        if not library.exists():
            continue
        listing = subprocess.run(["ldd", str(library)], capture_output=True, text=True).stdout
        missing.update(line.split()[0] for line in listing.splitlines() if "not found" in line)
    if missing:
        sys.stderr.write(
            "WARNING: this machine lacks libraries of Qt's X11 plugin: "
            + ", ".join(sorted(missing))
            + ".\nThe bundle will not carry them and opens no window on X11 desktops that lack"
            + " them too.\nInstall them before building (Debian/Ubuntu: apt-get install "
            + XCB_PACKAGES
            + ").\n"
        )


def add_linux_desktop_files(bundle: Path) -> None:
    """Put the menu entry, icons, AppStream metadata and install.sh beside the program."""
    share = bundle / "share"
    if share.exists():
        shutil.rmtree(share)
    linux = HERE / "linux"
    for pattern, folder in (("*.desktop", "applications"), ("*.metainfo.xml", "metainfo")):
        for source in linux.glob(pattern):
            (share / folder).mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, share / folder / source.name)
    shutil.copytree(HERE / "icons" / "hicolor", share / "icons" / "hicolor")
    shutil.copy2(linux / "install.sh", bundle / "install.sh")
    (bundle / "install.sh").chmod(0o755)


def drop_build_machine_runpaths(bundle: Path) -> None:
    """Remove RUNPATHs that name a folder of the build machine (pyenv's lib for Python's
    extension modules); the bootloader finds every library in the bundle without them, and
    on a user's machine such a path is at best missing and at worst someone else's."""
    chrpath = shutil.which("chrpath")
    elves = [p for p in bundle.rglob("*.so*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    foreign = []
    for path in elves:
        dynamic = subprocess.run(
            ["readelf", "-d", str(path)], capture_output=True, text=True, check=False
        ).stdout
        for found in re.findall(r"\((?:RPATH|RUNPATH)\).*\[(.*)\]", dynamic):
            if any(not part.startswith("$ORIGIN") for part in found.split(":") if part):
                foreign.append(path)
    if not foreign:
        return
    if chrpath is None:
        sys.stderr.write(
            f"WARNING: {len(foreign)} libraries keep a RUNPATH to a folder of this machine;"
            " install chrpath (apt-get install chrpath) to remove it\n"
        )
        return
    for path in foreign:
        subprocess.run([chrpath, "-d", str(path)], check=True, stdout=subprocess.DEVNULL)
    sys.stderr.write(f"Removed build-machine RUNPATHs from {len(foreign)} libraries\n")


def _is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def make_linux_archive(bundle: Path, version: str) -> Path:
    """dist/second-opinion-VERSION-linux-ARCH.tar.gz: unpack it anywhere and run install.sh."""
    import platform
    import tarfile

    name = f"second-opinion-{version}-linux-{platform.machine()}"
    archive = bundle.parent / f"{name}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=name)
    return archive


def write_licenses(python: Path, *targets: Path, bundle: Path | None = None) -> None:
    """THIRD-PARTY-LICENSES from the build venv's distributions (and, on Linux, the bundle's
    system libraries): see packaging/third_party_licenses.py."""
    outs: list[str | Path] = []
    for target in targets:
        outs += ["--out", target]
    if bundle is not None:
        outs += ["--bundle", bundle]
    run(python, HERE / "third_party_licenses.py", *outs)


def bundle_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_installer(version: str) -> None:
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if iscc is None:
        sys.stderr.write("Inno Setup (ISCC.exe) not on PATH: skipping the Windows installer\n")
        return
    run(iscc, f"/DAppVersion={version}", str(HERE / "windows" / "second-opinion.iss"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-check", action="store_true", help="skip check_bundle.sh")
    parser.add_argument("--no-archive", action="store_true", help="skip the Linux .tar.gz")
    parser.add_argument(
        "--deb", action="store_true", help="also build the Debian package (Debian/Ubuntu only)"
    )
    args = parser.parse_args(argv)

    version = app_version()
    python = make_venv()
    warn_missing_linux_libraries(python)
    write_licenses(python, LICENSES)
    run(
        python,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        DIST,
        "--workpath",
        BUILD / "pyinstaller",
        SPEC,
    )
    if sys.platform.startswith("linux"):
        drop_build_machine_runpaths(BUNDLE)
        add_linux_desktop_files(BUNDLE)
        # Again, now with the system libraries PyInstaller copied into the bundle.
        resources = BUNDLE / "_internal" / "second_opinion" / "resources"
        write_licenses(python, resources / LICENSES.name, bundle=BUNDLE)
        # Beside the program, where a person looks, as a link: the text is 1.7 MiB.
        top = BUNDLE / LICENSES.name
        top.unlink(missing_ok=True)
        top.symlink_to(Path("_internal", "second_opinion", "resources", LICENSES.name))
    elif BUNDLE.is_dir():  # Windows: beside the programs too, where a person looks
        shutil.copy2(LICENSES, BUNDLE / LICENSES.name)
    size_mib = bundle_size(BUNDLE) / (1024 * 1024)
    sys.stdout.write(f"Built {BUNDLE.relative_to(REPO)} (version {version}): {size_mib:.1f} MiB\n")
    if sys.platform.startswith("linux") and not args.no_archive:
        archive = make_linux_archive(BUNDLE, version)
        archive_mib = archive.stat().st_size / (1024 * 1024)
        sys.stdout.write(f"Archive {archive.relative_to(REPO)}: {archive_mib:.1f} MiB\n")

    if sys.platform == "win32":
        build_installer(version)
    if not args.no_check and sys.platform.startswith("linux"):
        run("bash", HERE / "check_bundle.sh", BUNDLE)
    if args.deb:
        # The system python3 is enough: make_deb.py needs only the standard library and
        # dpkg-dev's tools.
        run(sys.executable, HERE / "linux" / "make_deb.py", "--bundle", BUNDLE, "--out", DIST)
        if not args.no_check:
            run("bash", HERE / "linux" / "check_deb.sh")
    return 0


if __name__ == "__main__":
    sys.exit(main())
