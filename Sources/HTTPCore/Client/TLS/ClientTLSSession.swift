import COpenSSL
import Glibc

/// The TLS state of one connection: SNI and host name verification set up for the URL's host,
/// reads and writes over a non-blocking socket that wait with `poll`.
final class ClientTLSSession {
    private let ssl: OpaquePointer
    private let fd: Int32
    private let host: String
    private let port: Int

    init(context: ClientTLSContext, fd: Int32, url: HTTPURL) throws(HTTPClientError) {
        guard let ssl = SSL_new(context.context) else {
            throw .tlsFailure(host: url.host, reason: ClientTLSContext.lastErrorText())
        }
        self.ssl = ssl
        self.fd = fd
        host = url.host
        port = url.port
        SSL_set_fd(ssl, fd)
        let configured: Bool
        if url.hostIsIPAddress {
            // RFC 6066 §3: no SNI for an address; the certificate must name it as an IP SAN.
            configured = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), url.host) == 1
        } else {
            // SSL_set_tlsext_host_name is a macro over SSL_ctrl.
            let sni = url.host.withCString {
                SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, Int(TLSEXT_NAMETYPE_host_name), UnsafeMutableRawPointer(mutating: $0))
            }
            configured = sni == 1 && SSL_set1_host(ssl, url.host) == 1
        }
        guard configured else {
            throw .tlsFailure(host: url.host, reason: "cannot set up host name verification: \(ClientTLSContext.lastErrorText())")
        }
    }

    deinit { SSL_free(ssl) }

    /// Runs the handshake, verifying the certificate chain and that it names the host.
    func handshake(timer: ClientTimer) throws(HTTPClientError) {
        _ = try perform(timer: timer, during: "handshake") { SSL_connect(ssl) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, timer: ClientTimer) throws(HTTPClientError) -> Int {
        guard buffer.count > 0 else { return 0 }
        return try perform(timer: timer, during: "read") { SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count)) }
    }

    func write(_ bytes: UnsafeRawBufferPointer, timer: ClientTimer) throws(HTTPClientError) -> Int {
        guard bytes.count > 0 else { return 0 }
        return try perform(timer: timer, during: "write") { SSL_write(ssl, bytes.baseAddress, Int32(clamping: bytes.count)) }
    }

    /// Whether decrypted bytes are waiting (an idle connection with any is not reusable).
    var hasBufferedBytes: Bool { SSL_pending(ssl) > 0 }

    /// Whether an idle connection whose socket turned readable is unusable: application data
    /// nobody asked for, close_notify, or an error. Records that only update TLS state (TLS 1.3
    /// session tickets) are consumed and do not count. Never waits: the socket is non-blocking.
    var receivedSomethingWhileIdle: Bool {
        ERR_clear_error()
        var byte: UInt8 = 0
        let result = SSL_peek(ssl, &byte, 1)
        let error = SSL_get_error(ssl, result)
        ERR_clear_error()
        return result > 0 || error != SSL_ERROR_WANT_READ
    }

    /// Sends close_notify if the socket takes it at once; never waits.
    func shutdown() {
        ERR_clear_error()
        SSL_shutdown(ssl)
        ERR_clear_error()
    }

    /// Calls an OpenSSL I/O function until it succeeds, waiting on the socket as it asks
    /// (`SSL_ERROR_WANT_READ` / `WANT_WRITE`); 0 for a clean end of stream.
    private func perform(timer: ClientTimer, during step: String, _ call: () -> Int32) throws(HTTPClientError) -> Int {
        while true {
            ERR_clear_error()
            let result = call()
            if result > 0 { return Int(result) }
            let error = SSL_get_error(ssl, result)
            switch error {
            case SSL_ERROR_WANT_READ:
                try timer.waitUntilReady(fd, events: Int16(POLLIN), for: .io, host: host, port: port)
            case SSL_ERROR_WANT_WRITE:
                try timer.waitUntilReady(fd, events: Int16(POLLOUT), for: .io, host: host, port: port)
            case SSL_ERROR_ZERO_RETURN:
                return 0
            case SSL_ERROR_SYSCALL where errno == EINTR:
                continue
            default:
                throw failure(code: error, during: step)
            }
        }
    }

    private func failure(code: Int32, during step: String) -> HTTPClientError {
        if step == "handshake" {
            let verification = SSL_get_verify_result(ssl)
            if verification != X509_V_OK {
                // "hostname mismatch", "unable to get local issuer certificate", "certificate has expired"
                let reason = String(cString: X509_verify_cert_error_string(verification))
                return .tlsFailure(host: host, reason: "certificate verification failed: \(reason)")
            }
        }
        let detail = code == SSL_ERROR_SYSCALL ? String(cString: strerror(errno)) : ClientTLSContext.lastErrorText()
        if step == "handshake" { return .tlsFailure(host: host, reason: "handshake failed: \(detail)") }
        return .connectionLost(host: host, reason: "TLS \(step) failed: \(detail)")
    }
}
