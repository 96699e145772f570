import Foundation
import Synchronization
import Templates
import Testing

/// The depth limit stops recursion long before a thread's stack runs out.
@Suite struct StackDepthTests {
    /// Renders on a thread with a small stack, as a server's worker threads may have.
    private func renderOnSmallStack(_ template: Template, _ value: TemplateValue, partials: [String: Template])
        -> Result<String, TemplateError>?
    {
        let finished = DispatchSemaphore(value: 0)
        let result = Mutex<Result<String, TemplateError>?>(nil)
        let thread = Thread {
            let outcome: Result<String, TemplateError>
            do throws(TemplateError) {
                outcome = .success(try template.render(value, partials: partials))
            } catch {
                outcome = .failure(error)
            }
            result.withLock { $0 = outcome }
            finished.signal()
        }
        // 1 MiB holds the full depth even in a debug build, whose frames are several times larger.
        thread.stackSize = 1024 * 1024
        thread.start()
        guard finished.wait(timeout: .now() + 30) == .success else { return nil }
        return result.withLock { $0 }
    }

    @Test func stopsDeepPartialRecursionWithinASmallStack() throws {
        let partials = ["deep": try Template("{{#a}}{{#b}}{{>deep}}{{/b}}{{/a}}")]
        let value: TemplateValue = ["a": ["b": true]]
        let result = try #require(renderOnSmallStack(try Template("{{>deep}}"), value, partials: partials))
        guard case .failure(let error) = result else {
            Issue.record("expected the depth limit, got \(result)")
            return
        }
        #expect(error.kind == .recursionTooDeep(limit: Template.maximumDepth))
    }

    @Test func rendersSectionsNestedToTheLimitWithinASmallStack() throws {
        let depth = Template.maximumDepth - 1
        let source = String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        let result = try #require(renderOnSmallStack(try Template(source), ["a": true], partials: [:]))
        #expect(try result.get() == "x")
    }
}
