#!/usr/bin/env bash
# Login-throughput benchmark: login over HTTP against raw bcrypt verify at the same cost (goal >= 0.9x).
#
# Usage (from the repository root):
#   blytz-app/src/bench/auth/login-throughput.sh [bcrypt-cost=12] [warmup-seconds=30] [measure-seconds=60]
#
# Builds the app jar (tests skipped), starts it on a free port with the given bcrypt cost and the rate limits
# lifted (one client logs in many times), runs LoginBench.java (raw bcrypt with as many threads as the app's
# hashing pool, i.e. the CPU count, then logins over HTTP), prints both rates and the ratio, and stops the app.
# Uses SPRING_DATASOURCE_* / REDIS_URL when set (e.g. the machine's PostgreSQL and Redis), else the embedded
# servers (data under target/bench-data). A benchmark, not a test: run it on an otherwise idle machine.
set -euo pipefail

cost="${1:-12}"
warmup="${2:-30}"
measure="${3:-60}"
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"

if [[ -z "${JAVA_HOME:-}" ]]; then
  for jdk in /usr/lib/jvm/*25*; do [[ -x "$jdk/bin/java" ]] && export JAVA_HOME="$jdk" && break; done
fi
java="$JAVA_HOME/bin/java"

./mvnw -B -q -pl blytz-app -am package -DskipTests
crypto_jar="$(find "$HOME/.m2/repository/org/springframework/security/spring-security-crypto" -name 'spring-security-crypto-*.jar' \
  ! -name '*sources*' | sort | tail -n 1)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
threads="$(nproc)"
log="$root/blytz-app/target/bench-login.log"

export BLYTZ_AUTH_PASSWORD_PEPPER="login benchmark pepper, thirty-two characters or more"
BLYTZ_AUTH_BCRYPT_COST="$cost" SERVER_PORT="$port" BLYTZ_EMBEDDED_DATA_DIR="$root/blytz-app/target/bench-data" \
  "$java" -jar blytz-app/target/blytz-app.jar \
  --blytz.rate-limit.per-ip.limit=100000000 \
  --blytz.rate-limit.policies.auth-strict.limit=100000000 \
  --blytz.rate-limit.policies.auth-login.limit=100000000 \
  --logging.level.root=WARN >"$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "app did not start; see $log" >&2; exit 1; }

"$java" -cp "$crypto_jar" blytz-app/src/bench/auth/LoginBench.java \
  "http://127.0.0.1:$port" "$cost" "$threads" compare "$warmup" "$measure"
