/// A value found in a message, with what kind of value it is, before it is given to a parameter.
enum ArgumentClue: Hashable {
    /// `name=value` (or `name: value`).
    case pair(key: String, value: String)
    /// An email address.
    case email(String)
    /// A date, already ISO 8601 (`2026-03-05`, or a date-time as written).
    case date(String)
    /// A money amount ("120" of "120 EUR").
    case amount(String)
    /// A currency code ("EUR").
    case currency(String)
    /// A noun followed by an identifier ("order 1234" → order, 1234), the noun singular.
    case reference(noun: String, value: String)
    /// A name after "for" ("for ACME").
    case name(String)
    /// Quoted text.
    case quoted(String)
    /// A number or identifier standing alone.
    case number(String)
}
