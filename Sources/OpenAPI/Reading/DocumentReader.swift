import YAML

/// The read stage: bytes to one `OrderedValue`, from JSON or YAML.
///
/// JSON is tried when the text starts with `{` or `[` (our own reader, fast); otherwise, or when
/// that fails and the source is not named `.json`, YAML (which also reads most JSON).
struct DocumentReader {
    struct Output {
        var value: OrderedValue
        var diagnostics: [Diagnostic]
    }

    func read(_ bytes: [UInt8], location: String?) throws(ImportError) -> Output {
        guard let first = bytes.first(where: { !Self.isWhitespace($0) }) else { throw .empty }
        let isJSONName = location?.lowercased().hasSuffix(".json") ?? false
        // A UTF-8 byte order mark (EF BB BF) starts with 0xEF.
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || (isJSONName && first == 0xEF) {
            do throws(JSONReadError) {
                return Output(value: try JSONReader().read(bytes), diagnostics: [])
            } catch {
                if isJSONName {
                    throw .unreadable(message: error.message, line: error.line, column: error.column)
                }
            }
        }
        let documents: [OrderedValue]
        do throws(YAMLReadError) {
            documents = try YAMLReader().readDocuments(bytes)
        } catch {
            throw .unreadable(message: error.message, line: error.line, column: error.column)
        }
        guard let value = documents.first else { throw .empty }
        var diagnostics: [Diagnostic] = []
        if documents.count > 1 {
            diagnostics.append(
                Diagnostic(
                    .warning, "the YAML stream holds \(documents.count) documents; only the first is imported",
                    pointer: ""))
        }
        return Output(value: value, diagnostics: diagnostics)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
