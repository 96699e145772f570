import CYAML

extension YAMLValueBuilder {
    static let coreTagPrefix = "tag:yaml.org,2002:"

    static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// The mappings a merge key's value names: one mapping or a sequence of them.
    static func mergeSources(_ value: OrderedValue) -> [OrderedObject]? {
        switch value {
        case .object(let object):
            return [object]
        case .array(let elements):
            var sources: [OrderedObject] = []
            for element in elements {
                guard case .object(let object) = element else { return nil }
                sources.append(object)
            }
            return sources
        default:
            return nil
        }
    }

    /// The text of a key reached through an alias or given as a non-plain node.
    static func keyText(_ value: OrderedValue) throws(YAMLBuildProblem) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let integer): return String(integer)
        case .double(let double): return String(double)
        case .string(let string): return string
        case .array, .object: throw YAMLBuildProblem(message: "a mapping key must be a scalar")
        }
    }

    /// Resolves a scalar by its tag, or for untagged plain scalars by the core schema
    /// (YAML 1.2.2 §10.3.2); everything else is a string.
    static func resolveScalar(_ raw: String, tag: String?, isPlain: Bool) throws(YAMLBuildProblem) -> OrderedValue {
        guard let tag, tag != "?" else {
            return isPlain ? resolvePlain(raw) : .string(raw)
        }
        guard tag.hasPrefix(coreTagPrefix) else { return .string(raw) }
        let name = tag.dropFirst(coreTagPrefix.count)
        switch name {
        case "str":
            return .string(raw)
        case "null", "bool", "int", "float":
            let resolved = resolvePlain(raw)
            switch (name, resolved) {
            case ("null", .null), ("bool", .bool), ("int", .int), ("float", .double): return resolved
            case ("float", .int(let integer)): return .double(Double(integer))
            default: throw YAMLBuildProblem(message: "'\(raw)' is not a valid !!\(name)")
            }
        default:
            return .string(raw)
        }
    }

    static func resolvePlain(_ raw: String) -> OrderedValue {
        var utf8 = raw.utf8
        guard let first = utf8.first else { return .null }
        // Most plain scalars are words: only a few first characters can start a non-string.
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            if raw == "null" || raw == "Null" || raw == "NULL" || raw == "~" { return .null }
            return .string(raw)
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if raw == "true" || raw == "True" || raw == "TRUE" { return .bool(true) }
            return .string(raw)
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if raw == "false" || raw == "False" || raw == "FALSE" { return .bool(false) }
            return .string(raw)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return resolveNumber(raw, utf8: &utf8) ?? .string(raw)
        default:
            return .string(raw)
        }
    }

    private static func resolveNumber(_ raw: String, utf8: inout String.UTF8View) -> OrderedValue? {
        switch raw {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        if raw.hasPrefix("0o"), let value = Int(raw.dropFirst(2), radix: 8) { return .int(value) }
        if raw.hasPrefix("0x"), let value = Int(raw.dropFirst(2), radix: 16) { return .int(value) }
        // Core schema int: [-+]? [0-9]+ ; float: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var bytes = Array(utf8)
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let integerStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        if index == bytes.count {
            guard integerDigits > 0 else { return nil }
            if let value = Int(raw) { return .int(value) }
            return Double(raw).map { .double($0) }
        }
        var fractionDigits = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            fractionDigits = index - fractionStart
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            let exponentStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > exponentStart else { return nil }
        }
        guard index == bytes.count else { return nil }
        // Swift's Double parser rejects a trailing '.', which the core schema allows ("1.").
        if bytes.last == UInt8(ascii: ".") { bytes.append(UInt8(ascii: "0")) }
        return Double(String(decoding: bytes, as: UTF8.self)).map { .double($0) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
