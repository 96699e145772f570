#!/usr/bin/env bash
# OpenAPI import benchmark: builds OpenAPIBench in release, imports the largest corpus documents
# (one process per file, so each peak memory figure is its own), times Python merely parsing the
# same files in the same run, and prints the ratios the issue sets targets for:
#   JSON import ≤ 1.5 × json.loads; YAML import ≥ 2 × faster than yaml.safe_load; peak < 10 × size.
# Usage: bench/openapi/run.sh [RUNS]   (from anywhere; needs ../shared/corpus/openapi)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$root/../shared/corpus/openapi"
runs="${1:-5}"
export PATH="/opt/swift/usr/bin:$PATH"

files=(
  "$corpus/stripe__spec3-2021-06.json"
  "$corpus/twilio__api_v2010.json"
  "$corpus/ballerina__jira.json"
  "$corpus/ballerina__pipedrive.yaml"
  "$corpus/xero__accounting.yaml"
  "$corpus/okta__oauth-minimal.yaml"
)

swift build -c release --package-path "$root/bench" --product OpenAPIBench >/dev/null
bench="$root/bench/.build/release/OpenAPIBench"

python="python3"
if ! python3 -c "import yaml" 2>/dev/null; then
  python3 -m venv "$here/.venv" && "$here/.venv/bin/pip" -q install pyyaml
  python="$here/.venv/bin/python"
fi

# The peak of a process importing a 3 kB document: the Swift runtime, Foundation and the
# concurrency pool, which do not grow with the document. Subtracted from each import's peak.
tiny="$root/Tests/OpenAPITests/Fixtures/petstore.yaml"
baseline_mb=$("$bench" --runs 1 "$tiny" | tail -1 | cut -f7)

swift_out="$(mktemp)"; python_out="$(mktemp)"
trap 'rm -f "$swift_out" "$python_out"' EXIT
for file in "${files[@]}"; do "$bench" --runs "$runs" "$file" | tail -n +2; done >"$swift_out"
"$python" "$here/py_parse.py" --runs "$runs" "${files[@]}" | tail -n +2 >"$python_out"

echo "Swift import (parse+resolve+translate+name), best of $runs; Python parse only, best of $runs"
echo "fixed peak (runtime, importing a 3 kB document): ${baseline_mb} MB; peak_MB below is each import's peak minus that"
printf "%-32s %8s %6s %9s %14s %8s %22s %9s %12s\n" file MB ops swift_ms python_ms ratio python_parser peak_MB "peak/size"
while IFS=$'\t' read -r name bytes operations best median before after; do
  size_mb=$(awk -v b="$bytes" 'BEGIN{printf "%.2f", b/1048576}')
  growth=$(awk -v a="$after" -v z="$baseline_mb" 'BEGIN{printf "%.1f", a-z}')
  per_size=$(awk -v g="$growth" -v s="$size_mb" 'BEGIN{printf "%.1f", g/s}')
  # Compare with the parser the target names: json.loads for JSON, yaml.safe_load for YAML.
  py_line=$(awk -F'\t' -v n="$name" '$1==n && ($2=="json.loads" || $2=="yaml.safe_load")' "$python_out" | head -1)
  py_parser=$(echo "$py_line" | cut -f2); py_best=$(echo "$py_line" | cut -f3)
  if [[ "$py_best" =~ ^[0-9.]+$ ]]; then
    if [[ "$py_parser" == "json.loads" ]]; then
      ratio=$(awk -v s="$best" -v p="$py_best" 'BEGIN{printf "%.2fx json", s/p}')
    else
      ratio=$(awk -v s="$best" -v p="$py_best" 'BEGIN{printf "%.1fx faster", p/s}')
    fi
  else
    ratio="n/a"; py_best="${py_best:-n/a}"
  fi
  printf "%-32s %8s %6s %9s %14s %8s %22s %9s %12s\n" "$name" "$size_mb" "$operations" "$best" "$py_best" "$ratio" "$py_parser" "$growth" "${per_size}x"
done <"$swift_out"
echo
echo "Python detail:"; cat "$python_out"
