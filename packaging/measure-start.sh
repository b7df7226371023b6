#!/usr/bin/env bash
# Measures how soon ScanTill's window shows, and its resident memory, against a bare JavaFX window (one Label) on the
# same JDK 17 and the app image's own OpenJFX: alternating, RUNS runs each, on a virtual display (Xvfb). ScanTill starts
# by its launcher, the bare window by this machine's java (the app image's runtime keeps no java command).
#   packaging/measure-start.sh            # builds target/dist/ScanTill first when it is missing
#   RUNS=9 packaging/measure-start.sh
# Needs Xvfb and xdotool (apt-get install xvfb xdotool). Prints both, and the ratio of their medians.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-5}"
app=target/dist/ScanTill
[ -x "$app/bin/ScanTill" ] || packaging/build-app-image.sh
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT

# The bare window, compiled against the app image's own OpenJFX.
mkdir -p "$work/bare"
cat > "$work/bare/BareWindow.java" <<'JAVA'
public class BareWindow extends javafx.application.Application {
    public static void main(String[] args) { javafx.application.Application.launch(BareWindow.class, args); }
    @Override public void start(javafx.stage.Stage stage) {
        stage.setTitle("BareWindow");
        stage.setScene(new javafx.scene.Scene(new javafx.scene.control.Label("bare"), 1024, 768));
        stage.show();
    }
}
JAVA
cat > "$work/bare/Main.java" <<'JAVA'
public class Main { public static void main(String[] args) { BareWindow.main(args); } }
JAVA
javac -d "$work/bare" -cp "$app/lib/app/*" "$work/bare/BareWindow.java" "$work/bare/Main.java"

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x1024x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY="$display"
export SCANTILL_HOME="$work/data"

# One run: start the command, wait until a window named $1 is mapped; print the milliseconds to it and the process's
# resident memory in MB 3 s after it and 10 s after it, once the till has settled.
measure() {
  local title=$1; shift
  local start end pid rss
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  local waited=0
  until xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; do
    sleep 0.01
    waited=$((waited + 1))
    if [ "$waited" -gt 6000 ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "no window named $title from: $*" >&2
      exit 1
    fi
  done
  end=$(date +%s%N)
  sleep 3
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  sleep 7
  settled=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss $settled"
}

# A first start makes the data folder (ledger, training simulator): the runs below find it there, as at a shop.
measure ScanTill "$app/bin/ScanTill" >/dev/null
: > "$work/app.txt"; : > "$work/bare.txt"
for i in $(seq "$runs"); do
  measure BareWindow java -Dfile.encoding=UTF-8 -cp "$app/lib/app/*:$work/bare" Main >> "$work/bare.txt"
  measure ScanTill "$app/bin/ScanTill" >> "$work/app.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
column() { cut -d' ' -f"$1" "$work/$2.txt"; }
echo "runs: $runs each, alternating; first window in ms; resident memory in MB 3 s and 10 s after it"
for who in bare app; do
  printf '%-19s %sms; %sMB; %sMB\n' "$([ $who = bare ] && echo 'bare JavaFX window:' || echo 'ScanTill:')" \
    "$(column 1 $who | tr '\n' ' ')" "$(column 2 $who | tr '\n' ' ')" "$(column 3 $who | tr '\n' ' ')"
done
bare_ms=$(column 1 bare | median); app_ms=$(column 1 app | median)
echo "medians: bare ${bare_ms} ms, $(column 2 bare | median) MB, $(column 3 bare | median) MB;" \
  "ScanTill ${app_ms} ms, $(column 2 app | median) MB, $(column 3 app | median) MB;" \
  "ratio $(awk "BEGIN {printf \"%.2f\", $app_ms / $bare_ms}")"
