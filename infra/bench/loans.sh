#!/usr/bin/env bash
# Loan figures (issue 13): at each size in the list (disbursed loans; default 5,000 then 50,000) a Henan county gets that
# many 脱贫人口小额信贷 loans with their schedules (12 instalments each) in the test harness's embedded MariaDB, then the
# nightly delinquency scan (LoanDelinquencyJob, 3 runs, median) is timed beside a raw SQL UPDATE + aggregate doing the
# same work on the same rows (5 runs, median). Asserts only that the two agree loan by loan.
# Usage: infra/bench/loans.sh [sizes, default 5000,50000]
# Output: the table on stdout and in app/target/bench-loans.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-5000,50000}
./mvnw -B -q -DskipTests install
./mvnw -B test -pl app -Dtest=LoanBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfpjc.test.verify-catalog=false \
  -Dfpjc.bench.loans="$SIZES" | grep -E '^(====|loans @|delinquency scan|  )' || true
cat app/target/bench-loans.txt
