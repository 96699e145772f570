import Foundation
import YAML

/// A request for the required parameters a message did not give: what the web layer shows as a
/// small form in the conversation.
public struct ParameterRequest: Sendable, Hashable, Codable {
    /// The call as far as it is known: the tool, its id, and the arguments already found.
    public var call: ToolCall
    /// The tool's human name ("Get Order").
    public var toolTitle: String
    /// The required parameters still missing, in the tool's order: each has a label and a type
    /// for the form field.
    public var missing: [ToolParameter]
    /// What to tell the person ("To get the order, I need: Order ID.").
    public var message: String

    /// Creates a request.
    public init(call: ToolCall, toolTitle: String, missing: [ToolParameter], message: String) {
        self.call = call
        self.toolTitle = toolTitle
        self.missing = missing
        self.message = message
    }

    /// The call completed with the form's values (field name → text as typed), each checked
    /// against its parameter's type; empty fields of missing parameters are errors.
    public func completed(with values: [String: String]) throws(ArgumentError) -> ToolCall {
        var call = call
        for parameter in missing {
            let text = (values[parameter.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw ArgumentError(parameter: parameter.label, reason: "is required") }
            call.arguments[parameter.name] = try parameter.value(fromText: text)
        }
        return call
    }
}
