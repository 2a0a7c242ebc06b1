#!/usr/bin/env bash
# Catalog read benchmark on the demo catalogue (see README.md): warms the JIT up in rounds at low concurrency until
# the compiler is quiet, then measures each target RUNS times, interleaved, and prints the median of each.
# Usage: bench.sh <base-url> <app-pid> <database>    e.g. bench.sh http://127.0.0.1:8090 12345 blytz_demo
set -euo pipefail
BASE=${1:?base url}; PID=${2:?app pid}; DB=${3:?database}
CONNECTIONS=${CONNECTIONS:-32}; DURATION=${DURATION:-30s}; RUNS=${RUNS:-3}
cd "$(dirname "$0")"
trap 'rm -f ids.txt' EXIT
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc \
  "SELECT id FROM catalog.products WHERE listed ORDER BY random() LIMIT 1000" > ids.txt
CATEGORY=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT id FROM catalog.categories WHERE slug = 'demo-electronics'")
# A cursor 90,000 rows deep: the next_cursor of the last page of 90,000 rows.
CURSOR=$(curl -sf "$BASE/api/v1/products?page=900&page_size=100" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["pagination"]["next_cursor"])')
declare -A TARGETS=(
  [first-page]="/api/v1/products"
  [filtered]="/api/v1/products?category_id=$CATEGORY&condition=good&min_price=10&max_price=500&sort=price"
  [deep-cursor]="/api/v1/products?cursor=$CURSOR"
)
ORDER=(first-page filtered deep-cursor detail)
run() { # name connections duration
  if [ "$1" = detail ]; then wrk -t2 -c"$2" -d"$3" --latency -s detail.lua "$BASE"
  else wrk -t2 -c"$2" -d"$3" --latency "$BASE${TARGETS[$1]}"; fi
}
compiled() { jstat -compiler "$PID" | awk 'NR == 2 { print $1 }'; }
for round in $(seq 1 10); do
  before=$(compiled)
  for name in "${ORDER[@]}"; do run "$name" 4 10s > /dev/null; done
  delta=$(( $(compiled) - before ))
  echo "warm-up round $round: $delta methods compiled"
  [ "$delta" -lt 25 ] && [ "$round" -ge 3 ] && break
done
declare -A RPS P50 P99
for i in $(seq 1 "$RUNS"); do
  for name in "${ORDER[@]}"; do
    out=$(run "$name" "$CONNECTIONS" "$DURATION")
    if echo "$out" | grep -q "Non-2xx"; then echo "$name: non-2xx responses"; echo "$out"; exit 1; fi
    RPS[$name]+="$(echo "$out" | awk '/Requests\/sec/ { print $2 }') "
    P50[$name]+="$(echo "$out" | awk '$1 == "50%" { print $2 }') "
    P99[$name]+="$(echo "$out" | awk '$1 == "99%" { print $2 }') "
    echo "run $i $name: $(echo "$out" | awk '/Requests\/sec/ { print $2 }') req/s, p50 $(echo "$out" | awk '$1 == "50%" { print $2 }'), p99 $(echo "$out" | awk '$1 == "99%" { print $2 }')"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | python3 -c '
import re, statistics, sys
def ms(v):
    n, u = re.fullmatch(r"([0-9.]+)(us|ms|s)?", v).groups(); return float(n) * {"us": 0.001, "ms": 1, "s": 1000, None: 1}[u]
vals = [l.strip() for l in sys.stdin]
print(round(statistics.median(float(v) if re.fullmatch(r"[0-9.]+", v) else ms(v) for v in vals), 2))'; }
echo "median of $RUNS runs, $CONNECTIONS connections, $DURATION each:"
for name in "${ORDER[@]}"; do
  echo "$name: $(echo "${RPS[$name]}" | median) req/s, p50 $(echo "${P50[$name]}" | median) ms, p99 $(echo "${P99[$name]}" | median) ms"
done
