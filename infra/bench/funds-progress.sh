#!/usr/bin/env bash
# 支出进度 figures (衔接资金): at each size in the list (projects:payments; default 2,000:50,000 then 4,000:100,000) a
# Heilongjiang county gets 21 indicator documents, that many approved projects (one funding line each) and that many
# payment records in the test harness's embedded MariaDB; then GET /api/counties/{county}/funds/progress (fund year 2024
# on 2024-10-20) is timed (3 warm-ups, then 30 runs: p50 and p99) beside the raw SQL doing the same aggregates on the
# same rows in the same run. Asserts only that both sum the same paid total.
# Usage: infra/bench/funds-progress.sh [sizes, default 2000:50000,4000:100000]
# Output: the table on stdout and in app/target/bench-funds-progress.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-2000:50000,4000:100000}
./mvnw -B -q -DskipTests install
./mvnw -B test -pl app -Dtest=FundsProgressBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfpjc.test.verify-catalog=false \
  -Dfpjc.bench.funds="$SIZES" | grep -E '^(====|funds @|progress endpoint|  )' || true
cat app/target/bench-funds-progress.txt
