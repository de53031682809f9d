#!/usr/bin/env bash
# Startup of the installed command: median wall time of `dlv-audit --version` and of
# `dlv-audit check` (host checks only), the goals being 0.2 s and 0.35 s on a 2-core machine.
#
#   bench/installed-startup.sh [PREFIX]
#
# With no PREFIX, installs the built jar (target/dlv-audit.jar) into a temporary prefix first and
# removes it afterwards. Uses hyperfine (apt-get install hyperfine) when present, else a loop.
# Wall time depends on what else the machine runs: the CPU time (user + sys) is printed beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-20}"
prefix="${1:-}"
if [ -z "$prefix" ]; then
  prefix="$(mktemp -d)"
  trap 'bash install.sh --uninstall --prefix "$prefix" >/dev/null; rmdir "$prefix"' EXIT
  [ -f target/dlv-audit.jar ] || mvn -B -q -DskipTests package
  bash install.sh --prefix "$prefix" --jar target/dlv-audit.jar >/dev/null
fi
cmd="$prefix/bin/dlv-audit"
[ -x "$cmd" ] || { echo "no dlv-audit installed under $prefix" >&2; exit 2; }

echo "dlv-audit startup, installed under $prefix; $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v hyperfine >/dev/null 2>&1; then
  out="$(mktemp)"
  hyperfine -N --warmup 3 --runs "$runs" --ignore-failure --export-json "$out" \
    "$cmd --version" "$cmd check" >/dev/null
  python3 - "$out" <<'PY'
import json, sys
goals = {"--version": 0.2, "check": 0.35}
for r in json.load(open(sys.argv[1]))["results"]:
    name = r["command"].rsplit("dlv-audit ", 1)[1]
    median = r["median"]
    cpu = r["user"] + r["system"]
    verdict = "within" if median <= goals[name] else "over"
    print(f"  {name:10} median {median:.3f} s (min {r['min']:.3f}, cpu {cpu:.3f} s)"
          f"  goal {goals[name]} s: {verdict}")
PY
  rm -f "$out"
else
  for args in "--version" "check"; do
    times=()
    for _ in $(seq "$runs"); do
      start=$(date +%s%N)
      # shellcheck disable=SC2086 # args is one or two words
      "$cmd" $args >/dev/null 2>&1 || true
      times+=($(( ($(date +%s%N) - start) / 1000000 )))
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    echo "  $args median ${median} ms over $runs runs (install hyperfine for CPU times)"
  done
fi
