import Foundation
import OpenAPI
import Testing
import YAML

@testable import Core

/// Building requests without a network: parameter styles (OpenAPI 3.1 §4.8.12.4), bodies, messages.
@Suite struct RequestBuilderTests {
    static let colours = OrderedValue.array([.string("blue"), .string("black"), .string("brown")])
    static let point = OrderedValue.object(OrderedObject(["R": .int(100), "G": .int(200)]))

    struct StyleCase: Sendable, CustomStringConvertible {
        let style: Parameter.Style
        let explode: Bool
        let value: OrderedValue
        let query: String
        var description: String { "\(style) explode=\(explode)" }
    }

    // The specification's own examples for `color`.
    static let queryCases: [StyleCase] = [
        StyleCase(style: .form, explode: true, value: colours, query: "color=blue&color=black&color=brown"),
        StyleCase(style: .form, explode: false, value: colours, query: "color=blue,black,brown"),
        StyleCase(style: .spaceDelimited, explode: false, value: colours, query: "color=blue%20black%20brown"),
        StyleCase(style: .pipeDelimited, explode: false, value: colours, query: "color=blue%7Cblack%7Cbrown"),
        StyleCase(style: .form, explode: true, value: point, query: "R=100&G=200"),
        StyleCase(style: .form, explode: false, value: point, query: "color=R,100,G,200"),
        StyleCase(style: .deepObject, explode: true, value: point, query: "color%5BR%5D=100&color%5BG%5D=200"),
    ]

    @Test(arguments: queryCases)
    func serialisesQueryParametersByStyle(_ testCase: StyleCase) throws {
        let parameter = Parameter(name: "color", location: .query, style: testCase.style, explode: testCase.explode)
        let pairs = ParameterSerializer.query(parameter, testCase.value)
        #expect(pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&") == testCase.query)
    }

    @Test func serialisesPathParametersByStyleAndEncodesThem() {
        let simple = Parameter(name: "id", location: .path)
        #expect(ParameterSerializer.path(simple, .string("a/b c?")) == "a%2Fb%20c%3F")
        #expect(ParameterSerializer.path(simple, Self.colours) == "blue,black,brown")
        #expect(
            ParameterSerializer.path(Parameter(name: "color", location: .path, style: .label, explode: true), Self.colours)
                == ".blue.black.brown")
        #expect(
            ParameterSerializer.path(Parameter(name: "color", location: .path, style: .matrix, explode: true), Self.colours)
                == ";color=blue;color=black;color=brown")
        #expect(ParameterSerializer.path(Parameter(name: "color", location: .path, style: .matrix), Self.point) == ";color=R,100,G,200")
    }

    @Test func buildsTheURLHeadersAndAJSONBody() throws {
        var body = Schema()
        body.types = [.object]
        var count = Schema()
        count.types = [.integer]
        body.properties = [Schema.Property(name: "count", schema: count)]
        body.requiredProperties = ["count"]
        let operation = APIOperation(
            name: "Add", method: .post, pathTemplate: "/lists/{list}/items",
            parameters: [
                Parameter(name: "list", location: .path, schema: nil), Parameter(name: "X-Trace", location: .header),
                Parameter(name: "dry_run", location: .query),
            ],
            requestBody: RequestBody(
                description: nil, isRequired: true, content: [MediaType(contentType: "application/json", schema: body)]))
        let arguments = OrderedObject([
            "list": .string("to do"), "X-Trace": .string("t-1"), "dry_run": .bool(true), "count": .int(2),
        ])
        guard case .request(let request) = RequestBuilder.build(operation, arguments: arguments, baseURL: "https://api.example.com/v1/")
        else {
            Issue.record("the request was not built")
            return
        }
        #expect(request.url == "https://api.example.com/v1/lists/to%20do/items?dry_run=true")
        #expect(request.headers.contains(NameValue(name: "X-Trace", value: "t-1")))
        #expect(request.headers.contains(NameValue(name: "Content-Type", value: "application/json")))
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"count":2}"#)

        guard
            case .problems(let problems) = RequestBuilder.build(
                operation, arguments: OrderedObject(["list": .string("a"), "count": .string("two")]), baseURL: "https://api.example.com")
        else {
            Issue.record("a wrong body was accepted")
            return
        }
        #expect(problems == [ArgumentProblem(path: "body.count", message: "must be an integer, got the string \"two\"")])
    }

    @Test func sendsAnXMLBodyAsWrittenAndSaysWhichBodyTypesItCannotSend() {
        func operation(_ contentType: String) -> APIOperation {
            APIOperation(
                name: "Upload", method: .put, pathTemplate: "/report",
                requestBody: RequestBody(description: nil, isRequired: true, content: [MediaType(contentType: contentType, schema: nil)]))
        }
        let xml = OrderedObject(["body": .string("<report><total>3</total></report>")])
        guard case .request(let request) = RequestBuilder.build(operation("application/soap+xml"), arguments: xml, baseURL: "https://api.example.com")
        else {
            Issue.record("an XML body was refused")
            return
        }
        #expect(String(decoding: request.body, as: UTF8.self) == "<report><total>3</total></report>")
        #expect(request.headers.contains(NameValue(name: "Content-Type", value: "application/soap+xml")))
        guard case .problems(let problems) = RequestBuilder.build(operation("application/msgpack"), arguments: xml, baseURL: "https://api.example.com")
        else {
            Issue.record("a MessagePack body was built")
            return
        }
        #expect(problems == [ArgumentProblem(path: "body", message: "cannot be sent: the action takes application/msgpack, which Switchboard does not send yet")])
    }

    @Test func refusesAHeaderArgumentWithALineBreak() {
        let operation = APIOperation(
            name: "Get", method: .get, pathTemplate: "/", parameters: [Parameter(name: "X-Note", location: .header)])
        guard
            case .problems(let problems) = RequestBuilder.build(
                operation, arguments: OrderedObject(["X-Note": .string("a\r\nX-Evil: 1")]), baseURL: "https://api.example.com")
        else {
            Issue.record("a header with a line break was accepted")
            return
        }
        #expect(problems.map(\.path) == ["X-Note"])
    }

    @Test func redactsEveryFormOfASecret() {
        let redactor = Redactor(secrets: ["s3cret/key+1"])
        #expect(redactor.redact("a s3cret/key+1 b s3cret%2Fkey%2B1 c") == "a [redacted] b [redacted] c")
    }
}
