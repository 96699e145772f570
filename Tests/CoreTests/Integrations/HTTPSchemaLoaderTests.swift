import Core
import Foundation
import HTTPCore
import OpenAPI
import Testing

/// Fetching schemas over HTTP within the egress policy.
@Suite struct HTTPSchemaLoaderTests {
    @Test func fetchesTheSchemaFromTheAPI() throws {
        let peer = try OrdersPeer.peer()
        let bytes = try HTTPSchemaLoader(client: try OrdersPeer.client()).load(peer.baseURL + "/openapi.json")
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"openapi\""))
    }

    @Test func followsARedirectToAnAllowedAddress() throws {
        let peer = try OrdersPeer.peer()
        let bytes = try HTTPSchemaLoader(client: try OrdersPeer.client()).load(peer.baseURL + "/moved?to=/openapi.json")
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"paths\""))
    }

    @Test func refusesLocalhostWithoutTheAllowList() throws {
        let peer = try OrdersPeer.peer()
        let loader = HTTPSchemaLoader(client: try HTTPClient(configuration: HTTPClientConfiguration()))
        #expect(throws: SchemaLoadError.self) { try loader.load("http://localhost:\(peer.port)/openapi.json") }
        do {
            _ = try loader.load("http://localhost:\(peer.port)/openapi.json")
        } catch {
            #expect(error.message.contains("egress policy"))
        }
    }

    @Test func refusesAPrivateAddress() throws {
        let loader = HTTPSchemaLoader(client: try OrdersPeer.client())
        do {
            _ = try loader.load("http://10.1.2.3/openapi.json")
            Issue.record("a private address was fetched")
        } catch {
            #expect(error.message.contains("egress policy"))
        }
    }

    @Test func refusesARedirectToLoopbackThatIsNotAllowed() throws {
        let peer = try OrdersPeer.peer()
        let loader = HTTPSchemaLoader(client: try OrdersPeer.client())
        do {
            _ = try loader.load(peer.baseURL + "/moved?to=http://127.0.0.2:\(peer.port)/openapi.json")
            Issue.record("a redirect to loopback was followed")
        } catch {
            #expect(error.message.contains("egress policy"))
        }
    }

    @Test func refusesLocationsThatAreNotHTTP() throws {
        let loader = HTTPSchemaLoader(client: try OrdersPeer.client())
        #expect(throws: SchemaLoadError.self) { try loader.load("file:///etc/passwd") }
    }
}

extension HTTPSchemaLoaderTests {
    @Test func importsAMultiFileSchemaFollowingRelativeReferencesOverHTTP() throws {
        let peer = try OrdersPeer.peer()
        let loader = HTTPSchemaLoader(client: try OrdersPeer.client())
        let url = peer.baseURL + "/schemas/split/openapi.yaml"
        let result = OpenAPIImporter().import(data: try loader.load(url), sourceURL: url, loader: loader)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let operation = try #require(result.document?.operations.first)
        #expect(operation.parameters.first?.name == "order_id")
        #expect(operation.parameters.first?.schema?.minimum == 1)
    }
}
