#!/usr/bin/env bash
# Issue 2's HTTP figures in one run of ../shared/bench/peers.sh (nginx, uvicorn + Jinja2, ours):
#   1. BenchServer (HTTPCore + Web + Templates): /hello and /page
#   2. `switchboard serve` serving a 2 KB static file from Public/ (the same bytes nginx serves)
#   3. a flood of malformed requests, then a check that the server still answers
# Usage: bash bench/http/run.sh   (RUNS, DURATION, HIGHC, IDLE_N pass through to peers.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH=/opt/swift/usr/bin:$PATH
ROOT=$(pwd)
SHARED=$ROOT/../shared/bench
swift build -c release --package-path bench --product BenchServer
swift build -c release --product switchboard

# A resources folder whose Public/ holds the 2 KB page nginx serves (peers.sh writes it the same way).
RES=$(mktemp -d /tmp/switchboard-static-XXXX)
trap 'rm -rf "$RES"' EXIT
mkdir -p "$RES/Public" "$RES/data"
ln -s "$ROOT/Views" "$RES/Views"
ln -s "$ROOT/Migrations" "$RES/Migrations"
python3 - "$RES/Public/small.html" <<'PY'
import sys
head = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>static</title></head>\n<body>\n"
tail = "</body>\n</html>\n"
line = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>\n"
body = head
while len(body) + len(line) + len(tail) <= 2048:
    body += line
body += " " * (2048 - len(body) - len(tail)) + tail
open(sys.argv[1], "w").write(body)
PY

OURS_NAME=bench OURS_CMD="$ROOT/bench/.build/release/BenchServer --port 8090 --templates $SHARED/templates" \
  OURS_PORT=8090 OURS_PATHS="/hello /page" OUT=/tmp/peers-bench-ours bash "$SHARED/peers.sh"

OURS_NAME=serve PEERS="nginx" OURS_CMD="$ROOT/.build/release/switchboard serve --port 8091 --resources $RES --data $RES/data --log-level ${LOG_LEVEL:-info}" \
  OURS_PORT=8091 OURS_PATHS="/small.html" OUT=/tmp/peers-bench-static bash "$SHARED/peers.sh"

python3 "$ROOT/bench/http/malformed_flood.py" --port 8092 --binary "$ROOT/bench/.build/release/BenchServer" --templates "$SHARED/templates"
