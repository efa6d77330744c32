#!/usr/bin/env bash
# A/B of two packages on the same data (issue 17: the before/after figures in the README's "Changes" come from runs
# like these). Starts each package in turn on the data directory that infra/bench/run.sh left (target/bench-run/data,
# its last size), warms the endpoint up, then measures it with wrk (16 clients) three times, and /q/health/live once;
# two rounds, A B A B, so a machine that speeds up or slows down during the runs does not favour one package.
# Usage: infra/bench/ab.sh <package dir A> <package dir B> <id|detail|inbox-clerk|inbox-approver|self-check>
#   a package dir is a copy of app/target/quarkus-app (the demo package), e.g. cp -r app/target/quarkus-app /tmp/before
#   AB_WARMUP=seconds (default 30: with 8 the JIT had not settled and the first runs swung by 40%)
#   AB_DURATION=seconds per measured run (default 10)   AB_ROUNDS (default 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -eq 3 ] || { sed -n 2,9p "$0" >&2; exit 2; }
A=$1; B=$2; WHAT=$3
WARMUP=${AB_WARMUP:-30}; DURATION=${AB_DURATION:-10}; ROUNDS=${AB_ROUNDS:-2}
PORT=${BENCH_HTTP_PORT:-18301}; BASE="http://127.0.0.1:$PORT"; COUNTY=410225
WORK="$PWD/target/bench-run"
[ -d "$WORK/data" ] || { echo "no bench data: run infra/bench/run.sh first (its last size is used)" >&2; exit 1; }
for p in "$A" "$B"; do [ -f "$p/quarkus-run.jar" ] || { echo "$p: not a package directory (no quarkus-run.jar)" >&2; exit 1; }; done
households=$(python3 -c "import json; print(json.load(open('infra/bench/results/latest.json'))['rows'][-1]['households'])")
trap 'stop 2>/dev/null || true' EXIT
. infra/bench/lib.sh
start() { bench_start "$1" "$households"; } # $1 = package directory
stop() { bench_stop; }
token() { curl -fs -XPOST "$BASE/api/auth/login" -H 'content-type: application/json' \
  -d "{\"username\":\"lankao.$1\",\"password\":\"Demo@2024\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])'; }
rps() { # $1 = seconds, $2 = URL, $3 = token or empty → "req/s p99"
  local auth=(); [ -n "$3" ] && auth=(-H "Authorization: Bearer $3")
  wrk -t2 -c16 -d"$1s" --latency "${auth[@]}" "$2" | python3 -c '
import re, sys
t = sys.stdin.read()
if re.search(r"Non-2xx or 3xx responses", t): sys.exit("non-2xx answers:\n" + t)
print(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1), re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1))'
}
RESULTS="$WORK/ab.tsv"; : >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for pkg in "$A" "$B"; do
    start "$pkg"
    case "$WHAT" in
      id)
        t=$(token admin)
        if [ ! -s "$WORK/ab-id" ]; then # one member's ID number, revealed once (audited) and reused by every run
          hid=$(curl -fs "$BASE/api/counties/$COUNTY/households?size=1&page=100" -H "Authorization: Bearer $t" | python3 -c 'import sys,json; print(json.load(sys.stdin)[0]["id"])')
          mid=$(curl -fs "$BASE/api/counties/$COUNTY/households/$hid" -H "Authorization: Bearer $t" | python3 -c 'import sys,json; print(json.load(sys.stdin)["members"][0]["id"])')
          curl -fs -XPOST "$BASE/api/counties/$COUNTY/households/$hid/members/$mid/reveal" -H "Authorization: Bearer $t" \
            -H 'content-type: application/json' -d '{"reason":"性能基准：A/B 精确身份证号查询"}' |
            python3 -c 'import sys,json; print(json.load(sys.stdin)["idNumber"])' >"$WORK/ab-id"
        fi
        url="$BASE/api/counties/$COUNTY/households?idNumber=$(cat "$WORK/ab-id")" ;;
      detail) # one household's detail (JSON), like run.sh's household detail but another household, and 16 clients, not 20
        t=$(token admin)
        hid=$(curl -fs "$BASE/api/counties/$COUNTY/households?size=1&page=100" -H "Authorization: Bearer $t" | python3 -c 'import sys,json; print(json.load(sys.stdin)[0]["id"])')
        url="$BASE/api/counties/$COUNTY/households/$hid" ;;
      inbox-clerk) t=$(token clerk); url="$BASE/api/counties/$COUNTY/inbox" ;;
      inbox-approver) t=$(token approver); url="$BASE/api/counties/$COUNTY/inbox" ;;
      self-check) t=$(token admin); url="$BASE/api/counties/$COUNTY/self-check" ;;
      *) echo "unknown endpoint: $WHAT (id, detail, inbox-clerk, inbox-approver, self-check)" >&2; exit 2 ;;
    esac
    bench_wait_ok "$url" "$t" # a package started on data the other one migrated checks every county first
    rps "$WARMUP" "$url" "$t" >/dev/null
    for run in 1 2 3; do printf '%s\t%s\t%s\t%s\n' "$round" "$pkg" "$WHAT" "$(rps "$DURATION" "$url" "$t")" | tee -a "$RESULTS"; done
    rps 5 "$BASE/q/health/live" "" >/dev/null
    printf '%s\t%s\thealth\t%s\n' "$round" "$pkg" "$(rps "$DURATION" "$BASE/q/health/live" "")" | tee -a "$RESULTS"
    stop
  done
done
python3 - "$RESULTS" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
print("\n| round | package | endpoint req/s (median of 3) | health req/s | ratio |\n|---|---|---|---|---|")
for key in dict.fromkeys((r[0], r[1]) for r in rows):
    ep = [float(r[3].split()[0]) for r in rows if (r[0], r[1]) == key and r[2] != "health"]
    h = [float(r[3].split()[0]) for r in rows if (r[0], r[1]) == key and r[2] == "health"][0]
    print(f"| {key[0]} | {key[1]} | {statistics.median(ep):,.0f} | {h:,.0f} | {statistics.median(ep) / h:.3f}× |")
PY
