/// The rule for where a callback may send the user back: a path on this server only.
enum ReturnPath {
    /// The longest path kept (a URL of a page with its query).
    static let maximumLength = 2_000

    /// Whether `path` is relative to this server: starts with one `/` (not `//`, which is a
    /// network-path reference to another host, RFC 3986 §4.2), holds no backslash (browsers
    /// read `/\host` as `//host`) and no control or non-ASCII character.
    static func isValid(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.count <= maximumLength, bytes.first == UInt8(ascii: "/") else { return false }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") { return false }
        return bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }
    }
}
