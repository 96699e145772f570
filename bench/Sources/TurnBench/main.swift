// A full agent turn with the offline model on a read action ("What's the status of order 1?"):
// load the conversation, agent and tools; the model picks getOrder and its argument; the
// executor runs it against the API; the model summarises; every message and card is stored;
// then the conversation is read back as the page would show it. Against:
//   - the orders API of Tests/peers/orders_api.py (FastAPI + uvicorn from .venv), and
//   - a minimal in-process HTTPCore API answering the same route, so the Python server's own
//     speed does not dominate.
//   swift build -c release --package-path bench
//   TMPDIR=/dev/shm bench/.build/release/TurnBench [--turns 200] [--synchronous full|normal]
// Each turn is a new conversation (a first message), timed from `AgentRunner.send` to the end
// of `ConversationStore.get`; "API call" is the time inside `HTTPSending.send` of that turn,
// measured by a wrapping client, so "rest" is Switchboard's own work (SQLite writes, model,
// audit). Page rendering (templates) is the App's and is not included.
import BenchSupport
import Core
import Foundation
import HTTPCore
import SQLite
import Synchronization

struct Options {
    var turns = 200
    var synchronous = Database.Synchronous.full
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        let value = arguments.popFirst()
        if argument == "--synchronous", let level = value.flatMap({ Database.Synchronous(rawValue: $0.uppercased()) }) {
            options.synchronous = level
        } else if argument == "--turns", let number = value.flatMap(Int.init), number > 0 {
            options.turns = number
        } else {
            print("usage: TurnBench [--turns N] [--synchronous full|normal]")
            exit(2)
        }
    }
    return options
}

/// Sends through a client and adds up the time spent inside `send`.
final class TimingClient: HTTPSending {
    let client: HTTPClient
    private let spent = Mutex(Duration.zero)

    init(client: HTTPClient) { self.client = client }

    func send(_ request: ClientRequest) throws(HTTPClientError) -> ClientResponse {
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            spent.withLock { $0 += elapsed }
        }
        return try client.send(request)
    }

    /// The time spent since the last call, and starts again from zero.
    func take() -> Duration {
        spent.withLock { value in
            defer { value = .zero }; return value
        }
    }
}


func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

func format(_ value: Double) -> String { String(format: "%.2f ms", value) }

struct Setup {
    let runner: AgentRunner
    let conversations: ConversationStore
    let agentID: String
    let caller: ConversationCaller
}

func measure(_ name: String, _ setup: Setup, timing: TimingClient, options: Options) throws {
    func turn() throws -> (total: Duration, api: Duration) {
        let conversation = try setup.conversations.start(agentID: setup.agentID, by: setup.caller.userID)
        _ = timing.take()
        let start = ContinuousClock.now
        let added = try setup.runner.send("What's the status of order 1?", in: conversation.id, as: setup.caller)
        let detail = try setup.conversations.get(conversation.id, for: setup.caller.userID)
        let total = ContinuousClock.now - start
        guard case .actionResult(let card)? = added.first(where: { $0.card != nil })?.card, card.status == 200, detail.messages.count == 3
        else {
            print("a turn did not run the read: \(added)")
            exit(1)
        }
        return (total, timing.take())
    }
    for _ in 0..<20 { _ = try turn() }
    var totals: [Double] = []
    var apis: [Double] = []
    for _ in 0..<options.turns {
        let (total, api) = try turn()
        totals.append(milliseconds(total))
        apis.append(milliseconds(api))
    }
    let rests = zip(totals, apis).map { $0 - $1 }
    print(name)
    for (label, fraction) in [("p50", 0.5), ("p90", 0.9), ("p99", 0.99)] {
        print(
            "  \(label): turn \(format(percentile(totals, fraction))), API call \(format(percentile(apis, fraction))), "
                + "rest \(format(percentile(rests, fraction)))")
    }
    let share = apis.reduce(0, +) / totals.reduce(0, +) * 100
    print(String(format: "  API call share of total turn time: %.0f%%", share))
}

let options = parseOptions()
do {
    var configuration = HTTPClientConfiguration()
    configuration.egressPolicy = try EgressPolicy(allowList: "127.0.0.1")
    let timing = TimingClient(client: try HTTPClient(configuration: configuration))
    let bench = try OrdersBenchSetup(synchronous: options.synchronous, client: timing.client)
    defer { bench.stop() }
    let executor = bench.executor(client: timing)
    let store = IntegrationStore(database: bench.database, companyID: bench.companyID, vault: bench.vault)
    let agents = AgentStore(database: bench.database, companyID: bench.companyID)
    let owner = Actor.user(bench.ownerID)
    print(
        "database: \(bench.temporary.folder) (synchronous \(options.synchronous.rawValue)); \(ProcessInfo.processInfo.activeProcessorCount) cores; \(options.turns) turns per target"
    )
    for (name, baseURL) in bench.targets {
        let integration = try bench.integrate(name: name, baseURL: baseURL)
        let actionIDs = try store.actions(of: integration.id).filter { !$0.isWrite }.map(\.id)
        let agent = try agents.create(AgentDraft(name: "Bench \(name)"), by: owner)
        // Every read action of the API enabled: the model chooses among them as it would in use.
        try agents.setEnabledActions(of: agent.id, actionIDs, by: owner)
        let setup = Setup(
            runner: AgentRunner(executor: executor), conversations: ConversationStore(database: bench.database, companyID: bench.companyID),
            agentID: agent.id, caller: ConversationCaller(userID: bench.ownerID))
        try measure(name, setup, timing: timing, options: options)
    }
} catch {
    print("TurnBench: \(error)")
    exit(1)
}
