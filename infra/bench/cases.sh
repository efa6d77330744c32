#!/usr/bin/env bash
# Identification figures (issue 5): generates a county of N households (default 300,000) in the test harness's embedded
# MariaDB, writes C open identification cases (default 20,000) spread over the seven steps, then measures the inbox
# (p50/p99 for a village clerk, a township reviewer and a county approver), the county's overdue ledger beside a raw
# count, the nightly deadline scan over the county with C/2 monitored households added (plans for half, visits for a
# third; the county is onboarded under the tests' example province, which sets visit intervals and a re-adjustment
# deadline so that every part of the scan runs), and a county batch approval of B cases (default 1,000).
# Usage: infra/bench/cases.sh [households] [cases] [batch]
# Output: the table on stdout and in app/target/bench-cases.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
HOUSEHOLDS=${1:-300000}
CASES=${2:-20000}
BATCH=${3:-1000}
./mvnw -B -q -DskipTests install
./mvnw -B test -pl app -Dtest=CaseBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfpjc.test.verify-catalog=false \
  -Dfpjc.bench.households="$HOUSEHOLDS" -Dfpjc.bench.cases="$CASES" -Dfpjc.bench.batch="$BATCH" \
  | grep -E '^(====|[a-zA-Z ]{2,}.* (p50|households|cases|median)|  )' || true
cat app/target/bench-cases.txt
