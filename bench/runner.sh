#!/usr/bin/env bash
# Per-step overhead of the runner's shell session: a how-to of N steps that each run `true`.
# Prints the median per-step time from the JSON report (median over all steps of 5 runs) and the
# wall time per step of the whole run. Target: median under 10 ms.
# Usage: bench/runner.sh [N]   (uses .build-release/release/howto if built, else .build/debug/howto)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
HOWTO=.build-release/release/howto
[ -x "$HOWTO" ] || HOWTO=.build/debug/howto
[ -x "$HOWTO" ] || { echo "build first: make build" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/content/how-to" "$work/content/_data"
echo "title: bench" > "$work/content/_data/site.yml"
{
  printf -- '---\ntitle: Step overhead\ncontent_type: how_to\nproducts:\n  - gateway\nworks_on:\n  - on-prem\n---\n\n'
  for i in $(seq 1 "$N"); do printf '## Step %d\n\n```sh\ntrue\n```\n\n' "$i"; done
} > "$work/content/how-to/steps.md"
for run in 1 2 3 4 5; do
  start=$(date +%s.%N)
  (cd "$work" && "$OLDPWD/$HOWTO" test content/how-to/steps.md --report "json:$work/run$run.json" > /dev/null)
  end=$(date +%s.%N)
  echo "$start $end" > "$work/wall$run"
done
python3 - "$work" "$N" "$HOWTO" <<'PY'
import json, statistics, sys, glob
work, n, binary = sys.argv[1], int(sys.argv[2]), sys.argv[3]
steps, walls = [], []
for i in range(1, 6):
    report = json.load(open(f"{work}/run{i}.json"))
    steps += [s["seconds"] for t in report["tutorials"] for s in t["steps"]]
    start, end = map(float, open(f"{work}/wall{i}").read().split())
    walls.append((end - start) / n)
print(f"binary: {binary}")
print(f"per-step time (median of {len(steps)} steps over 5 runs): {statistics.median(steps)*1000:.2f} ms  (p90 {statistics.quantiles(steps, n=10)[-1]*1000:.2f} ms)")
print(f"whole run / steps (median of 5 runs of {n} steps): {statistics.median(walls)*1000:.2f} ms")
PY
