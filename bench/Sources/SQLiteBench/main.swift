// SQLiteBench: inserts in batches of 100 rows per transaction, then point reads by primary key,
// through the SQLite module (cached statements, the writer, a reader per lookup).
// bench/sqlite/python_bench.py does the same work with Python's sqlite3; bench/sqlite/run.sh
// runs both and prints the ratios.
//
// Usage: SQLiteBench <database path> <Migrations/0001_create_schema.sql> [rows] [lookups] [full|normal]
// Prints one line of JSON: {"insert_rows_per_s": ..., "lookups_per_s": ..., "lookups_batched_per_s": ...}
import Foundation
import SQLite

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: SQLiteBench <database path> <schema.sql> [rows] [lookups] [full|normal]\n".utf8))
    exit(2)
}
let path = arguments[1]
let schemaPath = arguments[2]
let rowCount = arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000
let lookupCount = arguments.count > 4 ? Int(arguments[4]) ?? 200_000 : 200_000
let synchronous: Database.Synchronous = arguments.count > 5 && arguments[5] == "full" ? .full : .normal
let batchSize = 100

/// The same deterministic ids and lookup order as python_bench.py.
func eventID(_ index: Int) -> String {
    let mixed = (UInt64(index) &* 2_654_435_761) % 4_294_967_296
    return "evt_" + String(mixed, radix: 16) + "_" + String(index)
}
func companyID(_ index: Int) -> String { "company_\(index % 10)" }
func lookupIndex(_ step: Int) -> Int { (step &* 7_919 &+ 13) % rowCount }

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

do {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    // The server's configuration (WAL, foreign keys, busy timeout), synchronous as asked.
    let database = try Database(path: path, configuration: .init(readers: 2, synchronous: synchronous))
    // The product's schema; audit_events rows belong to companies, so those come first.
    let schema = try String(contentsOfFile: schemaPath, encoding: .utf8)
    try database.write { conn in
        try conn.executeScript(schema)
        for index in 0..<10 {
            try conn.execute("INSERT INTO companies (id, name, created_at) VALUES (?, ?, ?)", companyID(index), "Company \(index)", 1_764_800_000.0)
        }
    }

    let insert = """
        INSERT INTO audit_events (company_id, id, occurred_at, actor_kind, actor_user_id, event, target_type, target_id, detail)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    let clock = ContinuousClock()
    let insertTime = try clock.measure {
        var index = 0
        while index < rowCount {
            let end = min(index + batchSize, rowCount)
            try database.write { conn in
                for row in index..<end {
                    try conn.execute(
                        insert, companyID(row), eventID(row), 1_764_800_000.0 + Double(row), "user", "user_\(row % 50)",
                        "integration.updated", "integration", "integration_\(row % 20)",
                        "{\"fields\":[\"name\",\"base_url\"],\"request_id\":\"\(row)\"}")
                }
            }
            index = end
        }
    }

    let select = "SELECT company_id, id, occurred_at, actor_kind, actor_user_id, event, target_type, target_id, detail FROM audit_events WHERE company_id = ? AND id = ?"
    var found = 0
    // One read transaction per lookup, as a request handler would do it.
    let lookupTime = try clock.measure {
        for step in 0..<lookupCount {
            let row = lookupIndex(step)
            let event = try database.read { conn in
                try conn.queryOne(select, companyID(row), eventID(row))?.get("event", as: String.self)
            }
            if event != nil { found += 1 }
        }
    }
    // Many lookups in one read transaction: the statement cache without the transaction cost.
    let batchedTime = try clock.measure {
        try database.read { conn in
            for step in 0..<lookupCount {
                let row = lookupIndex(step)
                if try conn.queryOne(select, companyID(row), eventID(row))?.get("event", as: String.self) != nil { found += 1 }
            }
        }
    }
    guard found == 2 * lookupCount else {
        FileHandle.standardError.write(Data("only \(found) of \(2 * lookupCount) lookups found their row\n".utf8))
        exit(1)
    }
    print(
        "{\"insert_rows_per_s\": \(Int(Double(rowCount) / seconds(insertTime))), \"lookups_per_s\": \(Int(Double(lookupCount) / seconds(lookupTime))), \"lookups_batched_per_s\": \(Int(Double(lookupCount) / seconds(batchedTime)))}"
    )
} catch {
    FileHandle.standardError.write(Data("SQLiteBench: \(error)\n".utf8))
    exit(1)
}
