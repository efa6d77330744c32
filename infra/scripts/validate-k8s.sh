#!/usr/bin/env bash
# Schema check of the Kubernetes manifests (infra/k8s), offline, with pinned npm packages (infra/k8s/validate):
# Kubernetes JSON schemas, unknown fields, and that selectors, ports and references fit. Needs node and npm (the npm
# registry for the first install); skipped with a message where node or npm is absent.
set -euo pipefail
cd "$(dirname "$0")/../../infra/k8s/validate"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED k8s manifest validation: node/npm not installed (Debian: apt-get install nodejs npm)"; exit 0
fi
npm ci --no-audit --no-fund --loglevel=error >/dev/null
node validate.mjs
