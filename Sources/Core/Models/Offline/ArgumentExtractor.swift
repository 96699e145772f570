/// Finds the values in a person's message: `name=value` pairs, emails, dates, amounts with
/// currencies, "order 1234" references, names after "for", quoted text and lone numbers.
///
/// Each token gives at most one clue; the more specific patterns are tried first, so "120 EUR"
/// is an amount and a currency, not a lone number.
struct ArgumentExtractor {
    /// ISO 4217 codes common enough to recognise without a symbol.
    static let currencyCodes: Set<String> = [
        "EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "BGN",
        "INR", "CNY", "HKD", "SGD", "KRW", "BRL", "MXN", "ZAR", "TRY", "ILS", "AED", "SAR", "THB", "IDR", "MYR", "PHP",
    ]
    private static let currencySymbols: [Character: String] = ["€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY"]
    /// Words between a noun and its identifier: "order number 42", "invoice no. 7", "order id 42".
    private static let referenceFillers: Set<String> = ["number", "no", "nr", "num", "id", "#", "ref", "reference", "code"]
    /// Words that are never the noun of a reference ("for 42", "of 2026").
    private static let notNouns: Set<String> = [
        "for", "of", "to", "in", "on", "at", "by", "is", "and", "or", "the", "a", "an", "with", "from", "about", "than",
        "page", "limit", "top", "first", "last",
    ]

    var tokens: [MessageToken]
    private var used: [Bool]
    private(set) var clues: [ArgumentClue] = []

    init(message: String) {
        tokens = MessageToken.tokens(of: message)
        used = Array(repeating: false, count: tokens.count)
    }

    /// Every clue in the message, most specific kinds first.
    static func clues(in message: String) -> [ArgumentClue] {
        var extractor = ArgumentExtractor(message: message)
        extractor.run()
        return extractor.clues
    }

    /// The unquoted words no clue used, for matching against tools and enum values.
    var freeWords: [String] {
        tokens.indices.filter { !used[$0] && !tokens[$0].isQuoted }.map { tokens[$0].text }
    }

    mutating func run() {
        findPairs()
        findEmailsAndDates()
        findAmounts()
        findNames()
        findReferences()
        findSetPhrases()
        for index in tokens.indices where !used[index] {
            if tokens[index].isQuoted {
                take(index, .quoted(tokens[index].text))
            } else if Self.isNumeric(tokens[index].text) {
                take(index, .number(Self.withoutHash(tokens[index].text)))
            }
        }
    }

    private mutating func take(_ index: Int, _ clue: ArgumentClue) {
        used[index] = true
        clues.append(clue)
    }

    private func isFree(_ index: Int) -> Bool {
        tokens.indices.contains(index) && !used[index]
    }

    private func word(_ index: Int) -> String? {
        isFree(index) && !tokens[index].isQuoted ? tokens[index].text : nil
    }

    /// `status=paid`, `name="Big Co"`, `status: paid`.
    private mutating func findPairs() {
        for index in tokens.indices where !tokens[index].isQuoted && isFree(index) {
            let text = tokens[index].text
            if let equals = text.firstIndex(of: "="), equals != text.startIndex {
                let key = String(text[..<equals])
                var value = String(text[text.index(after: equals)...])
                guard Self.isIdentifier(key) else { continue }
                if value.isEmpty, isFree(index + 1), tokens[index + 1].isQuoted {
                    value = tokens[index + 1].text
                    used[index + 1] = true
                }
                take(index, .pair(key: key, value: value))
            } else if text.hasSuffix(":"), text.count > 1, Self.isIdentifier(String(text.dropLast())), isFree(index + 1) {
                used[index + 1] = true
                take(index, .pair(key: String(text.dropLast()), value: tokens[index + 1].text))
            }
        }
    }

    private mutating func findEmailsAndDates() {
        for index in tokens.indices where isFree(index) && !tokens[index].isQuoted {
            let text = tokens[index].text
            if ToolParameter.looksLikeEmail(text) {
                take(index, .email(text))
            } else if text.count >= 10, CalendarDate(iso: String(text.prefix(10))) != nil {
                take(index, .date(text))
            } else if let date = englishDate(at: index) {
                for offset in 1..<date.length { used[index + offset] = true }
                take(index, .date(date.value.iso))
            }
        }
    }

    /// "5 March 2026", "5th of March 2026", "March 5 2026", "March 5th, 2026".
    private func englishDate(at index: Int) -> (value: CalendarDate, length: Int)? {
        func day(_ text: String?) -> Int? {
            guard let text else { return nil }
            let digits = text.prefix { $0.isNumber }
            let rest = text.dropFirst(digits.count).lowercased()
            guard !digits.isEmpty, ["", "st", "nd", "rd", "th"].contains(rest) else { return nil }
            return Int(digits)
        }
        func year(_ text: String?) -> Int? {
            guard let text, text.count == 4 else { return nil }
            return Int(text)
        }
        if let dayNumber = day(word(index)) {
            let monthIndex = word(index + 1)?.lowercased() == "of" ? index + 2 : index + 1
            if let month = word(monthIndex).flatMap(CalendarDate.month(named:)), let yearNumber = year(word(monthIndex + 1)),
                let date = CalendarDate(year: yearNumber, month: month, day: dayNumber)
            {
                return (date, monthIndex + 2 - index)
            }
        }
        if let month = word(index).flatMap(CalendarDate.month(named:)), let dayNumber = day(word(index + 1)),
            let yearNumber = year(word(index + 2)), let date = CalendarDate(year: yearNumber, month: month, day: dayNumber)
        {
            return (date, 3)
        }
        return nil
    }

    /// "120 EUR", "EUR 120", "€120", "120€", "$99.50".
    private mutating func findAmounts() {
        for index in tokens.indices where isFree(index) && !tokens[index].isQuoted {
            let text = tokens[index].text
            if let first = text.first, let code = Self.currencySymbols[first], Self.isDecimal(String(text.dropFirst())) {
                take(index, .amount(String(text.dropFirst())))
                clues.append(.currency(code))
            } else if let last = text.last, let code = Self.currencySymbols[last], Self.isDecimal(String(text.dropLast())) {
                take(index, .amount(String(text.dropLast())))
                clues.append(.currency(code))
            } else if Self.isDecimal(text), let code = word(index + 1).flatMap(Self.currencyCode) {
                used[index + 1] = true
                take(index, .amount(text))
                clues.append(.currency(code))
            } else if let code = Self.currencyCode(text), let amount = word(index + 1), Self.isDecimal(amount) {
                used[index + 1] = true
                take(index, .amount(amount))
                clues.append(.currency(code))
            }
        }
    }

    /// "for ACME", "for Acme Corp", "for 'Big Co'": capitalised words or quoted text after "for".
    private mutating func findNames() {
        for index in tokens.indices where word(index)?.lowercased() == "for" {
            guard isFree(index + 1) else { continue }
            if tokens[index + 1].isQuoted {
                used[index] = true
                take(index + 1, .name(tokens[index + 1].text))
                continue
            }
            var end = index + 1
            while let next = word(end), Self.isProperName(next) { end += 1 }
            guard end > index + 1 else { continue }
            let name = tokens[(index + 1)..<end].map(\.text).joined(separator: " ")
            for position in (index + 1)..<end { used[position] = true }
            used[index] = true
            clues.append(.name(name))
        }
    }

    /// "order 1234", "order #1234", "order number 1234", "invoice INV-7"; after a plural noun,
    /// a list: "orders 42, 43 and 44" is three references to orders.
    private mutating func findReferences() {
        for index in tokens.indices {
            guard let noun = word(index), noun.allSatisfy(\.isLetter), !Self.notNouns.contains(noun.lowercased()),
                CalendarDate.month(named: noun) == nil
            else { continue }
            var valueIndex = index + 1
            while let filler = word(valueIndex), Self.referenceFillers.contains(filler.lowercased()) { valueIndex += 1 }
            guard let value = word(valueIndex), Self.isIdentifierValue(value) else { continue }
            for position in index..<valueIndex { used[position] = true }
            let singular = WordForms.singular(noun.lowercased())
            take(valueIndex, .reference(noun: singular, value: Self.withoutHash(value)))
            guard singular != noun.lowercased() else { continue }
            var next = valueIndex + 1
            while let word = word(next) {
                if ["and", "or", "&"].contains(word.lowercased()) {
                    next += 1
                    continue
                }
                guard Self.isIdentifierValue(word) else { break }
                take(next, .reference(noun: singular, value: Self.withoutHash(word)))
                next += 1
            }
        }
    }

    /// "set status to shipped", "change the status of order 12 to shipped": the word before
    /// "to" (past "of", articles and words already used) names the value after it. A pair whose
    /// key names no parameter is simply not used.
    private mutating func findSetPhrases() {
        for index in tokens.indices where word(index)?.lowercased() == "to" && isFree(index + 1) {
            // A few words back at most, so a long message stays linear.
            var keyIndex = index - 1
            while keyIndex >= max(0, index - 6),
                !isFree(keyIndex) || ["of", "the", "a", "an", "its"].contains(tokens[keyIndex].text.lowercased())
            {
                keyIndex -= 1
            }
            guard keyIndex >= max(0, index - 6), let key = word(keyIndex), Self.isIdentifier(key) else { continue }
            used[index] = true
            used[keyIndex] = true
            take(index + 1, .pair(key: key, value: tokens[index + 1].text))
        }
    }

    private static func currencyCode(_ text: String) -> String? {
        let upper = text.uppercased()
        // Lower-case "eur" is still a currency, but "for"/"and" must never be one: only known codes.
        return currencyCodes.contains(upper) ? upper : nil
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }

    /// Digits with at most one decimal point, commas as thousands separators.
    static func isDecimal(_ text: String) -> Bool {
        let plain = text.filter { $0 != "," }
        guard !plain.isEmpty, plain.first != ".", plain.last != "." else { return false }
        return plain.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && plain.filter { $0 == "." }.count <= 1
    }

    private static func isNumeric(_ text: String) -> Bool {
        isDecimal(withoutHash(text))
    }

    /// An id: digits ("42", "#42"), or letters and digits with dashes or underscores ("INV-7", "ord_8Kx2").
    private static func isIdentifierValue(_ text: String) -> Bool {
        let bare = withoutHash(text)
        guard !bare.isEmpty, bare.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return false }
        return bare.contains(where: \.isNumber)
    }

    private static func isProperName(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase else { return false }
        return currencyCode(text) == nil && CalendarDate.month(named: text) == nil
            && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "&" || $0 == "-" || $0 == "." || $0 == "'" }
    }

    private static func withoutHash(_ text: String) -> String {
        text.hasPrefix("#") ? String(text.dropFirst()) : text
    }
}
