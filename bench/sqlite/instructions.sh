#!/usr/bin/env bash
# The same comparison as run.sh, counted in CPU instructions with valgrind's callgrind instead
# of timed: repeatable on a shared, noisy machine (waits for the disk are not counted).
# Per insert: (rows inserted, no lookups) minus (one row); per lookup: (rows + lookups) minus
# (rows alone), halved, since the lookup phase runs each lookup twice (one read transaction
# each, then all in one).
# Usage: bench/sqlite/instructions.sh [rows] [lookups]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
schema="$(dirname "$bench")/Migrations/0001_create_schema.sql"
rows=${1:-5000}
lookups=${2:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --package-path "$bench" --product SQLiteBench >&2
binary="$(swift build -c release --package-path "$bench" --show-bin-path)/SQLiteBench"
# The interpreter itself, not a version manager's shim script.
python=$(python3 -c 'import sys; print(sys.executable)')

count() {
    valgrind --tool=callgrind --callgrind-out-file="$work/out" "$@" >/dev/null 2>&1
    awk '/^(summary|totals):/ { print $2; exit }' "$work/out"
}

for side in Swift Python; do
    if [ "$side" = Swift ]; then run=("$binary" "$work/db.sqlite" "$schema"); else run=("$python" "$here/python_bench.py" "$work/db.sqlite" "$schema"); fi
    base=$(count "${run[@]}" 1 0)
    inserted=$(count "${run[@]}" "$rows" 0)
    looked=$(count "${run[@]}" "$rows" "$lookups")
    echo "$side $(( (inserted - base) / rows )) $(( (looked - inserted) / (2 * lookups) ))"
done | awk '
    { insert[$1] = $2; lookup[$1] = $3 }
    END {
        printf "%-34s %10s %10s %7s\n", "instructions per operation", "Swift", "Python", "ratio"
        printf "%-34s %10d %10d %6.2fx\n", "insert (100 rows per transaction)", insert["Swift"], insert["Python"], insert["Python"] / insert["Swift"]
        printf "%-34s %10d %10d %6.2fx\n", "point read (mean of both modes)", lookup["Swift"], lookup["Python"], lookup["Python"] / lookup["Swift"]
    }'
