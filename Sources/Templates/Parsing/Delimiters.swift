/// The tag delimiters in force: `{{` and `}}` until a set-delimiter tag changes them.
struct Delimiters: Sendable, Equatable {
    var open: [UInt8]
    var close: [UInt8]

    /// `{{` and `}}`.
    static let standard = Delimiters(open: Array("{{".utf8), close: Array("}}".utf8))
}
