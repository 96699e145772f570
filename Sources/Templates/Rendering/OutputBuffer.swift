/// The bytes a render produces, written through a raw pointer: an append is a capacity check
/// and a copy, without the generic work of `Array.append(contentsOf:)`.
final class OutputBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes have been written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1024)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far, valid until the next append.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    var isEmpty: Bool { count == 0 }

    /// Appends bytes.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends the bytes of an array.
    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends one byte.
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends text as UTF-8, without escaping.
    func appendUTF8(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            append(Array(text.utf8))
        }
    }

    /// Appends text with `& < > " '` escaped, in one pass over its UTF-8 bytes.
    func appendEscapingHTML(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendEscapingHTML($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscapingHTML($0) }
        }
    }

    /// Appends bytes with `& < > " '` escaped; runs that need no escaping are copied in one go.
    func appendEscapingHTML(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Bit n is set when byte n must be escaped; all five are below 64.
        let escaped: UInt64 = 1 << 34 | 1 << 38 | 1 << 39 | 1 << 60 | 1 << 62
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 64, escaped & (1 << UInt64(byte)) != 0 else { continue }
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            replacement.withUTF8Buffer { append($0) }
            runStart = index + 1
        }
        append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Appends `value` in decimal without going through `String`.
    func appendDecimal(_ value: Int) {
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

    /// Makes room for `additional` more bytes.
    @inline(__always)
    private func reserve(_ additional: Int) {
        if count + additional > capacity { grow(toHold: count + additional) }
    }

    /// Doubles the capacity until `needed` bytes fit, keeping what was written.
    private func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
