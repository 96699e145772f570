/// The recursive-descent parser behind `JSONReader`, over a borrowed byte buffer.
struct JSONParser: ~Copyable {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var position = 0
    /// The entries of the objects being parsed, innermost on top.
    private var entries = ContainerStack<OrderedObject.Entry>()
    /// The elements of the arrays being parsed, innermost on top.
    private var elements = ContainerStack<OrderedValue>()
    /// The bytes of the string being unescaped, kept between strings so that each one with
    /// escapes does not allocate a buffer of its own.
    private var unescaped: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// An error at the current position, with line and column computed only now (errors are rare).
    func error(_ message: String) -> JSONReadError {
        error(message, at: position)
    }

    func error(_ message: String, at offset: Int) -> JSONReadError {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        var index = 0
        while index < end {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return JSONReadError(message: message, line: line, column: end - lineStart + 1)
    }

    mutating func skipWhitespace() {
        guard let base = bytes.baseAddress else { return }
        while position < bytes.count {
            // Pretty-printed documents indent with runs of spaces after each newline: skip eight
            // at a time wherever a run starts, not only at the first byte.
            if position + 8 <= bytes.count,
                UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020
            {
                position += 8
                continue
            }
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONReadError) -> OrderedValue {
        guard position < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character, expected a value")
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONReadError) {
        var offset = position
        for byte in literal.utf8 {
            guard offset < bytes.count, bytes[offset] == byte else { throw error("invalid literal") }
            offset += 1
        }
        position = offset
    }

    private mutating func parseObject(depth: Int) throws(JSONReadError) -> OrderedValue {
        guard depth <= maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels") }
        position += 1
        let start = entries.count
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(OrderedObject())
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("expected a string key")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("expected ':' after an object key")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            entries.push(OrderedObject.Entry(key: key, value: value))
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input inside an object") }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "}") { break }
            if byte != UInt8(ascii: ",") {
                position -= 1
                throw error("expected ',' or '}' in an object")
            }
        }
        return .object(OrderedObject(entries.popArray(from: start)))
    }

    private mutating func parseArray(depth: Int) throws(JSONReadError) -> OrderedValue {
        guard depth <= maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels") }
        position += 1
        let start = elements.count
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array([])
        }
        while true {
            skipWhitespace()
            elements.push(try parseValue(depth: depth))
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input inside an array") }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "]") { break }
            if byte != UInt8(ascii: ",") {
                position -= 1
                throw error("expected ',' or ']' in an array")
            }
        }
        return .array(elements.popArray(from: start))
    }

    /// Parses a string starting at the opening quote (RFC 8259 §7).
    private mutating func parseString() throws(JSONReadError) -> String {
        let opening = position
        position += 1
        let start = position
        // Any byte above 0x7F sets a high bit here: all-ASCII text needs no UTF-8 validation.
        var highBits: UInt64 = 0
        // Fast path: no escapes, the string is the slice between the quotes.
        skipPlainStringBytes(highBits: &highBits)
        guard position < bytes.count else { throw error("unterminated string", at: opening) }
        if bytes[position] == UInt8(ascii: "\"") {
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
            position += 1
            return try string(from: slice, highBits: highBits, start: start)
        }
        // Escapes: copy each run of plain bytes between them at once, not byte by byte
        // (descriptions full of `\n` and `\"` are common in large documents).
        unescaped.removeAll(keepingCapacity: true)
        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return try unescaped.withUnsafeBufferPointer { (characters) throws(JSONReadError) in
                    try string(from: characters, highBits: highBits, start: start)
                }
            }
            if byte < 0x20 { throw error("unescaped control character in a string") }
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): unescaped.append(0x22)
            case UInt8(ascii: "\\"): unescaped.append(0x5C)
            case UInt8(ascii: "/"): unescaped.append(0x2F)
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try parseUnicodeEscape()
                // A scalar above U+007F makes the text non-ASCII (its UTF-8 is valid, the rest is checked at the end).
                if scalar.value > 0x7F { highBits |= 0x80 }
                Self.appendScalar(scalar, to: &unescaped)
            default:
                position -= 1
                throw error("invalid escape sequence in a string")
            }
            let runStart = position
            skipPlainStringBytes(highBits: &highBits)
            unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
        }
        throw error("unterminated string", at: opening)
    }

    /// The string of `characters`, validated as UTF-8 unless `highBits` says they are all ASCII.
    private func string(from characters: UnsafeBufferPointer<UInt8>, highBits: UInt64, start: Int) throws(JSONReadError) -> String {
        if highBits & 0x8080_8080_8080_8080 == 0 {
            return String(decoding: characters, as: UTF8.self)
        }
        guard let string = String(validating: characters, as: UTF8.self) else {
            throw error("invalid UTF-8 in a string", at: start)
        }
        return string
    }

    /// Moves `position` past bytes that are neither a quote, a backslash nor a control
    /// character, eight at a time where it can, noting every byte's high bit in `highBits`.
    private mutating func skipPlainStringBytes(highBits: inout UInt64) {
        if let base = bytes.baseAddress {
            while position + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                if Self.mayEndString(word) { break }
                highBits |= word
                position += 8
            }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return }
            highBits |= UInt64(byte)
            position += 1
        }
    }

    /// Whether any of the eight bytes is `"`, `\\` or below 0x20 (bit tricks from "Bit Twiddling
    /// Hacks", determine if a word has a byte equal to / less than n); false positives are fine.
    private static func mayEndString(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let hasQuote = hasZeroByte(word ^ (ones &* 0x22))
        let hasBackslash = hasZeroByte(word ^ (ones &* 0x5C))
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return hasQuote || hasBackslash || hasControl
    }

    /// Parses the hex digits after `\u`, joining a surrogate pair; a lone surrogate becomes U+FFFD.
    private mutating func parseUnicodeEscape() throws(JSONReadError) -> Unicode.Scalar {
        let first = try parseHex4()
        if (0xD800...0xDBFF).contains(first) {
            if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                let saved = position
                position += 2
                let second = try parseHex4()
                if (0xDC00...0xDFFF).contains(second) {
                    let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    return Unicode.Scalar(combined) ?? "\u{FFFD}"
                }
                position = saved
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    private mutating func parseHex4() throws(JSONReadError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var result: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hex digit in a \\u escape")
            }
            result = result << 4 | UInt32(digit)
            position += 1
        }
        return result
    }

    private static func appendScalar(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(Character(scalar)).utf8)
    }

    /// Parses a number (RFC 8259 §6): integers that fit in `Int` stay integers.
    private mutating func parseNumber() throws(JSONReadError) -> OrderedValue {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("invalid number", at: start) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) { throw error("leading zero in a number", at: start) }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("expected a digit after '.'") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("expected a digit in the exponent") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        // Up to 18 digits cannot overflow Int64: the common case skips building a String.
        if isInteger, position - start <= 18 {
            var integer = 0
            var index = start
            let negative = bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            while index < position {
                integer = integer &* 10 &+ Int(bytes[index] &- UInt8(ascii: "0"))
                index += 1
            }
            return .int(negative ? -integer : integer)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let integer = Int(text) { return .int(integer) }
        guard let double = Double(text) else { throw error("invalid number", at: start) }
        return .double(double)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
