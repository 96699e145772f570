/// A calendar date read from text: ISO 8601 ("2026-03-05") or English ("5 March 2026",
/// "March 5, 2026"); written back as ISO 8601.
struct CalendarDate: Hashable {
    var year: Int
    var month: Int
    var day: Int

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day), (1...9999).contains(year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Exactly `YYYY-MM-DD`.
    init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The month number for an English month name or its three-letter abbreviation.
    static func month(named word: String) -> Int? {
        let lower = word.lowercased().trimmingSuffix(".")
        guard lower.count >= 3 else { return nil }
        if let index = monthNames.firstIndex(of: lower) { return index + 1 }
        if lower.count == 3 || lower == "sept", let index = monthNames.firstIndex(where: { $0.hasPrefix(lower) }) {
            return index + 1
        }
        return nil
    }

    /// "2026-03-05".
    var iso: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
