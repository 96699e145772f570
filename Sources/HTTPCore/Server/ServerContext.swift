import Synchronization

/// What every I/O loop and worker of one server shares.
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let logger: Logger
    let pool: WorkerPool
    /// Open connections across all loops, checked against `maxConnections` on accept.
    let connectionCount = Atomic<Int>(0)
    /// I/O loops still running; the last one to end stops the worker pool.
    let runningLoops = Atomic<Int>(0)

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        pool = WorkerPool(threadCount: configuration.workerThreads, responder: responder, logger: logger)
    }
}
