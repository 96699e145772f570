import Foundation
import OpenAPI
import YAML

/// A `multipart/form-data` request body (RFC 7578) from an object of form fields.
///
/// Each field is one part named after it; an array gives one part per element under the same
/// name (as browsers send repeated fields), an object is sent as JSON. A field the schema marks
/// as a file (`format: binary`; 3.1's `contentMediaType` is read as that) is sent as a file part
/// whose content is the text the agent gave, named after the field.
struct MultipartFormBody {
    /// The delimiter between parts; random, so no field's text contains it by chance.
    let boundary: String

    init(boundary: String = Self.randomBoundary()) {
        self.boundary = boundary
    }

    /// The `Content-Type` header value announcing the boundary.
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The body's bytes for `fields`, read with `schema` for which fields are files.
    func encode(_ fields: OrderedObject, schema: Schema?) -> [UInt8] {
        var body: [UInt8] = []
        for entry in fields.entries {
            let isFile = schema?.properties.first { $0.name == entry.key }.map { Self.isFile($0.schema) } ?? false
            let values: [OrderedValue]
            switch entry.value {
            case .null: values = []
            case .array(let items) where items.allSatisfy(Self.isScalar): values = items
            default: values = [entry.value]
            }
            for value in values { appendPart(name: entry.key, value: value, isFile: isFile, to: &body) }
        }
        body.append(contentsOf: "--\(boundary)--\r\n".utf8)
        return body
    }

    private func appendPart(name: String, value: OrderedValue, isFile: Bool, to body: inout [UInt8]) {
        let escapedName = Self.escaped(name)
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(escapedName)\""
        if isFile {
            head += "; filename=\"\(escapedName)\"\r\nContent-Type: application/octet-stream"
        } else if case .object = value {
            head += "\r\nContent-Type: application/json"
        } else if case .array = value {
            head += "\r\nContent-Type: application/json"
        }
        body.append(contentsOf: (head + "\r\n\r\n").utf8)
        body.append(contentsOf: ParameterSerializer.scalar(value).utf8)
        body.append(contentsOf: "\r\n".utf8)
    }

    private static func isScalar(_ value: OrderedValue) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    private static func isFile(_ schema: Schema) -> Bool {
        schema.format == "binary"
    }

    /// A field name inside the quoted `name` parameter: quotes and line breaks percent-encoded,
    /// as the HTML standard's form encoding does, so a name cannot end the header early.
    private static func escaped(_ name: String) -> String {
        name.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func randomBoundary() -> String {
        "switchboard-" + (0..<24).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
    }
}
