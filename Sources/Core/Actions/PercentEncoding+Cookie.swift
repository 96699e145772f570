import HTTPCore

extension PercentEncoding {
    /// Encodes only the bytes a cookie value cannot hold (RFC 6265 §4.1.1 cookie-octet) and `%`.
    static func cookieValue(_ text: String) -> String {
        encode(text) { byte in
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: ",")
                && byte != UInt8(ascii: ";") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "%")
        }
    }
}
