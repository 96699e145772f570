import YAML

extension OrderedValue {
    /// The value as JSON text (RFC 8259), object keys in their order; `pretty` indents by two spaces.
    ///
    /// Non-finite doubles have no JSON form and are written as `null`.
    func jsonText(pretty: Bool = false) -> String {
        var output = ""
        appendJSON(to: &output, pretty: pretty, indent: 0)
        return output
    }

    private func appendJSON(to output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let bool): output += bool ? "true" : "false"
        case .int(let integer): output += String(integer)
        case .double(let double): output += Self.jsonNumber(double)
        case .string(let string): Self.appendQuoted(string, to: &output)
        case .array(let array):
            guard !array.isEmpty else {
                output += "[]"
                return
            }
            output += "["
            for (position, element) in array.enumerated() {
                if position > 0 { output += "," }
                Self.appendBreak(to: &output, pretty: pretty, indent: indent + 1)
                element.appendJSON(to: &output, pretty: pretty, indent: indent + 1)
            }
            Self.appendBreak(to: &output, pretty: pretty, indent: indent)
            output += "]"
        case .object(let object):
            guard !object.isEmpty else {
                output += "{}"
                return
            }
            output += "{"
            for (position, entry) in object.entries.enumerated() {
                if position > 0 { output += "," }
                Self.appendBreak(to: &output, pretty: pretty, indent: indent + 1)
                Self.appendQuoted(entry.key, to: &output)
                output += pretty ? ": " : ":"
                entry.value.appendJSON(to: &output, pretty: pretty, indent: indent + 1)
            }
            Self.appendBreak(to: &output, pretty: pretty, indent: indent)
            output += "}"
        }
    }

    /// A number as JSON allows: integral values without a fraction; NaN and infinities, which
    /// JSON cannot hold, as `null`.
    static func jsonNumber(_ double: Double) -> String {
        guard double.isFinite else { return "null" }
        if double == double.rounded(), abs(double) < 1e15 { return String(Int(double)) }
        return String(double)
    }

    private static func appendBreak(to output: inout String, pretty: Bool, indent: Int) {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    /// RFC 8259 §7: quotation mark, reverse solidus and control characters are escaped.
    private static func appendQuoted(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
