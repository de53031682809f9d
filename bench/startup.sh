#!/usr/bin/env bash
# Median wall time of `dlv-audit check` (host checks only), as cron runs it on every host.
#   bench/startup.sh [RUNS]      (default 15 runs, after 2 warm-up runs)
# Measures two launches of the same jar:
#   plain  java -jar target/dlv-audit.jar check
#   tuned  the same with an application class-data archive (AppCDS, made here once with
#          -XX:ArchiveClassesAtExit), C1 only and the serial GC: what a launcher script can pass.
# Uses hyperfine when installed (apt-get install hyperfine), else (or with NO_HYPERFINE=1) a bash
# loop timing with date +%s%N.
# Goal: median < 0.5 s on a 2-core machine. Extra flags for both: JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
jar=target/dlv-audit.jar
jsa=target/dlv-audit.jsa
[ -f "$jar" ] || { echo "startup.sh: $jar is missing: run mvn -B -q package -DskipTests" >&2; exit 2; }
java="${JAVA:-java}"
echo "java: $("$java" -version 2>&1 | head -1); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# the archive must be made by the same JVM from the same jar; -Xlog:cds=off keeps a stale one quiet
rm -f "$jsa"
"$java" -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" check --fail-on never >/dev/null 2>&1
tuned="-XX:SharedArchiveFile=$jsa -Xlog:cds=off -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

measure() { # name, java options
  local name="$1" opts="$2"
  local cmd="$java $opts ${JAVA_OPTS:-} -jar $jar check --fail-on never"
  if [ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 2 --runs "$runs" --style none --export-json "/tmp/dlv-audit-bench-$name.json" "$cmd" >/dev/null
    python3 - "$name" "/tmp/dlv-audit-bench-$name.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))["results"][0]
print("%-6s median %.3f s  (min %.3f, max %.3f; mean CPU user %.3f s + sys %.3f s)  %s"
      % (sys.argv[1], r["median"], r["min"], r["max"], r["user"], r["system"], r["command"]))
PY
  else
    $cmd >/dev/null; $cmd >/dev/null
    local times=() start end
    for _ in $(seq "$runs"); do
      start=$(date +%s%N); $cmd >/dev/null; end=$(date +%s%N)
      times+=($(( (end - start) / 1000000 )))
    done
    local sorted; mapfile -t sorted < <(printf "%s\n" "${times[@]}" | sort -n)
    echo "$name median ${sorted[$(( runs / 2 ))]} ms (min ${sorted[0]}, max ${sorted[$(( runs - 1 ))]})  $cmd"
  fi
}
measure plain ""
measure tuned "$tuned"
