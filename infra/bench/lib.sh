# Shared by run.sh and ab.sh (sourced): start and stop one package of the app on the bench data directory.
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
