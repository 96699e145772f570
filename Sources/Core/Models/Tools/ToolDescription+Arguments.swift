import YAML

extension ToolDescription {
    /// The arguments a model gave, checked against the parameters: in parameter order, values
    /// of the wrong type converted when they can be (`"42"` for an integer), unknown keys
    /// dropped (so a model cannot add a header the tool does not describe), and an error for a
    /// missing required argument or a value that does not fit.
    public func checkedArguments(_ arguments: OrderedObject) throws(ArgumentError) -> OrderedObject {
        var checked = OrderedObject()
        for parameter in parameters {
            guard let value = arguments[parameter.name], value != .null else {
                if parameter.isRequired { throw ArgumentError(parameter: parameter.label, reason: "is required") }
                continue
            }
            if parameter.accepts(value) && parameter.allowedValues.isEmpty {
                checked[parameter.name] = value
                continue
            }
            switch value {
            case .string(let text): checked[parameter.name] = try parameter.value(fromText: text)
            case .int, .double, .bool: checked[parameter.name] = try parameter.value(fromText: ResultSummarizer.scalarText(value))
            case .null, .array, .object:
                throw ArgumentError(parameter: parameter.label, reason: "must be of type \(parameter.type.rawValue)")
            }
        }
        return checked
    }
}
