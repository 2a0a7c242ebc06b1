#!/usr/bin/env bash
# CPU profile (JFR) of a running app under wrk load, one recording per hot path, and a text summary of each
# (lib/jfr_summary.py). Usage: profile.sh <base-url> <app-pid> <database> <bearer-token> [out-dir]
# Env: CONNECTIONS (16), WARMUP (20s), DURATION (30s).
set -euo pipefail
BASE=${1:?base url}; PID=${2:?app pid}; DB=${3:?database}; TOKEN=${4:?bearer token}; OUT=${5:-profile-out}
CONNECTIONS=${CONNECTIONS:-16}; WARMUP=${WARMUP:-20s}; DURATION=${DURATION:-30s}
HERE="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc \
  "SELECT id FROM catalog.products WHERE listed ORDER BY random() LIMIT 1000" > "$OUT/ids.txt"
declare -A TARGET=(
  [liveness]="/actuator/health/liveness"
  [detail]="detail"
  [detail-bearer]="detail"
  [listing]="/api/v1/products"
)
for name in liveness detail detail-bearer listing; do
  args=(-t2 -c"$CONNECTIONS" --latency)
  [ "$name" = detail-bearer ] && args+=(-H "Authorization: Bearer $TOKEN")
  if [ "${TARGET[$name]}" = detail ]; then
    args+=(-s "$HERE/catalog/detail.lua" "$BASE"); else args+=("$BASE${TARGET[$name]}"); fi
  (cd "$OUT" && wrk -d"$WARMUP" "${args[@]}" > /dev/null)
  jcmd "$PID" JFR.start name="$name" settings=profile filename="$OUT/$name.jfr" > /dev/null
  (cd "$OUT" && wrk -d"$DURATION" "${args[@]}") > "$OUT/$name.wrk.txt"
  jcmd "$PID" JFR.stop name="$name" > /dev/null
  echo "$name: $(awk '/Requests\/sec/ { print $2 }' "$OUT/$name.wrk.txt") req/s, p99 $(awk '$1 == "99%" { print $2 }' "$OUT/$name.wrk.txt")"
  grep -q Non-2xx "$OUT/$name.wrk.txt" && echo "  NON-2XX: $(grep Non-2xx "$OUT/$name.wrk.txt")"
done
for name in liveness detail detail-bearer listing; do
  python3 "$HERE/lib/jfr_summary.py" "$OUT/$name.jfr" 15 > "$OUT/$name.summary.txt" &
done
wait
