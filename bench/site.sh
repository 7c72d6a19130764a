#!/usr/bin/env bash
# Site build benchmark: N copies of the reference how-to, built by `howto build` (release) and,
# when installed, by Hugo with a minimal theme, in the same run. Prints pages/s for both, the
# ratio, and howto's peak RSS.
#
#   bench/site.sh               # N=2000
#   N=10000 bench/site.sh       # the memory check (target: peak RSS < 500 MB)
#
# Environment: N (how-tos, default 2000), RUNS (builds of each, interleaved, default 3: the figures
# are the medians, since file creation on this machine varies by a second from run to run),
# HOWTO_BIN (default: the release build in .build-release), KEEP=1 keeps the temporary folder.
set -euo pipefail

N=${N:-2000}
RUNS=${RUNS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REFERENCE=$ROOT/content/how-to/configure-hashicorp-vault-with-oauth2.md

# The release build is slow (~9 min on 2 cores): reuse it when it is there.
BIN=${HOWTO_BIN:-}
if [[ -z $BIN ]]; then
    for candidate in "$ROOT/.build-release/release/howto" "$ROOT/.build/release/howto"; do
        if [[ -x $candidate ]]; then BIN=$candidate; break; fi
    done
fi
if [[ -z $BIN ]]; then
    echo "no release build found; building it (about 9 minutes): swift build -c release --scratch-path .build-release" >&2
    (cd "$ROOT" && swift build -c release --scratch-path .build-release --product howto)
    BIN=$ROOT/.build-release/release/howto
fi

if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time for peak memory figures" >&2
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq time >/dev/null; else sudo apt-get install -y -qq time >/dev/null; fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/howto-bench.XXXXXX")
if [[ -z ${KEEP:-} ]]; then trap 'rm -rf "$WORK"' EXIT; else echo "keeping $WORK" >&2; fi

# ---- Content: N how-tos shaped like the reference one, with distinct slugs, titles and tags ----
mkdir -p "$WORK/content/how-to"
cp -R "$ROOT/content/_includes" "$ROOT/content/_data" "$WORK/content/"
python3 - "$REFERENCE" "$WORK/content/how-to" "$N" <<'PY'
import sys
source, folder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(source, encoding="utf-8").read()
topics = ["security", "authentication", "secrets-management", "hashicorp-vault", "deck", "konnect", "ai",
          "rate-limiting", "logging", "monitoring", "traffic-control", "transformations", "analytics"]
for i in range(1, count + 1):
    page = text.replace("title: Configure HashiCorp Vault as a vault backend with OAuth2",
                        "title: Configure HashiCorp Vault as a vault backend with OAuth2 (variant %d)" % i, 1)
    page = page.replace("    - hashicorp-vault\n", "    - hashicorp-vault\n    - %s\n" % topics[i % len(topics)], 1)
    with open("%s/configure-hashicorp-vault-with-oauth2-%05d.md" % (folder, i), "w", encoding="utf-8") as f:
        f.write(page)
PY

seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
max_rss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

# ---- One timed build: `timed_build NAME OUTPUT_DIR COMMAND...` builds into OUTPUT_DIR (fresh), checks
# the page count, removes the output and prints "seconds rss_mb". ----
timed_build() {
    local name=$1 out=$2 start end pages
    shift 2
    start=$(date +%s%N)
    /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.log" 2>&1 || {
        echo "$name failed:" >&2; tail -20 "$WORK/$name.log" >&2; exit 1; }
    end=$(date +%s%N)
    pages=$(find "$out/how-to" -mindepth 2 -name index.html | wc -l)
    if (( pages != N )); then echo "$name: expected $N how-to pages, found $pages" >&2; exit 1; fi
    rm -rf "$out"
    echo "$(seconds_between "$start" "$end") $(max_rss_mb "$WORK/$name.time")"
}

build_howto() {
    timed_build howto "$WORK/site-$1" "$BIN" build --content "$WORK/content" --output "$WORK/site-$1" --templates "$ROOT/templates"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if command -v hugo >/dev/null; then
# ---- Hugo, same markdown, minimal theme ----
H=$WORK/hugo
mkdir -p "$H/content/how-to" "$H/layouts/_default"
cp "$WORK"/content/how-to/*.md "$H/content/how-to/"
cat >"$H/hugo.toml" <<'TOML'
baseURL = "http://localhost/"
title = "howto bench"
disableKinds = ["RSS"]
[taxonomies]
  tag = "tags"
[markup.goldmark.renderer]
  unsafe = false
TOML
cat >"$H/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title>
<meta name="description" content="{{ .Params.description }}"><link rel="stylesheet" href="/site.css"></head>
<body><header><a href="/">{{ site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
cat >"$H/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.description }}</p>
<nav>{{ .TableOfContents }}</nav>{{ .Content }}
<aside>{{ range .Params.min_version }}<p>Minimum version: {{ . }}</p>{{ end }}
<ul>{{ range .Params.tags }}<li><a href="/tags/{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>
<ul>{{ range .Params.related_resources }}<li><a href="{{ .url }}">{{ .text }}</a></li>{{ end }}</ul></aside>
{{ range .Params.faqs }}<details><summary>{{ .q | markdownify }}</summary>{{ .a | markdownify }}</details>{{ end }}
</article>{{ end }}
HTML
cat >"$H/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.description }}</li>{{ end }}</ul>{{ end }}
HTML
fi

build_hugo() {
    timed_build hugo "$H/public-$1" hugo --quiet -s "$H" -d "$H/public-$1"
}

have_hugo=1
command -v hugo >/dev/null || have_hugo=0
howto_times=() hugo_times=() howto_rss=0 hugo_rss=0
for run in $(seq 1 "$RUNS"); do
    read -r t r < <(build_howto "$run")
    howto_times+=("$t"); (( r > howto_rss )) && howto_rss=$r
    line="run $run: howto ${t}s"
    if (( have_hugo )); then
        read -r t r < <(build_hugo "$run")
        hugo_times+=("$t"); (( r > hugo_rss )) && hugo_rss=$r
        line+=", hugo ${t}s"
    fi
    echo "$line"
done
howto_seconds=$(printf '%s\n' "${howto_times[@]}" | median)
howto_rate=$(awk -v n="$N" -v s="$howto_seconds" 'BEGIN { printf "%.0f", n / s }')
printf 'howto: %d how-to pages in %ss (median of %d) = %s pages/s, peak RSS %s MB\n' "$N" "$howto_seconds" "$RUNS" "$howto_rate" "$howto_rss"
if (( ! have_hugo )); then
    echo "hugo: not installed (apt-get install hugo); no comparison"
    exit 0
fi
hugo_seconds=$(printf '%s\n' "${hugo_times[@]}" | median)
hugo_rate=$(awk -v n="$N" -v s="$hugo_seconds" 'BEGIN { printf "%.0f", n / s }')
printf 'hugo:  %d how-to pages in %ss (median of %d) = %s pages/s, peak RSS %s MB\n' "$N" "$hugo_seconds" "$RUNS" "$hugo_rate" "$hugo_rss"
awk -v a="$howto_rate" -v b="$hugo_rate" 'BEGIN { printf "ratio: howto is %.2fx Hugo (target: >= 2x)\n", a / b }'
