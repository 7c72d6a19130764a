#!/usr/bin/env bash
# `make test`'s last part: what a machine with no Swift gets from `make install` and the release archive.
#  1. `make install PREFIX=tmp` builds the self-contained binary (scripts/static-build.sh checks its ldd).
#  2. In a mount namespace where the Swift toolchain folder is hidden under an empty tmpfs, from a temporary
#     folder, the installed howto checks, builds and verifies the reference tutorial.
#  3. The release archive, served from 127.0.0.1 as GitHub serves release assets, goes through the Action's
#     install step (download, SHA-256 check, unpack) and runs there too; a tampered archive is refused.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "test-install: FAIL: $*" >&2; exit 1; }
pass() { echo "test-install: ok: $*"; }

make --no-print-directory install PREFIX="$tmp/prefix" DIST="$tmp/dist"
installed=$tmp/prefix/bin/howto
[[ -x $installed ]] || fail "make install wrote no $installed"
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")   # …/usr of the toolchain
[[ -e $toolchain/lib/swift/linux/libswiftCore.so ]] || fail "no Swift runtime under $toolchain to hide"

# Runs a bash script with the toolchain folder hidden, in a new empty folder.
without_swift() {
    local work
    work=$(mktemp -d -p "$tmp")
    unshare --mount --propagation private bash -euo pipefail -c '
        mount -t tmpfs tmpfs "$1"
        ! command -v swift >/dev/null || { echo "swift is still on PATH" >&2; exit 1; }
        [[ ! -e $1/lib/swift/linux/libswiftCore.so ]] || { echo "the Swift runtime is still visible" >&2; exit 1; }
        cd "$2"; shift 2; eval "$1"' bash "$toolchain" "$work" "$1"
}

reference=$repo/content/how-to/configure-hashicorp-vault-with-oauth2.md
without_swift "
    '$installed' --version | grep -Eq '^howto [0-9]'
    '$installed' check '$repo/content'
    '$installed' build --content '$repo/content' --output site > /dev/null
    test -s site/how-to/configure-hashicorp-vault-with-oauth2/index.html
    '$installed' test '$reference' --report json:report.json > /dev/null
    python3 -c 'import json, sys; s = json.load(open(\"report.json\"))[\"summary\"]; sys.exit(s.get(\"passed\") != 1)'
" || fail "the installed binary does not check, build and verify the reference tutorial without Swift"
pass "installed binary: check, build and test of the reference tutorial with $toolchain hidden"

# The release archive as the Action downloads it: RELEASES/vVERSION/ARCHIVE and ARCHIVE.sha256.
archive=$(cd "$tmp/dist" && ls howto-*-linux-*.tar.gz)
version=${archive#howto-}; version=${version%-linux-*}
mkdir -p "$tmp/releases/v$version"
cp "$tmp/dist/$archive" "$tmp/dist/$archive.sha256" "$tmp/releases/v$version/"
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$tmp/releases" > "$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q 'port [0-9]' "$tmp/server.log" && break; sleep 0.1; done
port=$(grep -o 'port [0-9]*' "$tmp/server.log" | head -1 | cut -d' ' -f2)
[[ -n $port ]] || fail "the release server did not start"

action_install() { # RUNNER_TEMP: runs the Action's install step as GitHub runs it; prints HOWTO_BINARY
    mkdir -p "$1"; : > "$1/env"
    RUNNER_TEMP=$1 GITHUB_ENV=$1/env INPUT_VERSION=$version INPUT_BINARY="" \
        HOWTO_RELEASES=http://127.0.0.1:$port bash "$repo/scripts/action-install.sh" > "$1/out" 2>&1 || return $?
    sed -n 's/^HOWTO_BINARY=//p' "$1/env"
}
downloaded=$(action_install "$tmp/runner") || fail "the Action's install step failed: $(cat "$tmp/runner/out")"
[[ $downloaded == "$tmp/runner/"* && -x $downloaded ]] || fail "the Action's install step set HOWTO_BINARY=$downloaded"
without_swift "'$downloaded' test '$reference' > /dev/null" || fail "the downloaded binary does not verify the reference tutorial without Swift"
pass "release $archive: downloaded, checked against its SHA-256 and verified the reference tutorial without Swift"

echo tampered >> "$tmp/releases/v$version/$archive"
if action_install "$tmp/tampered" > /dev/null; then fail "the Action's install step accepted a tampered archive"; fi
grep -q "does not match its SHA-256" "$tmp/tampered/out" || fail "a tampered archive did not say why: $(cat "$tmp/tampered/out")"
pass "a tampered release archive is refused"
