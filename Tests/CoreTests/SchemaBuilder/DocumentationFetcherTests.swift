import AppTesting
import Core
import Foundation
import HTTPCore
import OpenAPI
import Testing

@Suite(.enabled(if: SchemaBuilderTestSupport.pythonAvailable, "python3 is needed to serve the documentation pages"))
struct DocumentationFetcherTests {
    /// Serves the sample files and runs `body` with a fetcher whose egress policy allows 127.0.0.1.
    private func withServer(_ body: (PythonPeer, DocumentationFetcher) throws -> Void) throws {
        try SchemaBuilderTestSupport.withTemporaryFolder { folder in
            try Data(SchemaBuilderSamples.billingPage.utf8).write(to: folder.appendingPathComponent("billing.html"))
            try Data(MinimalPDF.text(pages: SchemaBuilderSamples.weatherPages)).write(to: folder.appendingPathComponent("weather.pdf"))
            try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: folder.appendingPathComponent("diagram.png"))
            try Data("<html><body><h1>About us</h1><p>We make software.</p></body></html>".utf8)
                .write(to: folder.appendingPathComponent("about.html"))
            let server = try PythonPeer.staticFiles(folder: folder.path)
            defer { server.stop() }
            let client = try HTTPClient(
                configuration: HTTPClientConfiguration(
                    connectTimeout: .seconds(5), readTimeout: .seconds(10), exchangeTimeout: .seconds(20),
                    egressPolicy: try EgressPolicy(allowList: "127.0.0.1")))
            defer { client.closeIdleConnections() }
            try body(server, DocumentationFetcher(client: client))
        }
    }

    @Test func draftsFromAnHTMLPageServedLocally() throws {
        try withServer { server, fetcher in
            let piece = try fetcher.fetch(server.url("billing.html"))
            let (draft, document) = try SchemaBuilderTestSupport.checkedDocument([piece])
            #expect(document.baseURL == "https://billing.example.test/v1")
            #expect(draft.report.endpoints.map(\.description) == ["GET /invoices", "POST /invoices", "POST /invoices/{invoice_id}/send"])
            let list = try #require(document.operation(.get, "/invoices"))
            #expect(list.summary == "List invoices")
            #expect(list.parameters.map(\.name) == ["status", "customer", "limit"])
            #expect(list.parameter("customer", in: .query)?.isRequired == true)
            #expect(list.parameter("limit", in: .query)?.schema?.types == [.integer])
            let create = try #require(document.operation(.post, "/invoices"))
            #expect(create.requestBody?.content.first?.schema?.properties.map(\.name) == ["customer", "lines"])
            #expect(create.responses.first?.content.first?.schema?.properties.map(\.name) == ["id", "status", "total"])
            #expect(document.operation(.post, "/invoices/{invoice_id}/send")?.parameter("invoice_id", in: .path) != nil)
            let kinds = document.securitySchemes.map(\.kind)
            #expect(kinds.contains(.http(scheme: "bearer", bearerFormat: nil)))
            let oauth = kinds.compactMap { kind -> SecurityScheme.OAuthFlows? in
                if case .oauth2(let flows) = kind { return flows }
                return nil
            }.first
            #expect(oauth?.authorizationCode?.authorizationURL == "https://auth.example.test/oauth/authorize")
            #expect(oauth?.authorizationCode?.tokenURL == "https://auth.example.test/oauth/token")
            #expect(!document.operations.contains { $0.pathTemplate.contains("nav") || $0.pathTemplate.contains("should") })
        }
    }

    @Test func readsAPDFServedLocally() throws {
        try withServer { server, fetcher in
            guard SchemaBuilderTestSupport.pdftotextAvailable else { return }
            let piece = try fetcher.fetch(server.url("weather.pdf"))
            let (_, document) = try SchemaBuilderTestSupport.checkedDocument([piece])
            #expect(document.operations.map(\.pathTemplate) == ["/forecast", "/stations/{station_id}/observations"])
        }
    }

    @Test func explainsThatAnImageIsNotDocumentation() throws {
        try withServer { server, fetcher in
            #expect(throws: SchemaBuilderError.unsupportedContent(what: "an image")) { try fetcher.fetch(server.url("diagram.png")) }
        }
    }

    @Test func reportsAMissingPage() throws {
        try withServer { server, fetcher in
            #expect(throws: SchemaBuilderError.unexpectedStatus(url: server.url("missing.html"), status: 404)) {
                try fetcher.fetch(server.url("missing.html"))
            }
        }
    }

    @Test func saysAPageWithNoEndpointsHasNone() throws {
        try withServer { server, fetcher in
            let piece = try fetcher.fetch(server.url("about.html"))
            let checked = try SchemaBuilder().draft([.documentation(piece)])
            #expect(checked.problem?.hasPrefix("No API endpoints were found yet.") == true)
        }
    }

    @Test func obeysTheEgressPolicy() throws {
        try withServer { server, _ in
            let guarded = DocumentationFetcher(client: try HTTPClient())
            #expect {
                try guarded.fetch(server.url("billing.html"))
            } throws: { error in
                guard case .fetchFailed(_, let reason)? = error as? SchemaBuilderError else { return false }
                return reason.contains("egress")
            }
        }
    }
}

private extension PythonPeer {
    /// The URL of `path` on this server.
    func url(_ path: String) -> String { baseURL + "/" + path }
}
