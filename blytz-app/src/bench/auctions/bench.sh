#!/usr/bin/env bash
# Hot-auction benchmark (ADR 0025): many bidders on one auction through two app instances sharing PostgreSQL and
# Redis, then a check of the auction's log, then pgbench's bare single-row UPDATE ... RETURNING at the same
# concurrency for comparison (goal: accepted bids/s >= 0.5x of it).
#
# Usage (from the repository root; needs the machine's PostgreSQL and Redis, psql and pgbench):
#   SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/<db> SPRING_DATASOURCE_USERNAME=postgres \
#   REDIS_URL=redis://127.0.0.1:6379/<n> blytz-app/src/bench/auctions/bench.sh [bidders=64] [seconds=20] \
#   [max-warmup=300] [workload=chase|ladder]
#
# Builds the fat jar unless it exists, starts it twice on free ports with the rate limits lifted, runs
# AuctionBench.java, samples PostgreSQL's sessions while it measures (where the time goes), checks the log with psql
# and runs pgbench. The bidders warm both instances until their JIT compilers are quiet (below, at most max-warmup
# seconds): on two shared cores C2 takes a minute or two to compile the bid path, and until then it takes a third of
# the instances' CPU (README). A benchmark, not a test: run it on an idle machine. BENCH_JAVA_OPTS go to both instances;
# BENCH_JFR=<dir> records both with JFR over the measured window; BENCH_JAR=<jar> runs that build instead (A/B).
set -euo pipefail

bidders="${1:-64}"
seconds="${2:-20}"
warmup="${3:-300}"
workload="${4:-chase}"
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
: "${SPRING_DATASOURCE_URL:?set SPRING_DATASOURCE_URL (two instances must share one PostgreSQL)}"
: "${REDIS_URL:?set REDIS_URL (two instances must share one Redis)}"

if [[ -z "${JAVA_HOME:-}" ]]; then
  for jdk in /usr/lib/jvm/*25*; do [[ -x "$jdk/bin/java" ]] && export JAVA_HOME="$jdk" && break; done
fi
java="$JAVA_HOME/bin/java"
jar="${BENCH_JAR:-blytz-app/target/blytz-app.jar}"
[[ -f "$jar" ]] || ./mvnw -B -q -pl blytz-app -am package -DskipTests

# psql's connection from the JDBC URL: jdbc:postgresql://host:port/db
hostport_db="${SPRING_DATASOURCE_URL#jdbc:postgresql://}"
db="${hostport_db#*/}"; db="${db%%\?*}"
hostport="${hostport_db%%/*}"
export PGHOST="${hostport%%:*}" PGPORT="${hostport##*:}" PGUSER="${SPRING_DATASOURCE_USERNAME:-postgres}"
[[ -n "${SPRING_DATASOURCE_PASSWORD:-}" ]] && export PGPASSWORD="$SPRING_DATASOURCE_PASSWORD"

export BLYTZ_ADMIN_EMAIL="bench-admin@bench.test" BLYTZ_ADMIN_PASSWORD="bench admin passphrase 4c1e"
# A profile of its own: no demo data, no prod checks.
export SPRING_PROFILES_ACTIVE=bench BLYTZ_AUTH_BCRYPT_COST=10 BLYTZ_EMBEDDED_ENABLED=false
export BLYTZ_CURSOR_KEYS="$(head -c 32 /dev/urandom | base64)"
limits=(--blytz.rate-limit.per-ip.limit=100000000 --blytz.rate-limit.policies.auth-strict.limit=100000000
  --blytz.rate-limit.policies.auth-login.limit=100000000 --blytz.rate-limit.policies.auctions-bid.limit=100000000
  --blytz.auctions.bids-per-account.limit=100000000 --logging.level.root=WARN)
apps=()
bases=()
cleanup() { for pid in "${apps[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
for instance in 1 2; do
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  # shellcheck disable=SC2086
  SERVER_PORT="$port" "$java" ${BENCH_JAVA_OPTS:-} -jar "$jar" "${limits[@]}" \
    >"blytz-app/target/bench-auctions-$instance.log" 2>&1 &
  apps+=("$!")
  bases+=("http://127.0.0.1:$port")
  # One at a time: the first runs Liquibase and the demo data alone.
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null \
    || { echo "instance $instance did not start; see blytz-app/target/bench-auctions-$instance.log" >&2; exit 1; }
done

# Earlier runs' dead rows (a refused bid's released key, each batch's new versions of its participants and of the
# auction's row) are vacuumed away first, and again before pgbench: neither side runs beside autovacuum's clean-up.
vacuum_auctions() { psql -X -q -d "$db" -c "VACUUM (ANALYZE) auctions.idempotency_keys, auctions.participants, \
  auctions.auctions, auctions.bids, auctions.auction_events"; }
vacuum_auctions
out=blytz-app/target/bench-auctions-client.out
quiet=blytz-app/target/bench-auctions-quiet
rm -f "$out" "$quiet"
"$java" blytz-app/src/bench/auctions/AuctionBench.java "$BLYTZ_ADMIN_EMAIL" "$BLYTZ_ADMIN_PASSWORD" \
  "$bidders" "$((warmup + 60))" "$seconds" "$workload" "$quiet" "${bases[@]}" >"$out" &
client=$!
await() { until grep -q "^$1" "$out" 2>/dev/null; do
  kill -0 "$client" 2>/dev/null || { wait "$client"; echo "the client failed" >&2; exit 1; }
  sleep 0.2
done; }
# Warm until the JIT is quiet: both instances' compiler threads (C1 and C2) below 5 % of a core over a 10 s window,
# after at least 30 s of bidding, or at most max-warmup seconds. This script ends the warm-up either way, so that the
# measured window starts with its samples and recordings below (the client's own limit, a minute later, is a fallback).
# utime + stime of a thread: the fields after its name, which holds a space ("C2 CompilerThre"); a thread that ended
# meanwhile counts 0.
compiler_ticks() { local sum=0 task ticks; for task in /proc/"$1"/task/*; do
  [[ "$(cat "$task/comm" 2>/dev/null)" == C[12]\ Compiler* ]] || continue
  ticks="$(sed 's/.*) //' "$task/stat" 2>/dev/null | awk '{print $12 + $13}')"
  sum=$((sum + ${ticks:-0})); done; echo "$sum"; }
await warming
warm_start=$SECONDS
sleep 20
while ! grep -q '^measuring' "$out" && kill -0 "$client" 2>/dev/null; do
  before=("$(compiler_ticks "${apps[0]}")" "$(compiler_ticks "${apps[1]}")")
  sleep 10
  cores=("$(( ($(compiler_ticks "${apps[0]}") - before[0]) * 10 / $(getconf CLK_TCK) ))" \
    "$(( ($(compiler_ticks "${apps[1]}") - before[1]) * 10 / $(getconf CLK_TCK) ))")
  echo "warm-up: JIT compilers at ${cores[0]} % and ${cores[1]} % of a core"
  if (( cores[0] < 5 && cores[1] < 5 )); then touch "$quiet"; sleep 1
  elif (( SECONDS - warm_start >= warmup )); then
    echo "warm-up: max-warmup reached, JIT still busy"; touch "$quiet"; sleep 1
  fi
done
await measuring
# With BENCH_JFR=<dir>: a JFR recording of each instance over the measured window only (no start-up, no set-up).
if [[ -n "${BENCH_JFR:-}" ]]; then
  for pid in "${apps[@]}"; do
    "$JAVA_HOME/bin/jcmd" "$pid" JFR.start duration="${seconds}s" settings=profile \
      filename="$BENCH_JFR/bench-auctions-$pid.jfr" >/dev/null
  done
fi
# Where the CPU goes over the measured window: each instance, PostgreSQL (every backend, of any database), Redis,
# and the rest of the machine (the client, which reports its own, and other work on a shared machine), in cores (CPU
# seconds per second).
ticks() { local sum=0 pid; for pid in "$@"; do
  [[ -r /proc/$pid/stat ]] && sum=$((sum + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$sum"; }
# The machine's busy ticks, then its stolen ones (a virtual machine's cores the hypervisor gave to other guests).
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $9}' /proc/stat; }
cpu_snapshot() { echo "$(ticks "${apps[0]}") $(ticks "${apps[1]}") $(ticks $(pgrep -x postgres)) \
  $(ticks $(pgrep -x redis-server)) $(machine_ticks) $(date +%s.%N)"; }
cpu_before="$(cpu_snapshot)"
# Where the time goes: PostgreSQL's client sessions of this database sampled every 50 ms while the client measures,
# as the average number of sessions in each state, wait and statement (a session "idle in transaction" holds its locks
# while the application works after the statement shown: after the row lock's SELECT … FOR UPDATE, it decides under
# the lock).
samples=$((seconds * 20 - 10))
psql -X -q -d "$db" -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE sample (state text, wait text, query text);
DO \$\$ BEGIN
  FOR i IN 1..$samples LOOP
    PERFORM pg_stat_clear_snapshot();
    INSERT INTO sample SELECT state, coalesce(wait_event_type || ':' || wait_event, 'CPU'), left(regexp_replace(query, '\s+', ' ', 'g'), 50)
      FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend';
    PERFORM pg_sleep(0.05);
  END LOOP;
END \$\$;
\echo --- PostgreSQL sessions while measuring (average count per sample)
SELECT state, wait, round(count(*)::numeric / $samples, 2) AS sessions, query
  FROM sample WHERE state <> 'idle' GROUP BY state, wait, query HAVING count(*) >= $samples / 100
  ORDER BY count(*) DESC LIMIT 16;
SQL
cpu_after="$(cpu_snapshot)"
wait "$client"
python3 - "$cpu_before" "$cpu_after" "$(getconf CLK_TCK)" <<'PY'
import sys
before, after, hz = [float(x) for x in sys.argv[1].split()], [float(x) for x in sys.argv[2].split()], float(sys.argv[3])
seconds = after[-1] - before[-1]
cores = [(a - b) / hz / seconds for a, b in zip(after[:-1], before[:-1])]
names = ["instance 1", "instance 2", "PostgreSQL", "Redis"]
print("--- CPU while measuring (cores; the machine has %d)" % __import__("os").cpu_count())
for name, used in zip(names, cores):
    print(f"{name:12s} {used:5.2f}")
print(f"{'the rest':12s} {cores[4] - sum(cores[:4]):5.2f} (the client and other work)")
print(f"{'machine':12s} {cores[4]:5.2f}")
print(f"{'stolen':12s} {cores[5]:5.2f} (by the hypervisor: cores this machine was runnable for but not given)")
PY
result="$(grep -v '^measuring\|^warming' "$out")"
echo "$result"
echo "load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
auction="$(sed -n 's/^auction=//p' <<<"$result")"
accepted="$(sed -n 's/^accepted=//p' <<<"$result")"
rate="$(sed -n 's/^accepted_per_second=//p' <<<"$result")"
decided="$(sed -n 's/^decided_per_second=//p' <<<"$result")"

echo "--- log check of auction $auction"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -At <<SQL
WITH log AS (SELECT seq, type, lag(seq) OVER (ORDER BY seq) AS previous FROM auctions.auction_events
             WHERE auction_id = '$auction'),
     bids AS (SELECT amount, lag(amount) OVER (ORDER BY seq) AS previous FROM auctions.bids
              WHERE auction_id = '$auction')
SELECT 'events=' || (SELECT count(*) FROM log)
  || ' gaps_or_duplicates=' || (SELECT count(*) FROM log WHERE previous IS NOT NULL AND seq <> previous + 1)
  || ' first_seq=' || (SELECT min(seq) FROM log)
  || ' bid_placed=' || (SELECT count(*) FROM log WHERE type = 'bid_placed')
  || ' max_raised=' || (SELECT count(*) FROM log WHERE type = 'max_raised')
  -- The facts of one transaction share its time: accepted bids per writing transaction (a batch, ADR 0025).
  || ' writing_transactions=' || (SELECT count(DISTINCT occurred_at) FROM auctions.auction_events
                                  WHERE auction_id = '$auction' AND type = 'bid_placed')
  || ' not_increasing=' || (SELECT count(*) FROM bids WHERE previous IS NOT NULL AND amount <= previous)
  || ' projection_bid_count=' || (SELECT bid_count FROM auctions.auctions WHERE id = '$auction')
  || ' bid_rows=' || (SELECT count(*) FROM bids);
SQL
# Every 201 is one fact: a bid placed, or (a leader bidding over their own price) their maximum raised (ADR 0025).
placed="$(psql -X -d "$db" -At -c "SELECT count(*) FROM auctions.auction_events WHERE auction_id = '$auction' AND type IN ('bid_placed', 'max_raised')")"
if [[ "$placed" == "$accepted" ]]; then
  echo "accepted bids in the log: $placed bid_placed + max_raised = accepted responses $accepted (none lost, none doubled)"
else
  echo "MISMATCH: $placed bid_placed + max_raised in the log, $accepted accepted responses" >&2
  exit 1
fi

# The instances' connection pools are released first: PostgreSQL allows max_connections in all.
cleanup
apps=()
vacuum_auctions
echo "--- pgbench: UPDATE ... RETURNING of one row, $bidders clients, $seconds s"
psql -X -q -d "$db" -c "CREATE TABLE IF NOT EXISTS public.bench_counter (id int PRIMARY KEY, n bigint NOT NULL)" \
  -c "INSERT INTO public.bench_counter VALUES (1, 0) ON CONFLICT (id) DO NOTHING"
script="$(mktemp)"
echo "UPDATE public.bench_counter SET n = n + 1 WHERE id = 1 RETURNING n;" >"$script"
pgbench -n -c "$bidders" -j "$(nproc)" -T "$seconds" -f "$script" "$db" >"blytz-app/target/bench-pgbench.log" 2>&1 \
  || { echo "pgbench failed; see blytz-app/target/bench-pgbench.log" >&2
       psql -X -q -d "$db" -c "DROP TABLE public.bench_counter"; exit 1; }
tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' blytz-app/target/bench-pgbench.log)"
rm -f "$script"
psql -X -q -d "$db" -c "DROP TABLE public.bench_counter"
echo "pgbench_tps=$tps"
python3 -c "print(f'ratio={float($rate) / float($tps):.3f} (accepted bids/s / pgbench tps); '
                  f'decided_ratio={float($decided) / float($tps):.3f} (decided bids/s / pgbench tps)')"
echo "load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
