import Foundation
import YAML

extension ToolParameter {
    /// The typed value for `text` (as a person typed it or a message held it), or an error
    /// saying why it does not fit: integers and numbers must parse, booleans are yes/no words,
    /// an `enum` takes one of its values (matched without regard to case), emails need an `@`,
    /// dates are ISO 8601.
    public func value(fromText text: String) throws(ArgumentError) -> OrderedValue {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !allowedValues.isEmpty {
            guard let match = allowedValues.first(where: { $0.caseInsensitiveCompare(trimmed) == .orderedSame }) else {
                throw ArgumentError(parameter: label, reason: "must be one of \(allowedValues.joined(separator: ", "))")
            }
            return type == .integer ? Int(match).map(OrderedValue.int) ?? .string(match) : .string(match)
        }
        switch type {
        case .integer:
            let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
            guard let integer = Int(digits) else { throw ArgumentError(parameter: label, reason: "must be a whole number") }
            return .int(integer)
        case .number:
            let plain = trimmed.replacingOccurrences(of: ",", with: "")
            if let integer = Int(plain) { return .int(integer) }
            guard let number = Double(plain), number.isFinite else {
                throw ArgumentError(parameter: label, reason: "must be a number")
            }
            return .double(number)
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "yes", "y", "on", "1": return .bool(true)
            case "false", "no", "n", "off", "0": return .bool(false)
            default: throw ArgumentError(parameter: label, reason: "must be yes or no")
            }
        case .array:
            let items = trimmed.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            return .array(items.filter { !$0.isEmpty }.map(OrderedValue.string))
        case .object:
            guard let value = try? JSONReader().read(Array(trimmed.utf8)), case .object = value else {
                throw ArgumentError(parameter: label, reason: "must be a JSON object")
            }
            return value
        case .string:
            try checkFormat(trimmed)
            return .string(trimmed)
        }
    }

    /// Whether `value` (from a model or the extractor) has this parameter's type.
    func accepts(_ value: OrderedValue) -> Bool {
        switch (type, value) {
        case (.string, .string(let text)): return (try? checkFormat(text)) != nil
        case (.integer, .int), (.number, .int), (.number, .double), (.boolean, .bool), (.array, .array), (.object, .object):
            return true
        default: return false
        }
    }

    private func checkFormat(_ text: String) throws(ArgumentError) {
        switch format {
        case "email":
            guard Self.looksLikeEmail(text) else { throw ArgumentError(parameter: label, reason: "must be an email address") }
        case "date":
            guard CalendarDate(iso: text) != nil else { throw ArgumentError(parameter: label, reason: "must be a date (2026-03-05)") }
        case "date-time":
            guard text.count >= 10, CalendarDate(iso: String(text.prefix(10))) != nil else {
                throw ArgumentError(parameter: label, reason: "must be a date and time (2026-03-05T09:00:00Z)")
            }
        default: return
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}
