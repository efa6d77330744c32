#!/usr/bin/env bash
# Lints the API contract with Redocly CLI (npm, pinned) under the repo's redocly.yaml; fails on any error.
# It lints the committed app/src/main/openapi/openapi.json, which OpenApiContractTest keeps equal to the app's
# /q/openapi, so nothing is built or started here. Needs node/npx and the npm registry (CI has both);
# `./mvnw verify` never needs npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
npx --yes @redocly/cli@2.77.0 lint --config redocly.yaml app/src/main/openapi/openapi.json "$@"
