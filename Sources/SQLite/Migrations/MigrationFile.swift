/// One migration file read from disk.
struct MigrationFile: Sendable {
    let name: String
    let sql: String
    let checksum: String

    /// True for `NNNN_verb_object.sql`: four digits, `_`, then lowercase letters, digits and `_`.
    static func isMigrationName(_ name: String) -> Bool {
        let utf8 = Array(name.utf8)
        let suffix = Array(".sql".utf8)
        guard utf8.count > 4 + 1 + suffix.count, utf8.suffix(suffix.count).elementsEqual(suffix) else { return false }
        let stem = utf8.dropLast(suffix.count)
        let digits = stem.prefix(4)
        let words = stem.dropFirst(5)
        return digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            && stem[stem.startIndex + 4] == UInt8(ascii: "_")
            && !words.isEmpty
            && words.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
            }
    }
}
