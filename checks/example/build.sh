#!/usr/bin/env bash
# Builds the example plugin jar against an installed or built dlv-audit jar:
#   checks/example/build.sh [path/to/dlv-audit.jar]   → checks/example/target/site-timesync.jar
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
api_jar="${1:-$here/../../target/dlv-audit.jar}"
if [ ! -f "$api_jar" ]; then
  echo "build.sh: $api_jar not found: build dlv-audit first (mvn -DskipTests package) or pass its jar" >&2
  exit 2
fi
out="$here/target"
rm -rf "$out/classes"
mkdir -p "$out/classes"
find "$here/src" -name '*.java' -print0 | xargs -0 javac --release 17 -cp "$api_jar" -d "$out/classes"
cp -r "$here/src/META-INF" "$out/classes/"
jar --create --file "$out/site-timesync.jar" -C "$out/classes" .
echo "$out/site-timesync.jar"
