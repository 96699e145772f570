/// Serialises response heads into one reused byte buffer (RFC 9112 §4, §6).
///
/// The writer owns the framing fields: it writes `Date`, the correct `Content-Length` and
/// `Connection`, and drops a responder's own `Content-Length`, `Transfer-Encoding`,
/// `Connection`, `Keep-Alive` and `Date`. Header values are cleaned of CR, LF and NUL so a
/// responder can never split a response.
///
///     var writer = HTTPResponseWriter()
///     let sendsBody = writer.writeHead(response, method: .get, version: .http11, closing: false)
///     // send writer.head, then the body when sendsBody is true
public struct HTTPResponseWriter: Sendable {
    /// The serialised head of the last ``writeHead(_:method:version:closing:)`` call.
    public private(set) var head: [UInt8] = []
    private var dateCache = HTTPDateCache()

    /// Makes a writer with an empty buffer.
    public init() {
        head.reserveCapacity(256)
    }

    /// Writes the head of `response` to a request of `method` and `version` into ``head``.
    ///
    /// Returns whether the body must follow: not for HEAD (whose head still carries the GET
    /// length, RFC 9110 §9.3.2) nor for 1xx, 204 and 304 (RFC 9110 §6.4.1). `closing` adds
    /// `Connection: close`; a 1.0 client that stays open gets `Connection: keep-alive`.
    public mutating func writeHead(
        _ response: HTTPResponse, method: HTTPMethod, version: HTTPVersion, closing: Bool
    ) -> Bool {
        let date = dateCache.current()
        return writeHead(response, method: method, version: version, closing: closing, date: date)
    }

    mutating func writeHead(
        _ response: HTTPResponse, method: HTTPMethod, version: HTTPVersion, closing: Bool, date: [UInt8]
    ) -> Bool {
        head.removeAll(keepingCapacity: true)
        let status = response.status
        append("HTTP/1.1 ")
        appendDecimal(status.code)
        head.append(ASCII.space)
        appendClean(status.reason)
        append("\r\nDate: ")
        head.append(contentsOf: date)
        append("\r\n")
        for field in response.headers where !Self.isFramingField(field.name) {
            guard Self.isToken(field.name) else { continue }
            head.append(contentsOf: field.name.utf8)
            append(": ")
            appendClean(field.value)
            append("\r\n")
        }
        let allowsBody = status.allowsBody
        if allowsBody {
            append("Content-Length: ")
            appendDecimal(response.body.count)
            append("\r\n")
        }
        if closing {
            append("Connection: close\r\n")
        } else if version == .http10 {
            append("Connection: keep-alive\r\n")
        }
        append("\r\n")
        return allowsBody && method != .head && response.body.count > 0
    }

    /// Writes `100 Continue` (RFC 9110 §15.2.1), sent before reading an expected body.
    public mutating func writeContinue() {
        head.removeAll(keepingCapacity: true)
        append("HTTP/1.1 100 Continue\r\n\r\n")
    }

    private mutating func append(_ text: StaticString) {
        head.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func appendDecimal(_ value: Int) {
        guard value > 0 else {
            head.append(0x30)
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            head.append(UInt8(truncatingIfNeeded: 0x30 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends a value, replacing CR, LF and NUL by spaces (no response splitting).
    private mutating func appendClean(_ text: String) {
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 == ASCII.carriageReturn || $0 == ASCII.lineFeed || $0 == 0 }) {
            head.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            head.append(byte == ASCII.carriageReturn || byte == ASCII.lineFeed || byte == 0 ? ASCII.space : byte)
        }
    }

    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(ASCII.isTokenCharacter)
    }

    private static func isFramingField(_ name: String) -> Bool {
        switch name.utf8.count {
        case 4: HTTPHeaders.equalNames(name, "Date")
        case 10: HTTPHeaders.equalNames(name, "Connection") || HTTPHeaders.equalNames(name, "Keep-Alive")
        case 14: HTTPHeaders.equalNames(name, "Content-Length")
        case 17: HTTPHeaders.equalNames(name, "Transfer-Encoding")
        default: false
        }
    }
}
