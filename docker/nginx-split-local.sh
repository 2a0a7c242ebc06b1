#!/usr/bin/env bash
# Writes docker/nginx-split.conf as a local nginx runs it (no Docker): the same routing, with the services and the
# proxy on local ports and pid and logs in a work directory. Used by check-nginx-split.sh and by the split acceptance
# tests (SplitTopology), so that both exercise the file compose ships.
#   nginx-split-local.sh <work dir> <proxy port> <auth port> <marketplace port>  -> <work dir>/nginx.conf
set -euo pipefail
work=$1 proxy=$2 auth=$3 marketplace=$4
sed -e "s|resolver 127.0.0.11|resolver 127.0.0.1|" -e "s|http://auth:8080|http://127.0.0.1:$auth|" \
    -e "s|http://marketplace:8080|http://127.0.0.1:$marketplace|" -e "s|listen 8080;|listen 127.0.0.1:$proxy;|" \
    -e "s|pid /tmp/nginx.pid;|pid $work/nginx.pid;|" -e "s|access_log /dev/stdout;|access_log off;|" \
    -e "s|error_log /dev/stderr warn;|error_log $work/error.log;|" "$(dirname "$0")/nginx-split.conf" > "$work/nginx.conf"
grep -q "listen 127.0.0.1:$proxy;" "$work/nginx.conf" && grep -q "127.0.0.1:$auth" "$work/nginx.conf" \
  && grep -q "127.0.0.1:$marketplace" "$work/nginx.conf" \
  || { echo "docker/nginx-split.conf no longer has the lines this script rewrites" >&2; exit 1; }
