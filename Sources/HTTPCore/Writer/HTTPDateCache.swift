#if canImport(Glibc)
import Glibc
#endif

/// The `Date` header value (IMF-fixdate, RFC 9110 §5.6.7), formatted at most once a second.
///
/// Each I/O loop and worker thread owns one, so no lock is taken per response.
struct HTTPDateCache {
    private var second: Int = -1
    /// `Sun, 06 Nov 1994 08:49:37 GMT`: always 29 bytes.
    private(set) var bytes: [UInt8] = []

    /// The value for the current wall-clock second.
    mutating func current() -> [UInt8] {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &now)
        return value(at: Int(now.tv_sec))
    }

    /// The value for `secondsSince1970`, re-formatted only when the second changed.
    mutating func value(at secondsSince1970: Int) -> [UInt8] {
        if secondsSince1970 != second {
            second = secondsSince1970
            bytes = Self.format(secondsSince1970)
        }
        return bytes
    }

    private static let dayNames: [StaticString] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames: [StaticString] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// Formats without `DateFormatter`: `gmtime_r` and fixed-width digits.
    static func format(_ secondsSince1970: Int) -> [UInt8] {
        var seconds = time_t(secondsSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var out: [UInt8] = []
        out.reserveCapacity(29)
        func appendName(_ name: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
        func appendDigits(_ value: Int32, width: Int) {
            var divisor: Int32 = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(truncatingIfNeeded: 0x30 + rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        appendName(dayNames[Int(parts.tm_wday) % 7])
        out.append(contentsOf: [0x2C, 0x20])
        appendDigits(parts.tm_mday, width: 2)
        out.append(0x20)
        appendName(monthNames[Int(parts.tm_mon) % 12])
        out.append(0x20)
        appendDigits(parts.tm_year + 1900, width: 4)
        out.append(0x20)
        appendDigits(parts.tm_hour, width: 2)
        out.append(0x3A)
        appendDigits(parts.tm_min, width: 2)
        out.append(0x3A)
        appendDigits(parts.tm_sec, width: 2)
        out.append(contentsOf: Array(" GMT".utf8))
        return out
    }
}
