# Sourced by ./charter-sync and ./run-tests: finds a JDK >= 21 and Maven, without anything installed by hand.
# Order: $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm (newest first).

java_major() { # prints the major version of the java binary $1, or 0
  "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}' || echo 0
}

find_jdk() {
  local candidates=() c
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -t- -k2 -V -r); do candidates+=("${c%/}"); done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] && [ "$(java_major "$c/bin/java")" -ge 21 ] 2>/dev/null; then
      echo "$c"; return 0
    fi
  done
  echo "charter-sync: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm)" >&2
  return 1
}

find_maven() {
  if command -v mvn >/dev/null 2>&1; then echo mvn; return 0; fi
  echo "charter-sync: Maven (mvn) is needed to build; install the distribution's maven package" >&2
  return 1
}

# Maven's own Guava warns on JDK 23+ about sun.misc.Unsafe; allow it quietly there (the flag is unknown before 23).
maven_opts() {
  if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 23 ] 2>/dev/null; then
    echo "${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  else
    echo "${MAVEN_OPTS:-}"
  fi
}
