import HTTPCore
import OpenAPI
import YAML

/// Serialises parameter values by their style and explode (OpenAPI 3.1 §4.8.12.4 "Style
/// Values", RFC 6570 for path, label and matrix).
enum ParameterSerializer {
    /// A path segment value, already percent-encoded.
    static func path(_ parameter: Parameter, _ value: OrderedValue) -> String {
        let encode = { (text: String) in PercentEncoding.encode(text) }
        switch parameter.style {
        case .label:
            let separator = parameter.explode ? "." : ","
            return "." + parts(value, explode: parameter.explode, encode: encode).joined(separator: separator)
        case .matrix:
            let name = encode(parameter.name)
            switch value {
            case .array(let items) where parameter.explode:
                return items.map { ";\(name)=\(encode(scalar($0)))" }.joined()
            case .object(let object) where parameter.explode:
                return object.entries.map { ";\(encode($0.key))=\(encode(scalar($0.value)))" }.joined()
            default:
                return ";\(name)=" + parts(value, explode: false, encode: encode).joined(separator: ",")
            }
        default:
            return parts(value, explode: parameter.explode, encode: encode).joined(separator: ",")
        }
    }

    /// Query pairs, names and values already percent-encoded (`allowReserved` kept).
    static func query(_ parameter: Parameter, _ value: OrderedValue) -> [(String, String)] {
        let encode = { (text: String) in PercentEncoding.encode(text, keepingReserved: parameter.allowsReserved) }
        let name = PercentEncoding.encode(parameter.name)
        switch (parameter.style, value) {
        case (.deepObject, .object(let object)):
            return object.entries.map { ("\(name)%5B\(PercentEncoding.encode($0.key))%5D", encode(scalar($0.value))) }
        case (.spaceDelimited, .array(let items)):
            return [(name, items.map { encode(scalar($0)) }.joined(separator: "%20"))]
        case (.pipeDelimited, .array(let items)):
            return [(name, items.map { encode(scalar($0)) }.joined(separator: "%7C"))]
        case (_, .array(let items)) where parameter.explode:
            return items.map { (name, encode(scalar($0))) }
        case (_, .object(let object)) where parameter.explode:
            return object.entries.map { (PercentEncoding.encode($0.key), encode(scalar($0.value))) }
        default:
            return [(name, parts(value, explode: false, encode: encode).joined(separator: ","))]
        }
    }

    /// A header field value (simple style), not encoded.
    static func header(_ parameter: Parameter, _ value: OrderedValue) -> String {
        parts(value, explode: parameter.explode, encode: { $0 }).joined(separator: ",")
    }

    /// A `name=value` cookie pair (form style); bytes that are not cookie-octets (RFC 6265
    /// §4.1.1: controls, space, DQUOTE, comma, semicolon, backslash, non-ASCII) percent-encoded.
    static func cookie(_ parameter: Parameter, _ value: OrderedValue) -> String {
        "\(parameter.name)=" + parts(value, explode: false, encode: PercentEncoding.cookieValue).joined(separator: ",")
    }

    /// Form body pairs (`application/x-www-form-urlencoded`): each property, arrays repeated.
    static func form(_ object: OrderedObject) -> String {
        var pairs: [String] = []
        for entry in object.entries {
            let name = PercentEncoding.encode(entry.key)
            if case .array(let items) = entry.value {
                pairs += items.map { "\(name)=\(PercentEncoding.encode(scalar($0)))" }
            } else if case .object = entry.value {
                pairs.append("\(name)=\(PercentEncoding.encode(entry.value.jsonText()))")
            } else {
                pairs.append("\(name)=\(PercentEncoding.encode(scalar(entry.value)))")
            }
        }
        return pairs.joined(separator: "&")
    }

    /// The text of a primitive; arrays and objects nested deeper become JSON.
    static func scalar(_ value: OrderedValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let integer): return String(integer)
        case .double(let double): return OrderedValue.jsonNumber(double)
        case .string(let string): return string
        case .array, .object: return value.jsonText()
        }
    }

    /// Array items, or object keys and values (`k,v` unexploded, `k=v` exploded), encoded.
    private static func parts(_ value: OrderedValue, explode: Bool, encode: (String) -> String) -> [String] {
        switch value {
        case .array(let items): return items.map { encode(scalar($0)) }
        case .object(let object):
            return object.entries.flatMap { entry in
                explode ? ["\(encode(entry.key))=\(encode(scalar(entry.value)))"] : [encode(entry.key), encode(scalar(entry.value))]
            }
        default: return [encode(scalar(value))]
        }
    }
}
