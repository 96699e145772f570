import Foundation
import HTTPCore

extension AppConfiguration {
    /// The options `switchboard serve` understands; each has a flag and an environment variable.
    enum Option: String, CaseIterable {
        case host, port, data, resources, dev
        case publicURL = "public-url"
        case logLevel = "log-level"
        case signUp = "sign-up"
        case egressAllow = "egress-allow"
        case trustedProxy = "trusted-proxy"
        case caFile = "ca-file"
        case httpProxy = "http-proxy"
        case noProxy = "no-proxy"
        case llmURL = "llm-url"
        case llmKey = "llm-key"
        case llmModel = "llm-model"
        case confirmMinutes = "confirm-minutes"

        var environmentName: String {
            "SWITCHBOARD_" + rawValue.uppercased().replacingOccurrences(of: "-", with: "_")
        }

        var isFlag: Bool { self == .dev }

        var placeholder: String {
            switch self {
            case .host: "ADDRESS"
            case .port: "PORT"
            case .data, .resources: "DIR"
            case .dev: ""
            case .publicURL: "URL"
            case .logLevel: "LEVEL"
            case .signUp: "on|off"
            case .egressAllow, .trustedProxy, .noProxy: "LIST"
            case .caFile: "FILE"
            case .llmURL, .httpProxy: "URL"
            case .llmKey: "KEY"
            case .llmModel: "NAME"
            case .confirmMinutes: "MINUTES"
            }
        }

        var help: String {
            switch self {
            case .host: "address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)"
            case .port: "TCP port (default 8080; 0 picks a free one)"
            case .data: "folder for the database and the master key file (default ./data)"
            case .resources: "folder holding Public/, Views/ and Migrations/ (default .)"
            case .dev: "development mode: reload changed templates, debug logging"
            case .publicURL: "URL users reach this server at, e.g. https://switchboard.example.com"
            case .logLevel: "debug, info, warning or error (default info)"
            case .signUp: "whether the sign-up page creates companies (default on)"
            case .egressAllow: "private hosts/networks outbound calls may reach, e.g. 127.0.0.1,10.0.0.0/8,hr.internal"
            case .trustedProxy: "reverse proxies (addresses or networks, e.g. 127.0.0.1,10.0.0.0/8) whose X-Forwarded-For names the client"
            case .caFile: "extra CA bundle (PEM) to trust for internal APIs"
            case .httpProxy: "forward proxy for outbound calls, e.g. http://user:password@proxy.corp:3128 (https goes through CONNECT)"
            case .noProxy: "hosts reached without --http-proxy, like curl's NO_PROXY: localhost,.internal,10.0.0.0/8 (* for none)"
            case .llmURL: "OpenAI-compatible API base URL, e.g. https://api.openai.com/v1 (default: the built-in offline model)"
            case .llmKey: "API key for --llm-url (sent only to it, as a bearer token)"
            case .llmModel: "model name for --llm-url, e.g. gpt-4o-mini"
            case .confirmMinutes: "how long a write waits for the user's Confirm before it expires (default 15)"
            }
        }

        private func boolean(_ value: String) throws(ConfigurationError) -> Bool {
            let words = ["true": true, "1": true, "yes": true, "on": true, "false": false, "0": false, "no": false, "off": false]
            guard let on = words[value.lowercased()] else { throw .invalidValue(option: rawValue, value: value, expected: "on or off") }
            return on
        }

        func apply(_ value: String, to config: inout AppConfiguration) throws(ConfigurationError) {
            switch self {
            case .host:
                config.host = value
            case .port:
                guard let port = Int(value), (0...65535).contains(port) else {
                    throw .invalidValue(option: rawValue, value: value, expected: "a port number from 0 to 65535")
                }
                config.port = port
            case .data:
                config.dataDirectory = value
            case .resources:
                config.resourcesDirectory = value
            case .dev:
                config.development = try boolean(value)
                if config.development { config.logLevel = .debug }
            case .signUp:
                config.signUpEnabled = try boolean(value)
            case .egressAllow:
                do {
                    config.egressPolicy = try EgressPolicy(allowList: value)
                } catch {
                    throw .invalidValue(option: rawValue, value: value, expected: error.description)
                }
            case .trustedProxy:
                var networks: [IPNetwork] = []
                for entry in value.split(separator: ",") {
                    let text = entry.trimmingCharacters(in: .whitespaces)
                    guard let network = IPNetwork(text) else {
                        throw .invalidValue(option: rawValue, value: value, expected: "IP addresses or networks like 10.0.0.0/8, separated by commas (\"\(text)\" is neither)")
                    }
                    networks.append(network)
                }
                config.trustedProxies = networks
            case .caFile:
                config.certificateAuthorityFile = value
            case .httpProxy:
                do {
                    config.httpProxy = try ProxyConfiguration(url: value)
                } catch {
                    throw .invalidValue(option: rawValue, value: error.text, expected: "http://[user:password@]host:port (\(error.reason))")
                }
            case .noProxy:
                do {
                    config.noProxy = try NoProxyList(value)
                } catch {
                    throw .invalidValue(option: rawValue, value: value, expected: "a comma-separated list; \(error.reason), and \"\(error.text)\" is none of these")
                }
            case .llmURL:
                guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                    throw .invalidValue(option: rawValue, value: value, expected: "an http:// or https:// URL")
                }
                config.llmURL = value
            case .llmKey:
                config.llmKey = value
            case .llmModel:
                config.llmModel = value
            case .confirmMinutes:
                guard let minutes = Double(value), minutes > 0, minutes <= 24 * 60 else {
                    throw .invalidValue(option: rawValue, value: value, expected: "minutes from 1 to 1440")
                }
                config.pendingActionLifetime = minutes * 60
            case .publicURL:
                guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                    throw .invalidValue(option: rawValue, value: value, expected: "an http:// or https:// URL")
                }
                config.publicURL = value
            case .logLevel:
                let levels: [String: Logger.Level] = ["debug": .debug, "info": .info, "warning": .warning, "error": .error]
                guard let level = levels[value.lowercased()] else {
                    throw .invalidValue(option: rawValue, value: value, expected: "debug, info, warning or error")
                }
                config.logLevel = level
            }
        }
    }
}
