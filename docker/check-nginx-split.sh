#!/usr/bin/env bash
# Checks docker/nginx-split.conf with a local nginx (no Docker needed): its syntax, then its routing against two
# stand-in services that echo what they received: auth's routes to auth, the rest to the marketplace, the client's
# X-Forwarded-For extended, and a problem+json 503 with Retry-After when a service is down.
set -euo pipefail
cd "$(dirname "$0")"
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$nginx" ]] || { echo "nginx is not installed: skipped"; exit 0; }

work=$(mktemp -d)
pids=()
cleanup() { [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; kill "${pids[@]}" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
proxy=$(free_port); auth=$(free_port); marketplace=$(free_port)

cat > "$work/echo.py" <<'PY'
import sys, json, http.server
class Echo(http.server.BaseHTTPRequestHandler):
    def answer(self):
        body = json.dumps({"service": sys.argv[2], "path": self.path,
                           "xff": self.headers.get("X-Forwarded-For")}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST = answer
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Echo).serve_forever()
PY
python3 "$work/echo.py" "$auth" auth & pids+=($!)
python3 "$work/echo.py" "$marketplace" marketplace & pids+=($!)

./nginx-split-local.sh "$work" "$proxy" "$auth" "$marketplace"
"$nginx" -t -q -c "$work/nginx.conf"
"$nginx" -c "$work/nginx.conf" -e "$work/error.log" -g 'daemon on;'
for port in "$auth" "$marketplace" "$proxy"; do
  for _ in $(seq 50); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
done

expect() { # method path service
  local got
  got=$(curl -sf -X "$1" -H 'X-Forwarded-For: 203.0.113.7' "http://127.0.0.1:$proxy$2")
  [[ "$got" == *"\"service\": \"$3\""* && "$got" == *'"xff": "203.0.113.7, 127.0.0.1"'* ]] \
    || { echo "FAIL: $1 $2 should reach $3 with X-Forwarded-For extended, got: $got"; exit 1; }
  echo "ok: $1 $2 -> $3"
}
expect POST /api/v1/auth/login auth
expect POST /api/v1/auth/accounts/0190/suspend auth
expect GET /.well-known/jwks.json auth
expect GET /api/v1/users/me marketplace
expect GET /api/v1/authors marketplace
expect GET /api/v1/auctions/0190/stream marketplace
expect GET /v3/api-docs marketplace

kill "${pids[0]}"; sleep 0.5
headers=$(curl -s -o /dev/null -D - -X POST "http://127.0.0.1:$proxy/api/v1/auth/login")
[[ "$headers" == *" 503 "* && "$headers" == *"application/problem+json"* && "$headers" == *"Retry-After: 2"* ]] \
  || { echo "FAIL: a service down should be a 503 problem with Retry-After, got: $headers"; exit 1; }
echo "ok: auth down -> 503 problem+json with Retry-After"
