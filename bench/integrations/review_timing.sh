#!/usr/bin/env bash
# Issue 8's figures: time from submitting a large schema to the review page rendered, and the
# review page's size and render time, against a release `switchboard serve` on loopback.
# Usage: bash bench/integrations/review_timing.sh [SCHEMA] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH=/opt/swift/usr/bin:$PATH
SCHEMA=${1:-../shared/corpus/openapi/stripe__spec3-2021-06.json}
ROUNDS=${2:-5}
PORT=8097
swift build -c release --product switchboard >/dev/null
DATA=$(mktemp -d /tmp/switchboard-review-XXXX)
JAR=$DATA/cookies
.build/release/switchboard serve --port $PORT --data "$DATA" --log-level ${LOG_LEVEL:-warning} 2>"$DATA/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; [ -n "${KEEP_LOG:-}" ] && cp "$DATA/server.log" "$KEEP_LOG"; rm -rf "$DATA"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done

token() { curl -s -b "$JAR" -c "$JAR" "http://127.0.0.1:$PORT$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
T=$(token /sign-up)
curl -s -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "_csrf=$T" --data-urlencode "company=Bench Co" \
  --data-urlencode "name=Bench" --data-urlencode "email=bench@bench.test" --data-urlencode "password=correct horse battery" \
  "http://127.0.0.1:$PORT/sign-up"

echo "schema: $SCHEMA ($(stat -c %s "$SCHEMA") bytes)"
for round in $(seq "$ROUNDS"); do
  T=$(token /settings/integrations/new)
  read -r submit location < <(curl -s -o /dev/null -b "$JAR" -c "$JAR" -w '%{time_total} %{redirect_url}\n' \
    --data-urlencode "_csrf=$T" --data-urlencode "schema@$SCHEMA" --data-urlencode "schema_url=" \
    "http://127.0.0.1:$PORT/settings/integrations/new")
  read -r review size < <(curl -s -o /dev/null -b "$JAR" -w '%{time_total} %{size_download}\n' "$location")
  echo "round $round: submit+import+draft ${submit}s, review page ${review}s, ${size} bytes, total $(echo "$submit + $review" | bc)s"
done
