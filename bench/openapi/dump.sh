#!/usr/bin/env bash
# Writes what importing every corpus document gives (document + diagnostics, as JSON) into DIR,
# one file per document. Run it before and after a change to the OpenAPI engine and compare:
#   bench/openapi/dump.sh /tmp/before; (change); bench/openapi/dump.sh /tmp/after; diff -r /tmp/before /tmp/after
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$root/../shared/corpus/openapi"
out="${1:?usage: dump.sh DIR}"
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --package-path "$root/bench" --product OpenAPIBench >/dev/null
mkdir -p "$out"
cut -f1 "$corpus/index.tsv" | tail -n +2 | sed "s|^|$corpus/|" | xargs "$root/bench/.build/release/OpenAPIBench" --dump "$out"
