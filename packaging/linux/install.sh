#!/bin/sh
# Install Second Opinion from this unpacked folder for the current user, or remove it again.
#
#   ./install.sh                 install into ~/.local (no root needed)
#   ./install.sh --prefix DIR    install into DIR (e.g. /usr/local, as root, for everyone)
#   ./install.sh --uninstall     remove what an install put there (your vault is never touched)
#
# The program goes to PREFIX/lib/second-opinion, a link to PREFIX/bin/second-opinion, and the
# menu entry, icons and software-centre metadata to PREFIX/share. The menu entry starts the
# program by its full path, so it works even where PREFIX/bin is not on PATH.
set -eu

ID="io.github.secondopinion.SecondOpinion"
HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX="$HOME/.local"
ACTION=install

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) PREFIX="$2"; shift 2 ;;
        --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
        --uninstall) ACTION=uninstall; shift ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

APPDIR="$PREFIX/lib/second-opinion"
BINLINK="$PREFIX/bin/second-opinion"
SHARE="$PREFIX/share"
DESKTOP="$SHARE/applications/$ID.desktop"
METAINFO="$SHARE/metainfo/$ID.metainfo.xml"

refresh_caches() {
    # Best effort: menus and icon themes pick the change up sooner; nothing depends on it.
    command -v update-desktop-database >/dev/null 2>&1 &&
        update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 &&
        gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
}

if [ "$ACTION" = uninstall ]; then
    rm -rf "$APPDIR"
    rm -f "$BINLINK" "$DESKTOP" "$METAINFO"
    find "$SHARE/icons/hicolor" -name "$ID.png" -delete 2>/dev/null || true
    find "$SHARE/icons/hicolor" -name "$ID.svg" -delete 2>/dev/null || true
    refresh_caches
    echo "Second Opinion was removed from $PREFIX. Your vault and its backups were not touched."
    exit 0
fi

if [ ! -x "$HERE/second-opinion" ] || [ ! -d "$HERE/share" ]; then
    echo "install.sh: run it from the unpacked Second Opinion folder" >&2
    exit 1
fi

# Copy into a fresh folder, then swap it in, so an interrupted upgrade never leaves half a
# program behind.
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo"
rm -rf "$APPDIR.new"
mkdir "$APPDIR.new"
cp -a "$HERE/second-opinion" "$HERE/_internal" "$APPDIR.new/"
rm -rf "$APPDIR"
mv "$APPDIR.new" "$APPDIR"
ln -sfn "$APPDIR/second-opinion" "$BINLINK"

sed -e "s|^Exec=.*|Exec=\"$APPDIR/second-opinion\"|" \
    -e "s|^TryExec=.*|TryExec=$APPDIR/second-opinion|" \
    "$HERE/share/applications/$ID.desktop" >"$DESKTOP"
cp "$HERE/share/metainfo/$ID.metainfo.xml" "$METAINFO"
(cd "$HERE/share" && find icons -type f) | while read -r icon; do
    mkdir -p "$(dirname "$SHARE/$icon")"
    cp "$HERE/share/$icon" "$SHARE/$icon"
done
refresh_caches

echo "Second Opinion was installed in $APPDIR."
echo "Start it from your applications menu, or run: $BINLINK"
