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
case "$(uname -s)" in
  Linux) icon=(--icon packaging/scantill.png)
         if [ "$type" = deb ] || [ "$type" = rpm ]; then
           # packaging/resources holds the store service's desktop file: hidden from the menu (NoDisplay).
           installer=(--linux-shortcut --linux-menu-group Office --linux-app-category misc --resource-dir packaging/resources)
         fi ;;
  MINGW*|MSYS*|CYGWIN*) icon=(--icon packaging/scantill.ico)
         if [ "$type" = msi ] || [ "$type" = exe ]; then
           installer=(--win-menu --win-shortcut --win-dir-chooser)
         fi ;;
  *) icon=() ;;
esac

rm -rf target/dist
jpackage --type "$type" \
  "${icon[@]}" \
  "${installer[@]}" \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands --include-locales=en,th" \
  --name ScanTill \
  --app-version "$version" \
  --vendor "ScanTill" \
  --description "WeChat Pay cashier for Omise" \
  --input target/dist-libs \
  --main-jar "$(basename target/scantill-*.jar)" \
  --main-class com.scantill.ui.ScanTill \
  --java-options "-Dfile.encoding=UTF-8" \
  --java-options "-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -Xms16m" \
  --add-launcher scantill-store=packaging/scantill-store.properties \
  --dest target/dist
echo "Built $type in target/dist"
