"""The work of SQLiteBench with Python's sqlite3 module: same schema (the product's migration 0001),
pragmas, rows and lookups on its audit_events table.

Usage: python_bench.py <database path> <Migrations/0001_create_schema.sql> [rows] [lookups] [full|normal]
Prints one line of JSON like SQLiteBench.
"""
import json
import os
import sqlite3
import sys
import time

path = sys.argv[1]
schema_path = sys.argv[2]
row_count = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
lookup_count = int(sys.argv[4]) if len(sys.argv) > 4 else 200_000
synchronous = "FULL" if len(sys.argv) > 5 and sys.argv[5] == "full" else "NORMAL"
batch_size = 100


def event_id(index):
    mixed = (index * 2_654_435_761) % 4_294_967_296
    return "evt_%x_%d" % (mixed, index)


def company_id(index):
    return "company_%d" % (index % 10)


def lookup_index(step):
    return (step * 7_919 + 13) % row_count


for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)

# isolation_level=None: we issue BEGIN IMMEDIATE / COMMIT ourselves, as the Swift layer does.
writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False, cached_statements=128)
for pragma in ("PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000", "PRAGMA synchronous = " + synchronous, "PRAGMA journal_mode = WAL"):
    writer.execute(pragma)
# The product's schema; audit_events rows belong to companies, so those come first.
with open(schema_path) as schema:
    writer.executescript(schema.read())
for index in range(10):
    writer.execute("INSERT INTO companies (id, name, created_at) VALUES (?, ?, ?)", (company_id(index), "Company %d" % index, 1_764_800_000.0))

insert = (
    "INSERT INTO audit_events (company_id, id, occurred_at, actor_kind, actor_user_id, event, target_type, target_id, detail) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
start = time.perf_counter()
index = 0
while index < row_count:
    end = min(index + batch_size, row_count)
    writer.execute("BEGIN IMMEDIATE")
    for row in range(index, end):
        writer.execute(
            insert,
            (
                company_id(row), event_id(row), 1_764_800_000.0 + row, "user", "user_%d" % (row % 50),
                "integration.updated", "integration", "integration_%d" % (row % 20),
                '{"fields":["name","base_url"],"request_id":"%d"}' % row,
            ),
        )
    writer.execute("COMMIT")
    index = end
insert_time = time.perf_counter() - start

reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False, cached_statements=128)
for pragma in ("PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000", "PRAGMA synchronous = " + synchronous, "PRAGMA query_only = ON"):
    reader.execute(pragma)
select = (
    "SELECT company_id, id, occurred_at, actor_kind, actor_user_id, event, target_type, target_id, detail "
    "FROM audit_events WHERE company_id = ? AND id = ?"
)
found = 0
# One read transaction per lookup, as the Swift side does with db.read.
start = time.perf_counter()
for step in range(lookup_count):
    row = lookup_index(step)
    reader.execute("BEGIN")
    result = reader.execute(select, (company_id(row), event_id(row))).fetchone()
    reader.execute("COMMIT")
    if result is not None and result[5]:
        found += 1
lookup_time = time.perf_counter() - start

# Many lookups in one read transaction, as the Swift side does.
start = time.perf_counter()
reader.execute("BEGIN")
for step in range(lookup_count):
    row = lookup_index(step)
    result = reader.execute(select, (company_id(row), event_id(row))).fetchone()
    if result is not None and result[5]:
        found += 1
reader.execute("COMMIT")
batched_time = time.perf_counter() - start

if found != 2 * lookup_count:
    sys.exit("only %d of %d lookups found their row" % (found, 2 * lookup_count))
print(json.dumps({
    "insert_rows_per_s": int(row_count / insert_time),
    "lookups_per_s": int(lookup_count / lookup_time),
    "lookups_batched_per_s": int(lookup_count / batched_time),
}))
