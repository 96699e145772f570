/// Percent-decoding and -encoding of URL components (RFC 3986 §2.1).
public enum PercentEncoding {
    /// Decodes `%XX` escapes, and `+` as space when `plusAsSpace` (form encoding, HTML §4.10.21.8).
    /// Returns nil for a malformed escape or bytes that are not UTF-8.
    public static func decode<S: StringProtocol>(_ text: S, plusAsSpace: Bool = false) -> String? {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        // Over the contiguous bytes when the text has them (a native string does): indexing a
        // UTF-8 view byte by byte costs several times more on large form values.
        let decoded = utf8.withContiguousStorageIfAvailable { buffer in
            Self.decode(buffer, plusAsSpace: plusAsSpace, into: &bytes)
        } ?? Self.decode(Array(utf8), plusAsSpace: plusAsSpace, into: &bytes)
        guard decoded else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Appends the bytes with escapes decoded; false on a malformed escape.
    private static func decode<Bytes: RandomAccessCollection<UInt8>>(_ source: Bytes, plusAsSpace: Bool, into bytes: inout [UInt8]) -> Bool
    where Bytes.Index == Int {
        var index = source.startIndex
        while index < source.endIndex {
            let byte = source[index]
            switch byte {
            case UInt8(ascii: "%"):
                guard index + 2 < source.endIndex, let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2]) else {
                    return false
                }
                bytes.append(high << 4 | low)
                index += 3
                continue
            case UInt8(ascii: "+") where plusAsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
            index += 1
        }
        return true
    }

    /// Encodes everything but RFC 3986 unreserved characters (`A–Z a–z 0–9 - . _ ~`), and,
    /// when `keepingReserved`, the reserved ones too (OpenAPI `allowReserved`).
    public static func encode(_ text: String, keepingReserved: Bool = false) -> String {
        encode(text) { isUnreserved($0) || (keepingReserved && isReserved($0)) }
    }

    /// Encodes as `%XX` every byte `keeps` refuses, for components with rules of their own
    /// (a cookie value, say).
    public static func encode(_ text: String, keeping keeps: (UInt8) -> Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if keeps(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%"
                out.unicodeScalars.append(Unicode.Scalar(hexDigits[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hexDigits[Int(byte & 0x0F)]))
            }
        }
        return out
    }

    static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
    }

    /// RFC 3986 §2.2 gen-delims and sub-delims.
    static func isReserved(_ b: UInt8) -> Bool {
        ":/?#[]@!$&'()*+,;=".utf8.contains(b)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
}
