#!/usr/bin/env bash
# Template rendering, ours against Jinja2, in process, same page and data, same number of renders,
# in interleaved rounds (the machine is shared and noisy: compare the medians of one run).
# Run from the project root:  bash bench/templates/run.sh [ITERATIONS] [VIEWS_FOLDER] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${1:-20000}
views=${2:-Views}
rounds=${3:-5}
page=../shared/bench/templates
venv=/tmp/templates-bench-venv

export PATH=/opt/swift/usr/bin:$PATH
swift build -c release --package-path bench --product TemplateBench 2>&1 | grep -E "error|Build" || true
bench_bin=bench/.build/release/TemplateBench

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import jinja2" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet jinja2
fi
echo "jinja2 $("$venv/bin/python" -c 'import jinja2; print(jinja2.__version__)'), $(swift --version 2>&1 | head -n 1)"

if [ -d "$views" ]; then "$bench_bin" --iterations 1 --views "$views" | grep views; fi

ours=()
theirs=()
for round in $(seq "$rounds"); do
  line=$("$bench_bin" --iterations "$iterations" --template "$page/page.mustache" --data "$page/page.json")
  echo "round $round: $line"
  ours+=("$(echo "$line" | sed -n 's/^swift render: \([0-9.]*\) µs CPU.*/\1/p')")
  line=$("$venv/bin/python" bench/templates/jinja_bench.py --iterations "$iterations" \
    --template "$page/page.jinja2" --data "$page/page.json")
  echo "round $round: $line"
  theirs+=("$(echo "$line" | sed -n 's/^jinja2 render: \([0-9.]*\) µs CPU.*/\1/p')")
done

python3 - "${ours[*]}" "${theirs[*]}" <<'PY'
import statistics, sys
ours = [float(x) for x in sys.argv[1].split()]
theirs = [float(x) for x in sys.argv[2].split()]
o, t = statistics.median(ours), statistics.median(theirs)
print(f"median CPU per render: ours {o:.2f} µs, Jinja2 {t:.2f} µs; ours is {t / o:.1f}x faster")
PY
