# Shared by run.sh, ab.sh, name-index-ab.sh and import-ab.sh (sourced): start and stop one package of the app on the bench data directory.
# Needs WORK (the bench directory, its data under $WORK/data), PORT (HTTP; management on PORT + 1) and BASE.

bench_start() { # $1 = package directory (holding quarkus-run.jar), $2 = households per demo county
  java -Xmx1g -Dfpjc.data-dir="$WORK/data" -Dfpjc.demo.households="$2" -Dquarkus.http.port="$PORT" \
    -Dquarkus.management.port="$((PORT + 1))" -jar "$1/quarkus-run.jar" >>"$WORK/app.log" 2>&1 &
  echo $! >"$WORK/pid"
  for _ in $(seq 1 3600); do
    curl -fs --max-time 5 "$BASE/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$WORK/pid")" 2>/dev/null || { echo "the app exited; see its log" >&2; tail -30 "$WORK/app.log" >&2; exit 1; }
    sleep 1
  done
  echo "not ready within an hour" >&2; exit 1
}

bench_stop() {
  local pid; pid=$(cat "$WORK/pid" 2>/dev/null) || return 0; kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

bench_wait_ok() { # $1 = URL, $2 = token: a county is served only once its migration check is done (503 until then)
  local code
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $2" "$1")
    [ "$code" = 200 ] && return 0
    [ "$code" = 503 ] || { echo "$1 answered $code while waiting for the county" >&2; exit 1; }
    sleep 1
  done
  echo "$1 still 503 after 10 minutes" >&2; exit 1
}

bench_import() { # $1 = CSV file, $2 = token, $3 = county: uploads it to write what is valid, waits for the job (an hour at most),
  # stops the script unless every row was written; sets IMPORT_JOB and IMPORT_MS (upload to finish)
  local t0 state running status errors
  t0=$(date +%s%N)
  IMPORT_JOB=$(curl -fs --max-time 600 -XPOST "$BASE/api/counties/$3/household-imports" -H "Authorization: Bearer $2" \
    -F "file=@$1;filename=import.csv" -F mode=VALID_ONLY | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])' 2>/dev/null) || true
  [[ "$IMPORT_JOB" =~ ^[0-9]+$ ]] || { echo "the upload of $1 was refused" >&2; exit 1; }
  for _ in $(seq 1 18000); do
    state=$(curl -fs --max-time 30 "$BASE/api/counties/$3/household-imports/$IMPORT_JOB" -H "Authorization: Bearer $2") ||
      { echo "import $IMPORT_JOB: the app did not answer" >&2; exit 1; }
    read -r running status errors < <(echo "$state" | python3 -c 'import sys,json; d=json.load(sys.stdin); print(d["running"], d["status"], d["rowsWithErrors"])' 2>/dev/null) ||
      { echo "import $IMPORT_JOB: unreadable answer: $state" >&2; exit 1; }
    if [ "$running" = False ]; then
      IMPORT_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
      [ "$status" = DONE ] && [ "$errors" = 0 ] && return 0
      echo "import $IMPORT_JOB did not finish cleanly: $state" >&2; exit 1
    fi
    sleep 0.2
  done
  echo "import $IMPORT_JOB still running after an hour" >&2; exit 1
}
