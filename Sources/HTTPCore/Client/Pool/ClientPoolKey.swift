/// What makes two connections interchangeable: the same scheme, host and port, and both direct
/// or both through the proxy (a tunnel and a direct connection to one host are not the same).
struct ClientPoolKey: Hashable, Sendable {
    let scheme: HTTPURL.Scheme
    let host: String
    let port: Int
    let proxied: Bool

    init(_ url: HTTPURL, proxied: Bool = false) {
        scheme = url.scheme
        host = url.host
        port = url.port
        self.proxied = proxied
    }
}
