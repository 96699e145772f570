// The work of SQLiteBench in plain C against the same libsqlite3: what SQLite alone costs, so
// run.sh can show how far either library is above the floor. No error handling beyond a check
// per statement: this is a measuring stick, not product code.
// Usage: c_floor <database path> <Migrations/0001_create_schema.sql> [rows] [lookups] [full|normal]
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return time.tv_sec + time.tv_nsec / 1e9;
}

static void ids(long row, char *company, char *event) {
    unsigned long mixed = ((unsigned long)row * 2654435761UL) % 4294967296UL;
    snprintf(company, 32, "company_%ld", row % 10);
    snprintf(event, 64, "evt_%lx_%ld", mixed, row);
}

static void check(int code, sqlite3 *db) {
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
        fprintf(stderr, "c_floor: %s\n", sqlite3_errmsg(db));
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: c_floor <database> <schema.sql> [rows] [lookups] [full|normal]\n"); return 2; }
    long rows = argc > 3 ? atol(argv[3]) : 100000, lookups = argc > 4 ? atol(argv[4]) : 200000;
    const char *synchronous = argc > 5 && strcmp(argv[5], "full") == 0 ? "FULL" : "NORMAL";
    const char *suffixes[] = {"", "-wal", "-shm"};
    for (int index = 0; index < 3; index++) {
        char path[4096];
        snprintf(path, sizeof path, "%s%s", argv[1], suffixes[index]);
        remove(path);
    }
    sqlite3 *writer, *reader;
    check(sqlite3_open_v2(argv[1], &writer, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL), writer);
    char pragmas[256];
    snprintf(pragmas, sizeof pragmas, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = %s; PRAGMA journal_mode = WAL;", synchronous);
    check(sqlite3_exec(writer, pragmas, NULL, NULL, NULL), writer);
    FILE *file = fopen(argv[2], "r");
    if (!file) { perror(argv[2]); return 1; }
    static char schema[1 << 20];
    schema[fread(schema, 1, sizeof schema - 1, file)] = 0;
    fclose(file);
    check(sqlite3_exec(writer, schema, NULL, NULL, NULL), writer);
    for (int index = 0; index < 10; index++) {
        char insert[128];
        snprintf(insert, sizeof insert, "INSERT INTO companies (id, name, created_at) VALUES ('company_%d', 'Company %d', 1764800000.0)", index, index);
        check(sqlite3_exec(writer, insert, NULL, NULL, NULL), writer);
    }

    sqlite3_stmt *insert, *begin, *commit;
    check(sqlite3_prepare_v3(writer, "INSERT INTO audit_events (company_id, id, occurred_at, actor_kind, actor_user_id, event, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, SQLITE_PREPARE_PERSISTENT, &insert, NULL), writer);
    check(sqlite3_prepare_v2(writer, "BEGIN IMMEDIATE", -1, &begin, NULL), writer);
    check(sqlite3_prepare_v2(writer, "COMMIT", -1, &commit, NULL), writer);
    char company[32], event[64], user[32], target[32], detail[96];
    double start = now();
    for (long first = 0; first < rows; first += 100) {
        check(sqlite3_step(begin), writer); sqlite3_reset(begin);
        for (long row = first; row < first + 100 && row < rows; row++) {
            ids(row, company, event);
            snprintf(user, sizeof user, "user_%ld", row % 50);
            snprintf(target, sizeof target, "integration_%ld", row % 20);
            snprintf(detail, sizeof detail, "{\"fields\":[\"name\",\"base_url\"],\"request_id\":\"%ld\"}", row);
            sqlite3_bind_text(insert, 1, company, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(insert, 2, event, -1, SQLITE_TRANSIENT);
            sqlite3_bind_double(insert, 3, 1764800000.0 + row);
            sqlite3_bind_text(insert, 4, "user", -1, SQLITE_STATIC);
            sqlite3_bind_text(insert, 5, user, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(insert, 6, "integration.updated", -1, SQLITE_STATIC);
            sqlite3_bind_text(insert, 7, "integration", -1, SQLITE_STATIC);
            sqlite3_bind_text(insert, 8, target, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(insert, 9, detail, -1, SQLITE_TRANSIENT);
            check(sqlite3_step(insert), writer);
            sqlite3_reset(insert);
        }
        check(sqlite3_step(commit), writer); sqlite3_reset(commit);
    }
    double insertTime = now() - start;

    check(sqlite3_open_v2(argv[1], &reader, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL), reader);
    check(sqlite3_exec(reader, pragmas, NULL, NULL, NULL), reader);
    check(sqlite3_exec(reader, "PRAGMA query_only = ON", NULL, NULL, NULL), reader);
    sqlite3_stmt *select, *readBegin, *readCommit;
    check(sqlite3_prepare_v3(reader, "SELECT company_id, id, occurred_at, actor_kind, actor_user_id, event, target_type, target_id, detail FROM audit_events WHERE company_id = ? AND id = ?", -1, SQLITE_PREPARE_PERSISTENT, &select, NULL), reader);
    check(sqlite3_prepare_v2(reader, "BEGIN DEFERRED", -1, &readBegin, NULL), reader);
    check(sqlite3_prepare_v2(reader, "COMMIT", -1, &readCommit, NULL), reader);
    double lookupTimes[2];
    long found = 0;
    for (int batched = 0; batched < 2; batched++) {
        start = now();
        if (batched) { sqlite3_step(readBegin); sqlite3_reset(readBegin); }
        for (long step = 0; step < lookups; step++) {
            ids((step * 7919 + 13) % rows, company, event);
            if (!batched) { sqlite3_step(readBegin); sqlite3_reset(readBegin); }
            sqlite3_bind_text(select, 1, company, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(select, 2, event, -1, SQLITE_TRANSIENT);
            // Touch every column, as the libraries build every value of the row.
            if (sqlite3_step(select) == SQLITE_ROW) {
                for (int column = 0; column < 9; column++) {
                    if (sqlite3_column_type(select, column) == SQLITE_TEXT) sqlite3_column_bytes(select, column);
                }
                found++;
            }
            sqlite3_reset(select);
            if (!batched) { sqlite3_step(readCommit); sqlite3_reset(readCommit); }
        }
        if (batched) { sqlite3_step(readCommit); sqlite3_reset(readCommit); }
        lookupTimes[batched] = now() - start;
    }
    if (found != 2 * lookups) { fprintf(stderr, "only %ld of %ld lookups found their row\n", found, 2 * lookups); return 1; }
    printf("{\"insert_rows_per_s\": %ld, \"lookups_per_s\": %ld, \"lookups_batched_per_s\": %ld}\n",
        (long)(rows / insertTime), (long)(lookups / lookupTimes[0]), (long)(lookups / lookupTimes[1]));
    return 0;
}
