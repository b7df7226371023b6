#!/usr/bin/env bash
# The Linux installer, tried as a shop would: builds the .deb, installs it with dpkg -i, checks the menu entry and its
# icon, starts the till from the installed launcher on a virtual display until its window shows, removes the package,
# and checks that the till's data folder is still there. Run by .ci/run after the tests; needs root (or sudo),
# fakeroot, xdg-utils, Xvfb and xdotool, which .ci/run installs.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root=()
[ "$(id -u)" = 0 ] || as_root=(sudo)

packaging/build-app-image.sh deb
deb=$(ls target/dist/scantill_*.deb)
# What a desktop system has and a bare container lacks: where menus are registered.
"${as_root[@]}" mkdir -p /usr/share/applications /usr/share/desktop-directories /etc/xdg/menus
"${as_root[@]}" dpkg -i "$deb"

fail() { echo "test-deb: $*" >&2; exit 1; }
[ -x /opt/scantill/bin/ScanTill ] || fail "no launcher at /opt/scantill/bin/ScanTill"
[ -x /opt/scantill/bin/scantill-store ] || fail "no store service launcher at /opt/scantill/bin/scantill-store"
entry=$(grep -l "^Exec=/opt/scantill/bin/ScanTill" /usr/share/applications/*.desktop 2>/dev/null | head -1)
[ -n "$entry" ] || fail "no menu entry for ScanTill in /usr/share/applications"
icon=$(sed -n 's/^Icon=//p' "$entry")
[ -f "$icon" ] || fail "the menu entry's icon $icon is missing"
[ -f /opt/scantill/lib/app/scantill.jsa ] || fail "the installer made no class data archive (postinst)"
for service in $(grep -l "^Exec=/opt/scantill/bin/scantill-store" /usr/share/applications/*.desktop 2>/dev/null); do
  grep -q "^NoDisplay=true" "$service" || fail "the headless store service shows in the menu ($service)"
done

home=$(mktemp -d)
display=":$((80 + RANDOM % 9))"
Xvfb "$display" -screen 0 1024x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
DISPLAY="$display" SCANTILL_HOME="$home" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$home/classes.log" \
  /opt/scantill/bin/ScanTill >/dev/null 2>&1 &
till=$!
for _ in $(seq 600); do
  DISPLAY="$display" xdotool search --onlyvisible --name "ScanTill" >/dev/null 2>&1 && break
  kill -0 "$till" 2>/dev/null || fail "the installed till stopped before its window showed"
  sleep 0.1
done
DISPLAY="$display" xdotool search --onlyvisible --name "ScanTill" >/dev/null 2>&1 || fail "no window from the installed till"
# The till's screen, not only the starting one: the training ledger is made in the data folder.
for _ in $(seq 300); do [ -d "$home/training/ledger" ] && break; sleep 0.1; done
[ -d "$home/training/ledger" ] || fail "the installed till made no ledger in its data folder"
kill "$till"; wait "$till" 2>/dev/null || true
grep -q "com.scantill.ui.ScanTillApplication source: shared objects file" "$home/classes.log" \
  || fail "the installed till did not take its classes from the class data archive"

"${as_root[@]}" dpkg -r scantill
[ ! -e /opt/scantill ] || fail "/opt/scantill is still there after removing the package"
! grep -l "^Exec=/opt/scantill/bin/ScanTill" /usr/share/applications/*.desktop >/dev/null 2>&1 || fail "the menu entry is still there"
[ -d "$home/training/ledger" ] || fail "removing the package took the till's data folder"
echo "test-deb: installed with dpkg -i, menu entry and icon, class data archive used, started, removed; the data folder stayed"
