import SQLite
import Testing

@Suite struct ConnectionTests {
    @Test func reusesPreparedStatementsKeyedBySQLText() throws {
        try withTemporaryDatabase { database, _ in
            try database.write { conn in
                try conn.execute("CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL) STRICT")
                let before = conn.cachedStatementCount
                for index in 0..<50 {
                    try conn.execute("INSERT INTO users (id, email) VALUES (?, ?)", "u\(index)", "u\(index)@acme.test")
                }
                #expect(conn.cachedStatementCount == before + 1)
                #expect(try conn.query("SELECT id FROM users").count == 50)
                #expect(conn.cachedStatementCount == before + 2)
            }
        }
    }

    @Test func reportsLastInsertRowIDAndChanges() throws {
        try withTemporaryDatabase { database, _ in
            try database.write { conn in
                try conn.execute("CREATE TABLE counters (name TEXT NOT NULL, value INTEGER NOT NULL) STRICT")
                try conn.execute("INSERT INTO counters (name, value) VALUES (?, ?)", "a", 1)
                try conn.execute("INSERT INTO counters (name, value) VALUES (?, ?)", "b", 1)
                #expect(conn.lastInsertRowID == 2)
                try conn.execute("UPDATE counters SET value = value + ?", 1)
                #expect(conn.changes == 2)
            }
        }
    }

    @Test func matchesConstraintErrorsByCodeWithoutShowingBoundValues() throws {
        try withTemporaryDatabase { database, _ in
            try database.write { conn in
                try conn.execute("CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE) STRICT")
                try conn.execute("INSERT INTO users (id, email) VALUES (?, ?)", "u1", "private@acme.test")
            }
            var caught: SQLiteError?
            do {
                try database.write { conn in
                    try conn.execute("INSERT INTO users (id, email) VALUES (?, ?)", "u2", "private@acme.test")
                }
            } catch let error as SQLiteError where error.code == .constraint {
                caught = error
            }
            let error = try #require(caught)
            #expect(error.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error.message.contains("users.email"))
            #expect(!error.description.contains("private@acme.test"))
            #expect(error.sql == "INSERT INTO users (id, email) VALUES (?, ?)")
        }
    }

    @Test func refusesTooFewOrTooManyBindings() throws {
        try withTemporaryDatabase { database, _ in
            let error = #expect(throws: SQLiteError.self) {
                try database.read { conn in try conn.query("SELECT ? AS a, ? AS b", 1) }
            }
            #expect(error?.code == .range)
        }
    }

    @Test func reportsSyntaxErrorsWithTheStatement() throws {
        try withTemporaryDatabase { database, _ in
            let error = #expect(throws: SQLiteError.self) {
                try database.read { conn in try conn.query("SELEKT 1") }
            }
            #expect(error?.code == .error)
            #expect(error?.sql == "SELEKT 1")
        }
    }

    @Test func bindsValuesInsteadOfInterpolatingThem() throws {
        try withTemporaryDatabase { database, _ in
            let hostile = "x'); DROP TABLE notes; --"
            try database.write { conn in
                try conn.execute("CREATE TABLE notes (body TEXT NOT NULL) STRICT")
                try conn.execute("INSERT INTO notes (body) VALUES (?)", hostile)
            }
            let bodies = try database.read { conn in try conn.query("SELECT body FROM notes").map { try $0.get("body", as: String.self) } }
            #expect(bodies == [hostile])
        }
    }
}
