import OpenAPI

/// Function names as chat-completions tools need them: `^[a-zA-Z0-9_-]{1,64}$`.
public enum FunctionName {
    /// The longest name providers accept.
    public static let maximumLength = 64

    /// A function name for an operation: its `operationId` when it has one, otherwise its action
    /// name in lower camel case ("Create Invoice" → `createInvoice`), made safe.
    public static func make(for operation: APIOperation) -> String {
        if let operationID = operation.operationID, !operationID.isEmpty { return sanitized(operationID) }
        let words = IdentifierWords.split(operation.name)
        let camel = words.enumerated().map { position, word in
            position == 0 ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        return sanitized(camel.joined())
    }

    /// `text` with every other character replaced by `_`, cut to 64 characters; "tool" when
    /// nothing is left.
    public static func sanitized(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let allowed =
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
            result.unicodeScalars.append(allowed ? scalar : "_")
        }
        result = String(result.prefix(maximumLength))
        return result.allSatisfy({ $0 == "_" }) ? "tool" : result
    }
}
