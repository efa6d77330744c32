#!/usr/bin/env bash
# Payment figures (issue 13): at each size in the list (instructions; default 10,000 then 100,000) a Henan county with a
# 一卡通 account per household is generated in the test harness's embedded MariaDB; through the API, per run (3, each a
# new period): the instructions made in batches of ≤ 5,000 lines (the product's limit per batch), each batch's bank file
# downloaded, the bank's return file (one in twenty failed) imported — each timed, median over the runs — beside a batched
# JDBC INSERT, a SELECT written to a CSV file and a batched UPDATE of the same rows. Asserts only that every line settled.
# Usage: infra/bench/payments.sh [sizes, default 10000,100000]
# Output: the table on stdout and in app/target/bench-payments.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-10000,100000}
./mvnw -B -q -DskipTests install
./mvnw -B test -pl app -Dtest=PaymentBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfpjc.test.verify-catalog=false \
  -Dfpjc.bench.payments="$SIZES" | grep -E '^(====|payments @|create batches|bank file|bank return|  )' || true
cat app/target/bench-payments.txt
