# Sourced (POSIX sh) by ../mvnw, bin/java and .ci/run. The build targets Java 21, but a machine's
# default `java` may be older, and so may the JDK that JAVA_HOME names. So instead of assuming,
# parley_pick_jdk exports JAVA_HOME as the first JDK 21 or newer among: JAVA_HOME itself, each
# `java` on PATH (in PATH order), and the usual install locations. With none, it returns 1 and
# changes nothing. Works under `set -euf` (mvnw's settings); names are prefixed so as not to
# clobber the sourcing script's variables.

# The feature release (8, 17, 21, ...) of the JDK at $1, from its `release` file (JDK 9+ have one).
parley_jdk_major() {
  [ -f "$1/release" ] || return 1
  parley_version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  parley_version=${parley_version#1.}
  parley_version=${parley_version%%[!0-9]*}
  [ -n "$parley_version" ] || return 1
  printf '%s\n' "$parley_version"
}

# True when $1 is a JDK (java and javac) of release 21 or newer.
parley_is_jdk21() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  parley_major=$(parley_jdk_major "$1") || return 1
  [ "$parley_major" -ge 21 ]
}

# The JDK home of the java executable $1, through symlinks (Debian's /usr/bin/java is one).
parley_home_of() {
  parley_exe=$(readlink -f "$1" 2>/dev/null) || parley_exe=$1
  parley_exe=${parley_exe%/*}
  printf '%s\n' "${parley_exe%/*}"
}

parley_pick_jdk() {
  parley_was=${JAVA_HOME-}
  parley_found=
  if parley_is_jdk21 "$parley_was"; then
    parley_found=$parley_was
  else
    parley_ifs=$IFS
    IFS=:
    for parley_dir in ${PATH-}; do
      if [ -z "$parley_found" ] && [ -n "$parley_dir" ] && [ -x "$parley_dir/java" ]; then
        parley_home=$(parley_home_of "$parley_dir/java")
        if parley_is_jdk21 "$parley_home"; then parley_found=$parley_home; fi
      fi
    done
    IFS=$parley_ifs
  fi
  if [ -z "$parley_found" ]; then
    # Globbing may be off (mvnw runs with set -f); turn it on for these patterns only.
    case $- in *f*) parley_noglob=1 && set +f ;; *) parley_noglob= ;; esac
    for parley_home in /usr/lib/jvm/* /opt/java/* /opt/jdk* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "${HOME:-/nonexistent}"/.sdkman/candidates/java/*; do
      if [ -z "$parley_found" ] && parley_is_jdk21 "$parley_home"; then parley_found=$parley_home; fi
    done
    if [ -n "$parley_noglob" ]; then set -f; fi
  fi
  [ -n "$parley_found" ] || return 1
  if [ -n "$parley_was" ] && [ "$parley_was" != "$parley_found" ]; then
    echo "JAVA_HOME ($parley_was) is not a JDK 21 or newer; using $parley_found" >&2
  fi
  JAVA_HOME=$parley_found
  export JAVA_HOME
}
