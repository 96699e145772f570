extension HTTPClient {
    /// Writes the request (`bytes`, from ``requestBytes(_:)``), reads the response within the
    /// size cap, and returns the connection to the pool when both sides allow keep-alive and the
    /// response ended cleanly.
    func exchange(
        _ request: ClientRequest, bytes: [UInt8], on connection: ClientConnection, timer: ClientTimer
    ) throws(HTTPClientError) -> ClientResponse {
        let host = request.url.host
        let limit = request.maxResponseBodyBytes ?? configuration.maxResponseBodyBytes
        connection.beginExchange()
        try connection.write(bytes, timer: timer)

        var parser = ClientResponseParser(requestMethod: request.method, maxHeadBytes: configuration.maxResponseHeadBytes)
        var head: ClientResponseHead? = nil
        var body: [UInt8] = []
        let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 << 10, alignment: 1)
        defer { readBuffer.deallocate() }
        reading: while true {
            let event: ClientResponseParser.Event?
            do throws(ClientResponseParser.Failure) {
                event = try parser.next()
            } catch {
                if connection.bytesReceivedInExchange == 0 {
                    throw .connectionLost(host: host, reason: "the server closed the connection without responding")
                }
                throw .malformedResponse(host: host, reason: error.reason)
            }
            switch event {
            case .head(let parsed):
                if case .length(let length) = parser.framing, length > limit { throw .responseTooLarge(limit: limit) }
                head = parsed
            case .body(let piece):
                guard body.count + piece.count <= limit else { throw .responseTooLarge(limit: limit) }
                body.append(contentsOf: piece)
            case .end:
                break reading
            case nil:
                // A server that always has bytes ready never makes a read wait, so the deadline
                // is checked here too.
                if timer.hasExpired() { throw .exchangeTimeout(host: host, timeout: configuration.exchangeTimeout) }
                let count = try connection.read(into: readBuffer, timer: timer)
                if count == 0 {
                    parser.finishInput()
                } else {
                    parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[..<count]))
                }
            }
        }
        guard let head else { throw .malformedResponse(host: host, reason: "the response ended without a head") }
        let reusable = head.allowsKeepAlive && parser.framing != .untilClose && !parser.hasBytesBeyondResponse
        if reusable {
            pool.checkIn(connection, now: .now())
        } else {
            connection.close()
        }
        return ClientResponse(status: head.status, version: head.version, headers: head.headers, body: body, url: request.url)
    }

    /// The request line, header fields and body as sent (RFC 9112 §3, §5, §6.2); to a forward
    /// `proxy`, in absolute form (RFC 9112 §3.2.2) with the proxy's credentials.
    func requestBytes(_ request: ClientRequest, forwardingThrough proxy: ProxyConfiguration? = nil) throws(HTTPClientError) -> [UInt8] {
        guard !request.method.rawValue.isEmpty, request.method.rawValue.utf8.allSatisfy(ASCII.isTokenCharacter) else {
            throw .invalidRequest(reason: "the method \"\(request.method)\" is not an HTTP token")
        }
        let target = proxy == nil ? request.url.target : request.url.description
        var head = "\(request.method) \(target) HTTP/1.1\r\nHost: \(request.url.hostHeader)\r\n"
        let proxyAuthorization = proxy?.authorization
        if let proxyAuthorization { head += "Proxy-Authorization: \(proxyAuthorization)\r\n" }
        for (name, value) in request.headers {
            guard !Self.clientOwnedHeaders.contains(where: { HTTPHeaders.equalNames($0, name) }) else { continue }
            if proxyAuthorization != nil && HTTPHeaders.equalNames(name, "Proxy-Authorization") { continue }
            guard !name.isEmpty, name.utf8.allSatisfy(ASCII.isTokenCharacter) else {
                throw .invalidRequest(reason: "the header name \"\(name)\" is not an HTTP token")
            }
            // RFC 9110 §5.5: CR, LF and NUL in a value would let it start another header field.
            guard !value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) else {
                throw .invalidRequest(reason: "the value of header \(name) contains a line break or NUL")
            }
            head += "\(name): \(value)\r\n"
        }
        if !request.headers.contains("User-Agent") { head += "User-Agent: \(configuration.userAgent)\r\n" }
        if !request.headers.contains("Accept-Encoding") { head += "Accept-Encoding: identity\r\n" }
        // RFC 9110 §8.6: a request that has content says how much; POST, PUT, PATCH say 0 too.
        if !request.body.isEmpty || [.post, .put, .patch].contains(request.method) {
            head += "Content-Length: \(request.body.count)\r\n"
        }
        head += "\r\n"
        return Array(head.utf8) + request.body
    }

    private static let clientOwnedHeaders = ["Host", "Content-Length", "Transfer-Encoding", "Connection"]
}
