#!/usr/bin/env bash
# 1, 2 and 4 sync workers sharing the provider's limit on one PostgreSQL database (bench_workers),
# on a fresh database of the throw-away test server. Usage:
#   scripts/with-test-services.sh scripts/run-bench-workers.sh BUILD_DIR [containers] [latency-ms]
set -euo pipefail
build=${1:?usage: run-bench-workers.sh BUILD_DIR [containers] [latency-ms]}
containers=${2:-20000}
latency=${3:-200}
: "${QUAYWATCH_TEST_PG_URL:?run under scripts/with-test-services.sh}"
name="bench_workers_$$"
psql -q "$QUAYWATCH_TEST_PG_URL" -c "CREATE DATABASE $name"
trap 'psql -q "$QUAYWATCH_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $name" || true' EXIT
url="${QUAYWATCH_TEST_PG_URL%/*}/$name"
export QT_LOGGING_RULES="quaywatch.*.debug=false;quaywatch.*.info=false"
QUAYWATCH_BIN_DIR="$build/app" "$build/bench/bench_workers" "$url" "$containers" "$latency"
