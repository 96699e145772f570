import YAML

extension OrderedValue {
    /// The value as pretty JSON text (RFC 8259): two-space indentation, object keys in entry order.
    ///
    /// Non-finite numbers, which JSON cannot hold, are written as `null`.
    public var prettyJSONText: String {
        var output = ""
        write(to: &output, indent: 0)
        output.append("\n")
        return output
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output.append("null")
        case .bool(let bool): output.append(bool ? "true" : "false")
        case .int(let integer): output.append(String(integer))
        case .double(let double): output.append(double.isFinite ? Self.numberText(double) : "null")
        case .string(let string): Self.writeString(string, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else { return output.append("[]") }
            output.append("[\n")
            for (position, element) in elements.enumerated() {
                output.append(String(repeating: " ", count: indent + 2))
                element.write(to: &output, indent: indent + 2)
                output.append(position == elements.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: " ", count: indent) + "]")
        case .object(let object):
            guard !object.isEmpty else { return output.append("{}") }
            output.append("{\n")
            for (position, entry) in object.entries.enumerated() {
                output.append(String(repeating: " ", count: indent + 2))
                Self.writeString(entry.key, to: &output)
                output.append(": ")
                entry.value.write(to: &output, indent: indent + 2)
                output.append(position == object.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: " ", count: indent) + "}")
        }
    }

    private static func numberText(_ double: Double) -> String {
        if double == double.rounded(), abs(double) < 1e15 { return String(Int(double)) + ".0" }
        return String(double)
    }

    /// RFC 8259 §7: quotation mark, reverse solidus and control characters are escaped.
    private static func writeString(_ string: String, to output: inout String) {
        output.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}
