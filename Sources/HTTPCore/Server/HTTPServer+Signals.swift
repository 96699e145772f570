import Dispatch

#if canImport(Glibc)
import Glibc
#endif

extension HTTPServer {
    /// Starts a graceful ``shutdown()`` when the process receives one of `signals`.
    ///
    /// The signals' default action is replaced by "ignore" and they are observed with Dispatch
    /// signal sources, so no work runs inside a signal handler. Call it once, after ``start()``;
    /// Dispatch arms the sources asynchronously, so a signal in the first instant is ignored.
    public func shutdownOnSignals(_ signals: [Int32] = [SIGTERM, SIGINT]) {
        state.withLock { state in
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [weak self] in
                    guard let self else { return }
                    context.logger.info("shutting down", ["signal": String(number)])
                    // Written now, so it precedes the lines the shutdown makes other threads log.
                    context.logger.flush()
                    shutdown()
                }
                source.resume()
                // Kept for the server's life: a released source stops observing.
                state.signalSources.append(source)
            }
        }
    }
}
