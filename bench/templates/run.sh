#!/usr/bin/env bash
# Template rendering, ours against Jinja2, in process, same page and data, same number of renders.
# Run from the project root:  bash bench/templates/run.sh [ITERATIONS] [VIEWS_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${1:-20000}
views=${2:-Views}
page=../shared/bench/templates
venv=/tmp/templates-bench-venv

export PATH=/opt/swift/usr/bin:$PATH
swift build -c release --package-path bench --product TemplateBench 2>&1 | grep -E "error|Compiling|Build" || true
bench_bin=bench/.build/release/TemplateBench

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import jinja2" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet jinja2
fi

views_args=()
if [ -d "$views" ]; then views_args=(--views "$views"); fi

ours=$("$bench_bin" --iterations "$iterations" --template "$page/page.mustache" --data "$page/page.json" "${views_args[@]}")
theirs=$("$venv/bin/python" bench/templates/jinja_bench.py --iterations "$iterations" \
  --template "$page/page.jinja2" --data "$page/page.json")
echo "$ours"
echo "$theirs"
echo "jinja2 $("$venv/bin/python" -c 'import jinja2; print(jinja2.__version__)'), $(swift --version 2>&1 | head -n 1)"

swift_us=$(echo "$ours" | sed -n 's/^swift render: \([0-9.]*\) .*/\1/p')
jinja_us=$(echo "$theirs" | sed -n 's/^jinja2 render: \([0-9.]*\) .*/\1/p')
python3 -c "print(f'ratio: ours is {$jinja_us / $swift_us:.1f}x faster than Jinja2 per render')"
