// Added cost of running an action through ActionExecutor (load the action, validate and build
// the request, open and inject the credential, shape and redact the answer, write the audit
// row) over sending the same request directly with the same HTTPClient, in one run, against:
//   - the orders API of Tests/peers/orders_api.py (FastAPI + uvicorn from .venv), and
//   - a minimal in-process HTTPCore API answering the same route, so the Python server's own
//     speed does not cap the calls per second.
//   swift build -c release --package-path bench
//   TMPDIR=/dev/shm bench/.build/release/ActionsBench [--calls 2000] [--seconds 5] [--threads 4] [--synchronous full|normal]
// Every executor call commits one audit row: with the server's `synchronous = FULL` on a disk,
// that commit waits for an fsync, which dominates the added latency (TMPDIR on tmpfs or
// `--synchronous normal` measure the executor's own work).
// Latency: calls alternate executor / direct, one at a time; overhead = executor - direct at
// each percentile. Throughput: `--threads` threads call for `--seconds`, executor then direct.
import BenchSupport
import Core
import Dispatch
import Foundation
import HTTPCore
import SQLite
import Synchronization

struct Options {
    var calls = 2_000
    var seconds = 5.0
    var threads = 4
    var synchronous = Database.Synchronous.full
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        let value = arguments.popFirst()
        if argument == "--synchronous", let level = value.flatMap({ Database.Synchronous(rawValue: $0.uppercased()) }) {
            options.synchronous = level
            continue
        }
        switch (argument, value.flatMap(Double.init)) {
        case ("--calls", let number?): options.calls = Int(number)
        case ("--seconds", let number?): options.seconds = number
        case ("--threads", let number?): options.threads = Int(number)
        default:
            print("usage: ActionsBench [--calls N] [--seconds S] [--threads T] [--synchronous full|normal]")
            exit(2)
        }
    }
    return options
}


func format(_ microseconds: Double) -> String { String(format: "%.0f µs", microseconds) }

func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

/// Calls per second with `threads` threads calling `body` until `seconds` pass.
func throughput(threads: Int, seconds: Double, _ body: @escaping @Sendable () -> Bool) -> (perSecond: Double, failures: Int) {
    let counts = Mutex((calls: 0, failures: 0))
    let group = DispatchGroup()
    let start = ContinuousClock.now
    let deadline = start + .milliseconds(Int(seconds * 1000))
    for _ in 0..<threads {
        group.enter()
        Thread.detachNewThread {
            var calls = 0
            var failures = 0
            while ContinuousClock.now < deadline {
                if body() { calls += 1 } else { failures += 1 }
            }
            counts.withLock {
                $0.calls += calls; $0.failures += failures
            }
            group.leave()
        }
    }
    group.wait()
    let elapsed = microseconds(ContinuousClock.now - start) / 1e6
    let total = counts.withLock { $0 }
    return (Double(total.calls) / elapsed, total.failures)
}

func measure(
    target: String, baseURL: String, executor: ActionExecutor, actionID: String, userID: String, client: HTTPClient, token: String,
    options: Options
) throws {
    let context = ActionRunContext(userID: userID, agentID: "bench-agent")
    var headers = HTTPHeaders()
    headers.add("Authorization", "Bearer " + token)
    headers.add("Accept", "application/json, */*;q=0.5")
    let direct = ClientRequest(method: .get, url: try HTTPURL(baseURL + "/orders/1"), headers: headers)
    let arguments = #"{"order_id": 1}"#
    @Sendable func viaExecutor() -> Bool {
        guard case .completed(let result)? = try? executor.run(actionID: actionID, argumentsJSON: arguments, as: context) else {
            return false
        }
        return result.status == 200
    }
    @Sendable func directly() -> Bool { (try? client.send(direct))?.status.code == 200 }
    for _ in 0..<200 { _ = viaExecutor(); _ = directly() }

    var executorTimes: [Double] = []
    var directTimes: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<options.calls {
        let executorTime = clock.measure { precondition(viaExecutor(), "an executor call failed") }
        let directTime = clock.measure { precondition(directly(), "a direct call failed") }
        executorTimes.append(microseconds(executorTime))
        directTimes.append(microseconds(directTime))
    }
    executorTimes.sort()
    directTimes.sort()
    let through = throughput(threads: options.threads, seconds: options.seconds, viaExecutor)
    let plain = throughput(threads: options.threads, seconds: options.seconds, directly)
    print("\(target)")
    for (label, fraction) in [("p50", 0.5), ("p90", 0.9), ("p99", 0.99)] {
        let viaExecutor = percentile(executorTimes, fraction)
        let viaClient = percentile(directTimes, fraction)
        print("  \(label): executor \(format(viaExecutor)), direct \(format(viaClient)), added \(format(viaExecutor - viaClient))")
    }
    print(
        String(
            format: "  sustained (%d threads, %.0f s): executor %.0f calls/s (%d failed), direct %.0f calls/s (%d failed)",
            options.threads, options.seconds, through.perSecond, through.failures, plain.perSecond, plain.failures))
}

let options = parseOptions()
do {
    var configuration = HTTPClientConfiguration()
    configuration.egressPolicy = try EgressPolicy(allowList: "127.0.0.1")
    configuration.maxIdleConnectionsPerHost = 16
    let client = try HTTPClient(configuration: configuration)
    let setup = try OrdersBenchSetup(synchronous: options.synchronous, client: client)
    defer { setup.stop() }
    let executor = setup.executor(client: client)
    print(
        "database: \(setup.temporary.folder) (synchronous \(options.synchronous.rawValue)); \(ProcessInfo.processInfo.activeProcessorCount) cores; \(options.calls) calls per side"
    )
    for (name, baseURL) in setup.targets {
        let integration = try setup.integrate(name: name, baseURL: baseURL)
        let store = IntegrationStore(database: setup.database, companyID: setup.companyID, vault: setup.vault)
        guard let action = try store.actions(of: integration.id).first(where: { $0.operation.operationID == "getOrder" }) else {
            print("the schema has no getOrder operation")
            exit(1)
        }
        try measure(
            target: name, baseURL: baseURL, executor: executor, actionID: action.id, userID: setup.ownerID, client: client,
            token: setup.token, options: options)
    }
} catch {
    print("ActionsBench: \(error)")
    exit(1)
}
