#!/usr/bin/env bash
# Runs a command with the services the test suite needs, and removes them afterwards:
#   - a throw-away PostgreSQL server on a free loopback port (QUAYWATCH_TEST_PG_URL),
#   - a private D-Bus session with an unlocked gnome-keyring Secret Service (for QtKeychain).
# Usage: scripts/with-test-services.sh COMMAND [ARG]...
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARG]..." >&2; exit 2; }

if [ -z "${QUAYWATCH_INSIDE_DBUS:-}" ]; then
  # Re-enter inside a private D-Bus session; dbus-run-session ends the bus when we exit.
  export QUAYWATCH_INSIDE_DBUS=1
  exec dbus-run-session -- "$0" "$@"
fi

work=$(mktemp -d /tmp/quaywatch-services.XXXXXX)
chmod 755 "$work"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pgdata="$work/pgdata"
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
  [ -n "${keyring_pid:-}" ] && kill "$keyring_pid" 2>/dev/null || true
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT INT TERM

# Secret Service: gnome-keyring unlocked with a throw-away password, in a throw-away home.
export HOME_FOR_KEYRING="$work/home"
mkdir -p "$HOME_FOR_KEYRING/.local/share/keyrings"
export XDG_DATA_HOME="$HOME_FOR_KEYRING/.local/share"
keyring_env=$(printf 'quaywatch-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null || true)
keyring_pid=$(printf '%s\n' "$keyring_env" | sed -n 's/^GNOME_KEYRING_PID=//p')
[ -n "$keyring_env" ] && export $(printf '%s\n' "$keyring_env" | grep -v '^$' | xargs)

# PostgreSQL on loopback only, trust authentication (nothing listens beyond 127.0.0.1).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$pgdata" "$work/sock"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdata" "$work/sock"
as_pg "$pg_bin/initdb" -D "$pgdata" -U "$pg_user" --auth=trust --no-sync -E UTF8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
as_pg "$pg_bin/pg_ctl" -D "$pgdata" -l "$work/sock/postgres.log" -w \
  -o "-p $port -k $work/sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$work/sock/postgres.log" >&2; exit 1; }
export QUAYWATCH_TEST_PG_URL="postgresql://$pg_user@127.0.0.1:$port/postgres"
echo "test services: PostgreSQL at $QUAYWATCH_TEST_PG_URL, Secret Service on a private D-Bus session" >&2

"$@"
