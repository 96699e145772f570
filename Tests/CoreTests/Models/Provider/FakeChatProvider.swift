import HTTPCore
import Synchronization
import Testing

/// A chat-completions server on 127.0.0.1 (port 0) for tests: answers each request with the next
/// scripted reply and records what it received. Stopped with `stop()`.
final class FakeChatProvider: Sendable {
    struct Reply: Sendable {
        var status: Int
        var body: String
    }

    private final class Responder: HTTPResponder {
        /// Guards the scripted replies and the received requests.
        let state = Mutex<(replies: [Reply], received: [HTTPRequest])>(([], []))

        func respond(to request: HTTPRequest) -> HTTPResponse {
            let reply = state.withLock { state -> Reply in
                state.received.append(request)
                guard !state.replies.isEmpty else { return Reply(status: 500, body: #"{"error":{"message":"no reply scripted"}}"#) }
                return state.replies.removeFirst()
            }
            return HTTPResponse(status: HTTPStatus(code: reply.status), contentType: "application/json", body: reply.body)
        }
    }

    private let responder = Responder()
    private let server: HTTPServer

    init(replies: [Reply]) throws {
        responder.state.withLock { $0.replies = replies }
        server = try HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, ioThreads: 1, workerThreads: 1),
            responder: responder, logger: .silent)
        try server.start()
    }

    /// The base URL to configure the model with.
    var baseURL: String { "http://127.0.0.1:\(server.port)/v1" }

    /// Every request received so far, in order.
    var received: [HTTPRequest] { responder.state.withLock { $0.received } }

    func stop() {
        server.shutdown()
        _ = server.waitUntilStopped(timeout: .seconds(5))
    }

    /// A chat-completions answer with text content.
    static func text(_ content: String) -> Reply {
        Reply(
            status: 200,
            body:
                #"{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"\#(content)"},"finish_reason":"stop"}]}"#
        )
    }

    /// A chat-completions answer with tool calls: (id, name, arguments JSON text).
    static func toolCalls(_ calls: [(String, String, String)]) -> Reply {
        let items = calls.map { id, name, arguments in
            let escaped = arguments.replacingOccurrences(of: "\"", with: "\\\"")
            return #"{"id":"\#(id)","type":"function","function":{"name":"\#(name)","arguments":"\#(escaped)"}}"#
        }
        return Reply(
            status: 200,
            body:
                #"{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[\#(items.joined(separator: ","))]},"finish_reason":"tool_calls"}]}"#
        )
    }
}
