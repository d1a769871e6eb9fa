#!/usr/bin/env bash
# The whole test suite: lint, type-check, build, unit tests, medium tests (each lib's Nest module in
# process on a database of its own), then the end-to-end suites against the compiled api and worker on
# fresh PostgreSQL databases and a dedicated Redis database, the web app driven in headless Chromium
# among them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

require_node
install_dependencies
ensure_postgres
ensure_redis
ensure_chromium
ensure_libreoffice
ensure_poppler

say "Lint"
npm run --silent lint
say "Type-check"
npm run --silent typecheck
say "Build"
npm run --silent build

export TEST_PG_ADMIN_URL="$PG_SERVER/postgres"
export TEST_REDIS_URL="${TEST_REDIS_URL:-$REDIS_SERVER/9}"
mkdir -p test-artifacts
rm -rf test-artifacts/logs test-artifacts/{unit,medium,e2e}.json

status=0
say "Unit tests"
npx jest --selectProjects unit --json --outputFile=test-artifacts/unit.json || status=1
say "Medium tests"
npm run --silent test:medium -- --json --outputFile=test-artifacts/medium.json || status=1
say "End-to-end tests"
npx jest --selectProjects e2e --maxWorkers=2 --json --outputFile=test-artifacts/e2e.json || status=1

# One closing line in the plain form CI reads, over every run.
node -e '
  const runs = ["unit", "medium", "e2e"].map((n) => { try { return require(`./test-artifacts/${n}.json`); } catch { return { numPassedTests: 0, numFailedTests: 1 }; } });
  const sum = (k) => runs.reduce((s, r) => s + (r[k] || 0), 0);
  console.log(`\ntests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
'
exit $status
