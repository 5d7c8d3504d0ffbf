#!/usr/bin/env bash
# The whole suite: typecheck, lint, unit tests, integration tests on PGlite and on a real
# PostgreSQL server, and the Playwright journeys in Chromium. Nothing is skipped: a missing
# tool is installed (Debian/Ubuntu as root) or named, and the run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
passed=0
step() {
  local name=$1
  shift
  local t0
  t0=$(date +%s)
  echo
  echo "━━ ${name}"
  "$@"
  echo "━━ ${name}: ok ($(($(date +%s) - t0)) s)"
  passed=$((passed + 1))
}
fail_missing() {
  echo "Thiếu / missing: $1" >&2
  echo "Cài đặt / install: $2" >&2
  exit 1
}
apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Cài đặt / installing with apt: $*"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    fi
    return 0
  fi
  return 1
}

# Chromium for the journeys.
CHROMIUM_PATH=${CHROMIUM_PATH:-}
if [ -z "$CHROMIUM_PATH" ]; then
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -x "$candidate" ] && CHROMIUM_PATH=$candidate && break
  done
fi
if [ -z "$CHROMIUM_PATH" ]; then
  apt_install chromium || fail_missing "Chromium" "sudo apt-get install chromium (Debian) / chromium-browser (Ubuntu), or set CHROMIUM_PATH"
  CHROMIUM_PATH=/usr/bin/chromium
fi
export CHROMIUM_PATH

# A PostgreSQL server for the second integration run: scripts/with-postgres.sh starts a
# throwaway one unless TEST_DATABASE_URL is given; install the server binaries if missing.
if [ -z "${TEST_DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 &&
  ! command -v initdb >/dev/null 2>&1; then
  apt_install postgresql || fail_missing "PostgreSQL server (initdb, pg_ctl)" "sudo apt-get install postgresql, or set TEST_DATABASE_URL"
fi

step "Kiểm tra kiểu / typecheck" npm run --silent typecheck
step "Kiểm tra mã / lint (biome)" npx biome check .
step "Kiểm thử đơn vị / unit tests" npx vitest run --project domain --project web
step "Tích hợp trên PGlite / integration on PGlite" env TEST_DB=pglite npx vitest run --project api
step "Tích hợp trên PostgreSQL / integration on PostgreSQL" scripts/with-postgres.sh env TEST_DB=postgres npx vitest run --project api
step "Dựng giao diện / build the web app" npm run --silent build
step "Hành trình Playwright / Playwright journeys" npm run --silent test:only -w @doanket/e2e

echo
echo "Toàn bộ kiểm thử xong trong / whole suite done in $(($(date +%s) - started)) s"
echo "steps: ${passed} passed, 0 failed"
