import Foundation
import SQLite
import Testing

@Suite struct DatabaseValueTests {
    /// One value per supported Swift type, with a reader that reads it back as the same type.
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let value: any DatabaseValueConvertible
        let roundTrips: @Sendable (Row) throws -> Bool
    }

    static func make<Value: DatabaseValueConvertible & Equatable>(_ name: String, _ value: Value) -> Case {
        Case(description: name, value: value) { row in try row.get("value", as: Value.self) == value }
    }

    static let cases: [Case] = [
        make("Int64 max", Int64.max),
        make("Int64 min", Int64.min),
        make("Int", 42),
        make("Double", 3.141592653589793),
        make("negative zero Double", -0.0),
        make("String", "héllo, wörld ✓"),
        make("empty String", ""),
        make("String with NUL", "a\u{0}b"),
        make("bytes", [UInt8]([0, 1, 2, 255, 0])),
        make("empty bytes", [UInt8]()),
        make("Bool true", true),
        make("Bool false", false),
        make("Date with fraction", Date(timeIntervalSince1970: 1_764_876_543.123_456)),
        make("nil String", String?.none),
        make("some String", String?.some("x")),
        make("DatabaseValue null", DatabaseValue.null),
    ]

    @Test(arguments: cases)
    func bindsAndReadsBackEveryType(_ testCase: Case) throws {
        try withTemporaryDatabase { database, _ in
            try database.write { conn in
                try conn.execute("CREATE TABLE item (value ANY) STRICT")
                try conn.execute("INSERT INTO item (value) VALUES (?)", testCase.value)
            }
            let row = try database.read { conn in try conn.queryOne("SELECT value FROM item") }
            #expect(try testCase.roundTrips(try #require(row)))
        }
    }

    @Test func readsNullAsNilOnlyForOptionals() throws {
        try withTemporaryDatabase { database, _ in
            let row = try #require(try database.read { conn in try conn.queryOne("SELECT NULL AS value") })
            #expect(try row.get("value", as: Int?.self) == nil)
            #expect(throws: RowError.typeMismatch(column: "value", expected: "Int", found: "NULL")) {
                try row.get("value", as: Int.self)
            }
        }
    }

    @Test func refusesAMissingColumnAndAWrongTypeWithTypedErrors() throws {
        try withTemporaryDatabase { database, _ in
            let row = try #require(try database.read { conn in try conn.queryOne("SELECT 'secret-value' AS email, 2 AS flag") })
            #expect(throws: RowError.missingColumn("mail")) { try row.get("mail", as: String.self) }
            let mismatch = #expect(throws: RowError.self) { try row.get("email", as: Int64.self) }
            #expect(mismatch == .typeMismatch(column: "email", expected: "Int64", found: "TEXT"))
            #expect(mismatch.map { "\($0)" }?.contains("secret-value") == false)
            // A Bool is 0 or 1, nothing else.
            #expect(throws: RowError.self) { try row.get("flag", as: Bool.self) }
        }
    }

    @Test func readsByColumnNameThroughTheSubscript() throws {
        try withTemporaryDatabase { database, _ in
            let row = try #require(try database.read { conn in try conn.queryOne("SELECT 'ann@acme.test' AS email, 7 AS n") })
            let email = try row["email"] as String
            let number: Int = try row["n"]
            #expect(email == "ann@acme.test")
            #expect(number == 7)
            #expect(row.columnNames == ["email", "n"])
        }
    }

    @Test func bindsValuesLargerThanTheBindingBufferBeforeAndAfterItGrows() throws {
        try withTemporaryDatabase { database, _ in
            let text = String(repeating: "é", count: 3_000)  // 6,000 UTF-8 bytes
            let blob = (0..<10_000).map { UInt8(truncatingIfNeeded: $0) }
            try database.write { conn in
                try conn.execute("CREATE TABLE item (label TEXT NOT NULL, text TEXT NOT NULL, data BLOB NOT NULL) STRICT")
                // Twice: the first run overflows the buffer, the second uses the grown one.
                for label in ["first", "second"] {
                    try conn.execute("INSERT INTO item (label, text, data) VALUES (?, ?, ?)", label, text, blob)
                }
            }
            let rows = try database.read { conn in try conn.query("SELECT text, data FROM item ORDER BY label") }
            #expect(rows.count == 2)
            for row in rows {
                #expect(try row.get("text", as: String.self) == text)
                #expect(try row.get("data", as: [UInt8].self) == blob)
            }
        }
    }
}
