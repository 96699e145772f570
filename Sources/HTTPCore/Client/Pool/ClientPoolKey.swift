/// What makes two connections interchangeable: the same scheme, host and port.
struct ClientPoolKey: Hashable, Sendable {
    let scheme: HTTPURL.Scheme
    let host: String
    let port: Int

    init(_ url: HTTPURL) {
        scheme = url.scheme
        host = url.host
        port = url.port
    }
}
