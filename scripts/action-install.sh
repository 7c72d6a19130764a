#!/usr/bin/env bash
# The Action's first step (action.yml): puts the howto binary in HOWTO_BINARY for the next step, from the
# `binary` input, or by downloading release VERSION (howto-VERSION-linux-x86_64.tar.gz and its .sha256).
set -euo pipefail
if [[ -n ${INPUT_BINARY:-} ]]; then
    binary=$(realpath "$INPUT_BINARY")
    [[ -x $binary ]] || { echo "::error::howto binary not found or not executable: $INPUT_BINARY"; exit 2; }
else
    [[ -n ${INPUT_VERSION:-} ]] || { echo "::error::give the Action a howto version (inputs.version) or a binary (inputs.binary)"; exit 2; }
    archive="howto-$INPUT_VERSION-linux-x86_64.tar.gz"
    dir="${RUNNER_TEMP:?}/howto-$INPUT_VERSION"
    mkdir -p "$dir"
    curl --fail --silent --show-error --location -o "$dir/$archive" "$HOWTO_RELEASES/v$INPUT_VERSION/$archive"
    curl --fail --silent --show-error --location -o "$dir/$archive.sha256" "$HOWTO_RELEASES/v$INPUT_VERSION/$archive.sha256"
    (cd "$dir" && sha256sum --check --status "$archive.sha256") || { echo "::error::$archive does not match its SHA-256"; exit 1; }
    tar -xzf "$dir/$archive" -C "$dir"
    binary="$dir/bin/howto"
fi
echo "HOWTO_BINARY=$binary" >> "${GITHUB_ENV:?}"
"$binary" --version
