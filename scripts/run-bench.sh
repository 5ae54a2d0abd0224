#!/usr/bin/env bash
# Builds the benchmarks (Release, in build-bench) and runs them, then prints one table of figures
# against the product's performance targets (each benchmark states its target).
# Usage: scripts/run-bench.sh [--quick]   (--quick: a tenth of the data, for a smoke run)
# Extra CMake arguments for the benchmark build can be given in QUAYWATCH_BENCH_CMAKE_ARGS.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
containers=100000
events=2000000
ingest=500000
if [ "${1:-}" = "--quick" ]; then
  containers=10000 events=200000 ingest=100000
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" \
  -DQUAYWATCH_BUILD_GUI=ON -DQUAYWATCH_BUILD_TESTS=OFF -DQUAYWATCH_BUILD_BENCH=ON \
  ${QUAYWATCH_BENCH_CMAKE_ARGS:-} >/dev/null
targets=(bench_generate bench_ingest bench_export bench_drain)
# Benchmarks owned by the sync work (they print their own figures), when they are in the tree.
optional=()
for target in bench_import bench_sync bench_schedule bench_console; do
  [ -f "$root/bench/$target.cpp" ] && optional+=("$target")
done
targets_after=()
for target in "${optional[@]}"; do
  [ "$target" != bench_import ] && targets_after+=("$target")
done
[ ${#optional[@]} -gt 0 ] && targets+=("${optional[@]}" quaywatch-sim)
cmake --build "$build" -j2 --target "${targets[@]}"

work=$(mktemp -d /tmp/quaywatch-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
results="$work/results.txt"
export QT_LOGGING_RULES="quaywatch.*.debug=false;quaywatch.*.info=false"

run() {
  echo "== $*"
  "$@" | tee -a "$results"
}
# The import comparison goes first: its commit syncs about 8x the bytes of sqlite3's bare .import
# (the watchlist's indexes and the WAL), so for some seconds after the 400 MB the fleet generator
# writes it measures the disk catching up (2.4x instead of 1.8x), not the importer.
if [ -f "$root/bench/bench_import.cpp" ]; then
  echo "== bench_import"
  "$build/bench/bench_import" --rows "$containers" | tee -a "$work/other.txt" \
    || echo "bench_import failed" | tee -a "$work/other.txt"
fi
run "$build/bench/bench_ingest" --events "$ingest" --outbox
run "$build/bench/bench_generate" --db "$work/fleet.sqlite" --containers "$containers" --events "$events"
run "$build/bench/bench_export" --db "$work/fleet.sqlite"
# The outbox drain: ideal wall time is messages x 50 ms / 8, about 10.5 minutes for 100,000.
run "$build/bench/bench_drain" --messages "$containers"
for target in "${targets_after[@]}"; do
  echo "== $target"
  args=()
  [ "$target" = bench_console ] && args=(--containers "$containers" --events "$events")
  QT_QPA_PLATFORM=offscreen "$build/bench/$target" "${args[@]}" | tee -a "$work/other.txt" \
    || echo "$target failed" | tee -a "$work/other.txt"
done

echo
printf '%-26s %14s %-9s %s\n' "figure" "value" "unit" "target"
grep '^RESULT ' "$results" | while read -r _ name value unit target; do
  printf '%-26s %14s %-9s %s\n' "$name" "$value" "$unit" "$target"
done
if [ -s "$work/other.txt" ]; then
  echo
  echo "Other benchmarks (ratios as they print them):"
  grep -iE 'ratio|failed|RESULT|interactive|keystroke|sort|resident|memory' "$work/other.txt" || true
fi
