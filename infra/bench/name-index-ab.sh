#!/usr/bin/env bash
# A/B of the covering member name index (changesets registry-0009/0010, README "Changes") alone, on the data
# infra/bench/run.sh left (its last size): the member table's name index switched by hand between runs, with one package
# serving both (a package A/B on one data directory cannot show a schema change: the newer package migrates it for both).
#   without: ix_member_name (name), as before registry-0009;  with: ix_member_name_household (name, active, household_id)
# The name search (?q=夏, 20 a page) at 16 clients, three 10 s runs after 15 s of warm-up, and health once, per variant;
# two rounds, without and with in turn. The indexes are put back as they were at the end, however the script ends.
# Usage: infra/bench/name-index-ab.sh <package dir>   a demo package, e.g. a copy of app/target/quarkus-app
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -eq 1 ] && [ -f "$1/quarkus-run.jar" ] || { sed -n 2,8p "$0" >&2; exit 2; }
for tool in wrk mariadb curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed (Debian: apt-get install wrk mariadb-client curl python3)" >&2; exit 1; }
done
PKG=$1; PORT=${BENCH_HTTP_PORT:-18301}; BASE="http://127.0.0.1:$PORT"; WORK="$PWD/target/bench-run"; COUNTY=410225
[ -d "$WORK/data" ] || { echo "no bench data: run infra/bench/run.sh first" >&2; exit 1; }
households=$(python3 -c "import json; print(json.load(open('infra/bench/results/latest.json'))['rows'][-1]['households'])")
. infra/bench/lib.sh
db() { local port; port=$(ps -eo args | grep "[m]ariadbd.*$WORK/data" | grep -oE -- "--port=[0-9]+" | head -1 | cut -d= -f2)
  mariadb -h 127.0.0.1 -P "$port" -u root -p"$(grep '^root.password=' "$WORK/data/mariadb/fpjc-credentials.properties" | cut -d= -f2)" \
    -N -B "county_$COUNTY" "$@"; }
has() { # 1 or 0 (statistics has a row per column of an index)
  db -e "SELECT COUNT(DISTINCT index_name) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'member' AND index_name = '$1'"; }
old_index() { db -e "CREATE INDEX IF NOT EXISTS ix_member_name ON member (name)"; }
new_index() { db -e "CREATE INDEX IF NOT EXISTS ix_member_name_household ON member (name, active, household_id)"; }
without() { old_index; db -e "DROP INDEX IF EXISTS ix_member_name_household ON member"; }
with() { new_index; db -e "DROP INDEX IF EXISTS ix_member_name ON member"; }
restore() { # the indexes as found (the data's own Liquibase record says which the package expects)
  if [ "${had_new:-}" = 1 ]; then new_index; else db -e "DROP INDEX IF EXISTS ix_member_name_household ON member"; fi
  if [ "${had_old:-}" = 1 ]; then old_index; else db -e "DROP INDEX IF EXISTS ix_member_name ON member"; fi
}
trap 'if [ -n "${had_new:-}" ]; then restore || echo "the name indexes could not be put back: had ix_member_name_household=$had_new, ix_member_name=$had_old" >&2; fi
  bench_stop 2>/dev/null || true' EXIT
bench_start "$PKG" "$households"
TOKEN=$(curl -fs -XPOST "$BASE/api/auth/login" -H 'content-type: application/json' \
  -d '{"username":"lankao.admin","password":"Demo@2024"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
bench_wait_ok "$BASE/api/counties/$COUNTY/self-check" "$TOKEN" # the county's migrations done
found_new=$(has ix_member_name_household); found_old=$(has ix_member_name)
had_old=$found_old; had_new=$found_new # both known before restore may run
echo "found: ix_member_name_household $had_new, ix_member_name $had_old"
URL="$BASE/api/counties/$COUNTY/households?q=%E5%A4%8F&size=20"
matches=$(curl -fs -D - -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL" | grep -i x-total-count | tr -d '\r')
echo "matches: $matches"
rps() { # $1 = seconds, $2 = URL, $3 = token or empty → "req/s p99"
  local auth=(); [ -n "$3" ] && auth=(-H "Authorization: Bearer $3")
  wrk -t2 -c16 -d"$1s" --latency "${auth[@]}" "$2" | python3 -c '
import re, sys
t = sys.stdin.read()
if re.search(r"Non-2xx or 3xx responses", t): sys.exit("non-2xx answers:\n" + t)
print(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1), re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1))'; }
for round in 1 2; do
  for variant in without with; do
    "$variant"
    r=$(rps 15 "$URL" "$TOKEN") # warm-up; an assignment, so that a failed run stops the script (set -e)
    for _ in 1 2 3; do r=$(rps 10 "$URL" "$TOKEN"); echo "round $round $variant name search $r"; done
    r=$(rps 10 "$BASE/q/health/live" ""); echo "round $round $variant health $r"
  done
done
