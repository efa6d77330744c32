#!/usr/bin/env bash
# Round trip of one county's backup on a real server, with the packaged app as the source of real data:
#   1. starts the packaged app (app/target/quarkus-app, built with -Dproduction if absent) on the server with the demo
#      counties seeded, JSON logs on and the management port fixed; checks /q/metrics there (and not on the app's port)
#      and that every line the app printed is a JSON object;
#   2. backs up one county database while the app runs (county-backup.sh), restores it under a new name and verifies
#      it (county-restore.sh);
#   3. proves the checks bite: a second restore under the same name is refused, a damaged dump is refused, a changed row
#      and a deleted row in the restored copy fail verification, and a backup of a county written to throughout fails.
# Skipped with a message where the mariadb client, mariadb-dump or the server is absent. Called by test-external-db.sh.
# Databases: ops_bkt_* only (dropped before and after). Server root from DB_HOST/DB_PORT/DB_ROOT_USER/DB_ROOT_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCRIPTS=infra/scripts

for tool in mariadb mariadb-dump gzip openssl curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIPPED backup/restore test: $tool is not installed (Debian: mariadb-client)"; exit 0; }
done
export DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-3306} DB_USER=${DB_ROOT_USER:-root} DB_PASSWORD=${DB_ROOT_PASSWORD:-}
ROOT=(mariadb -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" -N -B)
[ -n "$DB_PASSWORD" ] && ROOT+=(-p"$DB_PASSWORD")
if ! "${ROOT[@]}" -e 'SELECT 1' >/dev/null 2>&1; then
  echo "SKIPPED backup/restore test: no MariaDB/MySQL server reachable on $DB_HOST:$DB_PORT"; exit 0
fi

HTTP_PORT=${BACKUP_TEST_HTTP_PORT:-18210}
MGMT_PORT=${BACKUP_TEST_MANAGEMENT_PORT:-18211}
BASE="http://127.0.0.1:$HTTP_PORT"
COUNTY=410225
SOURCE=ops_bkt_county_$COUNTY
RESTORED=ops_bkt_restored_$COUNTY
WORK=$(mktemp -d)
PASSED=0
pass() { PASSED=$((PASSED + 1)); echo "ok $PASSED - $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

drop_test_databases() {
  local db
  for db in $("${ROOT[@]}" -e "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'ops\\_bkt\\_%'"); do
    "${ROOT[@]}" -e "DROP DATABASE \`$db\`"
  done
}
cleanup() {
  [ -f "$WORK/writer.pid" ] && kill "$(cat "$WORK/writer.pid")" 2>/dev/null || true
  [ -f "$WORK/app.pid" ] && kill "$(cat "$WORK/app.pid")" 2>/dev/null || true
  drop_test_databases || true
  rm -rf "$WORK"
}
trap cleanup EXIT
drop_test_databases

# ---------------------------------------------------------------- 1. real data from the packaged app
if [ ! -f app/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q -Dproduction -DskipTests package
fi
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
openssl rand -base64 16 >"$WORK/id-sm4.key"
openssl rand -base64 32 >"$WORK/id-hmac.key"
"${ROOT[@]}" -e "CREATE DATABASE ops_bkt_control CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:mysql://$DB_HOST:$DB_PORT/ops_bkt_control?useUnicode=true&characterEncoding=utf8&connectionCollation=utf8mb4_unicode_ci" \
QUARKUS_DATASOURCE_USERNAME="$DB_USER" QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$WORK/private.pem" \
FPJC_PERSONAL_DATA_ENCRYPTION_KEY_LOCATION="$WORK/id-sm4.key" FPJC_PERSONAL_DATA_HASH_KEY_LOCATION="$WORK/id-hmac.key" \
FPJC_TENANCY_DATABASE_PREFIX=ops_bkt_county_ FPJC_DEMO_SEED=true FPJC_DEMO_HOUSEHOLDS=200 \
FPJC_LOG_JSON=true FPJC_MANAGEMENT_PORT="$MGMT_PORT" QUARKUS_HTTP_PORT="$HTTP_PORT" \
  java -Djava.io.tmpdir="$WORK" -jar app/target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 &
echo $! >"$WORK/app.pid"
for _ in $(seq 1 240); do
  curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$(cat "$WORK/app.pid")" 2>/dev/null || { tail -40 "$WORK/app.log" >&2; fail "the app stopped while starting"; }
  sleep 1
done
curl -fs "$BASE/q/health/ready" >/dev/null || { tail -40 "$WORK/app.log" >&2; fail "the app did not become ready"; }
TOKEN=$(curl -fs -XPOST "$BASE/api/auth/login" -H 'content-type: application/json' -d '{"username":"lankao.admin","password":"Demo@2024"}' \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/counties/$COUNTY/households?idNumber=410225199001011234"

curl -fs "http://127.0.0.1:$MGMT_PORT/q/metrics" >"$WORK/metrics.txt" || fail "no /q/metrics on the management port $MGMT_PORT"
grep -q '^http_server_requests_seconds_count{.*uri="/api/counties/{county}/households"' "$WORK/metrics.txt" || fail "no request series by route template"
grep -q '^agroal_active_count{datasource="tenants"}' "$WORK/metrics.txt" || fail "no pool series"
grep -q '^fpjc_background_job_failures_total{job="deadline-scan"' "$WORK/metrics.txt" || fail "no job series"
if grep -v '^#' "$WORK/metrics.txt" | grep -E '="[^"]*[0-9]{6}' >/dev/null; then fail "a code in a metric label: $(grep -v '^#' "$WORK/metrics.txt" | grep -E '="[^"]*[0-9]{6}' | head -3)"; fi
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/metrics")" = 404 ] || fail "/q/metrics is served on the app's own port"
pass "packaged app: /q/metrics on the management port only, series by route template, job and pool, no code in any label"

python3 - "$WORK/app.log" <<'EOF' || fail "the app printed lines that are not JSON objects (FPJC_LOG_JSON=true)"
import json, sys
def record(line):
    try:
        value = json.loads(line)
        return value if isinstance(value, dict) else None
    except ValueError:
        return None
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
records = [record(l) for l in lines]
bad = [l for l, r in zip(lines, records) if r is None]
for l in bad[:5]:
    print("not JSON:", l.rstrip()[:200], file=sys.stderr)
if any("410225199001011234" in l for l in lines):
    print("an ID number reached the log", file=sys.stderr); sys.exit(1)
if not any(r and r.get("loggerName") == "cn.fpjc.request" for r in records):
    print("no request line logged", file=sys.stderr); sys.exit(1)
sys.exit(1 if bad or not lines else 0)
EOF
pass "packaged app: every log line is a JSON object ($(grep -c . "$WORK/app.log") lines), no ID number in them"

# ---------------------------------------------------------------- 2. backup while the app runs, restore, verify
bash "$SCRIPTS/county-backup.sh" "$SOURCE" "$WORK/backups" >"$WORK/backup.out" || fail "the backup failed"
mapfile -t FILES <"$WORK/backup.out"
DUMP=${FILES[0]} MANIFEST=${FILES[1]}
[ -s "$DUMP" ] && [ -s "$MANIFEST" ] || fail "the backup wrote no files"
HOUSEHOLDS=$(awk -F'\t' '$1 == "table" && $2 == "household" { print $3 }' "$MANIFEST")
MEMBERS=$(awk -F'\t' '$1 == "table" && $2 == "member" { print $3 }' "$MANIFEST")
[ "$HOUSEHOLDS" = 200 ] || fail "the manifest counts $HOUSEHOLDS households, the demo county has 200"
[ "${MEMBERS:-0}" -gt "$HOUSEHOLDS" ] || fail "the manifest counts ${MEMBERS:-0} members"
pass "backup of $SOURCE while the app runs: $(awk -F'\t' '$1 == "table"' "$MANIFEST" | wc -l) tables, $HOUSEHOLDS households, $MEMBERS members"
kill "$(cat "$WORK/app.pid")"; rm -f "$WORK/app.pid"

bash "$SCRIPTS/county-restore.sh" "$DUMP" "$RESTORED" >"$WORK/restore.out" || { cat "$WORK/restore.out" >&2; fail "the restore did not verify"; }
grep -q "^VERIFIED: $RESTORED" "$WORK/restore.out" || fail "no verification report"
[ "$("${ROOT[@]}" -e "SELECT COUNT(*) FROM $RESTORED.member")" = "$MEMBERS" ] || fail "restored member count"
# The encrypted ID numbers came back byte for byte (--hex-blob), not re-encoded.
[ "$("${ROOT[@]}" -e "SELECT COUNT(*) FROM $RESTORED.member r JOIN $SOURCE.member s ON s.id = r.id AND s.id_cipher = r.id_cipher AND s.id_hash = r.id_hash")" = "$MEMBERS" ] \
  || fail "encrypted columns differ after the restore"
pass "restore into $RESTORED verified: $(grep '^SUMMARY' "$WORK/restore.out" | cut -f2)"

# ---------------------------------------------------------------- 3. the checks bite
if bash "$SCRIPTS/county-restore.sh" "$DUMP" "$RESTORED" >"$WORK/again.out" 2>&1; then fail "a restore overwrote an existing database"; fi
grep -q "REFUSED: database $RESTORED already exists" "$WORK/again.out" || fail "no refusal message: $(cat "$WORK/again.out")"
pass "a restore under an existing name is refused"

mkdir -p "$WORK/damaged"
cp "$DUMP" "$MANIFEST" "$WORK/damaged/"
printf 'x' >>"$WORK/damaged/$(basename "$DUMP")"
if bash "$SCRIPTS/county-restore.sh" "$WORK/damaged/$(basename "$DUMP")" ops_bkt_damaged >"$WORK/damaged.out" 2>&1; then fail "a damaged dump was restored"; fi
grep -q "sha256 differs" "$WORK/damaged.out" || fail "no damage message: $(cat "$WORK/damaged.out")"
[ "$("${ROOT[@]}" -e "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'ops_bkt_damaged'")" = 0 ] || fail "a damaged dump created a database"
pass "a damaged dump is refused before anything is created"

"${ROOT[@]}" -e "UPDATE $RESTORED.member SET name = CONCAT(name, '改') WHERE id = (SELECT id FROM (SELECT MIN(id) id FROM $RESTORED.member) x)"
if bash "$SCRIPTS/county-restore.sh" --verify "$MANIFEST" "$RESTORED" >"$WORK/changed.out" 2>&1; then fail "a changed row passed verification"; fi
grep -q "^DIFFERS	member	$MEMBERS rows, same count but different content" "$WORK/changed.out" || fail "the changed table is not named: $(cat "$WORK/changed.out")"
pass "one changed member row fails verification and names the table"

"${ROOT[@]}" -e "DELETE FROM $RESTORED.income_record ORDER BY id DESC LIMIT 1"
if bash "$SCRIPTS/county-restore.sh" --verify "$MANIFEST" "$RESTORED" >"$WORK/deleted.out" 2>&1; then fail "a deleted row passed verification"; fi
grep -q "^DIFFERS	income_record	.* rows in the backup, .* restored" "$WORK/deleted.out" || fail "the deleted row is not reported: $(cat "$WORK/deleted.out")"
pass "one deleted row fails verification with both counts"

# A county written to throughout the backup: the before/after checksums never agree, so no manifest is written.
"${ROOT[@]}" -e "CREATE TABLE $SOURCE.ops_probe (id INT AUTO_INCREMENT PRIMARY KEY)"
( while :; do "${ROOT[@]}" -e "INSERT INTO $SOURCE.ops_probe VALUES ()"; sleep 0.02; done ) &
echo $! >"$WORK/writer.pid"
sleep 0.5
if BACKUP_ATTEMPTS=2 BACKUP_RETRY_PAUSE=0 bash "$SCRIPTS/county-backup.sh" "$SOURCE" "$WORK/busy" >"$WORK/busy.out" 2>&1; then
  fail "a backup of a county written to throughout claimed a consistent manifest"
fi
kill "$(cat "$WORK/writer.pid")"; rm -f "$WORK/writer.pid"
grep -q "kept changing during 2 backups" "$WORK/busy.out" || fail "no busy message: $(cat "$WORK/busy.out")"
[ -z "$(ls "$WORK/busy" 2>/dev/null)" ] || fail "a failed backup left files: $(ls "$WORK/busy")"
pass "a backup while the county keeps changing fails without leaving files"

echo "backup/restore test passed: $PASSED checks"
