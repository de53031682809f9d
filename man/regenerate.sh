#!/usr/bin/env bash
# Regenerates the committed man page from the command model: run it after adding or changing a
# command or option (ManPageTest fails until the committed page matches what the build writes).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q process-classes
cp target/man/dlv-audit.1 man/dlv-audit.1
echo "man/dlv-audit.1 regenerated"
