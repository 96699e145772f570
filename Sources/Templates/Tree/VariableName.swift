/// A tag's name split at dots once, at parse time: `user.name` → `["user", "name"]`.
struct VariableName: Sendable, Equatable {
    /// The dotted parts; empty for the implicit iterator `.`.
    var components: [String]

    /// Parses a trimmed tag name.
    ///
    /// Returns `nil` for an empty name or an empty part (`a..b`, `.a`, `a.`).
    init?(_ text: String) {
        if text == "." {
            components = []
            return
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !text.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        components = parts.map(String.init)
    }
}
