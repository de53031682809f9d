#!/usr/bin/env bash
# Runs every test: unit tests, then CLI tests against the packaged jar.
# Installs the Debian tools the tests compare against or validate with, when missing and when
# running as root with apt-get (the real consumers: mdb_stat, xmllint, promtool, groff, mandoc, man,
# shellcheck).
set -euo pipefail
cd "$(dirname "$0")"

# tool → Debian package
declare -A tools=(
  [mdb_stat]=lmdb-utils
  [xmllint]=libxml2-utils
  [promtool]=prometheus
  [groff]=groff
  [mandoc]=mandoc
  [shellcheck]=shellcheck
  [man]=man-db
)
missing=()
for tool in "${!tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${tools[$tool]}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing tools (tests that need them will fail): install ${missing[*]}" >&2
  fi
fi

exec mvn -B -ntp verify "$@"
