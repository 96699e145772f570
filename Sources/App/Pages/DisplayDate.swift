import Foundation

/// Dates as pages show them: "4 Dec 2026, 20:14 UTC".
enum DisplayDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let minute = parts.tm_min < 10 ? "0\(parts.tm_min)" : "\(parts.tm_min)"
        let hour = parts.tm_hour < 10 ? "0\(parts.tm_hour)" : "\(parts.tm_hour)"
        return "\(parts.tm_mday) \(months[Int(parts.tm_mon) % 12]) \(parts.tm_year + 1900), \(hour):\(minute) UTC"
    }

    /// ISO 8601 for `<time datetime>`.
    static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
