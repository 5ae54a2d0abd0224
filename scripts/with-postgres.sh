#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server on a free loopback port and removes it
# afterwards. Exports QUAYWATCH_TEST_PG_URL=postgresql://USER@127.0.0.1:PORT/postgres (trust auth;
# the server listens on 127.0.0.1 only), and for tests that restart the server mid-run:
# QUAYWATCH_TEST_PG_CTL (the pg_ctl command line, with runuser when run as root), QUAYWATCH_TEST_PG_DATA
# (its data folder) and QUAYWATCH_TEST_PG_LOG (its log file), as in
#   $QUAYWATCH_TEST_PG_CTL -D "$QUAYWATCH_TEST_PG_DATA" -l "$QUAYWATCH_TEST_PG_LOG" -m fast -w restart
# Usage: scripts/with-postgres.sh COMMAND [ARG]...
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARG]..." >&2; exit 2; }

work=$(mktemp -d /tmp/quaywatch-postgres.XXXXXX)
chmod 755 "$work"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found (install the postgresql package)" >&2; exit 1; }
pgdata="$work/data"
pg_user=$(id -un)
as_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root; run it as the postgres system user.
  pg_user=postgres
  as_pg() { runuser -u postgres -- "$@"; }
fi

cleanup() {
  local rc=$?
  if [ -f "$pgdata/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$pgdata" "$work/run"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdata" "$work/run"
as_pg "$pg_bin/initdb" -D "$pgdata" -U "$pg_user" --auth=trust --no-sync -E UTF8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
as_pg "$pg_bin/pg_ctl" -D "$pgdata" -l "$work/run/postgres.log" -w \
  -o "-p $port -k $work/run -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$work/run/postgres.log" >&2; exit 1; }
export QUAYWATCH_TEST_PG_URL="postgresql://$pg_user@127.0.0.1:$port/postgres"
pg_ctl="$pg_bin/pg_ctl"
[ "$(id -u)" -eq 0 ] && pg_ctl="runuser -u postgres -- $pg_ctl"
export QUAYWATCH_TEST_PG_CTL="$pg_ctl" QUAYWATCH_TEST_PG_DATA="$pgdata" QUAYWATCH_TEST_PG_LOG="$work/run/postgres.log"
echo "PostgreSQL for tests at $QUAYWATCH_TEST_PG_URL" >&2

"$@"
