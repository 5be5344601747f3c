#!/usr/bin/env bash
# Run the frozen bundle the way a laptop without Python would, and print what worked.
#
#   bash packaging/check_bundle.sh [BUNDLE_DIR]      (default: dist/second-opinion)
#
# Every run starts from an empty environment (env -i); only QT_QPA_PLATFORM=offscreen is set
# where a window opens, and the passphrase comes through stdin with --pw-stdin. Where this
# shell may make a private mount namespace (root, or a user namespace), every Python
# installation on the machine, the build venvs and the source tree are hidden from the app
# while it runs, so a bundle that quietly leans on them fails here rather than on a laptop.
#
# Checks: --version, demo into a new folder (with a non-ASCII name), check, export-packet,
# the GUI started offscreen on the demo vault (unlock page) and on an empty folder (welcome
# page); with Xvfb installed also the real X11 (xcb) platform plugin, with a screenshot.
# Ends with "N passed, M failed" and exits non-zero when anything failed.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
BUNDLE="$(cd "${1:-$REPO/dist/second-opinion}" 2>/dev/null && pwd)" || {
    echo "no bundle at ${1:-$REPO/dist/second-opinion}: run python3 packaging/build.py first" >&2
    exit 2
}
EXE="$BUNDLE/second-opinion"
WORK="$(mktemp -d /tmp/so-bundle-check.XXXXXX)"
SHOTS="${SHOTS_DIR:-$WORK}"
PASSPHRASE="plum kettle orbit seventeen"
GUI_SECONDS="${GUI_SECONDS:-8}"
passed=0
failed=0

VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$REPO/src/second_opinion/__init__.py")"

cleanup() {
    [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

ok() { echo "PASS  $1"; passed=$((passed + 1)); }
bad() {
    echo "FAIL  $1"
    [ -n "${2:-}" ] && sed 's/^/      | /' <<<"$2" | head -20
    failed=$((failed + 1))
}

# --- hiding Python -----------------------------------------------------------------------
HIDE_SCRIPT=""
hide_python_script() {
    local script="" path
    # Files first, at their real path (a bind mount follows symlinks), each once; then the
    # folders, which may hold some of those files.
    for path in $(readlink -e /usr/bin/python* /usr/local/bin/python* /usr/lib/*/libpython3* |
        sort -u); do
        [ -f "$path" ] && script+="mount --bind /dev/null '$path' || exit 97; "
    done
    for path in /usr/lib/python3* /usr/local/lib/python3* /root/.pyenv /opt/python* \
        "$REPO/.venv" "$REPO/build/venv-build" "$REPO/src"; do
        [ -d "$path" ] && script+="mount -t tmpfs none '$path' || exit 97; "
    done
    echo "$script"
}
if unshare --mount --propagation private true 2>/dev/null; then
    HIDE_SCRIPT="$(hide_python_script)"
    echo "Python installations, build venvs and src/ are hidden from the app during the checks."
else
    echo "NOTE  cannot make a private mount namespace here: Python stays visible to the app."
fi

# app VAR=VALUE... -- ARGS...: run the bundle with only the given variables set.
app() {
    local vars=()
    while [ "$1" != "--" ]; do vars+=("$1"); shift; done
    shift
    if [ -n "$HIDE_SCRIPT" ]; then
        unshare --mount --propagation private bash -c \
            "$HIDE_SCRIPT exec env -i \"\$@\"" hide "${vars[@]}" "$EXE" "$@"
    else
        env -i "${vars[@]}" "$EXE" "$@"
    fi
}

echo "Bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"

# --- command line ------------------------------------------------------------------------
out="$(app -- --version 2>&1)"
if [ "$out" = "Second Opinion $VERSION" ]; then
    ok "--version prints '$out'"
else
    bad "--version (expected 'Second Opinion $VERSION')" "$out"
fi

VAULT="$WORK/Demo vault – Zoë"
out="$(printf '%s\n' "$PASSPHRASE" | app QT_QPA_PLATFORM=offscreen -- --data-dir "$VAULT" --pw-stdin demo 2>&1)"
rc=$?
if [ $rc -eq 0 ] && [ -n "$(ls -A "$VAULT" 2>/dev/null)" ]; then
    ok "demo creates a vault in a new folder ($(ls "$VAULT" | tr '\n' ' '))"
else
    bad "demo (exit $rc)" "$out"
fi

out="$(printf '%s\n' "$PASSPHRASE" | app -- --data-dir "$VAULT" --pw-stdin check 2>&1)"
rc=$?
if [ $rc -eq 0 ]; then ok "check: $out"; else bad "check (exit $rc)" "$out"; fi

out="$(printf '%s\n' "wrong passphrase" | app -- --data-dir "$VAULT" --pw-stdin check 2>&1)"
rc=$?
if [ $rc -ne 0 ] && [ $rc -ne 97 ] && grep -q "^second-opinion: " <<<"$out" &&
    ! grep -q Traceback <<<"$out"; then
    ok "a wrong passphrase is refused with a message (exit $rc): $out"
else
    bad "wrong passphrase (exit $rc)" "$out"
fi

PACKET="$WORK/visit packet.pdf"
out="$(printf '%s\n' "$PASSPHRASE" |
    app QT_QPA_PLATFORM=offscreen -- --data-dir "$VAULT" --pw-stdin export-packet --visit next --out "$PACKET" 2>&1)"
rc=$?
if [ $rc -eq 0 ] && [ "$(head -c 5 "$PACKET" 2>/dev/null)" = "%PDF-" ]; then
    size=$(stat -c %s "$PACKET")
    if grep -aq "DejaVuSans" "$PACKET"; then
        ok "export-packet writes a PDF with DejaVu Sans embedded ($size bytes)"
    else
        bad "export-packet: the PDF does not embed DejaVu Sans ($size bytes)" "$out"
    fi
    [ -d "${SHOTS_DIR:-}" ] && cp "$PACKET" "$SHOTS_DIR/bundle-packet.pdf"
else
    bad "export-packet (exit $rc)" "$out"
fi

# --- the GUI -----------------------------------------------------------------------------
# gui_stays_up NAME VARS... -- ARGS...: start the window, let it run, expect it still running
# with no Python traceback and no Qt plugin failure, then close it.
gui_stays_up() {
    local name="$1" log="$WORK/gui.log" pid
    shift
    app "$@" </dev/null >"$log" 2>&1 &
    pid=$!
    sleep "$GUI_SECONDS"
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        if grep -Eq "Traceback|could not load the Qt platform plugin|Could not find the Qt platform" "$log"; then
            bad "$name: errors while running" "$(cat "$log")"
        else
            ok "$name: the window stayed up for ${GUI_SECONDS}s without errors"
        fi
    else
        wait "$pid"
        bad "$name: the app quit (exit $?)" "$(cat "$log")"
    fi
}

gui_stays_up "GUI offscreen on the demo vault (unlock page)" \
    QT_QPA_PLATFORM=offscreen -- --data-dir "$VAULT"
gui_stays_up "GUI offscreen on an empty folder (welcome page)" \
    QT_QPA_PLATFORM=offscreen -- --data-dir "$WORK/first run"

# A real X server, when there is one to start: proves the xcb plugin and its libraries load
# from the bundle, and leaves a screenshot to look at.
if command -v Xvfb >/dev/null && command -v xwininfo >/dev/null; then
    display=":$((90 + RANDOM % 100))"
    Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    sleep 1
    log="$WORK/xcb.log"
    app DISPLAY="$display" QT_QPA_PLATFORM=xcb -- --data-dir "$VAULT" </dev/null >"$log" 2>&1 &
    pid=$!
    sleep "$GUI_SECONDS"
    titles="$(DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -o '"Second Opinion[^"]*"' | sort -u)"
    if kill -0 "$pid" 2>/dev/null && [ -n "$titles" ] && ! grep -q Traceback "$log"; then
        ok "GUI on X11 (xcb) shows its window: $(tr '\n' ' ' <<<"$titles")"
        if command -v xwd >/dev/null && command -v xwdtopnm >/dev/null; then
            DISPLAY="$display" xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >"$SHOTS/bundle-xcb.png" 2>/dev/null &&
                echo "      screenshot: $SHOTS/bundle-xcb.png"
        fi
    else
        bad "GUI on X11 (xcb)" "$(cat "$log")"
    fi
    kill -TERM "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    kill "$XVFB_PID" 2>/dev/null
    wait "$XVFB_PID" 2>/dev/null
    XVFB_PID=""
else
    echo "NOTE  Xvfb not installed: the X11 (xcb) check was not run."
fi

echo "Bundle size: $(du -sh "$BUNDLE" | cut -f1) in $(find "$BUNDLE" -type f | wc -l) files"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
