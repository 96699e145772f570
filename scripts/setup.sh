#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, run and test Switchboard. Idempotent:
# packages already present are left alone, so a second run costs a few dpkg queries.
#   scripts/setup.sh          build and run dependencies
#   scripts/setup.sh --test   also what the tests need (test peers, browser)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config libsqlite3-dev libssl-dev libargon2-dev libyaml-dev ca-certificates poppler-utils)
if [ "${1:-}" = "--test" ]; then
    packages+=(python3 python3-venv sqlite3 openssl chromium chromium-driver)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1 && [ ! -x /opt/swift/usr/bin/swift ]; then
    echo "setup: the Swift 6 toolchain is missing (expected swift on PATH or /opt/swift/usr/bin/swift)" >&2
    exit 1
fi

# Test peers (OAuth provider, REST API, browser driver) run from a virtual environment of their own.
if [ "${1:-}" = "--test" ] && [ -f Tests/peers/requirements.txt ]; then
    if [ ! -x .venv/bin/python ] || ! cmp -s Tests/peers/requirements.txt .venv/requirements.txt; then
        echo "setup: creating .venv for test peers"
        python3 -m venv .venv
        .venv/bin/pip install -q --disable-pip-version-check -r Tests/peers/requirements.txt
        cp Tests/peers/requirements.txt .venv/requirements.txt
    fi
fi
