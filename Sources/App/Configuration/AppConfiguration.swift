import HTTPCore

/// Everything an operator can set, from flags or `SWITCHBOARD_*` environment variables.
///
/// Flags win over the environment, the environment over the defaults. ``usage`` is the `--help` text.
public struct AppConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Folder for the SQLite database and the master key file; created when missing.
    public var dataDirectory = "./data"
    /// Folder of the project's `Public/`, `Views/` and `Migrations/` (the working directory by default).
    public var resourcesDirectory = "."
    /// Reload changed templates on each render and log debug lines.
    public var development = false
    /// The URL people reach this server at; OAuth redirect URIs and cookie `Secure` follow from it.
    public var publicURL: String?
    public var logLevel: Logger.Level = .info
    /// Whether anyone may create a company from the sign-up page (operators can use `create-company` instead).
    public var signUpEnabled = true
    /// Hosts and networks outbound calls may reach although private (`127.0.0.1,10.0.0.0/8,hr.internal`).
    public var egressPolicy = EgressPolicy()
    /// Reverse proxies whose `X-Forwarded-For` is believed; none by default, so a client
    /// cannot pick the address sign-in throttling counts.
    public var trustedProxies: [IPNetwork] = []
    /// An extra CA bundle (PEM) trusted for internal APIs, beside the system's.
    public var certificateAuthorityFile: String?
    /// The forward proxy outbound calls go through (`--http-proxy`), without its no-proxy list.
    public var httpProxy: ProxyConfiguration?
    /// The hosts outbound calls reach without the proxy (`--no-proxy`).
    public var noProxy: NoProxyList?
    /// An OpenAI-compatible chat-completions endpoint; without one the built-in offline model answers.
    public var llmURL: String?
    public var llmKey: String?
    public var llmModel: String?
    /// How long a write waits for the member's Confirm before it expires, in seconds.
    public var pendingActionLifetime: Double = 15 * 60

    public init() {}

    public var publicDirectory: String { resourcesDirectory + "/Public" }
    public var viewsDirectory: String { resourcesDirectory + "/Views" }
    public var migrationsDirectory: String { resourcesDirectory + "/Migrations" }
    public var databasePath: String { dataDirectory + "/switchboard.sqlite" }

    /// The public URL, or `http://host:port` when none is configured.
    public var effectivePublicURL: String {
        if let publicURL { return publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL }
        let shownHost = host == "0.0.0.0" || host == "::" ? "localhost" : host
        return "http://\(shownHost):\(port)"
    }

    /// `--http-proxy` with the `--no-proxy` list, as the outbound clients use it; nil without a proxy.
    public var outboundProxy: ProxyConfiguration? {
        guard var proxy = httpProxy else { return nil }
        if let noProxy { proxy.noProxy = noProxy }
        return proxy
    }

    /// The scheme, host and port of the public URL, as browsers send it in `Origin`.
    public var publicOrigin: String {
        let url = effectivePublicURL
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.split(separator: "/", maxSplits: 1).first.map(String.init) ?? String(rest)
        return url[..<schemeEnd.upperBound] + host
    }

    /// Reads flags (`--port 8080` or `--port=8080`) over environment variables over defaults.
    public static func parse(arguments: [String], environment: [String: String]) throws(ConfigurationError) -> AppConfiguration {
        var config = AppConfiguration()
        var values: [String: String] = [:]
        for option in Option.allCases {
            if let value = environment[option.environmentName] { values[option.rawValue] = value }
        }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--") else { throw .unexpectedArgument(argument) }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = Option(rawValue: name) else { throw .unknownOption(argument) }
            if option.isFlag {
                values[name] = value ?? "true"
            } else {
                if value == nil {
                    index += 1
                    guard index < arguments.count else { throw .missingValue(argument) }
                    value = arguments[index]
                }
                values[name] = value
            }
            index += 1
        }
        for (name, value) in values {
            guard let option = Option(rawValue: name) else { continue }
            try option.apply(value, to: &config)
        }
        return config
    }

    /// The `--help` text for `switchboard serve`.
    public static var usage: String {
        var lines = ["Options (flag, or environment variable):"]
        for option in Option.allCases {
            let flag = option.isFlag ? "--\(option.rawValue)" : "--\(option.rawValue) \(option.placeholder)"
            lines.append("  \(flag.padding(toLength: 28, withPad: " ", startingAt: 0))\(option.environmentName)")
            lines.append("      \(option.help)")
        }
        return lines.joined(separator: "\n")
    }
}

/// A configuration value that cannot be used, said so the operator can fix it.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case unexpectedArgument(String)
    case unknownOption(String)
    case missingValue(String)
    case invalidValue(option: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .unexpectedArgument(let a): "unexpected argument “\(a)” (see --help)"
        case .unknownOption(let o): "unknown option \(o) (see --help)"
        case .missingValue(let o): "\(o) needs a value"
        case .invalidValue(let o, let v, let e): "--\(o) “\(v)”: expected \(e)"
        }
    }
}
