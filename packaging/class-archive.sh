#!/bin/sh
# Makes the class data archive that ScanTill's launchers name (-XX:SharedArchiveFile=$APPDIR/scantill.jsa): the
# classes a till loads at start, parsed and laid out once, so that each start maps them instead of reading and checking
# every class again. Shipped in the application as lib/app/class-archive.sh. The archive holds the jars' full paths, so
# it is made where the application runs: by packaging/build-app-image.sh for target/dist, by the installer after
# installing. Without lib/app/scantill.classlist (recorded by the build) it holds the Java runtime's classes only.
set -e
app_dir=$(cd "$(dirname "$0")" && pwd)
# The launcher's class path, in its order: the archive is refused when they differ.
classpath=$(sed -n "s|^app.classpath=\\\$APPDIR|$app_dir|p" "$app_dir/ScanTill.cfg" | paste -sd: -)
rm -f "$app_dir/scantill.jsa"
if [ -f "$app_dir/scantill.classlist" ]; then
  set -- "-XX:SharedClassListFile=$app_dir/scantill.classlist"
fi
"$app_dir/../runtime/bin/java" -Xshare:dump "$@" -XX:SharedArchiveFile="$app_dir/scantill.jsa" -cp "$classpath" >/dev/null
