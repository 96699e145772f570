import Foundation
import Synchronization
import Testing
@testable import HTTPCore

@Suite struct LoggerTests {
    final class Lines: Sendable {
        let storage = Mutex<[String]>([])
        var logger: Logger { Logger(minimumLevel: .info) { line in self.storage.withLock { $0.append(line) } } }
        var all: [String] { storage.withLock { $0 } }
    }

    @Test func writesOneLogfmtLinePerEventWithAnRFC3339Time() throws {
        let lines = Lines()
        lines.logger.info("request", ["method": "GET", "path": "/a b", "status": "200"])
        let line = try #require(lines.all.first)
        #expect(line.hasSuffix(" level=info msg=request method=GET path=\"/a b\" status=200\n"))
        let time = line.dropFirst("time=".count).prefix(24)
        #expect(time.count == 24 && time.hasSuffix("Z") && time.dropFirst(10).first == "T")
    }

    @Test func valuesCannotBreakTheLineOrForgeFields() throws {
        let lines = Lines()
        lines.logger.warning("x", ["path": "/\n time=0 level=error msg=forged \"q\" \\ \u{01}"])
        let line = try #require(lines.all.first)
        #expect(line.filter { $0 == "\n" }.count == 1)
        #expect(line.contains(#"path="/\n time=0 level=error msg=forged \"q\" \\ \u{1}""#))
    }

    @Test func levelsBelowTheMinimumAreDropped() {
        let lines = Lines()
        lines.logger.debug("hidden")
        lines.logger.error("shown")
        #expect(lines.all.count == 1)
    }
}
