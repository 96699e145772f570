#!/usr/bin/env bash
# Issue 10's figure: a full turn with the offline model on a read action against the local orders
# API, from the message posted to the conversation page rendered (POST + redirect + GET, through
# a release `switchboard serve`), p50/p99 over TURNS turns, beside the same API call made
# directly (curl to the API with the same token) in the same run.
# Usage: bash bench/agents/turn_timing.sh [TURNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH=/opt/swift/usr/bin:$PATH
TURNS=${1:-200}
PORT=8098
swift build -c release --product switchboard >/dev/null
bash scripts/setup.sh --test >/dev/null
WORK=$(mktemp -d /tmp/switchboard-turns-XXXX)
JAR=$WORK/cookies
# The peer exits when its standard input closes: give it one that stays open until we stop it.
mkfifo "$WORK/peer-stdin"
.venv/bin/python -u Tests/peers/orders_api.py < "$WORK/peer-stdin" > "$WORK/peer.out" &
PEER=$!
exec 4> "$WORK/peer-stdin"
for _ in $(seq 100); do grep -q PORT "$WORK/peer.out" 2>/dev/null && break; sleep 0.1; done
API=http://127.0.0.1:$(awk '/PORT/ {print $2}' "$WORK/peer.out")
for _ in $(seq 100); do curl -s -o /dev/null "$API/openapi.json" && break; sleep 0.1; done
.build/release/switchboard serve --port $PORT --data "$WORK" --egress-allow 127.0.0.1 --log-level warning 2>"$WORK/server.log" &
SERVER=$!
trap 'kill $SERVER $PEER 2>/dev/null; wait $SERVER $PEER 2>/dev/null; exec 4>&-; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
S=http://127.0.0.1:$PORT
token() { curl -s -b "$JAR" -c "$JAR" "$S$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
post() { local path=$1; shift; curl -s -o "$WORK/last.html" -w '%{redirect_url}' -b "$JAR" -c "$JAR" --data-urlencode "_csrf=$(token "${CSRF_PAGE:-/}")" "$@" "$S$path"; }

CSRF_PAGE=/sign-up post /sign-up --data-urlencode company=Bench --data-urlencode name=Bench --data-urlencode email=b@bench.test \
  --data-urlencode "password=correct horse battery" >/dev/null
REVIEW=$(CSRF_PAGE=/settings/integrations/new post /settings/integrations/new --data-urlencode schema= --data-urlencode "schema_url=$API/openapi.json")
[ -n "$REVIEW" ] || { echo "import failed:"; grep -o "error-text[^<]*<[^<]*" "$WORK/last.html" | head -3; exit 1; }
COUNT=$(curl -s -b "$JAR" "$REVIEW" | grep -o 'name="action_name_[0-9]*"' | wc -l)
ENABLE=(); for i in $(seq 0 $((COUNT - 1))); do ENABLE+=(--data-urlencode "action_enabled_$i=on"); done
CSRF_PAGE=${REVIEW#$S} post "${REVIEW#$S}" --data-urlencode name=Orders --data-urlencode "base_url=$API" --data-urlencode scope=global \
  --data-urlencode auth_method=bearer --data-urlencode bearer_token=bearer-token-0123456789abcdef --data-urlencode intent=save "${ENABLE[@]}" >/dev/null
TOOLS=$(CSRF_PAGE=/agents/new post /agents --data-urlencode name=Bench --data-urlencode model=offline)
GET_ORDER=$(curl -s -b "$JAR" "$TOOLS" | tr '\n' ' ' | grep -o 'value="[^"]*"> <span class="method method-get">GET</span> Get Order ' | head -1 | sed 's/value="\([^"]*\)".*/\1/')
CSRF_PAGE=${TOOLS#$S} post "${TOOLS#$S}" --data-urlencode "action=$GET_ORDER" --data-urlencode intent=save >/dev/null
AGENT=${TOOLS%/tools}

turns=(); direct=()
for i in $(seq "$TURNS"); do
  CONVERSATION=$(CSRF_PAGE=${AGENT#$S} post "${AGENT#$S}/conversations")
  T=$(token "${CONVERSATION#$S}")
  t=$(curl -s -o "$WORK/page.html" -L -b "$JAR" -c "$JAR" -w '%{time_total}' --data-urlencode "_csrf=$T" \
      --data-urlencode "message=What's the status of order 2?" "$CONVERSATION/messages")
  grep -q shipped "$WORK/page.html" || { echo "turn $i: no answer"; exit 1; }
  turns+=("$t")
  direct+=("$(curl -s -o /dev/null -w '%{time_total}' -H 'Authorization: Bearer bearer-token-0123456789abcdef' "$API/orders/2")")
done
python3 - "${turns[*]}" "${direct[*]}" <<'PY'
import statistics, sys
turns = sorted(float(x) * 1000 for x in sys.argv[1].split())
direct = sorted(float(x) * 1000 for x in sys.argv[2].split())
def p(values, q): return values[min(len(values) - 1, int(q * len(values)))]
print(f"turns: {len(turns)}  message posted → page rendered: p50 {p(turns, .5):.2f} ms, p99 {p(turns, .99):.2f} ms")
print(f"the API call alone (curl → orders API): p50 {p(direct, .5):.2f} ms, p99 {p(direct, .99):.2f} ms "
      f"({100 * p(direct, .5) / p(turns, .5):.0f}% of the p50 turn)")
PY
