#!/bin/sh
# Runs the app extracted next to this script (java -Djarmode=tools -jar blytz-app.jar extract) with jvm.options and,
# when train.sh has written it, the JDK's AOT cache app.aot (ADR 0026). Extra JVM flags: JAVA_OPTS; app arguments: "$@".
set -e
# The embedded servers' data (the default outside prod) stays under the caller's ./data, not in this folder.
export BLYTZ_EMBEDDED_DATA_DIR="${BLYTZ_EMBEDDED_DATA_DIR:-$PWD/data}"
cd "$(dirname "$0")"
# glibc's per-thread malloc arenas grow native memory with the request threads; two are enough (ADR 0026).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
if [ -f app.aot ]; then
  aot=-XX:AOTCache=app.aot
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec java @jvm.options ${aot:-} ${JAVA_OPTS:-} -jar blytz-app.jar "$@"
