import Dispatch
import Foundation
import SQLite
import Synchronization
import Testing

@Suite struct DatabaseTests {
    struct Refusal: Error {}

    @Test func opensInWALModeWithForeignKeysOn() throws {
        try withTemporaryDatabase { database, _ in
            let settings = try database.read { conn in
                (
                    try conn.queryOne("PRAGMA journal_mode")?.get("journal_mode", as: String.self),
                    try conn.queryOne("PRAGMA foreign_keys")?.get("foreign_keys", as: Int.self),
                    try conn.queryOne("PRAGMA synchronous")?.get("synchronous", as: Int.self)
                )
            }
            #expect(settings.0 == "wal")
            #expect(settings.1 == 1)
            #expect(settings.2 == 2)  // FULL
        }
    }

    @Test func rollsBackTheWholeTransactionWhenTheBodyThrows() throws {
        try withTemporaryDatabase { database, _ in
            try database.write { conn in try conn.execute("CREATE TABLE notes (body TEXT NOT NULL) STRICT") }
            #expect(throws: Refusal.self) {
                try database.write { conn in
                    try conn.execute("INSERT INTO notes (body) VALUES (?)", "first")
                    try conn.execute("INSERT INTO notes (body) VALUES (?)", "second")
                    throw Refusal()
                }
            }
            #expect(try database.read { conn in try conn.query("SELECT body FROM notes") }.isEmpty)
            // The writer is usable again afterwards.
            try database.write { conn in try conn.execute("INSERT INTO notes (body) VALUES (?)", "third") }
            #expect(try database.read { conn in try conn.query("SELECT body FROM notes") }.count == 1)
        }
    }

    @Test func rethrowsTheFirstErrorFromAFailedStatement() throws {
        try withTemporaryDatabase { database, _ in
            try database.write { conn in try conn.execute("CREATE TABLE notes (body TEXT NOT NULL) STRICT") }
            let error = #expect(throws: SQLiteError.self) {
                try database.write { conn in
                    try conn.execute("INSERT INTO notes (body) VALUES (?)", "kept until the failure")
                    try conn.execute("INSERT INTO notes (body) VALUES (?)", DatabaseValue.null)
                }
            }
            #expect(error?.code == .constraint)
            #expect(try database.read { conn in try conn.query("SELECT body FROM notes") }.isEmpty)
        }
    }

    @Test func rollsBackOnlyTheSavepointThatThrew() throws {
        try withTemporaryDatabase { database, _ in
            try database.write { conn in
                try conn.execute("CREATE TABLE notes (body TEXT NOT NULL) STRICT")
                try conn.execute("INSERT INTO notes (body) VALUES (?)", "outer")
                #expect(throws: Refusal.self) {
                    try conn.savepoint { inner in
                        try inner.execute("INSERT INTO notes (body) VALUES (?)", "inner, undone")
                        throw Refusal()
                    }
                }
                try conn.savepoint { inner in
                    try inner.execute("INSERT INTO notes (body) VALUES (?)", "inner, kept")
                    #expect(throws: Refusal.self) {
                        try inner.savepoint { nested in
                            try nested.execute("INSERT INTO notes (body) VALUES (?)", "nested, undone")
                            throw Refusal()
                        }
                    }
                }
            }
            let bodies = try database.read { conn in
                try conn.query("SELECT body FROM notes ORDER BY rowid").map { try $0.get("body", as: String.self) }
            }
            #expect(bodies == ["outer", "inner, kept"])
        }
    }

    @Test func readersSeeTheLastCommitWhileAWriteIsOpen() throws {
        try withTemporaryDatabase { database, _ in
            try database.write { conn in
                try conn.execute("CREATE TABLE notes (body TEXT NOT NULL) STRICT")
                try conn.execute("INSERT INTO notes (body) VALUES (?)", "committed")
            }
            let seenDuringWrite = try database.write { conn in
                try conn.execute("INSERT INTO notes (body) VALUES (?)", "uncommitted")
                // A read on a reader connection, while this write transaction holds the lock.
                return try database.read { reader in
                    try reader.query("SELECT body FROM notes").map { try $0.get("body", as: String.self) }
                }
            }
            #expect(seenDuringWrite == ["committed"])
            #expect(try database.read { conn in try conn.query("SELECT body FROM notes") }.count == 2)
        }
    }

    @Test func readersRefuseWrites() throws {
        try withTemporaryDatabase { database, _ in
            try database.write { conn in try conn.execute("CREATE TABLE notes (body TEXT NOT NULL) STRICT") }
            let error = #expect(throws: SQLiteError.self) {
                try database.read { conn in try conn.execute("INSERT INTO notes (body) VALUES (?)", "sneaky") }
            }
            #expect(error?.code == .readOnly)
        }
    }

    @Test func serialisesWritesFromManyThreads() throws {
        try withTemporaryDatabase(readers: 3) { database, _ in
            try database.write { conn in
                try conn.execute("CREATE TABLE counter (value INTEGER NOT NULL) STRICT")
                try conn.execute("INSERT INTO counter (value) VALUES (0)")
            }
            let failures = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                for _ in 0..<25 {
                    do {
                        try database.write { conn in
                            let value = try #require(try conn.queryOne("SELECT value FROM counter")).get("value", as: Int.self)
                            try conn.execute("UPDATE counter SET value = ?", value + 1)
                        }
                        _ = try database.read { conn in try conn.queryOne("SELECT value FROM counter") }
                    } catch {
                        failures.withLock { $0 += 1 }
                    }
                }
            }
            #expect(failures.withLock { $0 } == 0)
            let value = try database.read { conn in try conn.queryOne("SELECT value FROM counter")?.get("value", as: Int.self) }
            #expect(value == 200)
        }
    }

    @Test func keepsDataAcrossReopening() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        do {
            let database = try Database(path: folder.path("db.sqlite"), readers: 1)
            try database.write { conn in
                try conn.execute("CREATE TABLE notes (body TEXT NOT NULL) STRICT")
                try conn.execute("INSERT INTO notes (body) VALUES (?)", "kept")
            }
        }
        let reopened = try Database(path: folder.path("db.sqlite"), readers: 1)
        #expect(try reopened.read { conn in try conn.queryOne("SELECT body FROM notes")?.get("body", as: String.self) } == "kept")
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(String(repeating: "not a database at all. ", count: 100), to: "junk.sqlite")
        let error = #expect(throws: SQLiteError.self) { try Database(path: folder.path("junk.sqlite"), readers: 1) }
        #expect(error?.code == .notADatabase)
    }
}
