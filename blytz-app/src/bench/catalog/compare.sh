#!/usr/bin/env bash
# Two builds side by side on one database, interleaved (README: "Before/after"): each target runs on A, then on B,
# RUNS times, after a short warm-up of both. Start both apps first (e.g. main's jar and a branch's jar on two ports).
# Usage: compare.sh <url-a> <url-b> <database>   e.g. compare.sh http://127.0.0.1:8197 http://127.0.0.1:8196 blytz_demo
set -u
A=${1:?url a}; B=${2:?url b}; DB=${3:?database}
C=${C:-16}; D=${D:-10s}; RUNS=${RUNS:-2}
cd "$(dirname "$0")"
trap 'rm -f ids.txt' EXIT
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT id FROM catalog.products WHERE listed ORDER BY random() LIMIT 1000" > ids.txt
CATEGORY=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT id FROM catalog.categories WHERE slug = 'demo-electronics'")
declare -A URL=([a]=$A [b]=$B) CURSOR
for app in a b; do # cursors are signed per process unless BLYTZ_CURSOR_KEYS is shared
  CURSOR[$app]=$(curl -sf "${URL[$app]}/api/v1/products?page=900&page_size=100" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["pagination"]["next_cursor"])')
done
TARGETS=(liveness first-page filtered deep-cursor detail)
path() { case $1 in
  liveness) echo "/actuator/health/liveness";;
  first-page) echo "/api/v1/products";;
  filtered) echo "/api/v1/products?category_id=$CATEGORY&condition=good&min_price=10&max_price=500&sort=price";;
  deep-cursor) echo "/api/v1/products?cursor=${CURSOR[$2]}";;
esac; }
run() { # target app connections duration
  if [ "$1" = detail ]; then wrk -t2 -c"$3" -d"$4" --latency -s detail.lua "${URL[$2]}"
  else wrk -t2 -c"$3" -d"$4" --latency "${URL[$2]}$(path "$1" "$2")"; fi
}
for round in 1 2; do for t in "${TARGETS[@]}"; do for app in a b; do run "$t" "$app" 4 5s > /dev/null; done; done; done
for r in $(seq 1 "$RUNS"); do
  for t in "${TARGETS[@]}"; do for app in a b; do
    out=$(run "$t" "$app" "$C" "$D")
    echo "run $r $t $app: $(echo "$out" | awk '/Requests\/sec/ {print $2}') req/s," \
      "p50 $(echo "$out" | awk '$1 == "50%" {print $2}'), p99 $(echo "$out" | awk '$1 == "99%" {print $2}')" \
      "$(echo "$out" | grep -o 'Non-2xx.*')"
  done; done
done
