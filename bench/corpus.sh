#!/usr/bin/env bash
# Kong corpus benchmark: `howto check` and `howto build` on Kong's docs tree (../shared/corpus/kong/app,
# 398 how-tos), release binary. Prints wall time and peak RSS of each, and their exit codes (the build
# exits 2 while the corpus has content defects; the time is still the time to load every page).
#
#   bench/corpus.sh                 # CORPUS=../shared/corpus/kong/app, RUNS=3 (medians)
# Targets (issue 11): build under 0.5 s and 200 MB on 2 cores.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${CORPUS:-$ROOT/../shared/corpus/kong/app}
RUNS=${RUNS:-3}
BIN=${HOWTO_BIN:-$ROOT/.build-release/release/howto}
if [[ ! -x $BIN ]]; then
    echo "building the release binary (swift build -c release --scratch-path .build-release)" >&2
    (cd "$ROOT" && swift build -c release --scratch-path .build-release --product howto) || exit 1
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

measure() { # name, command...: median wall seconds and peak RSS (MB) over RUNS
    local name=$1; shift
    local walls=() rss=0 code=0
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$OUT/time" "$@" >/dev/null 2>&1
        code=$?
        read -r wall kb < <(tail -n 1 "$OUT/time")
        walls+=("$wall")
        (( kb / 1024 > rss )) && rss=$((kb / 1024))
    done
    local median
    median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    printf '%-6s wall %ss (median of %d)  peak RSS %d MB  exit %d\n' "$name" "$median" "$RUNS" "$rss" "$code"
}

echo "corpus: $CORPUS ($(find "$CORPUS/_how-tos" -name '*.md' | wc -l) how-tos), binary: $BIN"
measure check "$BIN" check --content "$CORPUS"
measure build "$BIN" build --content "$CORPUS" --output "$OUT/site"
# The same build written to memory: what is left is howto's own time, not the disk's (making 534 page folders
# and files costs this machine's ext4 about 0.8 s of system time on its own).
if [[ -d /dev/shm && -w /dev/shm ]]; then
    SHM=$(mktemp -d /dev/shm/howto-bench.XXXXXX)
    trap 'rm -rf "$OUT" "$SHM"' EXIT
    measure tmpfs "$BIN" build --content "$CORPUS" --output "$SHM/site"
fi
