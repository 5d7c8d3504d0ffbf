#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a PostgreSQL server: the one given, or a
# throwaway cluster started here (as the postgres user when run as root, on a free port) and
# removed afterwards.
set -euo pipefail
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi
find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && echo "$dir" && return 0
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
  return 1
}
PG_BIN=$(find_pg_bin) || {
  echo "Thiếu máy chủ PostgreSQL / missing PostgreSQL server binaries (initdb, pg_ctl)." >&2
  echo "Cài đặt / install: sudo apt-get install postgresql — hoặc đặt / or set TEST_DATABASE_URL" >&2
  exit 1
}
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "Cần người dùng hệ thống 'postgres' (máy chủ không chạy bằng root) / the server refuses to run as root:" >&2
  echo "sudo apt-get install postgresql" >&2
  exit 1
fi
PG_DIR=$(mktemp -d /tmp/doanket-pg.XXXXXX)
chmod 755 "$PG_DIR"
if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; fi
cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
PORT=$(node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -o \
  "-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:${PORT}/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') tạm thời / throwaway server on port ${PORT}"
"$@"
