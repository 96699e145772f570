extension Array where Element == UInt8 {
    /// Appends `text` with `& < > " '` escaped, in one pass over its UTF-8 bytes.
    ///
    /// Runs of bytes that need no escaping are copied in one go.
    mutating func appendEscapingHTML(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendEscapingHTML($0) }) == nil {
            appendEscapingHTML(Array(text.utf8))
        }
    }

    /// Appends `text` without escaping.
    mutating func appendUTF8(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            append(contentsOf: text.utf8)
        }
    }

    /// Appends `bytes` with `& < > " '` escaped.
    mutating func appendEscapingHTML(_ bytes: some Collection<UInt8>) {
        var runStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                bytes.formIndex(after: &index)
                continue
            }
            append(contentsOf: bytes[runStart..<index])
            replacement.withUTF8Buffer { append(contentsOf: $0) }
            bytes.formIndex(after: &index)
            runStart = index
        }
        append(contentsOf: bytes[runStart..<index])
    }

    /// Appends `value` in decimal without going through `String`.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        repeat {
            append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }
}
