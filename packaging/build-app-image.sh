#!/usr/bin/env bash
# Builds a self-contained ScanTill for this operating system with jpackage: a folder holding the application, its
# libraries and a Java runtime, started by its own launcher. Run from anywhere:
#   packaging/build-app-image.sh            -> target/dist/ScanTill/
#   packaging/build-app-image.sh deb        -> an installer (deb, rpm, msi, dmg … as jpackage allows here)
set -euo pipefail
cd "$(dirname "$0")/.."

type="${1:-app-image}"
./mvnw -q -B -DskipTests package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/dist-libs
cp target/scantill-*.jar target/dist-libs/
version=$(ls target/scantill-*.jar | sed -E 's/.*scantill-([0-9.]+).*\.jar/\1/')

# The runtime inside holds only the modules the application uses: those jdeps finds in its jars, and the ones reached
# only as services, which jdeps cannot see (elliptic-curve TLS to Omise, Thai locale data, more charsets, zip files);
# of the locales, English and Thai.
modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 --class-path 'target/dist-libs/*' target/dist-libs/*.jar 2>/dev/null | tail -1)
modules="$modules,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs"

# The icon in each system's own format (macOS keeps jpackage's until a scantill.icns is added); an installer adds a
# menu entry with it: Linux's menu, Windows' Start menu and a desktop shortcut.
installer=()
linux=false
case "$(uname -s)" in
  Linux) icon=(--icon packaging/scantill.png)
         linux=true
         if [ "$type" = deb ] || [ "$type" = rpm ]; then
           # packaging/resources: the store service's desktop file, hidden from the menu (NoDisplay); the .deb's postinst
           # and prerm, jpackage's own with the class data archive made after installing and removed before removing.
           installer=(--linux-shortcut --linux-menu-group Office --linux-app-category misc --resource-dir packaging/resources)
         fi ;;
  MINGW*|MSYS*|CYGWIN*) icon=(--icon packaging/scantill.ico)
         if [ "$type" = msi ] || [ "$type" = exe ]; then
           installer=(--win-menu --win-shortcut --win-dir-chooser)
         fi ;;
  *) icon=() ;;
esac

rm -rf target/dist
app=target/dist/ScanTill
# The same name, version and vendor for the application and its installer.
about=(--name ScanTill --app-version "$version" --vendor "ScanTill" --description "WeChat Pay cashier for Omise")
# The launcher's memory: a serial collector and a heap given back when free (a till is idle most of the day); the C
# library's free memory given back every few seconds; the classes from the class data archive (class-archive.sh).
jpackage --type app-image \
  "${icon[@]}" \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --include-locales=en,th" \
  "${about[@]}" \
  --input target/dist-libs \
  --main-jar "$(basename target/scantill-*.jar)" \
  --main-class com.scantill.ui.ScanTill \
  --java-options "-Dfile.encoding=UTF-8" \
  --java-options "-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -Xms16m" \
  --java-options "-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000" \
  --java-options "-XX:SharedArchiveFile=\$APPDIR/scantill.jsa" \
  --add-launcher scantill-store=packaging/scantill-store.properties \
  --dest target/dist
# The classes a till loads until its first screen, recorded from one start in training on a display of its own (or
# this one). Without a display the class data archive holds the Java runtime's classes only.
record_start_classes() {
  local display="${DISPLAY:-}" xvfb="" home pid
  if [ -z "$display" ] && command -v Xvfb >/dev/null 2>&1; then
    display=":$((70 + RANDOM % 9))"
    Xvfb "$display" -screen 0 1024x768x24 >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
  fi
  if [ -z "$display" ]; then
    echo "No display and no Xvfb: the class data archive holds the Java runtime's classes only" >&2
    return
  fi
  home=$(mktemp -d)
  DISPLAY="$display" SCANTILL_HOME="$home" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$app/lib/app/scantill.classlist" \
    "$app/bin/ScanTill" >"$home/out.log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    grep -q "ScanTill starting" "$home/out.log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  sleep 3
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
  grep -q "ScanTill starting" "$home/out.log" || { echo "The recording start failed; see its log:" >&2; cat "$home/out.log" >&2; rm -f "$app/lib/app/scantill.classlist"; }
  rm -rf "$home"
}
# Linux only so far: Windows and macOS lay the image out otherwise, and their installers would need their own step.
if $linux; then
  cp packaging/class-archive.sh "$app/lib/app/"
  record_start_classes
fi

if [ "$type" = app-image ]; then
  if $linux; then "$app/lib/app/class-archive.sh"; fi
else
  # An installer of the image above; its archive is made by the installer where it installs (resources/postinst).
  jpackage --type "$type" \
    --app-image "$app" \
    "${icon[@]}" \
    "${installer[@]}" \
    "${about[@]}" \
    --dest target/dist
fi
echo "Built $type in target/dist"
