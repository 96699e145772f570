import COpenSSL

/// The OpenSSL client context shared by every https connection of one ``HTTPClient``: TLS 1.2
/// or newer, peer verification on, the system trust store plus an optional extra CA file.
///
/// `@unchecked Sendable`: an `SSL_CTX` is safe to share between threads once configured, and
/// it is configured only in `init`.
final class ClientTLSContext: @unchecked Sendable {
    let context: OpaquePointer

    init(certificateAuthorityFile: String?) throws(HTTPClientError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw .invalidConfiguration(reason: "cannot create a TLS context: \(ClientTLSContext.lastErrorText())")
        }
        self.context = context
        // SSL_CTX_set_min_proto_version is a macro over SSL_CTX_ctrl.
        guard SSL_CTX_ctrl(context, SSL_CTRL_SET_MIN_PROTO_VERSION, Int(TLS1_2_VERSION), nil) == 1 else {
            throw .invalidConfiguration(reason: "cannot require TLS 1.2: \(ClientTLSContext.lastErrorText())")
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        guard SSL_CTX_set_default_verify_paths(context) == 1 else {
            throw .invalidConfiguration(reason: "cannot load the system trust store: \(ClientTLSContext.lastErrorText())")
        }
        if let certificateAuthorityFile {
            guard SSL_CTX_load_verify_locations(context, certificateAuthorityFile, nil) == 1 else {
                let detail = ClientTLSContext.lastErrorText()
                throw .invalidConfiguration(
                    reason: "cannot load CA certificates from \(certificateAuthorityFile) (a PEM file is expected): \(detail)")
            }
        }
        // Many servers close without close_notify; the body framing (Content-Length, chunked)
        // already detects truncation, so an unannounced close is treated as end of stream.
        // SSL_OP_IGNORE_UNEXPECTED_EOF is SSL_OP_BIT(7) in OpenSSL 3's ssl.h, a macro Swift cannot import.
        let ignoreUnexpectedEOF: UInt64 = 1 << 7
        SSL_CTX_set_options(context, ignoreUnexpectedEOF)
    }

    deinit { SSL_CTX_free(context) }

    /// The oldest error on this thread's OpenSSL error queue, as text, and clears the queue.
    static func lastErrorText() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return "unknown OpenSSL error" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
