#!/usr/bin/env bash
# Project-asset maintenance scan (衔接资金 part 4): at each size in the list (assets; default 5,000 then 20,000) 信丰县 360722
# gets that many assets with two years of village / township / county checks in the test harness's embedded MariaDB, then
# the overdue scan is timed through the API (GET …/funds/assets/overdue-checks: one set-based SQL, village names, JSON;
# 20 runs after 2 warm-ups, p50/p99) beside the same SQL over JDBC (the raw baseline). Asserts only that the two agree.
# Usage: infra/bench/asset-scan.sh [sizes, default 5000,20000]
# Output: the table on stdout and in app/target/bench-asset-scan.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-5000,20000}
./mvnw -B -q -DskipTests install
./mvnw -B test -pl app -Dtest=AssetScanBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfpjc.test.verify-catalog=false \
  -Dfpjc.bench.assets="$SIZES" | grep -E '^(====|assets @|overdue scan @|  )' || true
cat app/target/bench-asset-scan.txt
