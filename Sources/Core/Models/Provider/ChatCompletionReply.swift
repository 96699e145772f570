import YAML

/// Reads a chat-completions response: `choices[0].message` with its `content` and `tool_calls`.
enum ChatCompletionReply {
    /// The turn in `body`; a reply without text and without calls, or with calls whose
    /// arguments are not a JSON object, is malformed.
    static func turn(from body: [UInt8]) throws(ModelError) -> ModelTurn {
        let value: OrderedValue
        do { value = try JSONReader().read(body) } catch { throw .malformedResponse("not JSON: \(error)") }
        guard let choices = value["choices"]?.arrayValue else { throw .malformedResponse("no \"choices\" array") }
        guard let message = choices.first?["message"], message.objectValue != nil else {
            throw .malformedResponse("no message in choices[0]")
        }
        let calls = message["tool_calls"]?.arrayValue ?? []
        if !calls.isEmpty {
            var toolCalls: [ToolCall] = []
            for (position, call) in calls.enumerated() { toolCalls.append(try toolCall(call, position: position)) }
            return .toolCalls(toolCalls)
        }
        guard let content = message["content"]?.stringValue else {
            throw .malformedResponse("choices[0].message has neither content nor tool_calls")
        }
        return .text(content)
    }

    private static func toolCall(_ call: OrderedValue, position: Int) throws(ModelError) -> ToolCall {
        guard let function = call["function"], let name = function["name"]?.stringValue, !name.isEmpty else {
            throw .malformedResponse("tool_calls[\(position)] has no function name")
        }
        let id = call["id"]?.stringValue ?? "call-\(position + 1)"
        var arguments = OrderedObject()
        switch function["arguments"] {
        case .string(let text) where !text.trimmingSpaces.isEmpty:
            guard let parsed = try? JSONReader().read(Array(text.utf8)), case .object(let object) = parsed else {
                throw .malformedResponse("tool_calls[\(position)] (\(name)) arguments are not a JSON object")
            }
            arguments = object
        // Some servers send the arguments as an object rather than as JSON text.
        case .object(let object): arguments = object
        case nil, .null, .string: break
        default: throw .malformedResponse("tool_calls[\(position)] (\(name)) arguments are not a JSON object")
        }
        return ToolCall(id: id, name: name, arguments: arguments)
    }

    /// The provider's error message (`{"error": {"message": …}}`), shortened, or nothing.
    static func errorMessage(from body: [UInt8]) -> String {
        guard let value = try? JSONReader().read(body) else { return "" }
        let message = value["error"]?["message"]?.stringValue ?? value["error"]?.stringValue ?? value["message"]?.stringValue
        return String((message ?? "").prefix(300))
    }
}
