#!/usr/bin/env bash
# `make fuzz`: builds one libFuzzer executable per parser (Fuzz/<Name>/main.swift, declared in Package.swift
# when HOWTO_FUZZ is set) with -sanitize=fuzzer in .build-fuzz, seeds them from content/ and Kong's corpus,
# and runs each for FUZZ_SECONDS (default 30). New inputs go to .build-fuzz/corpus/<target>/, crashes and
# hangs to .build-fuzz/findings/<target>/; the executions per target are in .build-fuzz/report.txt.
# Usage: Fuzz/run.sh [target ...]   (targets: front-matter liquid attribute-lists pipe-tables kong-yaml vault-http)
set -euo pipefail
cd "$(dirname "$0")/.."
export HOWTO_FUZZ=1 SWIFT_BACKTRACE=enable=no
SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-30}
SCRATCH=.build-fuzz
declare -A products=(
  [front-matter]=FuzzFrontMatter [liquid]=FuzzLiquid [attribute-lists]=FuzzAttributeLists
  [pipe-tables]=FuzzPipeTables [kong-yaml]=FuzzKongYAML [vault-http]=FuzzVaultHTTP
)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(front-matter liquid attribute-lists pipe-tables kong-yaml vault-http)

for target in "${targets[@]}"; do
  [ -n "${products[$target]:-}" ] || { echo "unknown fuzz target '$target'; known: ${!products[*]}" >&2; exit 2; }
  "$SWIFT" build --scratch-path "$SCRATCH" --product "${products[$target]}" -Xswiftc -sanitize=fuzzer
done

rm -rf "$SCRATCH/seeds"
python3 Fuzz/seeds.py "$SCRATCH/seeds" >/dev/null
: > "$SCRATCH/report.txt"
status=0
for target in "${targets[@]}"; do
  corpus="$SCRATCH/corpus/$target" findings="$SCRATCH/findings/$target"
  mkdir -p "$corpus" "$findings"
  log="$SCRATCH/$target.log"
  echo "fuzzing $target for ${SECONDS_PER_TARGET}s"
  # -timeout: an input that takes longer is a hang; -rss_limit_mb: one that needs more memory is a finding.
  if ! "$SCRATCH/debug/${products[$target]}" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 "$corpus" "$SCRATCH/seeds/$target" >"$log" 2>&1; then
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  found=$(find "$findings" -type f | wc -l)
  echo "$target: $runs executions, $found findings" | tee -a "$SCRATCH/report.txt"
done
exit $status
