#if canImport(Glibc)
import Glibc
#endif

extension EventLoop {
    /// Reads and parses while the connection takes input: first what it already holds, then
    /// what the socket has, until it would block or a response is pending.
    func drive(_ connection: Connection, now: MonotonicTime) {
        while connection.isOpen && connection.state.acceptsInput {
            if !connection.pending.isEmpty && !connection.needsMoreInput {
                let input = connection.pending
                connection.pending = []
                input.withUnsafeBytes { input in
                    let consumed = process(connection, input, now: now)
                    keepUnconsumed(of: connection, UnsafeRawBufferPointer(rebasing: input[consumed...]))
                }
                continue
            }
            guard connection.readable, let base = scratch.baseAddress else { break }
            // Unparsed bytes (an incomplete head or chunk line, never more than the head limit)
            // go in front of the new ones so the parser sees one contiguous buffer.
            let kept = connection.pending.count
            if kept > 0 {
                UnsafeMutableRawBufferPointer(rebasing: scratch[0..<kept]).copyBytes(from: connection.pending)
                connection.pending = []
            }
            let space = scratch.count - kept
            let result: NonBlockingResult
            do {
                result = try nonBlockingCall("read") { read(connection.descriptor, base + kept, space) }
            } catch {
                close(connection, reason: .ioError)
                return
            }
            switch result {
            case .wouldBlock:
                connection.readable = false
                keepUnconsumed(of: connection, UnsafeRawBufferPointer(rebasing: scratch[0..<kept]))
            case .done(0):
                connection.readable = false
                act(on: connection, connection.state.peerClosed(), now: now)
            case .done(let count):
                // Edge-triggered: a short read means the socket is drained for now.
                if count < space { connection.readable = false }
                connection.needsMoreInput = false
                let input = UnsafeRawBufferPointer(rebasing: scratch[0..<(kept + count)])
                let consumed = process(connection, input, now: now)
                keepUnconsumed(of: connection, UnsafeRawBufferPointer(rebasing: input[consumed...]))
            }
        }
        if connection.isOpen && connection.state.state == .lingering { resume(connection, now: now) }
    }

    private func keepUnconsumed(of connection: Connection, _ rest: UnsafeRawBufferPointer) {
        guard connection.isOpen, connection.state.state != .lingering, !rest.isEmpty else { return }
        connection.pending = Array(rest)
    }

    /// Feeds `bytes` to the parser until it needs more or a response is pending; returns how many
    /// bytes were consumed.
    private func process(_ connection: Connection, _ bytes: UnsafeRawBufferPointer, now: MonotonicTime) -> Int {
        var offset = 0
        while connection.isOpen && connection.state.acceptsInput {
            if offset < bytes.count { connection.state.receivedBytes(now: now) }
            let parsed: (event: HTTPParser.Event?, consumed: Int)
            do {
                parsed = try connection.parser.parse(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            } catch {
                reject(connection, status: error.status, reason: error.kind.rawValue, now: now)
                return bytes.count
            }
            let start = offset
            offset += parsed.consumed
            guard let event = parsed.event else {
                connection.needsMoreInput = true
                return offset
            }
            switch event {
            case .head(let head):
                begin(head, on: connection, now: now)
            case .body(let range):
                connection.body.append(
                    contentsOf: UnsafeRawBufferPointer(rebasing: bytes[(start + range.lowerBound)..<(start + range.upperBound)]))
            case .end:
                connection.state.receivedRequest()
                dispatch(connection, now: now)
            }
        }
        return offset
    }

    /// A head arrived: ask the responder for the route's policy before any body is accepted.
    private func begin(_ head: HTTPRequestHead, on connection: Connection, now: MonotonicTime) {
        connection.state.receivedHead(version: head.version, headers: head.headers, now: now)
        let policy = context.responder.policy(for: head)
        do {
            try connection.parser.limitBody(to: policy.maxBodyBytes)
        } catch {
            reject(connection, status: error.status, reason: error.kind.rawValue, now: now)
            return
        }
        // RFC 9110 §10.1.1: 100 Continue only once the body is known to be acceptable; any other
        // expectation is answered 417.
        if let expectation = head.headers["Expect"] {
            guard HTTPHeaders.equalNames(expectation.trimmingSpaces(), "100-continue") else {
                reject(connection, status: .expectationFailed, reason: "unsupported-expectation", now: now)
                return
            }
            if head.version == .http11 && connection.parser.framing != .length(0) {
                switch sender.sendContinue(to: connection.descriptor, direct: connection.output.isEmpty) {
                case .complete: break
                case .partial(let queue): connection.output.append(contentsOf: queue)
                case .failed:
                    close(connection, reason: .ioError)
                    return
                }
            }
        }
        if case .length(let length) = connection.parser.framing, length > 0 {
            connection.body.reserveCapacity(length)
        }
        connection.head = head
        connection.runsInline = policy.inline
    }

    /// The request is complete: answer it here (inline policy) or hand it to the worker pool.
    private func dispatch(_ connection: Connection, now: MonotonicTime) {
        guard let head = connection.head else { return }
        let request = HTTPRequest(
            method: head.method, target: head.target, version: head.version, headers: head.headers,
            body: connection.body, remoteAddress: connection.remoteAddress)
        connection.head = nil
        connection.body = []
        let closing = connection.state.willClose
        let direct = connection.output.isEmpty
        if connection.runsInline {
            let response = context.responder.respond(to: request)
            let outcome = sender.send(
                response, method: head.method, version: head.version, closing: closing,
                to: connection.descriptor, direct: direct)
            complete(connection, outcome, now: now)
        } else {
            connection.jobOutstanding = true
            context.pool.submit(
                WorkerPool.Job(
                    request: request, closing: closing, direct: direct, connectionID: connection.id,
                    descriptor: connection.descriptor, loop: self))
        }
    }

    /// A response was written in full or in part: queue the rest, or move on.
    func complete(_ connection: Connection, _ outcome: ResponseSender.Outcome, now: MonotonicTime) {
        switch outcome {
        case .complete:
            act(on: connection, connection.state.queuedResponse(completely: true, now: now), now: now)
        case .partial(let queue):
            connection.output.append(contentsOf: queue)
            act(on: connection, connection.state.queuedResponse(completely: false, now: now), now: now)
            flushOutput(of: connection, now: now)
        case .failed:
            close(connection, reason: .ioError)
        }
    }

    /// Answers a refused request with its status and a short text body, logs it, and closes.
    private func reject(_ connection: Connection, status: HTTPStatus, reason: String, now: MonotonicTime) {
        context.logger.info(
            "rejected", ["status": String(status.code), "reason": reason, "remote": connection.remoteAddress])
        connection.state.rejected()
        connection.head = nil
        connection.body = []
        let response = HTTPResponse(
            status: status, contentType: "text/plain; charset=utf-8", body: "\(status.code) \(status.reason)\n")
        let outcome = sender.send(
            response, method: .get, version: .http11, closing: true, to: connection.descriptor,
            direct: connection.output.isEmpty)
        complete(connection, outcome, now: now)
    }
}
