#!/usr/bin/env bash
# Registry figures (issue 3): generates a county of N households (default 300,000, about 1,000,000 members) in
# the embedded MariaDB of the test harness, then measures exact ID search and name search (p50/p99 through the
# API, beside the raw indexed SQL), household detail under 20 concurrent clients, the whole-county 台账 export,
# and an import of M new households (default 100,000) beside a batched JDBC insert of the same rows.
# Usage: infra/bench/registry.sh [households, default 300000] [import households, default 100000]
# Output: the table on stdout and in app/target/bench-registry.txt. Takes several minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
HOUSEHOLDS=${1:-300000}
IMPORT=${2:-100000}
./mvnw -B -q -DskipTests install
./mvnw -B test -pl app -Dtest=RegistryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfpjc.bench.households="$HOUSEHOLDS" -Dfpjc.bench.import-households="$IMPORT" -Dfpjc.test.verify-catalog=false \
  | grep -E '^(====|[a-zA-Z台 ]{2,}.* (p50|households|rows|requests)|  )' || true
cat app/target/bench-registry.txt
