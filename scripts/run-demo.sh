#!/usr/bin/env bash
# Quick-start command 1: installs what is missing, builds, and starts the console in demo mode
# against the built-in simulator (a simulated Ports America terminal with about 300 containers and a
# connected account whose password lives in a throw-away keychain).
# With a display it opens the live console. Without one it renders the console under Xvfb to a
# screenshot, prints where it is, then runs the same demo headless with quaywatch-cli and prints the
# watchlist summary.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${QUAYWATCH_KEYRING_SESSION:-}" ]; then
  ./scripts/install-deps.sh
  echo "== building (build/)"
  ./scripts/build.sh build RelWithDebInfo
  exec ./scripts/with-keyring.sh "$0" "$@"
fi

bin=build/app
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$bin/gui/quaywatch" --demo
fi

demo=$(mktemp -d /tmp/quaywatch-demo.XXXXXX)
echo "== console screenshot (no display: rendering under Xvfb)"
xvfb-run -a -s "-screen 0 1400x900x24" "$bin/gui/quaywatch" --demo --screenshot "$demo/watchlist.png" --view watchlist
echo "Screenshot of the watchlist: $demo/watchlist.png"

db="$demo/demo.sqlite"
cli() { "$bin/cli/quaywatch-cli" --db "$db" "$@"; }

"$bin/sim/quaywatch-sim" --scenario resources/scenarios/demo.json --speed 3600 --user demo:demo \
  >"$demo/sim.out" 2>"$demo/sim.err" &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q 'listening on' "$demo/sim.out" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$demo/sim.out")
[ -n "$url" ] || { echo "the simulator did not start:" >&2; cat "$demo/sim.err" >&2; exit 1; }
echo "== simulator (Ports America) at $url"

echo "== connecting the Ports America account"
printf 'password=demo\n' | cli connections connect ports_america --field username=demo --secrets-stdin --base-url "$url"

echo "== adding the scenario's containers to the watchlist"
python3 - "$url" >"$demo/containers.txt" <<'PY'
import json, sys, urllib.request
rows = json.load(urllib.request.urlopen(sys.argv[1] + "/_sim/containers"))
for row in rows:
    print(row["site"], row["number"], row.get("trucking_company_code", ""))
PY
while read -r site trucker; do
  numbers=$(awk -v s="$site" -v t="$trucker" '$1==s && $3==t {print $2}' "$demo/containers.txt" | tr '\n' ' ')
  data=()
  [ -n "$trucker" ] && data=(--data "truckingCompanyCode=$trucker")
  # shellcheck disable=SC2086
  cli watch add $numbers --provider ports_america --site "$site" "${data[@]}" >/dev/null
done < <(awk '{print $1, $3}' "$demo/containers.txt" | sort -u)

echo "== syncing"
cli sync --once --all || true

echo "== watchlist"
cli watch list
echo
echo "== summary"
cli watch list --json | python3 -c '
import json, sys, collections
rows = json.load(sys.stdin)
status = collections.Counter(r.get("status") or "unknown" for r in rows)
holds = collections.Counter(h["type"] for r in rows for h in (r.get("holds") or []))
print(f"{len(rows)} containers")
for k, v in sorted(status.items()): print(f"  {k:15} {v}")
print("holds by type:")
for k, v in sorted(holds.items()): print(f"  {k:15} {v}")
'
echo
echo "Demo database: $db  (try: $bin/cli/quaywatch-cli --db $db events <NUMBER>)"
