#!/usr/bin/env bash
# Quick-start command 2: installs what is missing, builds the CI configuration (warnings are
# errors), starts the services the tests need (PostgreSQL on loopback, a D-Bus session with an
# unlocked Secret Service) and runs the whole suite with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
build_dir=${QUAYWATCH_TEST_BUILD_DIR:-build-ci}
echo "== building ($build_dir, CI build type)"
./scripts/build.sh "$build_dir" CI
echo "== running the test suite"
./scripts/with-test-services.sh ctest --test-dir "$build_dir" --output-on-failure --timeout 900 -j2
