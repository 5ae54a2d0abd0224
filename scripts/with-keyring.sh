#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throw-away, unlocked gnome-keyring Secret
# Service, so QtKeychain works headless. Usage: scripts/with-keyring.sh COMMAND [ARG]...
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARG]..." >&2; exit 2; }

if [ -z "${QUAYWATCH_KEYRING_SESSION:-}" ]; then
  # dbus-run-session ends the bus (and the keyring daemon with it) when the command exits.
  export QUAYWATCH_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi

keyring_home=$(mktemp -d /tmp/quaywatch-keyring.XXXXXX)
cleanup() {
  local rc=$?
  rm -rf "$keyring_home"
  exit $rc
}
trap cleanup EXIT INT TERM

# The keyring files live in a throw-away folder, never in the user's real keyring.
mkdir -p "$keyring_home/keyrings"
export XDG_DATA_HOME="$keyring_home"
keyring_env=$(printf 'quaywatch-session' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null || true)
# The daemon leaves by itself when the session bus ends.
while IFS='=' read -r name value; do
  case "$name" in GNOME_KEYRING_CONTROL|SSH_AUTH_SOCK) export "$name=$value" ;; esac
done <<< "$keyring_env"
[ -n "${GNOME_KEYRING_CONTROL:-}" ] || echo "warning: gnome-keyring-daemon did not start; keychain operations will fail" >&2

"$@"
