#!/usr/bin/env bash
# npm run test:e2e: build, package the .vsix, install it into throw-away code-server profiles, and run
# the playwright tests (test/e2e/runE2e.mjs). Prints "N passed, M failed"; exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
export EKPI_E2E_ROOT=${EKPI_E2E_ROOT:-$HOME/.cache/ekpi-e2e}
bash scripts/e2e/install.sh
OUT=${EKPI_E2E_OUT:-test/e2e/output}
rm -rf "$OUT" && mkdir -p "$OUT" test/e2e/screenshots
npm run --silent build
npx vsce package --no-dependencies --no-rewrite-relative-links --allow-missing-repository --skip-license -o "$OUT/engineering-kpis.vsix" >"$OUT/vsce.log" 2>&1 || { cat "$OUT/vsce.log"; exit 1; }
exec node test/e2e/runE2e.mjs "$OUT"
