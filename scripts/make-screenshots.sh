#!/usr/bin/env bash
# Regenerates every screenshot in docs/screenshots/ (used by README.md and the user guides) from the
# current console: every page the page registry lists (`quaywatch --list-views`), rendered by
# `quaywatch --demo --screenshot FILE --view VIEW` under Xvfb at 1280x720 and 1920x1080, in English,
# Dutch and Spanish, against the built-in simulator, with a throw-away keychain and settings folder.
# The window takes the screen's size; a page that cannot fit it comes out as a larger picture.
# Files: docs/screenshots/VIEW-WIDTHxHEIGHT-LANG.png; VIEW.png (what the README shows) is the English
# 1920x1080 one.
# Usage: scripts/make-screenshots.sh [BUILD_DIR]   (default: build; the quaywatch target must be built)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
binary="$build/app/gui/quaywatch"
[ -x "$binary" ] || { echo "no $binary: build the quaywatch target first (scripts/build.sh $build)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (Debian package xvfb)" >&2; exit 1; }

if [ -z "${QUAYWATCH_KEYRING_SESSION:-}" ]; then
  exec ./scripts/with-keyring.sh "$0" "$@"
fi

mapfile -t views < <(QT_QPA_PLATFORM=offscreen "$binary" --list-views)
[ "${#views[@]}" -gt 0 ] || { echo "quaywatch --list-views printed no pages" >&2; exit 1; }
sizes=(1280x720 1920x1080)
languages=(en nl es)
out=docs/screenshots
mkdir -p "$out"
scratch=$(mktemp -d /tmp/quaywatch-screenshots.XXXXXX)
trap 'rm -rf "$scratch"' EXIT

for size in "${sizes[@]}"; do
  for language in "${languages[@]}"; do
    for view in "${views[@]}"; do
      # A fresh settings folder each time: no remembered geometry, page or language.
      settings="$scratch/$size-$language-$view"
      mkdir -p "$settings"
      file="$out/$view-$size-$language.png"
      xvfb-run -a -s "-screen 0 ${size}x24" env QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME="$settings" \
        LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE="$language" \
        "$binary" --demo --language "$language" --screenshot "$file" --view "$view" -geometry "$size+0+0"
    done
  done
done
for view in "${views[@]}"; do
  cp "$out/$view-1920x1080-en.png" "$out/$view.png"
done
echo "Screenshots written to $out/: ${views[*]} at ${sizes[*]} in ${languages[*]}"
