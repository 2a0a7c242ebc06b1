#!/usr/bin/env bash
# Live-stream benchmark (ADR 0028): N SSE subscribers on one auction across two app instances sharing PostgreSQL and
# Redis, bids driven through both; delivery latency from acceptance to each subscriber (p50/p99), events lost or
# duplicated (must be 0), and RSS per 1,000 open streams.
#
# Usage (from the repository root; needs the machine's PostgreSQL and Redis):
#   SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/<db> SPRING_DATASOURCE_USERNAME=postgres \
#   REDIS_URL=redis://127.0.0.1:6379/<n> blytz-app/src/bench/live/bench.sh [subscribers=1000] [bids=100]
#
# Builds the fat jar unless it exists, starts it twice on free ports with the rate limits and the per-address stream
# cap lifted (every subscriber comes from 127.0.0.1), and runs LiveBench.java. A benchmark, not a test: run it on an
# idle machine.
set -euo pipefail

subscribers="${1:-1000}"
bids="${2:-100}"
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
: "${SPRING_DATASOURCE_URL:?set SPRING_DATASOURCE_URL (two instances must share one PostgreSQL)}"
: "${REDIS_URL:?set REDIS_URL (two instances must share one Redis)}"

if [[ -z "${JAVA_HOME:-}" ]]; then
  for jdk in /usr/lib/jvm/*25*; do [[ -x "$jdk/bin/java" ]] && export JAVA_HOME="$jdk" && break; done
fi
java="$JAVA_HOME/bin/java"
# LIVE_BENCH_JAR: another build to measure (e.g. a copy of main's, for before/after runs side by side).
jar="${LIVE_BENCH_JAR:-blytz-app/target/blytz-app.jar}"
[[ -f "$jar" ]] || ./mvnw -B -q -pl blytz-app -am package -DskipTests
ulimit -n 65536 2>/dev/null || true

export BLYTZ_ADMIN_EMAIL="bench-admin@bench.test" BLYTZ_ADMIN_PASSWORD="bench admin passphrase 4c1e"
export SPRING_PROFILES_ACTIVE=bench BLYTZ_AUTH_BCRYPT_COST=10 BLYTZ_EMBEDDED_ENABLED=false
export BLYTZ_CURSOR_KEYS="$(head -c 32 /dev/urandom | base64)"
settings=(--blytz.rate-limit.per-ip.limit=100000000 --blytz.rate-limit.policies.auth-strict.limit=100000000
  --blytz.rate-limit.policies.auth-login.limit=100000000 --blytz.rate-limit.policies.auctions-bid.limit=100000000
  --blytz.auctions.bids-per-account.limit=100000000 --blytz.auctions.stream.per-client=100000
  --blytz.auctions.stream.total=100000 --server.tomcat.max-connections=20000 --logging.level.root=WARN)
# LIVE_BENCH_PROFILE=<dir>: native memory tracking, heap histograms and JFR recordings there (LiveBench.Profile).
# LIVE_BENCH_APP_ARGS: more settings for both instances (to compare one lever against the shipped defaults);
# LIVE_BENCH_JVM_ARGS: JVM flags after the shipped ones (e.g. -Xmx768m: 2,500 streams an instance need more heap).
profiling=()
[[ -n "${LIVE_BENCH_PROFILE:-}" ]] && profiling=(-XX:NativeMemoryTracking=summary)
read -r -a extra <<<"${LIVE_BENCH_APP_ARGS:-}"
read -r -a jvm <<<"${LIVE_BENCH_JVM_ARGS:-}"
settings+=("${extra[@]}")
apps=()
bases=()
cleanup() { for pid in "${apps[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
for instance in 1 2; do
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  # The shipped launch settings (blytz-app/launch, ADR 0026): heap, GC, malloc arenas.
  MALLOC_ARENA_MAX=2 SERVER_PORT="$port" "$java" @blytz-app/launch/jvm.options "${profiling[@]}" "${jvm[@]}" -jar "$jar" \
    "${settings[@]}" \
    >"blytz-app/target/bench-live-$instance.log" 2>&1 &
  apps+=("$!")
  bases+=("http://127.0.0.1:$port")
  # One at a time: the first runs Liquibase alone.
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null \
    || { echo "instance $instance did not start; see blytz-app/target/bench-live-$instance.log" >&2; exit 1; }
done

pids="$(IFS=,; echo "${apps[*]}")"
"$java" -Xss256k blytz-app/src/bench/live/LiveBench.java "$BLYTZ_ADMIN_EMAIL" "$BLYTZ_ADMIN_PASSWORD" \
  "$subscribers" "$bids" "$pids" "${bases[@]}"
