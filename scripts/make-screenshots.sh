#!/usr/bin/env bash
# Regenerates every screenshot in docs/screenshots/ (used by README.md and the user guides) from the
# current console: each view rendered by `quaywatch --demo --screenshot FILE --view VIEW` on the
# offscreen platform, against the built-in simulator, with a throw-away keychain and settings folder.
# Usage: scripts/make-screenshots.sh [BUILD_DIR]   (default: build; the quaywatch target must be built)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
binary="$build/app/gui/quaywatch"
[ -x "$binary" ] || { echo "no $binary: build the quaywatch target first (scripts/build.sh $build)" >&2; exit 1; }

if [ -z "${QUAYWATCH_KEYRING_SESSION:-}" ]; then
  exec ./scripts/with-keyring.sh "$0" "$@"
fi

views=(watchlist dashboard datasources mapping audit settings)
out=docs/screenshots
mkdir -p "$out"
settings=$(mktemp -d /tmp/quaywatch-screenshots.XXXXXX)
trap 'rm -rf "$settings"' EXIT

for view in "${views[@]}"; do
  # English text, default window geometry, nothing remembered from the user's own settings.
  env QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$settings" LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=en \
    "$binary" --demo --screenshot "$out/$view.png" --view "$view"
done
echo "Screenshots written to $out/: ${views[*]}"
