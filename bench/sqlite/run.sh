#!/usr/bin/env bash
# SQLite layer vs Python's sqlite3 on the same schema, pragmas and work, in one run, with the
# same work in plain C (c_floor.c) as the floor that SQLite itself sets.
# Usage (from anywhere): bench/sqlite/run.sh [rows] [lookups] [rounds] [normal|full]
# synchronous defaults to NORMAL: with FULL (the server's default) every commit waits for an
# fsync, so the insert figure measures the disk (and on a shared machine, the neighbours' writes)
# more than either library; run with `full` to see that figure.
# Each side runs `rounds` times (default 3), alternating, and the best figure of each counts:
# the machine is shared, and the best round is the one least disturbed by others.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
schema="$(dirname "$bench")/Migrations/0001_create_schema.sql"
rows=${1:-100000}
lookups=${2:-200000}
rounds=${3:-3}
synchronous=${4:-normal}
# On tmpfs when there is one: the figures should compare the two libraries, not the disk.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then work=$(mktemp -d -p /dev/shm); else work=$(mktemp -d); fi
trap 'rm -rf "$work"' EXIT

swift build -c release --package-path "$bench" --product SQLiteBench >&2
binary="$(swift build -c release --package-path "$bench" --show-bin-path)/SQLiteBench"
# The floor: the same work in plain C on the same libsqlite3.
cc -O2 "$here/c_floor.c" -o "$work/c_floor" -lsqlite3

echo "rows=$rows (batches of 100 per transaction), lookups=$lookups, synchronous=$synchronous, WAL, in $work, best of $rounds rounds" >&2
swift_results=()
python_results=()
c_results=()
for _ in $(seq "$rounds"); do
    swift_results+=("$("$binary" "$work/swift.sqlite" "$schema" "$rows" "$lookups" "$synchronous")")
    python_results+=("$(python3 "$here/python_bench.py" "$work/python.sqlite" "$schema" "$rows" "$lookups" "$synchronous")")
    c_results+=("$("$work/c_floor" "$work/c.sqlite" "$schema" "$rows" "$lookups" "$synchronous")")
done

python3 - "${#swift_results[@]}" "${swift_results[@]}" "${python_results[@]}" "${c_results[@]}" <<'PY'
import json, sys
count = int(sys.argv[1])
runs = [json.loads(text) for text in sys.argv[2:]]
swift_runs, python_runs, c_runs = runs[:count], runs[count:2 * count], runs[2 * count:]
labels = {
    "insert_rows_per_s": "inserts/s, 100 rows per transaction",
    "lookups_per_s": "point reads/s, one read transaction each",
    "lookups_batched_per_s": "point reads/s, all in one read transaction",
}
print("%-44s %9s %9s %9s %13s %10s" % ("", "Swift", "Python", "C floor", "Swift/Python", "Swift/C"))
for key, label in labels.items():
    swift, python, c = (max(run[key] for run in side) for side in (swift_runs, python_runs, c_runs))
    print("%-44s %9d %9d %9d %12.2fx %9.2fx" % (label, swift, python, c, swift / python, swift / c))
PY
