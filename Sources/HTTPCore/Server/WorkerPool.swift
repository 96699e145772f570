import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads that run responders allowed to block (a database write, an outbound
/// call), so a slow handler never stalls an I/O loop and never blocks Swift's cooperative pool.
///
/// A worker writes the response straight to the socket when it can (the loop does not touch a
/// connection whose request is out), and hands back only what the socket did not take.
final class WorkerPool: Sendable {
    /// One request to answer, with what is needed to write its response.
    struct Job: Sendable {
        let request: HTTPRequest
        let closing: Bool
        /// False when the connection still has output queued: then everything is handed back.
        let direct: Bool
        let connectionID: UInt64
        let descriptor: Int32
        let loop: EventLoop
    }

    private struct Queue {
        var jobs: [Job] = []
        var first = 0
        var stopping = false
    }

    /// Guards the queue; `available` counts the jobs (and stop signals) in it.
    private let queue = Mutex(Queue())
    private let available = DispatchSemaphore(value: 0)
    private let responder: any HTTPResponder
    private let logger: Logger
    private let threadCount: Int
    /// Signalled once by each worker thread when it ends.
    private let finished = DispatchGroup()

    init(threadCount: Int, responder: any HTTPResponder, logger: Logger) {
        self.threadCount = threadCount
        self.responder = responder
        self.logger = logger
    }

    func start() {
        for index in 0..<threadCount {
            finished.enter()
            let thread = Thread { [self] in
                work()
                finished.leave()
            }
            thread.name = "http-worker-\(index)"
            thread.start()
        }
    }

    func submit(_ job: Job) {
        queue.withLock { $0.jobs.append(job) }
        available.signal()
    }

    /// Lets the workers finish the queued jobs, then end.
    func stop() {
        queue.withLock { $0.stopping = true }
        for _ in 0..<threadCount { available.signal() }
    }

    /// Waits at most `timeout` for every worker to end (a responder may hang: the caller lives on).
    func waitUntilStopped(timeout: Duration) {
        _ = finished.wait(timeout: .now() + .nanoseconds(Int(clamping: timeout.totalNanoseconds)))
    }

    private func work() {
        var sender = ResponseSender(logger: logger)
        while true {
            available.wait()
            guard let job = nextJob() else { return }
            let response = responder.respond(to: job.request)
            let outcome = sender.send(
                response, method: job.request.method, version: job.request.version, closing: job.closing,
                to: job.descriptor, direct: job.direct)
            job.loop.post(EventLoop.Completion(connectionID: job.connectionID, descriptor: job.descriptor, outcome: outcome))
        }
    }

    /// The oldest job, or nil when the queue is empty (only after ``stop()``).
    private func nextJob() -> Job? {
        queue.withLock { queue in
            guard queue.first < queue.jobs.count else { return nil }
            let job = queue.jobs[queue.first]
            queue.first += 1
            if queue.first == queue.jobs.count {
                queue.jobs.removeAll(keepingCapacity: true)
                queue.first = 0
            } else if queue.first >= 64 && queue.first * 2 >= queue.jobs.count {
                queue.jobs.removeFirst(queue.first)
                queue.first = 0
            }
            return job
        }
    }
}
