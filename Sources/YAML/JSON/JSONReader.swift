/// Reads JSON text (RFC 8259) into an `OrderedValue`, keeping object key order.
///
/// Works on UTF-8 bytes in one pass; errors carry line and column. Nesting deeper than
/// `maximumDepth` is rejected so hostile input cannot exhaust the stack.
///
/// ```swift
/// let value = try JSONReader().read(Array(#"{"b": 1, "a": [true, null]}"#.utf8))
/// value["b"]  // .int(1)
/// ```
public struct JSONReader: Sendable {
    /// The deepest nesting of arrays and objects accepted.
    public var maximumDepth: Int

    /// Creates a reader.
    public init(maximumDepth: Int = 512) {
        self.maximumDepth = maximumDepth
    }

    /// Reads exactly one JSON value (surrounded by optional whitespace) from `bytes`.
    public func read(_ bytes: [UInt8]) throws(JSONReadError) -> OrderedValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONReadError) -> OrderedValue in
            var parser = JSONParser(bytes: buffer, maximumDepth: maximumDepth)
            // RFC 8259 §8.1: a reader may ignore a leading byte order mark.
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { parser.position = 3 }
            parser.skipWhitespace()
            let value = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            if parser.position < buffer.count { throw parser.error("unexpected content after the JSON value") }
            return value
        }
    }

    /// Reads a sequence of JSON values separated by optional whitespace ("concatenated JSON", as
    /// streaming tools emit it); empty input gives an empty array.
    public func readSequence(_ bytes: [UInt8]) throws(JSONReadError) -> [OrderedValue] {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONReadError) -> [OrderedValue] in
            var parser = JSONParser(bytes: buffer, maximumDepth: maximumDepth)
            var values: [OrderedValue] = []
            parser.skipWhitespace()
            while parser.position < buffer.count {
                values.append(try parser.parseValue(depth: 0))
                parser.skipWhitespace()
            }
            return values
        }
    }
}
