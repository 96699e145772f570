#!/usr/bin/env bash
# SQLite layer vs Python's sqlite3 on the same schema, pragmas and work, in one run.
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

echo "rows=$rows (batches of 100 per transaction), lookups=$lookups, synchronous=$synchronous, WAL, in $work, best of $rounds rounds" >&2
swift_results=()
python_results=()
for _ in $(seq "$rounds"); do
    swift_results+=("$("$binary" "$work/swift.sqlite" "$schema" "$rows" "$lookups" "$synchronous")")
    python_results+=("$(python3 "$here/python_bench.py" "$work/python.sqlite" "$schema" "$rows" "$lookups" "$synchronous")")
done

python3 - "${#swift_results[@]}" "${swift_results[@]}" "${python_results[@]}" <<'PY'
import json, sys
count = int(sys.argv[1])
swift_runs = [json.loads(text) for text in sys.argv[2:2 + count]]
python_runs = [json.loads(text) for text in sys.argv[2 + count:]]
labels = {
    "insert_rows_per_s": "inserts/s, 100 rows per transaction",
    "lookups_per_s": "point reads/s, one read transaction each",
    "lookups_batched_per_s": "point reads/s, all in one read transaction",
}
print("%-66s %12s %12s %7s" % ("", "Swift", "Python", "ratio"))
for key, label in labels.items():
    swift = max(run[key] for run in swift_runs)
    python = max(run[key] for run in python_runs)
    print("%-66s %12d %12d %6.2fx" % (label, swift, python, swift / python))
PY
