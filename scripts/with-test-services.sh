#!/usr/bin/env bash
# Runs a command with everything the test suite needs: a private D-Bus session with an unlocked
# Secret Service (scripts/with-keyring.sh) and a throw-away PostgreSQL server on loopback
# (scripts/with-postgres.sh, exporting QUAYWATCH_TEST_PG_URL). Usage: COMMAND [ARG]...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/with-keyring.sh" "$here/with-postgres.sh" "$@"
