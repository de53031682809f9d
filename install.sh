#!/usr/bin/env bash
# Installs dlv-audit: a launcher on the PATH, the jar with a class-data-sharing archive, the man
# page and the bash completion. Builds the jar first (without the tests) unless one is given or
# target/dlv-audit.jar is newer than the sources.
#
#   ./install.sh [--prefix DIR] [--jar FILE]      install (default prefix /usr/local as root, ~/.local otherwise)
#   ./install.sh --uninstall [--prefix DIR]       remove exactly what was installed there
#
# Every file installed, and every directory created, is listed in PREFIX/lib/dlv-audit/install-manifest,
# which --uninstall reads. Running it again over an installation replaces it.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
me="install.sh"

usage() {
  sed -n '2,10s/^# \{0,1\}//p' "$0"
}

die() {
  echo "$me: $*" >&2
  exit 1
}

prefix=""
jar=""
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#*=}"; shift ;;
    --jar) [ $# -ge 2 ] || die "--jar needs a file"; jar="$2"; shift 2 ;;
    --jar=*) jar="${1#*=}"; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "$me: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [ -z "$prefix" ]; then
  if [ "$(id -u)" = 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi
case "$prefix" in
  /*) ;;
  *) prefix="$PWD/$prefix" ;;
esac
prefix="${prefix%/}"
case "$prefix" in
  *"'"*) die "the prefix may not contain a single quote: $prefix" ;;
esac

lib="$prefix/lib/dlv-audit"
manifest="$lib/install-manifest"

# --- uninstall -----------------------------------------------------------------------------------
if [ "$uninstall" = 1 ]; then
  if [ ! -f "$manifest" ]; then
    echo "$me: nothing to uninstall under $prefix (no $manifest)"
    exit 0
  fi
  dirs=()
  while read -r kind path; do
    case "$kind" in
      f) rm -f -- "$path" ;;
      d) dirs+=("$path") ;;
    esac
  done < "$manifest"
  rm -f -- "$manifest"
  # directories deepest first; one holding files that are not ours (a plugin jar) is kept
  if [ "${#dirs[@]}" -gt 0 ]; then
    kept=""
    while read -r dir; do
      if [ -d "$dir" ] && ! rmdir -- "$dir" 2>/dev/null; then
        case "$kept" in
          "$dir"/*) ;; # its parent, kept for the same reason
          *) echo "$me: kept $dir: it holds files install.sh did not install" ;;
        esac
        kept="$dir"
      fi
    done < <(printf '%s\n' "${dirs[@]}" | sort -r)
  fi
  echo "dlv-audit uninstalled from $prefix"
  exit 0
fi

# --- what is needed ------------------------------------------------------------------------------
missing=()
packages=()

java_bin=""
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_bin="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  java_bin="$(command -v java)"
fi
if [ -z "$java_bin" ]; then
  missing+=("Java 17 or newer (no java on the PATH, JAVA_HOME not set)")
  packages+=(openjdk-17-jdk-headless)
else
  java_bin="$(readlink -f "$java_bin")" # the JDK the archive is made for, not what alternatives point to later
  java_version="$("$java_bin" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  major="${java_version%%.*}"
  [ "$major" = 1 ] && major="$(echo "$java_version" | cut -d. -f2)"
  if ! [ "${major:-0}" -ge 17 ] 2>/dev/null; then
    missing+=("Java 17 or newer (found Java ${java_version:-of unknown version} at $java_bin)")
    packages+=(openjdk-17-jdk-headless)
  fi
fi

build=0
if [ -z "$jar" ]; then
  jar="$here/target/dlv-audit.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$here/pom.xml" "$here/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    build=1
    command -v mvn >/dev/null 2>&1 || { missing+=("Maven, to build the jar"); packages+=(maven); }
    if ! command -v javac >/dev/null 2>&1 && [ ! -x "${JAVA_HOME:-/nonexistent}/bin/javac" ]; then
      missing+=("a JDK (javac), to build the jar: a JRE alone cannot compile it")
      packages+=(openjdk-17-jdk-headless)
    fi
  fi
elif [ ! -f "$jar" ]; then
  die "--jar: $jar does not exist"
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "$me: cannot install dlv-audit; missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo "
    echo "Install with: ${sudo}apt-get install -y $(printf '%s\n' "${packages[@]}" | sort -u | tr '\n' ' ')" >&2
  fi
  exit 1
fi

if [ "$build" = 1 ]; then
  echo "$me: building the jar (mvn -B -q -DskipTests package)"
  (cd "$here" && mvn -B -q -DskipTests package)
  [ -f "$jar" ] || die "the build did not produce $jar"
fi

# --- install -------------------------------------------------------------------------------------
files=()
created=()
# directories an earlier run created stay ours to remove
[ -f "$manifest" ] && mapfile -t created < <(sed -n 's/^d //p' "$manifest")

ensure_dir() {
  if [ ! -d "$1" ]; then
    ensure_dir "$(dirname "$1")"
    install -d -m 0755 "$1"
    created+=("$1")
  fi
}

put() { # put MODE SOURCE DEST
  ensure_dir "$(dirname "$3")"
  install -m "$1" "$2" "$3"
  files+=("$3")
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ensure_dir "$lib/checks"
put 0644 "$jar" "$lib/dlv-audit.jar"
"$java_bin" -cp "$lib/dlv-audit.jar" dev.dlvaudit.cli.BuildDocs "$work"
put 0644 "$work/man/dlv-audit.1" "$prefix/share/man/man1/dlv-audit.1"
put 0644 "$work/completion/dlv-audit.bash" "$prefix/share/bash-completion/completions/dlv-audit"

# The launcher: C1 only and the serial collector start fastest for a run of a second or less; no
# perf-data file. The archive holds the classes a check loads, already parsed and verified; when a
# JDK update makes it stale the JVM ignores it, and must not say so on standard output (a JSON
# report goes there): re-running install.sh makes a new one.
jvm_flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds=off,cds+dynamic=off"
cat > "$work/dlv-audit" <<EOF
#!/bin/sh
# dlv-audit launcher, written by install.sh
lib='$lib'
java='$java_bin'
[ -x "\$java" ] || java=java
if [ -f "\$lib/dlv-audit.jsa" ]; then
  exec "\$java" $jvm_flags -XX:SharedArchiveFile="\$lib/dlv-audit.jsa" -jar "\$lib/dlv-audit.jar" "\$@"
fi
exec "\$java" $jvm_flags -jar "\$lib/dlv-audit.jar" "\$@"
EOF
put 0755 "$work/dlv-audit" "$prefix/bin/dlv-audit"

# Class-data sharing: runs of the host checks record the classes they load, and a static archive is
# dumped from that list. Static, not -XX:ArchiveClassesAtExit: JDK 17's dynamic archive skips
# classes of old bytecode versions, and picocli ships Java 5 bytecode (about 180 classes of every
# run). The audit itself only reads; its verdict does not matter here.
rm -f "$lib/dlv-audit.jsa"
classlist="$work/classes.lst"
for run in "check --fail-on never" "list" "explain os.swappiness"; do
  # shellcheck disable=SC2086 # the flags and the run's arguments are separate words
  "$java_bin" -Xshare:auto -XX:DumpLoadedClassList="$classlist.part" -jar "$lib/dlv-audit.jar" $run \
    >/dev/null 2>&1 || true
  cat "$classlist.part" >> "$classlist" 2>/dev/null || true
done
sort -u -o "$classlist" "$classlist" 2>/dev/null || true
"$java_bin" -Xshare:dump -XX:SharedClassListFile="$classlist" -XX:SharedArchiveFile="$lib/dlv-audit.jsa" \
  -Xlog:cds=off -cp "$lib/dlv-audit.jar" >/dev/null 2>&1 || rm -f "$lib/dlv-audit.jsa"
if [ -f "$lib/dlv-audit.jsa" ]; then
  chmod 0644 "$lib/dlv-audit.jsa"
  files+=("$lib/dlv-audit.jsa")
else
  echo "$me: note: no class-data-sharing archive was created; dlv-audit will start a little slower"
fi

{
  printf 'f %s\n' "${files[@]}"
  [ "${#created[@]}" -eq 0 ] || printf 'd %s\n' "${created[@]}" | sort -u
} > "$manifest.new"
mv -f "$manifest.new" "$manifest"

echo "dlv-audit $("$prefix/bin/dlv-audit" --version | head -n 1 | cut -d' ' -f2) installed under $prefix"
echo "  $prefix/bin/dlv-audit, $lib/, man page, bash completion"
echo "  plugin checks: drop jars into $lib/checks/ or /etc/dlv-audit/checks.d/"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *)
    echo "$me: $prefix/bin is not on your PATH; add it, e.g.:"
    echo "  echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.profile && . ~/.profile"
    ;;
esac
