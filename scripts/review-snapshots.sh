#!/usr/bin/env bash
# Renders every reviewed Kong block snapshot (Tests/SiteTests/Snapshots/*.html) on one page with the site's own
# stylesheet and script, and screenshots it with headless Chromium, so a person can look at what the snapshot
# test holds the build to. Usage: scripts/review-snapshots.sh [OUT.png]   (needs chromium; see scripts/deps.sh)
set -euo pipefail
out="$(realpath -m "${1:-snapshots.png}")"
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp templates/assets/site.css templates/assets/site.js "$work/"
{
  echo '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kong block snapshots</title>'
  echo '<link rel="stylesheet" href="site.css"></head><body><main class="content how-to"><article class="article">'
  for file in Tests/SiteTests/Snapshots/*.html; do
    echo "<h2>$(basename "$file" .html)</h2>"
    cat "$file"
  done
  echo '</article></main><script src="site.js"></script></body></html>'
} > "$work/index.html"
height=$(( $(cat Tests/SiteTests/Snapshots/*.html | wc -l) * 22 + 1500 ))
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,"$height" \
  --screenshot="$out" "file://$work/index.html" 2>/dev/null
echo "wrote $out (1280x$height)"
