#!/usr/bin/env bash
# Start-up time and memory of the app as shipped (ADR 0026): the fat jar extracted, the launch settings of
# blytz-app/launch (jvm.options, run.sh) and the JDK's AOT cache from a training run (train.sh), the prod profile
# against an external PostgreSQL and Redis.
#
#   measure.sh <fat jar> <database name> <redis url>
#   e.g. measure.sh blytz-app/target/blytz-app.jar blytz_start redis://127.0.0.1:6379/12
#
# Prints start_seconds=<median seconds from `java` to readiness UP>, start_cpu_seconds=<median CPU-seconds the process
# used until then> and rss_idle_mb=<RSS a few seconds later>, then, unless LOAD_SECONDS=0,
# rss_load_mb=<RSS after LOAD_SECONDS of wrk on a listing and the liveness probe>.
# Env: RUNS (starts measured, default 3), PORT (default 8097), LOAD_SECONDS (default 60), PGHOST/PGUSER/PGPASSWORD
# (default 127.0.0.1/postgres), NO_AOT=1 to start without the AOT cache (for comparison).
set -euo pipefail

jar=$(realpath "$1") db=$2 redis=$3
runs=${RUNS:-3} port=${PORT:-8097} load_seconds=${LOAD_SECONDS:-60}
here=$(cd "$(dirname "$0")" && pwd)
launch="$here/../../../launch"
work=$(mktemp -d)
app_pid=
cleanup() {
  if [[ -n $app_pid ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The prod profile with throw-away secrets (it refuses to start without them); no rate limit in the way of the load.
export SPRING_PROFILES_ACTIVE=prod SERVER_PORT=$port RATE_LIMIT_PER_IP=100000000
export SPRING_DATASOURCE_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:5432/$db"
export SPRING_DATASOURCE_USERNAME=${PGUSER:-postgres} SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-} REDIS_URL=$redis
export BLYTZ_CURSOR_KEYS=$(openssl rand -base64 32) SPRING_MAIL_HOST=127.0.0.1
export BLYTZ_AUTH_PASSWORD_PEPPER=$(openssl rand -hex 32) BLYTZ_AUTH_DEVICE_TOKEN_KEY=$(openssl rand -hex 32)
BLYTZ_AUTH_SIGNING_KEY=$(openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt)
export BLYTZ_AUTH_SIGNING_KEY

java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
cp "$launch/jvm.options" "$launch/run.sh" "$launch/train.sh" "$work/app/"
if [[ -z ${NO_AOT:-} ]]; then
  "$work/app/train.sh" >"$work/train.log" 2>&1 || { tail -40 "$work/train.log" >&2; exit 1; }
fi

rss_mb() { echo $(( $(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status") / 1024 )); }

# Starts the app and waits for readiness; sets started_in to the seconds that took and started_cpu to the CPU-seconds
# the process used until then (the steadier figure on a busy machine).
start() {
  local t0 t1
  t0=$(date +%s%N)
  "$work/app/run.sh" >"$work/app.log" 2>&1 &
  app_pid=$!
  until curl -fs -o /dev/null "localhost:$port/actuator/health/readiness"; do
    if ! kill -0 "$app_pid" 2>/dev/null; then tail -40 "$work/app.log" >&2; exit 1; fi
    sleep 0.02
  done
  t1=$(date +%s%N)
  started_in=$(echo "scale=2; ($t1 - $t0) / 1000000000" | bc)
  started_cpu=$(awk -v tck="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tck}' "/proc/$app_pid/stat")
}

stop() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=; }

times=() cpus=()
for ((i = 1; i <= runs; i++)); do
  start
  times+=("$started_in")
  cpus+=("$started_cpu")
  if ((i < runs)); then stop; fi
done
echo "start_seconds=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")"
echo "start_cpu_seconds=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")"
echo "start_seconds_all=${times[*]} start_cpu_seconds_all=${cpus[*]}" >&2
sleep 5
echo "rss_idle_mb=$(rss_mb)"

if ((load_seconds > 0)); then
  half=$(( (load_seconds + 1) / 2 ))
  wrk -t2 -c16 -d"${half}s" "http://localhost:$port/api/v1/products?page_size=20" >/dev/null
  wrk -t2 -c16 -d"${half}s" "http://localhost:$port/actuator/health/liveness" >/dev/null
  echo "rss_load_mb=$(rss_mb)"
fi
