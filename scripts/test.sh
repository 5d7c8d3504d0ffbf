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

# A PostgreSQL server for the second integration run, unless one is given.
find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) ; do
    [ -x "$dir/initdb" ] && echo "$dir" && return 0
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
  return 1
}
PG_DIR=""
cleanup() {
  if [ -n "$PG_DIR" ]; then
    run_as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
trap cleanup EXIT
run_as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  PG_BIN=$(find_pg_bin) || { apt_install postgresql && PG_BIN=$(find_pg_bin); } ||
    fail_missing "PostgreSQL server (initdb, pg_ctl)" "sudo apt-get install postgresql, or set TEST_DATABASE_URL"
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    fail_missing "the 'postgres' system user (the server refuses to run as root)" "sudo apt-get install postgresql"
  fi
  PG_DIR=$(mktemp -d /tmp/doanket-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  PG_PORT=$(node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  run_as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  run_as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -o \
    "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:${PG_PORT}/postgres"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') tạm thời / throwaway server on port ${PG_PORT}"
fi

step "Kiểm tra kiểu / typecheck" npm run --silent typecheck
step "Kiểm tra mã / lint (biome)" npx biome check .
step "Kiểm thử đơn vị / unit tests" npx vitest run --project domain --project web
step "Tích hợp trên PGlite / integration on PGlite" env TEST_DB=pglite npx vitest run --project api
step "Tích hợp trên PostgreSQL / integration on PostgreSQL" env TEST_DB=postgres npx vitest run --project api
step "Dựng giao diện / build the web app" npm run --silent build
step "Hành trình Playwright / Playwright journeys" npm run --silent test:e2e

echo
echo "Toàn bộ kiểm thử xong trong / whole suite done in $(($(date +%s) - started)) s"
echo "steps: ${passed} passed, 0 failed"
