import Foundation
import YAML

/// Gives the clues found in a message to one tool's parameters, each value checked against the
/// parameter's type (a value that does not fit is left for the form to ask).
struct ArgumentAssigner {
    /// Parameters a name after "for" fills, best first (compared without case, `_`, `-`).
    private static let nameParameters = [
        "customer", "customername", "client", "clientname", "company", "companyname", "account", "accountname",
        "organization", "organisation", "name", "recipient", "payee", "vendor", "merchant", "contact", "owner", "user",
        "username",
    ]
    /// Parameters quoted text fills, best first.
    private static let textParameters = [
        "name", "title", "subject", "query", "q", "search", "text", "message", "description", "note", "notes", "comment",
    ]
    private static let amountWords = ["amount", "total", "price", "value", "sum", "cost"]
    private static let dateWords = ["date", "day", "since", "until", "due", "from", "to", "start", "end", "at", "on"]

    let tool: ToolDescription
    /// The values found, in the order they were found.
    private var found = OrderedObject()
    /// How many clues found a parameter (the matcher rewards a tool its message fills).
    private(set) var filledCount = 0
    /// Whether a reference ("order 42") filled a path parameter: the message names one resource.
    private(set) var filledPathFromReference = false
    /// The currency the message names, if any.
    private var currency: String?

    init(tool: ToolDescription) {
        self.tool = tool
    }

    /// The arguments found, in the tool's parameter order.
    var arguments: OrderedObject {
        OrderedObject(
            tool.parameters.compactMap { parameter in found[parameter.name].map { OrderedObject.Entry(key: parameter.name, value: $0) } })
    }

    /// Assigns every clue it can, then enum values named by free words ("paid invoices" → status=paid).
    mutating func assign(_ clues: [ArgumentClue], freeWords: [String]) {
        // An amount's currency decides how many cents a unit has ("120 EUR", "¥500").
        currency = clues.lazy.compactMap { clue -> String? in
            if case .currency(let code) = clue { return code }
            return nil
        }.first
        for clue in clues { assign(clue) }
        for word in freeWords {
            let matches = tool.parameters.filter {
                isOpen($0) && $0.allowedValues.contains { $0.caseInsensitiveCompare(word) == .orderedSame }
            }
            if matches.count == 1, let parameter = matches.first { fill(parameter, word) }
        }
    }

    private mutating func assign(_ clue: ArgumentClue) {
        switch clue {
        case .pair(let key, let value):
            let wanted = Self.normalized(key)
            if let parameter = tool.parameters.first(where: { Self.normalized($0.name) == wanted || Self.normalized($0.label) == wanted }) {
                fill(parameter, value)
            }
        case .email(let email):
            fillFirst(email) { $0.format == "email" || Self.normalized($0.name).contains("email") }
        case .date(let date):
            fillFirst(date) { parameter in
                parameter.format == "date" || parameter.format == "date-time"
                    || Self.dateWords.contains { Self.words(parameter.name).contains($0) }
            }
        case .amount(let amount):
            let amountParameters = tool.parameters.filter { parameter in
                isOpen(parameter) && parameter.type != .boolean && Self.amountWords.contains { Self.words(parameter.name).contains($0) }
            }
            for parameter in amountParameters {
                // "120 EUR" for `amount_cents` is 12000; an amount finer than the currency is left for the form.
                let text = MinorUnits.isMinorUnitAmount(parameter) ? MinorUnits.minorUnits(of: amount, currency: currency) : amount
                if let text, fill(parameter, text) { break }
            }
        case .currency(let code):
            fillFirst(code) { Self.normalized($0.name).contains("currency") }
        case .reference(let noun, let value):
            // A reference to something this tool does not name is still a value: try it as a lone one.
            if !assignReference(noun: noun, value: value) { assign(.number(value)) }
        case .name(let name):
            if !fillFirstInOrder(name, names: Self.nameParameters) {
                fillFirst(name) { $0.isRequired && $0.type == .string && $0.format == nil && $0.allowedValues.isEmpty }
            }
        case .quoted(let text):
            if !fillFirstInOrder(text, names: Self.textParameters) {
                fillFirst(text) { $0.isRequired && $0.type == .string && $0.format == nil }
            }
        case .number(let number):
            // A lone number is most often the id the path needs, then any required number.
            if !fillFirst(number, where: { $0.location == .path }) {
                fillFirst(number) { $0.isRequired && ($0.type == .integer || $0.type == .number || Self.isIDName($0.name)) }
            }
        }
    }

    /// "order 42" fills `order`, `orderId`, `order_number`…; or `id` (or the one open path
    /// parameter) when the tool works on orders.
    private mutating func assignReference(noun: String, value: String) -> Bool {
        let names = ["", "id", "number", "no", "code", "ref", "reference", "key"].map { noun + $0 }
        let target: ToolParameter?
        if let named = tool.parameters.first(where: { isOpen($0) && names.contains(Self.normalized($0.name)) }) {
            target = named
        } else {
            let resourceWords = Set((Self.words(tool.pathTemplate) + Self.words(tool.title)).map(WordForms.singular))
            guard resourceWords.contains(noun) else { return false }
            let openPath = tool.parameters.filter { isOpen($0) && $0.location == .path }
            target =
                tool.parameters.first { isOpen($0) && Self.normalized($0.name) == "id" } ?? (openPath.count == 1 ? openPath.first : nil)
        }
        guard let target else { return false }
        // A named parameter that refuses the value keeps the reference from going elsewhere.
        if fill(target, value), target.location == .path { filledPathFromReference = true }
        return true
    }

    private func isOpen(_ parameter: ToolParameter) -> Bool {
        found[parameter.name] == nil
    }

    @discardableResult
    private mutating func fill(_ parameter: ToolParameter, _ text: String) -> Bool {
        guard isOpen(parameter) else { return false }
        var text = text
        // A date given for a date-time parameter means the start of that day (UTC).
        if parameter.format == "date-time", CalendarDate(iso: text) != nil { text += "T00:00:00Z" }
        guard let value = try? parameter.value(fromText: text) else { return false }
        found[parameter.name] = value
        filledCount += 1
        return true
    }

    @discardableResult
    private mutating func fillFirst(_ text: String, where matches: (ToolParameter) -> Bool) -> Bool {
        for parameter in tool.parameters where isOpen(parameter) && matches(parameter) {
            if fill(parameter, text) { return true }
        }
        return false
    }

    private mutating func fillFirstInOrder(_ text: String, names: [String]) -> Bool {
        for name in names {
            if let parameter = tool.parameters.first(where: { isOpen($0) && Self.normalized($0.name) == name && $0.type == .string }),
                fill(parameter, text)
            {
                return true
            }
        }
        return false
    }

    private static func isIDName(_ name: String) -> Bool {
        let normalized = normalized(name)
        return normalized == "id" || normalized.hasSuffix("id") && words(name).last == "id"
    }

    static func normalized(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    static func words(_ text: String) -> [String] {
        IdentifierWords.split(text).map { $0.lowercased() }
    }
}
