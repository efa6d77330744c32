#!/usr/bin/env bash
# 应享未享 figures (issue 13): generates a Heilongjiang county at each size in the list (households; default 30,000 then
# 300,000 — about 100,000 and 1,000,000 members) in the test harness's embedded MariaDB, then times the API's 应享未享 list
# of 雨露计划 and of the 跨省务工交通补助 (which assesses every candidate member) beside a raw SQL count of the same condition.
# Usage: infra/bench/programmes.sh [sizes, default 30000,300000]
# Output: the table on stdout and in app/target/bench-programmes.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-30000,300000}
./mvnw -B -q -DskipTests install
./mvnw -B test -pl app -Dtest=ProgrammeBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfpjc.test.verify-catalog=false \
  -Dfpjc.bench.programme-households="$SIZES" | grep -E '^(====|county|应享未享)' || true
cat app/target/bench-programmes.txt
