#!/usr/bin/env bash
# Moving a county between two database servers (issue 16): at each size (households, default 3000 then 30000 — about
# 10,000 and 100,000 members) a county is generated in the test harness's embedded MariaDB and moved to a second
# embedded server through the API; prints the time, the read-only window and the rows copied and verified, beside a raw
# read of the same rows over JDBC.
# Usage: infra/bench/move.sh [sizes, default 3000,30000]
# Output: the lines on stdout and in app/target/bench-move.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-3000,30000}
[ -n "${BENCH_NO_BUILD:-}" ] || ./mvnw -B -q -DskipTests install
./mvnw -B test -pl app -Dtest=MoveBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfpjc.test.verify-catalog=false \
  -Dfpjc.bench.move="$SIZES" | grep -E '^move @' || true
cat app/target/bench-move.txt
