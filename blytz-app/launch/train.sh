#!/bin/sh
# The training run of the JDK's AOT cache (JEP 483, 514, 515): starts the app extracted next to this script up to the
# end of its context refresh (spring.context.exit=onRefresh, Spring Boot's documented way) and writes app.aot, the
# classes it loaded and linked and the profiles of its methods, which run.sh then starts from (ADR 0026).
# It needs what a start needs: the database and Redis of the real runs (or, as in the image build, the embedded ones,
# which then outlive the run: their shutdown hooks do not run after the context exit). App arguments: "$@".
set -e
cd "$(dirname "$0")"
rm -f app.aot
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec java @jvm.options ${JAVA_OPTS:-} -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar blytz-app.jar "$@"
