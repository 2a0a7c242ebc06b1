#!/usr/bin/env bash
# Issue 10's benchmark: builds the app and a bare Spring Boot "hello" app, loads the demo catalogue (100k products,
# and 1M for the scale goals; each load runs once per database), measures start time, warms the JIT up until the
# compiler is quiet, runs every comparison in interleaved rounds at the same concurrency, and prints each ratio
# (of medians) next to its goal. See README.md.
#
# Usage (from anywhere; needs wrk, pgbench, psql, curl, python3, a JDK 25, PostgreSQL and Redis on this host):
#   blytz-app/src/bench/run.sh [--quick] [--no-build] [--no-scale]
#     --quick     short durations, one round: checks that the script and every target work (numbers are rough)
#     --no-build  use the jars already built
#     --no-scale  skip the 1M-product database (goal 7)
# Environment (defaults in brackets):
#   BENCH_DB [blytz_bench], BENCH_DB_1M [blytz_bench1m], BENCH_REDIS [redis://127.0.0.1:6379/13],
#   BENCH_REDIS_1M [redis://127.0.0.1:6379/14], PGHOST [127.0.0.1], PGUSER [postgres], CONNECTIONS [16],
#   RUNS [3], DURATION [30] seconds per measurement, JVM_FLAGS [@blytz-app/launch/jvm.options if it exists, else
#   the flags of the Dockerfile's ENTRYPOINT],
#   BENCH_OUT [blytz-app/target/bench/<time>]: logs, wrk/pgbench outputs, EXPLAIN plans, summary.txt;
#   APP_JAR [blytz-app/target/blytz-app.jar]: e.g. a copy, so that a build during the run cannot change it.
# Start time and idle RSS come from start/measure.sh <jar> <db> <redis-url> when it exists (lines start_seconds=,
# rss_idle_mb=); otherwise from this script's own start of the app (launch to readiness 200; RSS 5 s after).
set -euo pipefail
{ # the whole script is one compound command: bash reads it all before running it, so editing it mid-run is safe

QUICK=false; BUILD=true; SCALE=true
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true ;;
    --no-build) BUILD=false ;;
    --no-scale) SCALE=false ;;
    *) echo "unknown option $arg (see the header of $0)" >&2; exit 2 ;;
  esac
done

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
if [[ -z "${JAVA_HOME:-}" ]]; then
  for jdk in /usr/lib/jvm/*25*; do [[ -x "$jdk/bin/java" ]] && export JAVA_HOME="$jdk" && break; done
fi
export PATH="$JAVA_HOME/bin:$PATH"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-blytz_bench}"; DB_1M="${BENCH_DB_1M:-blytz_bench1m}"
REDIS="${BENCH_REDIS:-redis://127.0.0.1:6379/13}"; REDIS_1M="${BENCH_REDIS_1M:-redis://127.0.0.1:6379/14}"
CONNECTIONS="${CONNECTIONS:-16}"
# The JVM flags that ship, for the app and the hello app alike: blytz-app/launch/jvm.options when it exists (the
# start-up work's single place for them), else those of the Dockerfile's ENTRYPOINT.
if [[ -z "${JVM_FLAGS+set}" ]]; then
  if [[ -f "$ROOT/blytz-app/launch/jvm.options" ]]; then JVM_FLAGS="@$ROOT/blytz-app/launch/jvm.options"
  else JVM_FLAGS="$(grep -o '"-X[^"]*"' "$ROOT/Dockerfile" | tr -d '"' | tr '\n' ' ')"; fi
fi
if $QUICK; then
  RUNS="${RUNS:-1}"; DURATION="${DURATION:-5}"; WARMUP_ROUND=3; WARMUP_MIN=1; WARMUP_MAX=1
else
  RUNS="${RUNS:-3}"; DURATION="${DURATION:-30}"; WARMUP_ROUND=10; WARMUP_MIN=3; WARMUP_MAX=6
fi
QUIET_COMPILES=25  # the JIT is warm when a warm-up round compiles fewer methods than this
BCRYPT_COST=12
THREADS="$(nproc)"  # the app's password-hashing pool: one thread per CPU
PEPPER="benchmark pepper, thirty-two characters or more"
OUT="${BENCH_OUT:-$ROOT/blytz-app/target/bench/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
APP_JAR="${APP_JAR:-$ROOT/blytz-app/target/blytz-app.jar}"; HELLO_JAR="$HERE/hello/target/hello.jar"
exec > >(tee "$OUT/run.log") 2>&1

say() { echo "[$(date -u +%H:%M:%S)] $*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
sql() { psql -d "$1" -v ON_ERROR_STOP=1 -Atc "$2"; }

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 143' INT TERM  # so that a stopped run stops its apps too

# ---------------------------------------------------------------------------------------------------------- build
boot_version() { grep -A3 '<artifactId>spring-boot-starter-parent</artifactId>' "$1" | grep -o '<version>[^<]*' | head -1 | cut -d'>' -f2; }
if [[ "$(boot_version "$ROOT/pom.xml")" != "$(boot_version "$HERE/hello/pom.xml")" ]]; then
  echo "hello/pom.xml is on Spring Boot $(boot_version "$HERE/hello/pom.xml"), the root pom on $(boot_version "$ROOT/pom.xml"): make them equal" >&2
  exit 1
fi
if $BUILD; then
  say "building the app and the hello app (tests skipped)"
  (cd "$ROOT" && ./mvnw -B -q -pl blytz-app -am package -DskipTests && ./mvnw -B -q -f "$HERE/hello/pom.xml" package -DskipTests) \
    > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
fi
say "JDK $(java -version 2>&1 | head -1); JVM flags: ${JVM_FLAGS:-none}; $THREADS CPUs; mode $($QUICK && echo quick || echo full)"
say "outputs in $OUT"

# -------------------------------------------------------------------------------------------------- app lifecycle
# start_app <name> <db> <redis-url> [extra args...]: starts the app on a free port; sets PORT_<name> and PID_<name>.
start_app() {
  local name=$1 db=$2 redis=$3; shift 3
  local port; port="$(free_port)"
  # MALLOC_ARENA_MAX as the shipped launch/run.sh sets it (ADR 0026).
  MALLOC_ARENA_MAX=2 SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  REDIS_URL="$redis" BLYTZ_EMBEDDED_ENABLED=false RATE_LIMIT_PER_IP=1000000000 SERVER_PORT="$port" \
  BLYTZ_AUTH_PASSWORD_PEPPER="$PEPPER" BLYTZ_AUTH_BCRYPT_COST="$BCRYPT_COST" \
    java $JVM_FLAGS -jar "$APP_JAR" \
      --blytz.rate-limit.policies.auth-strict.limit=1000000000 \
      --blytz.rate-limit.policies.auth-login.limit=1000000000 \
      --blytz.rate-limit.policies.auth-refresh.limit=1000000000 \
      "$@" > "$OUT/app-$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  printf -v "PORT_$name" %s "$port"; printf -v "PID_$name" %s "$pid"
}
# wait_ready <port> <pid> <path> <timeout-s>: waits for a 200 on path; prints the seconds it took.
wait_ready() {
  local start; start=$(date +%s.%N)
  for _ in $(seq 1 $(( $4 * 10 ))); do
    kill -0 "$2" 2>/dev/null || { echo "process $2 died" >&2; return 1; }
    if curl -fs -o /dev/null "http://127.0.0.1:$1$3"; then
      python3 -c "print(round($(date +%s.%N) - $start, 2))"; return 0
    fi
    sleep 0.1
  done
  echo "no 200 from :$1$3 within $4 s" >&2; return 1
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
rss_mb() { ps -o rss= -p "$1" | awk '{ printf "%d", $1 / 1024 }'; }

# ---------------------------------------------------------------------------------------------------------- data
# ensure_data <db> <products> <redis>: a run-once load with the demo loader (skipped when the database has them).
ensure_data() {
  local db=$1 n=$2 redis=$3 have
  have=$(sql postgres "SELECT 1 FROM pg_database WHERE datname = '$db'")
  if [[ "$have" == 1 ]]; then
    have=$(sql "$db" "SELECT count(*) FROM catalog.products" 2>/dev/null || echo 0)
    if [[ "$have" == "$n" ]]; then say "$db: $n products already loaded"; return; fi
  fi
  say "$db: loading $n demo products (run once; takes minutes for 1M)"
  sql postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)" > /dev/null
  sql postgres "CREATE DATABASE $db" > /dev/null
  redis-cli -u "$redis" flushdb > /dev/null
  start_app load "$db" "$redis" --blytz.catalog.demo.products="$n"
  wait_ready "$PORT_load" "$PID_load" /actuator/health/readiness 600 > /dev/null
  for _ in $(seq 1 3600); do
    grep -q 'Demo catalogue loaded' "$OUT/app-load.log" && break
    kill -0 "$PID_load" || { tail -30 "$OUT/app-load.log"; exit 1; }
    sleep 1
  done
  grep 'Demo catalogue loaded' "$OUT/app-load.log" | sed 's/.*: /  /'
  stop "$PID_load"
  [[ "$(sql "$db" "SELECT count(*) FROM catalog.products")" == "$n" ]] || { echo "$db: load incomplete" >&2; exit 1; }
  say "$db: $n products loaded"
}
ensure_data "$DB" 100000 "$REDIS"
$SCALE && ensure_data "$DB_1M" 1000000 "$REDIS_1M"

# ------------------------------------------------------------------------------------------- start time and RSS
if [[ -x "$HERE/start/measure.sh" ]]; then
  say "start time and idle RSS: start/measure.sh"
  # its own load phase is skipped: the RSS that counts is the benchmarked app's after all rounds
  RUNS=$($QUICK && echo 1 || echo 3) LOAD_SECONDS=0 PORT="$(free_port)" \
    "$HERE/start/measure.sh" "$APP_JAR" "$DB" "$REDIS" | tee "$OUT/start-measure.txt"
  START_SECONDS=$(awk -F= '/^start_seconds=/ { print $2 }' "$OUT/start-measure.txt")
  RSS_IDLE=$(awk -F= '/^rss_idle_mb=/ { print $2 }' "$OUT/start-measure.txt")
  START_HOW="start/measure.sh"
fi
start_hello() {
  PORT_hello="$(free_port)"
  MALLOC_ARENA_MAX=2 java $JVM_FLAGS -jar "$HELLO_JAR" --server.port="$PORT_hello" > "$OUT/app-hello.log" 2>&1 &
  PID_hello=$!; PIDS+=("$PID_hello")
}
start_others() { start_hello; if $SCALE; then start_app big "$DB_1M" "$REDIS_1M"; fi; }
start_app main "$DB" "$REDIS"
# The other apps start alongside unless this start is the one measured.
if [[ -n "${START_SECONDS:-}" ]]; then start_others; fi
seconds=$(wait_ready "$PORT_main" "$PID_main" /actuator/health/readiness 600)
sleep 5
if [[ -z "${START_SECONDS:-}" ]]; then
  START_SECONDS=$seconds; RSS_IDLE=$(rss_mb "$PID_main")
  START_HOW="run.sh: java -jar to readiness 200, data loaded; RSS 5 s later (hook: start/measure.sh)"
  start_others
fi
say "start: ${START_SECONDS} s, idle RSS ${RSS_IDLE} MB ($START_HOW)"
wait_ready "$PORT_hello" "$PID_hello" /hello 300 > /dev/null
if $SCALE; then wait_ready "$PORT_big" "$PID_big" /actuator/health/readiness 600 > /dev/null; fi
APP="http://127.0.0.1:$PORT_main"; HELLO="http://127.0.0.1:$PORT_hello"; BIG="http://127.0.0.1:${PORT_big:-0}"
say "app :$PORT_main (pid $PID_main), hello :$PORT_hello (pid $PID_hello)$($SCALE && echo ", 1M app :$PORT_big (pid $PID_big)")"

# ------------------------------------------------------------------------------------------------------ fixtures
sql "$DB" "SELECT id FROM catalog.products WHERE listed ORDER BY random() LIMIT 1000" > "$OUT/ids.txt"
# An account for the bearer runs (a fresh token each round: access tokens live 15 minutes).
EMAIL="bench-$(date +%s)-$RANDOM@blytz.test"; PASSWORD="benchmark passphrase $RANDOM-$RANDOM-$RANDOM"
curl -fs -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$APP/api/v1/auth/register"
token() {
  curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" \
    "$APP/api/v1/auth/login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}
next_cursor() { curl -fs "$1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["pagination"]["next_cursor"])'; }
CURSOR_1=$(next_cursor "$APP/api/v1/products")
CURSOR_DEEP=$(next_cursor "$APP/api/v1/products?page=900&page_size=100")  # 90,000 rows in
category() { sql "$1" "SELECT id FROM catalog.categories WHERE slug = 'demo-electronics'"; }
FILTER_100K="/api/v1/products?category_id=$(category "$DB")&condition=good&min_price=10&max_price=500&sort=price"
SEARCH_Q="espresso maker"
SEARCH="/api/v1/products?q=${SEARCH_Q// /%20}"
if $SCALE; then FILTER_1M="/api/v1/products?category_id=$(category "$DB_1M")&condition=good&min_price=10&max_price=500&sort=price"; fi
CRYPTO_JAR="$(find "$HOME/.m2/repository/org/springframework/security/spring-security-crypto" -name 'spring-security-crypto-*.jar' \
  ! -name '*sources*' | sort -V | tail -n 1)"

# --------------------------------------------------------------------------------------------------- the targets
# wrk_run <out-file> <threads> <connections> <seconds> <url> [wrk options...]; fails on non-2xx answers, warns of
# socket errors (a request slower than wrk's timeout of 30 s is left out of its latencies).
wrk_run() {
  local file=$1 t=$2 c=$3 d=$4 url=$5; shift 5
  (cd "$OUT" && wrk -t"$t" -c"$c" -d"${d}s" --timeout 30s --latency "$@" "$url") > "$file"
  if grep -q 'Non-2xx' "$file"; then echo "non-2xx answers in $file:" >&2; cat "$file" >&2; return 1; fi
  if grep -q 'Socket errors' "$file"; then echo "  warning: $(grep 'Socket errors' "$file" | xargs) in $(basename "$file")"; fi
  return 0
}
# Metrics of one wrk output: "rps p50-ms p99-ms".
wrk_metrics() {
  python3 - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    n, u = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[u]
rps = re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1)
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
print(rps, round(p50, 3), round(p99, 3))
EOF
}
declare -A RPS P50 P99
record() { # name "rps p50 p99"
  read -r rps p50 p99 <<< "$2"
  RPS[$1]+="$rps "; P50[$1]+="$p50 "; P99[$1]+="$p99 "
  printf '  %-16s %10s req/s  p50 %8s ms  p99 %8s ms\n' "$1" "$rps" "$p50" "$p99"
}
# measure <name> <connections> <seconds> [round]: one run of a target (at the given load); records it when round > 0.
measure() {
  local name=$1 c=$2 d=$3 round=${4:-0} t=2
  local file="$OUT/$name.$round.txt"
  if [[ "$c" -lt 2 ]]; then t=1; fi
  case "$name" in
    hello)         wrk_run "$file" $t "$c" "$d" "$HELLO/hello" ;;
    trivial)       wrk_run "$file" $t "$c" "$d" "$APP/actuator/health/liveness" ;;
    detail)        wrk_run "$file" $t "$c" "$d" "$APP" -s "$HERE/catalog/detail.lua" ;;
    detail-bearer) wrk_run "$file" $t "$c" "$d" "$APP" -s "$HERE/catalog/detail.lua" -H "Authorization: Bearer $TOKEN" ;;
    page1)         wrk_run "$file" $t "$c" "$d" "$APP/api/v1/products" ;;
    cursor1)       wrk_run "$file" $t "$c" "$d" "$APP/api/v1/products?cursor=$CURSOR_1" ;;
    cursor-deep)   wrk_run "$file" $t "$c" "$d" "$APP/api/v1/products?cursor=$CURSOR_DEEP" ;;
    filter-100k)   wrk_run "$file" 1 1 "$d" "$APP$FILTER_100K" ;;
    search-100k)   wrk_run "$file" 1 1 "$d" "$APP$SEARCH" ;;
    filter-1m)     wrk_run "$file" 1 1 "$d" "$BIG$FILTER_1M" ;;
    search-1m)     wrk_run "$file" 1 1 "$d" "$BIG$SEARCH" ;;
    pgbench-page)
      pgbench -n -M prepared -c "$c" -j 2 -T "$d" -f "$HERE/sql/page.sql" "$DB" > "$file" 2>&1
      if [[ "$round" -gt 0 ]]; then
        record "$name" "$(awk '/^tps/ { tps = $3 } /latency average/ { lat = $4 } END { print tps, lat, "-" }' "$file")"
      fi
      return 0 ;;
    *) echo "unknown target $name" >&2; return 1 ;;
  esac
  if [[ "$round" -gt 0 ]]; then record "$name" "$(wrk_metrics "$file")"; fi
}
# Login over HTTP against raw bcrypt verify (LoginBench compare), and the listing's p99 with and without a login flood.
login_compare() { # round
  java -cp "$CRYPTO_JAR" "$HERE/auth/LoginBench.java" "$APP" "$BCRYPT_COST" "$THREADS" compare \
    "$(( DURATION / 3 ))" "$DURATION" > "$OUT/login.$1.txt" 2>&1 || { cat "$OUT/login.$1.txt"; return 1; }
  local raw login
  raw=$(awk -F= '/^raw_per_s=/ { print $2 }' "$OUT/login.$1.txt"); login=$(awk -F= '/^login_per_s=/ { print $2 }' "$OUT/login.$1.txt")
  RPS[bcrypt-raw]+="$raw "; RPS[login]+="$login "
  printf '  %-16s %10s verifies/s\n  %-16s %10s logins/s (%s)\n' bcrypt-raw "$raw" login "$login" \
    "$(grep -E '^login_(busy|other)=' "$OUT/login.$1.txt" | tr '\n' ' ')"
}
listing_under_flood() { # round
  wrk_run "$OUT/listing-idle.$1.txt" 1 2 "$DURATION" "$APP/api/v1/products"
  record listing-idle "$(wrk_metrics "$OUT/listing-idle.$1.txt")"
  BLYTZ_AUTH_PASSWORD_PEPPER="$PEPPER" java -cp "$CRYPTO_JAR" "$HERE/auth/LoginBench.java" "$APP" "$BCRYPT_COST" "$THREADS" \
    flood 0 "$(( DURATION + 6 ))" > "$OUT/flood.$1.txt" 2>&1 &
  local flood=$!
  sleep 4  # the JVM starts and the flood's account is registered
  wrk_run "$OUT/listing-flood.$1.txt" 1 2 "$DURATION" "$APP/api/v1/products"
  wait "$flood" || { cat "$OUT/flood.$1.txt"; return 1; }
  record listing-flood "$(wrk_metrics "$OUT/listing-flood.$1.txt")"
  echo "    (flood: $(awk -F= '/^login_per_s=/ { print $2 }' "$OUT/flood.$1.txt") logins/s)"
}
export BLYTZ_AUTH_PASSWORD_PEPPER="$PEPPER"

LOAD_TARGETS=(hello trivial detail detail-bearer page1 pgbench-page cursor1 cursor-deep)
SINGLE_TARGETS=(filter-100k search-100k)
$SCALE && SINGLE_TARGETS+=(filter-1m search-1m)

# --------------------------------------------------------------------------------------------------------- warm-up
compiled() { jstat -compiler "$1" | awk 'NR == 2 { print $1 }'; }
WARM_PIDS=("$PID_main" "$PID_hello"); $SCALE && WARM_PIDS+=("$PID_big")
say "warm-up: rounds of every target at 4 connections x ${WARMUP_ROUND} s until each JVM compiles < $QUIET_COMPILES methods a round (at least $WARMUP_MIN, at most $WARMUP_MAX rounds)"
TOKEN=$(token)
for round in $(seq 1 "$WARMUP_MAX"); do
  before=(); for pid in "${WARM_PIDS[@]}"; do before+=("$(compiled "$pid")"); done
  for name in "${LOAD_TARGETS[@]}"; do measure "$name" 4 "$WARMUP_ROUND"; done
  for name in "${SINGLE_TARGETS[@]}"; do measure "$name" 1 "$WARMUP_ROUND"; done
  curl -fs -o /dev/null -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$APP/api/v1/auth/login"
  deltas=(); quiet=true
  for i in "${!WARM_PIDS[@]}"; do
    d=$(( $(compiled "${WARM_PIDS[$i]}") - before[i] )); deltas+=("$d"); [[ "$d" -lt "$QUIET_COMPILES" ]] || quiet=false
  done
  say "warm-up round $round: methods compiled (app, hello$($SCALE && echo ', 1M app')): ${deltas[*]}"
  $quiet && [[ "$round" -ge "$WARMUP_MIN" ]] && break
done

# --------------------------------------------------------------------------------------------------------- measure
for round in $(seq 1 "$RUNS"); do
  say "round $round of $RUNS: $CONNECTIONS connections x $DURATION s each (single client for the scale targets)"
  TOKEN=$(token)
  for name in "${LOAD_TARGETS[@]}"; do measure "$name" "$CONNECTIONS" "$DURATION" "$round"; done
  for name in "${SINGLE_TARGETS[@]}"; do measure "$name" 1 "$DURATION" "$round"; done
  login_compare "$round"
  listing_under_flood "$round"
done
RSS_AFTER=$(rss_mb "$PID_main")
say "RSS of the app after the benchmark: $RSS_AFTER MB"

# ----------------------------------------------------------------------------------------- EXPLAIN for the scale goal
explain() { # db category-id file
  {
    echo "-- goal 7's listings, page 1 and total each (sql/explain.sql), category $2, q=$SEARCH_Q"
    psql -d "$1" -v category="$2" -v q="$SEARCH_Q" -f "$HERE/sql/explain.sql"
  } > "$3" 2>&1
}
explain "$DB" "$(category "$DB")" "$OUT/explain-100k.txt"
$SCALE && explain "$DB_1M" "$(category "$DB_1M")" "$OUT/explain-1m.txt"

# --------------------------------------------------------------------------------------------------------- summary
{
  echo
  echo "medians of $RUNS interleaved round(s); $CONNECTIONS connections unless marked 1c; JVM flags: ${JVM_FLAGS:-none}"
  echo
  printf '| %-14s | %12s | %10s | %10s | %s |\n' target "req/s (tps)" "p50 ms" "p99 ms" "runs (req/s)"
  printf '|%s|%s|%s|%s|%s|\n' ---------------- -------------- ------------ ------------ ----
  for name in "${LOAD_TARGETS[@]}" "${SINGLE_TARGETS[@]}" bcrypt-raw login listing-idle listing-flood; do
    [[ -n "${RPS[$name]:-}" ]] || continue
    python3 - "$name" "${RPS[$name]}" "${P50[$name]:-}" "${P99[$name]:-}" <<'EOF'
import statistics, sys
name, rps, p50, p99 = sys.argv[1], *[[float(v) for v in a.split() if v != "-"] for a in sys.argv[2:]]
med = lambda xs: f"{statistics.median(xs):.2f}" if xs else "-"
print(f"| {name:<14} | {med(rps):>12} | {med(p50):>10} | {med(p99):>10} | {', '.join(f'{v:g}' for v in rps)} |")
EOF
  done
  echo
  python3 - <<EOF
import statistics
def med(s):
    v = [float(x) for x in s.split() if x != "-"]
    return statistics.median(v) if v else float("nan")
rps = {k: med(v) for k, v in {$(for k in "${!RPS[@]}"; do printf '"%s": "%s", ' "$k" "${RPS[$k]}"; done)}.items()}
p99 = {k: med(v) for k, v in {$(for k in "${!P99[@]}"; do printf '"%s": "%s", ' "$k" "${P99[$k]}"; done)}.items()}
rows = []
def row(label, value, goal, ok, unit=""):
    shown = f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    rows.append((label, "n/a" if value != value else shown + unit, goal, "n/a" if value != value else ("yes" if ok(value) else "NO")))
g = lambda k, d: d.get(k, float("nan"))
row("1 trivial route / bare Boot hello (req/s)", g("trivial", rps) / g("hello", rps), ">= 0.5", lambda v: v >= 0.5)
row("2 page 1 with total / pgbench page query", g("page1", rps) / g("pgbench-page", rps), ">= 0.5", lambda v: v >= 0.5)
row("2 cursor page / pgbench page query", g("cursor1", rps) / g("pgbench-page", rps), ">= 0.4", lambda v: v >= 0.4)
row("3 cached detail / trivial route", g("detail", rps) / g("trivial", rps), ">= 0.7", lambda v: v >= 0.7)
row("3 detail with bearer / without", g("detail-bearer", rps) / g("detail", rps), ">= 0.9", lambda v: v >= 0.9)
row("4 login / raw bcrypt verify (cost $BCRYPT_COST)", g("login", rps) / g("bcrypt-raw", rps), ">= 0.9", lambda v: v >= 0.9)
row("4 listing p99 in a login flood / idle", g("listing-flood", p99) / g("listing-idle", p99), "<= 3", lambda v: v <= 3)
row("5 cursor 90,000 deep / first cursor (cost)", g("cursor1", rps) / g("cursor-deep", rps), "<= 1.2", lambda v: v <= 1.2)
row("6 start to readiness (s)", float("${START_SECONDS:-nan}"), "<= 3", lambda v: v <= 3)
row("6 RSS after the benchmark (MB)", float("${RSS_AFTER:-nan}"), "<= 350", lambda v: v <= 350)
row("7 filtered listing p99, 1M, 1c (ms)", g("filter-1m", p99), "<= 30", lambda v: v <= 30)
row("7 search (q=) p99, 1M, 1c (ms)", g("search-1m", p99), "<= 50", lambda v: v <= 50)
row("7 filtered p99 growth 100k -> 1M", g("filter-1m", p99) / g("filter-100k", p99), "<= 1.2 (log n)", lambda v: v <= 1.2)
row("7 search p99 growth 100k -> 1M", g("search-1m", p99) / g("search-100k", p99), "<= 1.2 (log n)", lambda v: v <= 1.2)
w = max(len(r[0]) for r in rows)
print(f"| {'comparison':<{w}} | measured | goal | ok? |")
print(f"|{'-' * (w + 2)}|----------|------|-----|")
for label, value, goal, ok in rows:
    print(f"| {label:<{w}} | {value} | {goal} | {ok} |")
EOF
  echo
  echo "idle RSS after start: ${RSS_IDLE} MB; start measured by: $START_HOW"
  echo "outputs, wrk/pgbench files and EXPLAIN plans: $OUT"
} | tee "$OUT/summary.txt"
exit 0
}
