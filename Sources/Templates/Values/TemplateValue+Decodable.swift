extension TemplateValue: Decodable {
    /// Decodes JSON-shaped data: `null`, booleans, integers, other numbers, strings, arrays and
    /// objects become the matching case (handy for fixtures and for rendering API responses).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? container.decode(Int.self) {
            self = .int(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let list = try? container.decode([TemplateValue].self) {
            self = .list(list)
        } else {
            self = .dictionary(try container.decode([String: TemplateValue].self))
        }
    }
}
