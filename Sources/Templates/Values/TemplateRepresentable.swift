/// A type that can be rendered by a template: page models conform by building a ``TemplateValue``.
///
/// Conversion is explicit so rendering never reflects over a value:
///
///     struct MembersPage: TemplateRepresentable {
///         var title: String
///         var members: [Member]
///         var templateValue: TemplateValue {
///             ["title": .string(title), "members": members.templateValue]
///         }
///     }
public protocol TemplateRepresentable {
    /// The value templates see for this instance.
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateRepresentable {
    /// The value itself.
    public var templateValue: TemplateValue { self }
}

extension String: TemplateRepresentable {
    /// ``TemplateValue/string(_:)``: escaped when interpolated.
    public var templateValue: TemplateValue { .string(self) }
}

extension Substring: TemplateRepresentable {
    /// ``TemplateValue/string(_:)``: escaped when interpolated.
    public var templateValue: TemplateValue { .string(String(self)) }
}

extension Bool: TemplateRepresentable {
    /// ``TemplateValue/bool(_:)``.
    public var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateRepresentable {
    /// ``TemplateValue/int(_:)``.
    public var templateValue: TemplateValue { .int(self) }
}

extension Double: TemplateRepresentable {
    /// ``TemplateValue/double(_:)``.
    public var templateValue: TemplateValue { .double(self) }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    /// The wrapped value's, or ``TemplateValue/null`` for `nil`.
    public var templateValue: TemplateValue { self?.templateValue ?? .null }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    /// ``TemplateValue/list(_:)`` of the elements' values.
    public var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

extension Dictionary: TemplateRepresentable where Key == String, Value: TemplateRepresentable {
    /// ``TemplateValue/dictionary(_:)`` of the values' values.
    public var templateValue: TemplateValue { .dictionary(mapValues(\.templateValue)) }
}
