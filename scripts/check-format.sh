#!/usr/bin/env bash
# Fails when a C++ file of the project is not clang-formatted (.clang-format at the root), or when
# clang-tidy (the checks in .clang-tidy) reports something in a C++ file changed since a base.
#   QUAYWATCH_TIDY_BASE  the ref to compare with (default HEAD~1); the files differing from its
#                        merge-base with HEAD, committed or not, are checked
#   QUAYWATCH_BUILD_DIR  where compile_commands.json is (default build-ci)
#   QUAYWATCH_TIDY=0     skips clang-tidy (format check only)
# Without git, without the base (a clone with one commit), or without a compilation database, no
# file is tidied and the script says so.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format is not installed" >&2; exit 1; }
bad=()
while IFS= read -r -d '' f; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done < <(find app core providers ui tests bench -type f \( -name '*.cpp' -o -name '*.h' \) -print0)
if [ ${#bad[@]} -gt 0 ]; then
  printf 'Not clang-formatted (run clang-format -i on them):\n' >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "format check: all files formatted"

[ "${QUAYWATCH_TIDY:-1}" = 0 ] && { echo "clang-tidy: skipped (QUAYWATCH_TIDY=0)"; exit 0; }
build_dir=${QUAYWATCH_BUILD_DIR:-build-ci}
base_ref=${QUAYWATCH_TIDY_BASE:-HEAD~1}
if ! command -v clang-tidy >/dev/null; then
  echo "clang-tidy: not installed, no file checked"; exit 0
fi
if [ ! -f "$build_dir/compile_commands.json" ]; then
  echo "clang-tidy: no $build_dir/compile_commands.json (configure first), no file checked"; exit 0
fi
if ! base=$(git merge-base HEAD "$base_ref" 2>/dev/null); then
  echo "clang-tidy: no git history to compare with ($base_ref), no file checked"; exit 0
fi

# Changed sources that are compiled; a changed header is checked through its own .cpp (clang-tidy
# reports in headers under app/, core/, providers/ and ui/ through HeaderFilterRegex).
declare -A seen=()
files=()
changed=()
while IFS= read -r f; do
  case "$f" in app/*|core/*|providers/*|ui/*) ;; *) continue ;; esac
  case "$f" in *.h|*.cpp) [ -f "$f" ] && changed+=("$f") ;; *) continue ;; esac
  case "$f" in *.h) f=${f%.h}.cpp ;; esac
  [ -f "$f" ] && [ -z "${seen[$f]:-}" ] || continue
  grep -q "\"file\": *\"[^\"]*/$f\"" "$build_dir/compile_commands.json" || continue
  seen[$f]=1
  files+=("$f")
done < <(git diff --name-only "$base" -- && git ls-files --others --exclude-standard)
if [ ${#files[@]} -eq 0 ]; then
  echo "clang-tidy: no compiled C++ file changed since $base_ref"; exit 0
fi
echo "clang-tidy: ${#files[@]} file(s) changed since $base_ref"
# Findings count only in the changed files themselves (a .cpp tidied for its changed header reports
# only that header), not in every header they include.
filter='['
for f in "${changed[@]}"; do filter+="{\"name\":\"$f\"},"; done
filter="${filter%,}]"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Two at a time: clang-tidy takes 10-20 s on a Qt file and the machine may have two cores.
if ! printf '%s\0' "${files[@]}" |
  xargs -0 -n 1 -P 2 clang-tidy -p "$build_dir" --quiet --warnings-as-errors='*' --line-filter="$filter" \
    >"$log" 2>&1; then
  grep -E 'warning:|error:' "$log" | sort -u >&2 || cat "$log" >&2
  echo "clang-tidy: fix the findings above (or turn a check off in .clang-tidy, saying why)" >&2
  exit 1
fi
echo "clang-tidy: clean"
