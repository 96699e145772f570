import AppTesting
import Foundation
import HTTPCore
import Testing

/// Starting and stopping the Python peers the executor tests talk to.
@Suite struct PythonPeerTests {
    @Test func saysHowToCreateAMissingVirtualEnvironment() {
        do {
            _ = try PythonPeer(script: "orders_api.py", python: "/nonexistent/.venv/bin/python")
            Issue.record("a peer started without Python")
        } catch {
            #expect("\(error)".contains("scripts/setup.sh --test"))
        }
    }

    @Test func reportsAScriptThatNeverPrintsItsPort() {
        do {
            _ = try PythonPeer(script: "no_such_peer.py", startupTimeout: .seconds(10))
            Issue.record("a missing script started")
        } catch {
            #expect("\(error)".contains("did not report its port"))
        }
    }

    @Test func stopsThePeerSoItsPortNoLongerAnswers() throws {
        let peer = try PythonPeer(script: "orders_api.py")
        let client = try OrdersPeer.client()
        let url = peer.baseURL + "/invoices/count"
        #expect(try client.send(ClientRequest(url: url)).status.code == 200)
        peer.stop()
        client.closeIdleConnections()
        #expect(throws: HTTPClientError.self) { try client.send(ClientRequest(url: url)) }
    }
}
