#!/usr/bin/env bash
# Writes the release archive of a howto binary: OUTDIR/howto-VERSION-linux-ARCH.tar.gz (bin/howto and the
# README) and its .sha256 (sha256sum's format, which the Action's install step checks). VERSION is what the
# binary's --version says. Files are replaced only when both are written.
# Usage: scripts/release-archive.sh BINARY OUTDIR
set -euo pipefail
binary=$1 outdir=$2
cd "$(dirname "$0")/.."
version=$("$binary" --version | awk 'NR == 1 { print $2 }')
[[ -n $version ]] || { echo "error: $binary --version printed no version" >&2; exit 1; }
name="howto-$version-linux-$(uname -m)"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/bin" "$outdir"
install -m 755 "$binary" "$stage/bin/howto"
cp README.md "$stage/"
# Owner and times fixed to the commit's, so the same commit gives the same archive.
when=$(git log -1 --format=%cI 2>/dev/null || date -u +%FT%TZ)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$when" -C "$stage" -cf - bin README.md | gzip -n > "$stage/$name.tar.gz"
(cd "$stage" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
mv "$stage/$name.tar.gz" "$stage/$name.tar.gz.sha256" "$outdir/"
echo "$outdir/$name.tar.gz ($(du -h "$outdir/$name.tar.gz" | cut -f1)), sha256 $(cut -d' ' -f1 "$outdir/$name.tar.gz.sha256")"
