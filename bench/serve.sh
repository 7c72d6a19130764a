#!/usr/bin/env bash
# `howto serve` benchmark (issue 14): on a copy of Kong's corpus (../shared/corpus/kong, 398 how-tos), the
# release binary serves the site, headless Chromium has one how-to open, and EDITS saves of one paragraph
# line of it are timed (Tests/EndToEndTests/serve_check.py): save to the server's reload event (rebuilt:
# inotify, the incremental rebuild, the event) and save to the new text on the open page (reloaded: the
# event, the page's reload, its render). Prints median and slowest of each, and the server's own rebuild time.
#
#   bench/serve.sh                  # EDITS=20, CORPUS=../shared/corpus/kong, PAGE=gateway/add-correlation-ids-to-gateway-logs
# Targets: rebuilt under 20 ms, reloaded under 100 ms.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${CORPUS:-$ROOT/../shared/corpus/kong}
PAGE=${PAGE:-gateway/add-correlation-ids-to-gateway-logs}
EDITS=${EDITS:-20}
BIN=${HOWTO_BIN:-$ROOT/.build-release/release/howto}
if [[ ! -x $BIN ]]; then
    echo "building the release binary (swift build -c release --scratch-path .build-release)" >&2
    (cd "$ROOT" && swift build -c release --scratch-path .build-release --product howto)
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The edits go to a copy: the shared corpus stays as it is.
cp -r "$CORPUS/app" "$WORK/app"
[[ -f $CORPUS/jekyll.yml ]] && cp "$CORPUS/jekyll.yml" "$WORK/"
file="$WORK/app/_how-tos/$PAGE.md"
url=$(sed -n 's/^permalink: *//p' "$file" | head -1)
url=${url:-/how-to/$(basename "$PAGE")/}

"$ROOT/.venv/bin/python" "$ROOT/Tests/EndToEndTests/serve_check.py" --howto "$BIN" --content "$WORK/app" \
    --page "$url" --file "$file" --edits "$EDITS" > "$WORK/report.json" || { cat "$WORK/report.json"; exit 1; }
python3 - "$WORK/report.json" "$EDITS" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
if "error" in report:
    sys.exit("serve_check: " + report["error"])
t = report.get("timing")
if not t:
    sys.exit("no edit reached the page: %s" % report.get("missedEdits"))
print("howto serve on Kong's corpus, %d of %s edits of %s:" % (t["edits"], sys.argv[2], report["page"]))
print("  save to rebuilt (reload event):  median %6.1f ms, slowest %6.1f ms   (target < 20 ms)" % (t["rebuiltMedianMs"], t["rebuiltMaxMs"]))
print("  save to reloaded (text on page): median %6.1f ms, slowest %6.1f ms   (target < 100 ms)" % (t["reloadedMedianMs"], t["reloadedMaxMs"]))
print("  the server's rebuild alone:      median %6.1f ms, slowest %6.1f ms" % (t["serverRebuildMedianMs"], t["serverRebuildMaxMs"]))
first = next((line for line in report.get("serverOutput", []) if line.startswith("built ")), "")
print("  first build: " + first)
if report.get("missedEdits"):
    print("  edits that never reached the page: %s" % report["missedEdits"])
PY
