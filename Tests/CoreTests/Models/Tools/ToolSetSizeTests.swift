import OpenAPI
import Testing

@testable import Core

@Suite struct ToolSetSizeTests {
    @Test func measuresTheToolsAsAProviderReceivesThem() async throws {
        let tools = try await OrdersAPI.tools()
        let size = ToolSetSize(tools)
        #expect(size.toolCount == 9)
        let sent = ChatCompletionRequest.body(
            configuration: OpenAIConfiguration(baseURL: "http://h", model: "m"), conversation: [], tools: tools)
        let toolsJSON = try #require(sent["tools"]).jsonText()
        // The array adds its brackets and commas to the tools' own characters.
        #expect(size.characters == toolsJSON.count - 2 - (tools.count - 1))
        #expect(size.estimatedTokens == (size.characters + 3) / 4)
        #expect(size.warning == nil)
    }

    @Test(arguments: [(21, "more than a model chooses among well"), (129, "more than a language model provider accepts (128)")])
    func warnsAboutTooManyTools(count: Int, phrase: String) {
        let tools = (0..<count).map { index in
            ToolDescription(name: "tool\(index)", title: "Tool \(index)", access: .read, method: .get, pathTemplate: "/t\(index)")
        }
        #expect(ToolSetSize(tools).warning?.contains(phrase) == true)
    }
}
