#!/usr/bin/env bash
# Install, run, upgrade and remove the Debian package on a fresh Debian 12, and print what
# worked. Run as root on a Debian-like machine with debootstrap (apt-get install debootstrap)
# and network access to a Debian mirror:
#
#   bash packaging/linux/check_deb.sh [DEB]        (default: dist/second-opinion_VERSION_*.deb)
#
# The "fresh Debian 12" is a minimal debootstrap of bookworm, made once and kept as
# build/deb-test-root.tar (delete it to start over); every run unpacks a new copy, so the
# machine running the check is never changed. In that copy it:
#   1. runs lintian on the package (errors and warnings fail; overrides are explained in
#      packaging/README-packaging.md);
#   2. installs it with `apt-get install ./second-opinion_*.deb`, which must pull in every
#      library the package declares, and checks the files land where a desktop looks;
#   3. as an ordinary user, puts the vault made by 0.1.0 (tests/fixtures/vault-0.1.0) in
#      ~/.local/share/second-opinion, and runs --version, check, demo into another folder,
#      export-packet and the window offscreen, all before anything else is installed;
#   4. installs Xvfb (and only then) and opens the window on a real X server, with a
#      screenshot in build/deb-check/;
#   5. upgrades to the same bundle packed as version 0.2.0~test and checks that the
#      person's ~/.local/share/second-opinion is byte for byte what it was, then opens it;
#   6. removes the package (apt-get remove, then purge) and checks that none of its files
#      remain while the person's data does.
# Ends with "N passed, M failed" and exits non-zero when anything failed.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$REPO/src/second_opinion/__init__.py")"
DEB="${1:-$(ls "$REPO"/dist/second-opinion_"$VERSION"_*.deb 2>/dev/null | head -1)}"
[ -f "$DEB" ] || { echo "no .deb: run python3 packaging/build.py --deb first" >&2; exit 2; }
DEB="$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CACHE="$REPO/build/deb-test-root.tar"
SHOTS="${SHOTS_DIR:-$REPO/build/deb-check}"
FIXTURE="$REPO/tests/fixtures/vault-0.1.0"
FIXTURE_PASSPHRASE="$(sed -n 's/.*"passphrase": "\(.*\)".*/\1/p' "$FIXTURE/expected.json")"
PASSPHRASE="plum kettle orbit seventeen"

[ "$(id -u)" -eq 0 ] || { echo "check_deb.sh must run as root (chroot)" >&2; exit 2; }
# Everything mounted below vanishes with this private mount namespace.
if [ -z "${CHECK_DEB_UNSHARED:-}" ]; then
    exec unshare --mount --propagation private env CHECK_DEB_UNSHARED=1 bash "$0" "$@"
fi

passed=0
failed=0
ok() { echo "PASS  $1"; passed=$((passed + 1)); }
bad() {
    echo "FAIL  $1"
    [ -n "${2:-}" ] && sed 's/^/      | /' <<<"$2" | tail -25
    failed=$((failed + 1))
}

# --- lintian -----------------------------------------------------------------------------
if command -v lintian >/dev/null; then
    tags="$(lintian --display-info --show-overrides "$DEB" 2>&1 | grep -E '^[EWIPXO]: ')"
    summary="$(sed 's/ \[.*//' <<<"$tags" | sort | uniq -c | sort -rn)"
    if grep -Eq "^[EW]: " <<<"$tags"; then
        bad "lintian: errors or warnings" "$(grep -E '^[EW]: ' <<<"$tags")"
    else
        ok "lintian: no errors or warnings ($(grep -c '^[IPX]: ' <<<"$tags") info tags, $(grep -c '^O: ' <<<"$tags") overridden)"
    fi
    sed 's/^/      /' <<<"$summary" | head -20
else
    echo "NOTE  lintian not installed (apt-get install lintian): not run"
fi

# --- a fresh Debian 12 -------------------------------------------------------------------
if [ ! -f "$CACHE" ]; then
    command -v debootstrap >/dev/null || { echo "apt-get install debootstrap" >&2; exit 2; }
    echo "Making a minimal Debian 12 (debootstrap, once; kept in $CACHE)..."
    tmp="$(mktemp -d /tmp/so-deb-bootstrap.XXXXXX)"
    debootstrap --variant=minbase bookworm "$tmp" "$MIRROR" >/dev/null || exit 2
    tar -C "$tmp" -cf "$CACHE" . && rm -rf "$tmp"
fi
ROOT="$(mktemp -d /tmp/so-deb-root.XXXXXX)"
cleanup() {
    # Unmount first, and never let rm cross into another file system: nothing of this
    # machine is reachable from the copy.
    umount -R "$ROOT/proc" "$ROOT/dev" "$ROOT/tmp" 2>/dev/null
    rm -rf --one-file-system "$ROOT"
}
trap cleanup EXIT
tar -C "$ROOT" -xf "$CACHE"
mount -t proc proc "$ROOT/proc"
# A /dev of its own (never a bind mount of this machine's): the few nodes apt, the app and
# Xvfb use, made on a tmpfs that vanishes with the copy.
mount -t tmpfs -o mode=755 tmpfs "$ROOT/dev"
for node in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
    IFS=: read -r name major minor <<<"$node"
    mknod -m 666 "$ROOT/dev/$name" c "$major" "$minor"
done
mkdir -p "$ROOT/dev/pts" "$ROOT/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$ROOT/dev/pts"
ln -s pts/ptmx "$ROOT/dev/ptmx"
mount -t tmpfs -o mode=1777 tmpfs "$ROOT/dev/shm"
ln -s /proc/self/fd "$ROOT/dev/fd"
ln -s /proc/self/fd/0 "$ROOT/dev/stdin"
ln -s /proc/self/fd/1 "$ROOT/dev/stdout"
ln -s /proc/self/fd/2 "$ROOT/dev/stderr"
mount -t tmpfs tmpfs "$ROOT/tmp"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mkdir -p "$SHOTS"

# inroot [USER] -- COMMAND: run a shell command in the fresh system, as root or as USER.
inroot() {
    local user=root
    if [ "$1" != "--" ]; then user="$1"; shift; fi
    shift
    chroot "$ROOT" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
        HOME="$([ "$user" = root ] && echo /root || echo "/home/$user")" LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive \
        /usr/sbin/runuser -u "$user" -- /bin/bash -c "$1"
}

cp "$DEB" "$ROOT/tmp/second-opinion.deb"
inroot -- "apt-get update -qq" >/dev/null 2>&1
inroot -- "useradd -m zoe"

# --- install -----------------------------------------------------------------------------
out="$(inroot -- "apt-get install -y -q /tmp/second-opinion.deb" 2>&1)"
rc=$?
if [ $rc -eq 0 ]; then
    pulled="$(grep -c '^Setting up ' <<<"$out")"
    ok "apt-get install ./$(basename "$DEB") on a fresh Debian 12 (pulled in $((pulled - 1)) packages)"
else
    bad "apt-get install (exit $rc)" "$out"
fi
ID="io.github.secondopinion.SecondOpinion"
problems=""
for f in /opt/second-opinion/second-opinion /usr/bin/second-opinion \
    /usr/share/applications/$ID.desktop /usr/share/metainfo/$ID.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/$ID.svg /usr/share/icons/hicolor/256x256/apps/$ID.png \
    /usr/share/doc/second-opinion/copyright /usr/share/doc/second-opinion/THIRD-PARTY-LICENSES \
    /opt/second-opinion/_internal/second_opinion/resources/THIRD-PARTY-LICENSES \
    /usr/share/man/man1/second-opinion.1.gz; do
    # (-L: /usr/bin/second-opinion is a link to /opt inside the copy, not on this machine)
    [ -e "$ROOT$f" ] || [ -L "$ROOT$f" ] || problems+="$f missing; "
done
missing_libs="$(inroot -- "cd /opt/second-opinion/_internal && for f in \$(find . -name '*.so*' -type f); do LD_LIBRARY_PATH=/opt/second-opinion/_internal:/opt/second-opinion/_internal/PySide6/Qt/lib ldd \$f 2>/dev/null | grep 'not found' | sed \"s|^|\$f: |\"; done" | grep -v "libqgtk3\|libgtk-3\|libgdk-3" | sort -u | head -20)"
[ -z "$missing_libs" ] || problems+="libraries not found: $missing_libs; "
if [ -z "$problems" ]; then
    ok "files in place (/opt, /usr/bin, menu entry, icons, metainfo, copyright, licenses, manual); every library resolves"
else
    bad "installed files" "$problems"
fi

# --- run as a person would ---------------------------------------------------------------
DATA=/home/zoe/.local/share/second-opinion
mkdir -p "$ROOT$DATA"
cp -a "$FIXTURE/vault/." "$ROOT$DATA/"
inroot -- "chown -R zoe:zoe /home/zoe/.local && chmod 700 $DATA && chmod 600 $DATA/*"
out="$(inroot zoe -- "second-opinion --version" 2>&1)"
[ "$out" = "Second Opinion $VERSION" ] && ok "--version: $out" || bad "--version" "$out"
out="$(printf '%s\n' "$FIXTURE_PASSPHRASE" | inroot zoe -- "second-opinion --pw-stdin check" 2>&1)"
rc=$?
[ $rc -eq 0 ] && ok "check on the 0.1.0 vault in ~/.local/share/second-opinion: $out" ||
    bad "check on the 0.1.0 vault (exit $rc)" "$out"
out="$(printf '%s\n' "$PASSPHRASE" | inroot zoe -- "QT_QPA_PLATFORM=offscreen second-opinion --data-dir ~/demo --pw-stdin demo && second-opinion --data-dir ~/demo --pw-stdin check <<<'$PASSPHRASE' && QT_QPA_PLATFORM=offscreen second-opinion --data-dir ~/demo --pw-stdin export-packet --visit next --out ~/packet.pdf <<<'$PASSPHRASE' && head -c 5 ~/packet.pdf && grep -ac DejaVuSans ~/packet.pdf" 2>&1)"
rc=$?
if [ $rc -eq 0 ] && grep -q "%PDF-" <<<"$out"; then
    ok "demo, check and export-packet in a new folder (a PDF with DejaVu Sans, the system's copy, embedded)"
else
    bad "demo/check/export-packet (exit $rc)" "$out"
fi
out="$(inroot zoe -- "QT_QPA_PLATFORM=offscreen timeout 8 second-opinion; echo exit=\$?" 2>&1)"
if grep -q "exit=124" <<<"$out" && ! grep -Eq "Traceback|could not load the Qt platform plugin" <<<"$out"; then
    ok "the window (offscreen) stays up on the vault with only the package's dependencies"
else
    bad "the window offscreen" "$out"
fi

# --- the window on a real X server -------------------------------------------------------
out="$(inroot -- "apt-get install -y -q --no-install-recommends xvfb x11-utils xdotool x11-apps netpbm" 2>&1)" ||
    echo "NOTE  could not install Xvfb in the fresh system: $(tail -1 <<<"$out")"
if [ -x "$ROOT/usr/bin/Xvfb" ]; then
    out="$(inroot zoe -- "Xvfb :7 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=\$!; sleep 1
        DISPLAY=:7 QT_QPA_PLATFORMTHEME=gtk3 QT_DEBUG_PLUGINS=1 second-opinion >/tmp/app.log 2>&1 & app=\$!; sleep 8
        DISPLAY=:7 xwininfo -root -tree | grep -o '\"Second Opinion[^\"]*\"' | sort -u
        DISPLAY=:7 xdotool search --sync --name 'Second Opinion' windowactivate --sync 2>/dev/null
        DISPLAY=:7 xdotool type --delay 20 '$FIXTURE_PASSPHRASE'; DISPLAY=:7 xdotool key Return; sleep 8
        DISPLAY=:7 xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > /tmp/deb-xcb-unlocked.png 2>/dev/null
        kill -0 \$app && echo still-running; kill \$app \$xvfb
        grep -q 'libqgtk3.so' /tmp/app.log && ! grep -Eq 'Cannot load library .*libqgtk3|undefined symbol' /tmp/app.log && echo gtk-theme-loaded
        grep -Ev 'QFactoryLoader|Found metadata|Got keys|checking directory|looking at|qt.core.plugin|^ *\"|^\\s*[{}]|IID|MetaData|className|archreq|debug|version' /tmp/app.log | head -20" 2>&1)"
    cp "$ROOT/tmp/deb-xcb-unlocked.png" "$SHOTS/" 2>/dev/null &&
        echo "      screenshot: $SHOTS/deb-xcb-unlocked.png"
    if grep -q '"Second Opinion' <<<"$out" && grep -q still-running <<<"$out" &&
        ! grep -Eq "Traceback|ERROR" <<<"$out"; then
        ok "the window on X11 (Xvfb) shows, unlocks the 0.1.0 vault with the typed passphrase: $(grep -o '"Second Opinion[^"]*"' <<<"$out" | head -2 | tr '\n' ' ')"
        if [ -e "$ROOT/usr/lib/x86_64-linux-gnu/libgtk-3.so.0" ]; then
            grep -q gtk-theme-loaded <<<"$out" &&
                ok "the GTK 3 platform theme (native file dialogs) loads with the system's GTK (a Recommends)" ||
                bad "the GTK 3 platform theme did not load" "$out"
        fi
    else
        bad "the window on X11 (Xvfb)" "$out"
    fi
fi

# --- upgrade 0.1 -> 0.2 keeps the person's data ------------------------------------------
snapshot() { inroot -- "cd $DATA && find . -type f -print0 | sort -z | xargs -0 sha256sum; stat -c '%n %a' . *"; }
before="$(snapshot)"
UP="$ROOT/tmp/upgrade"
mkdir -p "$UP"
# The same bundle packed as the next version: dpkg's upgrade path (unpack the new files,
# remove the old ones that are gone) is what is tested, not a second build.
python3 "$HERE/make_deb.py" --bundle "$REPO/dist/second-opinion" --out "$UP" \
    --version 0.2.0~test >/dev/null
out="$(inroot -- "apt-get install -y -q /tmp/upgrade/second-opinion_0.2.0~test_*.deb && dpkg-query -W second-opinion" 2>&1)"
rc=$?
after="$(snapshot)"
if [ $rc -eq 0 ] && grep -q "0.2.0~test" <<<"$out" && [ "$before" = "$after" ] && [ -n "$before" ]; then
    ok "upgrade $VERSION -> 0.2.0~test leaves ~/.local/share/second-opinion byte for byte as it was ($(grep -c '\./' <<<"$before") files)"
else
    bad "upgrade (exit $rc)" "$out
$(diff <(echo "$before") <(echo "$after"))"
fi
out="$(printf '%s\n' "$FIXTURE_PASSPHRASE" | inroot zoe -- "second-opinion --pw-stdin check" 2>&1)"
[ $? -eq 0 ] && ok "after the upgrade the vault still opens: $out" || bad "check after upgrade" "$out"

# --- remove ------------------------------------------------------------------------------
owned="$(inroot -- "dpkg-query -L second-opinion")"
out="$(inroot -- "apt-get remove -y -q second-opinion" 2>&1)"
rc=$?
# Whatever of the package's paths still exists must be a folder another package owns.
printf '%s\n' "$owned" >"$ROOT/tmp/owned.txt"
left="$(inroot -- 'while read -r p; do
    [ -n "$p" ] && [ "$p" != /. ] && { [ -e "$p" ] || [ -L "$p" ]; } || continue
    if [ -d "$p" ] && [ ! -L "$p" ] && dpkg-query -S "$p" >/dev/null 2>&1; then continue; fi
    echo "$p"; done </tmp/owned.txt')"
stray="$(inroot -- "find / -xdev \( -path /proc -o -path /tmp -o -path /home -o -path /var -o -path /root \) -prune -o -iname '*second*opinion*' -print -o -iname '$ID*' -print")"
if [ $rc -eq 0 ] && [ -z "$left" ] && [ -z "$stray" ]; then
    ok "apt-get remove leaves none of the package's $(wc -l <<<"$owned") paths behind"
else
    bad "apt-get remove (exit $rc)" "left: $left
stray: $stray"
fi
out="$(inroot -- "apt-get purge -y -q second-opinion >/dev/null 2>&1; dpkg-query -W -f='\${Status}' second-opinion 2>&1")"
grep -Eq "not-installed|no packages found" <<<"$out" && ok "purge: dpkg no longer knows the package" ||
    bad "purge" "$out"
[ "$(snapshot)" = "$before" ] && ok "the person's ~/.local/share/second-opinion is untouched by remove and purge" ||
    bad "the person's data changed on removal"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
