import YAML

/// The JSON body of a chat-completions request (OpenAI API reference, "Create chat completion").
enum ChatCompletionRequest {
    /// `{"model", "messages", "tools", "tool_choice"}`; without tools, neither `tools` nor
    /// `tool_choice` is sent (providers reject `tool_choice` alone). `allowsToolCalls: false`
    /// sends `tool_choice: "none"`: the tools explain the conversation's calls, but the answer
    /// must be text.
    static func body(
        configuration: OpenAIConfiguration, conversation: [ModelMessage], tools: [ToolDescription], allowsToolCalls: Bool = true
    ) -> OrderedValue {
        var body = OrderedObject()
        body["model"] = .string(configuration.model)
        body["messages"] = .array(conversation.map { message($0, maximumToolResultCharacters: configuration.maximumToolResultCharacters) })
        if !tools.isEmpty {
            body["tools"] = .array(tools.map(tool))
            body["tool_choice"] = .string(allowsToolCalls ? "auto" : "none")
        }
        if let temperature = configuration.temperature { body["temperature"] = .double(temperature) }
        return .object(body)
    }

    /// Our roles as chat completions has them: an assistant message's calls as `tool_calls` with
    /// arguments as JSON text, each result as a `tool` message with its `tool_call_id`.
    static func message(_ message: ModelMessage, maximumToolResultCharacters: Int) -> OrderedValue {
        var object = OrderedObject()
        switch message {
        case .system(let text):
            object["role"] = .string("system")
            object["content"] = .string(text)
        case .user(let text):
            object["role"] = .string("user")
            object["content"] = .string(text)
        case .assistant(let text, let calls):
            object["role"] = .string("assistant")
            object["content"] = text.isEmpty && !calls.isEmpty ? .null : .string(text)
            if !calls.isEmpty { object["tool_calls"] = .array(calls.map(toolCall)) }
        case .tool(let result):
            object["role"] = .string("tool")
            object["tool_call_id"] = .string(result.callID)
            object["content"] = .string(toolContent(result, maximumCharacters: maximumToolResultCharacters))
        }
        return .object(object)
    }

    private static func toolCall(_ call: ToolCall) -> OrderedValue {
        var function = OrderedObject()
        function["name"] = .string(call.name)
        function["arguments"] = .string(OrderedValue.object(call.arguments).jsonText())
        var object = OrderedObject()
        object["id"] = .string(call.id)
        object["type"] = .string("function")
        object["function"] = .object(function)
        return .object(object)
    }

    /// The result as the model reads it: the status and the (redacted) body, cut to the limit.
    private static func toolContent(_ result: ToolResult, maximumCharacters: Int) -> String {
        var object = OrderedObject()
        if let status = result.status { object["status"] = .int(status) }
        if result.isError { object["error"] = .bool(true) }
        object["body"] = result.content
        let text = OrderedValue.object(object).jsonText()
        guard text.count > maximumCharacters else { return text }
        return text.prefix(maximumCharacters) + " … (result cut: \(maximumCharacters) of \(text.count) characters shown)"
    }

    static func tool(_ tool: ToolDescription) -> OrderedValue {
        var function = OrderedObject()
        function["name"] = .string(tool.name)
        let access = tool.access == .write ? " Changes data: the user confirms before it runs." : ""
        let summary = tool.description.isEmpty ? tool.title : "\(tool.title): \(tool.description)"
        function["description"] = .string(String((summary + access).prefix(1024)))
        function["parameters"] = tool.parametersSchema
        var object = OrderedObject()
        object["type"] = .string("function")
        object["function"] = .object(function)
        return .object(object)
    }
}
