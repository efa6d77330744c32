#!/usr/bin/env bash
# Roll-ups (issue 15): at each size ("counties x households", default 20x30000 then 100x30000) Hunan counties are onboarded
# and filled by SQL in the test harness's embedded MariaDB, then the nightly snapshot job runs over every active county
# (total; each county's compute time beside the metrics' main SQL over JDBC), and the province dashboard API is timed
# (50 runs after 3 warm-ups, p50/p99) beside its grouped SQL on the control database and /q/health/live.
# Usage: infra/bench/rollup.sh [sizes, default 20x30000,100x30000]
# Output: the table on stdout and in app/target/bench-rollup.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-20x30000,100x30000}
./mvnw -B -q -DskipTests install
./mvnw -B test -pl app -Dtest=RollupBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfpjc.test.verify-catalog=false \
  -Dfpjc.bench.rollup="$SIZES" | grep -E '^(rollup @|snapshot @|dashboard @|  )' || true
cat app/target/bench-rollup.txt
