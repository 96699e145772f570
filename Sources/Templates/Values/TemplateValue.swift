/// A value a template renders: what page models convert themselves into.
///
/// Rendering reads these cases directly (no `Any`, no `Mirror`). How each case behaves:
/// - `{{name}}` writes `string` escaped for HTML, `html` as it is, numbers and booleans in their
///   plain text form, and nothing for `null`, `list`, `dictionary`.
/// - `{{#name}}` skips a falsy value (`null`, `false`, `0`, `0.0`, `""`, an empty `html` or
///   `list`), repeats once per element of a `list`, and otherwise renders once with the value
///   pushed onto the context stack.
/// - `lambda` is called instead of being looked at: see ``TemplateLambda``.
///
/// Literals build values directly:
///
///     let value: TemplateValue = ["title": "Members", "count": 3, "members": [["name": "Ann"]]]
public enum TemplateValue: Sendable {
    /// No value: renders as nothing and is falsy.
    case null
    /// A boolean: renders as `true` or `false`.
    case bool(Bool)
    /// An integer, rendered in decimal.
    case int(Int)
    /// A floating-point number; integral values render without a fractional part.
    case double(Double)
    /// Text, escaped for HTML when interpolated with `{{name}}`.
    case string(String)
    /// An ordered list: sections repeat once per element.
    case list([TemplateValue])
    /// Named values, looked up by tag names (`{{user.name}}` reads `user` then `name`).
    case dictionary([String: TemplateValue])
    /// HTML that is already safe, written without escaping even by `{{name}}`.
    case html(String)
    /// Code run by the renderer with the section's raw text: see ``TemplateLambda``.
    case lambda(TemplateLambda)
}

extension TemplateValue {
    /// Whether a section shows this value (mustache spec: sections.json, "Falsey" cases).
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .int(let value): value != 0
        case .double(let value): value != 0
        case .string(let value): !value.isEmpty
        case .html(let value): !value.isEmpty
        case .list(let values): !values.isEmpty
        case .dictionary, .lambda: true
        }
    }
}

extension TemplateValue {
    /// The member named `key` of a dictionary, or the element at position `key` (0-based) of a
    /// list, so `{{#items.0}}` reads as it does in mustache.js; `nil` otherwise.
    func member(_ key: String) -> TemplateValue? {
        switch self {
        case .dictionary(let members):
            // Page models are small dictionaries: comparing a few short keys costs less than hashing one.
            guard members.count <= 8 else { return members[key] }
            let length = key.utf8.count
            for (name, value) in members where name.utf8.count == length && name == key { return value }
            return nil
        case .list(let elements):
            guard let position = Int(key), elements.indices.contains(position) else { return nil }
            return elements[position]
        default:
            return nil
        }
    }
}
