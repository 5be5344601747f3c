#!/usr/bin/env bash
# The bundle check for Windows and macOS runners (check_bundle.sh is Linux's, with mount
# namespaces and X11): run the frozen program as a person would and print what worked.
#
#   bash packaging/check_bundle_smoke.sh PROGRAM
#     Windows: dist/second-opinion/second-opinion-cli.exe
#     macOS:   "dist/Second Opinion.app/Contents/MacOS/second-opinion"
#
# Checks --version, demo into a new folder with a non-ASCII name, check, a wrong passphrase,
# export-packet (a PDF with DejaVu Sans embedded), the license notices in the bundle, and the
# window started offscreen for a few seconds. Ends with "N passed, M failed".
set -uo pipefail
EXE="$1"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$REPO/src/second_opinion/__init__.py")"
WORK="$(mktemp -d)"
PASSPHRASE="plum kettle orbit seventeen"
passed=0
failed=0
ok() { echo "PASS  $1"; passed=$((passed + 1)); }
bad() { echo "FAIL  $1"; [ -n "${2:-}" ] && sed 's/^/      | /' <<<"$2" | head -20; failed=$((failed + 1)); }
export QT_QPA_PLATFORM=offscreen

out="$("$EXE" --version 2>&1 | tr -d '\r')"
[ "$out" = "Second Opinion $VERSION" ] && ok "--version: $out" || bad "--version" "$out"
VAULT="$WORK/Demo vault – Zoë"
out="$(printf '%s\n' "$PASSPHRASE" | "$EXE" --data-dir "$VAULT" --pw-stdin demo 2>&1)"
[ $? -eq 0 ] && ok "demo" || bad "demo" "$out"
out="$(printf '%s\n' "$PASSPHRASE" | "$EXE" --data-dir "$VAULT" --pw-stdin check 2>&1)"
[ $? -eq 0 ] && ok "check: $out" || bad "check" "$out"
out="$(printf '%s\n' "wrong passphrase" | "$EXE" --data-dir "$VAULT" --pw-stdin check 2>&1)"
rc=$?
[ $rc -eq 3 ] && ! grep -q Traceback <<<"$out" && ok "a wrong passphrase is refused (exit 3)" ||
    bad "wrong passphrase (exit $rc)" "$out"
out="$(printf '%s\n' "$PASSPHRASE" | "$EXE" --data-dir "$VAULT" --pw-stdin export-packet --visit next --out "$WORK/packet.pdf" 2>&1)"
if [ $? -eq 0 ] && grep -aq DejaVuSans "$WORK/packet.pdf"; then
    ok "export-packet writes a PDF with DejaVu Sans"
else
    bad "export-packet" "$out"
fi
licenses="$(find "$(dirname "$EXE")/.." "$(dirname "$EXE")" -name THIRD-PARTY-LICENSES -path '*second_opinion*' 2>/dev/null | head -1)"
if [ -n "$licenses" ] && grep -q "GNU LESSER GENERAL PUBLIC LICENSE" "$licenses" &&
    grep -q "ZETETIC" "$licenses" && grep -q "DejaVu" "$licenses"; then
    ok "THIRD-PARTY-LICENSES in the bundle, with Qt's LGPL, SQLCipher and DejaVu"
else
    bad "THIRD-PARTY-LICENSES missing or incomplete (${licenses:-not found})"
fi
"$EXE" --data-dir "$VAULT" </dev/null >"$WORK/gui.log" 2>&1 &
pid=$!
sleep 10
if kill -0 "$pid" 2>/dev/null && ! grep -q Traceback "$WORK/gui.log"; then
    ok "the window (offscreen) stayed up for 10 s"
else
    bad "the window (offscreen)" "$(cat "$WORK/gui.log")"
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
rm -rf "$WORK"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
