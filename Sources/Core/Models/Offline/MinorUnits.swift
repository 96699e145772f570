/// Money in a currency's minor unit (cents): what many APIs take as an integer, so "120 EUR"
/// for an `amount_cents` parameter is 12000, not 120.
enum MinorUnits {
    /// Whether a parameter takes an amount in the minor unit: its name says cents or minor units,
    /// or its description says so ("in cents", "the smallest currency unit").
    static func isMinorUnitAmount(_ parameter: ToolParameter) -> Bool {
        let words = Set(IdentifierWords.split(parameter.name).map { $0.lowercased() })
        if !words.isDisjoint(with: ["cents", "cent", "pence", "minor", "subunits"]) { return true }
        let description = (parameter.description ?? "").lowercased()
        return ["in cents", "smallest currency unit", "minor unit", "in pence", "in the smallest unit"].contains { description.contains($0) }
    }

    /// The amount written as a decimal ("120", "99.5") in the currency's minor unit ("12000",
    /// "9950"); `nil` when it has more decimals than the currency (a value the person must check).
    static func minorUnits(of amount: String, currency: String?) -> String? {
        let exponent = decimals(of: currency)
        let parts = amount.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0].isEmpty ? "0" : String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit), fraction.count <= exponent else { return nil }
        let digits = whole + fraction + String(repeating: "0", count: exponent - fraction.count)
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// Digits after the decimal point in the currency (ISO 4217's minor unit); two when not known.
    static func decimals(of currency: String?) -> Int {
        guard let code = currency?.uppercased() else { return 2 }
        if zeroDecimalCurrencies.contains(code) { return 0 }
        if threeDecimalCurrencies.contains(code) { return 3 }
        return 2
    }

    private static let zeroDecimalCurrencies: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    ]
    private static let threeDecimalCurrencies: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
