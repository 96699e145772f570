#!/usr/bin/env bash
# Lints formatting (.swift-format) and builds with warnings as errors. `make lint`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
swift format lint --recursive --strict Sources Tests bench/Sources
swift build --build-tests -Xswiftc -warnings-as-errors
