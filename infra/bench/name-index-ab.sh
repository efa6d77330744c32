#!/usr/bin/env bash
# A/B of the covering member name index (changeset registry-0009, README "Changes") alone: one package built before that
# changeset, on the data infra/bench/run.sh left (its last size), with the index dropped and created by hand between runs
# (under another name, so the package's own schema is untouched); the name search (?q=夏, 20 a page) at 16 clients, three
# 10 s runs after 15 s of warm-up, and health once, per variant; two rounds, without and with in turn.
# Usage: infra/bench/name-index-ab.sh <package dir without registry-0009>   e.g. a copy of app/target/quarkus-app of 541a722
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -eq 1 ] && [ -f "$1/quarkus-run.jar" ] || { sed -n 2,6p "$0" >&2; exit 2; }
PKG=$1; PORT=${BENCH_HTTP_PORT:-18301}; BASE="http://127.0.0.1:$PORT"; WORK="$PWD/target/bench-run"; COUNTY=410225
[ -d "$WORK/data" ] || { echo "no bench data: run infra/bench/run.sh first" >&2; exit 1; }
if unzip -p "$PKG"/lib/main/cn.fpjc.fpjc-core-registry-*.jar db/registry/changelog.xml | grep -q registry-0009; then
  echo "$PKG already has the index (registry-0009): use a package built before it" >&2; exit 1
fi
households=$(python3 -c "import json; print(json.load(open('infra/bench/results/latest.json'))['rows'][-1]['households'])")
. infra/bench/lib.sh
trap 'bench_stop 2>/dev/null || true' EXIT
bench_start "$PKG" "$households"
db() { local port; port=$(ps -eo args | grep "[m]ariadbd.*$WORK/data" | grep -oE -- "--port=[0-9]+" | head -1 | cut -d= -f2)
  mariadb -h 127.0.0.1 -P "$port" -u root -p"$(grep '^root.password=' "$WORK/data/mariadb/fpjc-credentials.properties" | cut -d= -f2)" \
    "county_$COUNTY" "$@"; }
TOKEN=$(curl -fs -XPOST "$BASE/api/auth/login" -H 'content-type: application/json' \
  -d '{"username":"lankao.admin","password":"Demo@2024"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
bench_wait_ok "$BASE/api/counties/$COUNTY/self-check" "$TOKEN"
URL="$BASE/api/counties/$COUNTY/households?q=%E5%A4%8F&size=20"
echo "matches: $(curl -fs -D - -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL" | grep -i x-total-count | tr -d '\r')"
rps() { # $1 = seconds, $2 = URL, $3 = token or empty → "req/s p99"
  local auth=(); [ -n "$3" ] && auth=(-H "Authorization: Bearer $3")
  wrk -t2 -c16 -d"$1s" --latency "${auth[@]}" "$2" | python3 -c '
import re, sys
t = sys.stdin.read()
if re.search(r"Non-2xx or 3xx responses", t): sys.exit("non-2xx answers:\n" + t)
print(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1), re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1))'; }
for round in 1 2; do
  for variant in without with; do
    if [ "$variant" = with ]; then db -e "CREATE INDEX ix_ab_member_name_cover ON member (name, active, household_id)"
    else db -e "DROP INDEX IF EXISTS ix_ab_member_name_cover ON member"; fi
    rps 15 "$URL" "$TOKEN" >/dev/null
    for _ in 1 2 3; do echo "round $round $variant name search $(rps 10 "$URL" "$TOKEN")"; done
    echo "round $round $variant health $(rps 10 "$BASE/q/health/live" "")"
  done
done
db -e "DROP INDEX IF EXISTS ix_ab_member_name_cover ON member"
