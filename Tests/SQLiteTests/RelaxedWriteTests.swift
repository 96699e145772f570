import Foundation
import Testing
@testable import SQLite

@Suite struct RelaxedWriteTests {
    @Test func aRelaxedWriteCommitsAndPutsTheDurabilityBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relaxed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Database(path: folder.appendingPathComponent("db.sqlite").path, readers: 1)
        try db.write { try $0.execute("CREATE TABLE t (x INTEGER NOT NULL) STRICT") }
        func level() throws -> Int { try db.write { try $0.queryOne("PRAGMA synchronous")?.get("synchronous", as: Int.self) ?? -1 } }
        #expect(try level() == 2, "FULL")
        try db.write(synchronous: .normal) { conn in
            #expect(try conn.queryOne("PRAGMA synchronous")?.get("synchronous", as: Int.self) == 1, "NORMAL inside")
            try conn.execute("INSERT INTO t (x) VALUES (1)")
        }
        #expect(try level() == 2, "FULL again")
        #expect(throws: SQLiteError.self) { try db.write(synchronous: .normal) { try $0.execute("INSERT INTO t (x) VALUES (NULL)") } }
        #expect(try level() == 2, "FULL again after a failed write")
        #expect(try db.read { try $0.query("SELECT x FROM t").count } == 1)
    }
}
