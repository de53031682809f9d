#!/bin/sh
# stats on a 20 GiB sparse database vs a 1 MiB one, with bytes read from data.mdb; and
# `dlv-audit stats` vs Debian's `mdb_stat` as processes. See bench/README.md.
set -eu
cd "$(dirname "$0")/.."
[ -f target/dlv-audit.jar ] || mvn -B -q -o package -DskipTests
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dev.dlvaudit.bench.StatsBench "${1:-50}" target/dlv-audit.jar
