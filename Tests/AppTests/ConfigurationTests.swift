import App
import HTTPCore
import Testing

@Suite struct ConfigurationTests {
    @Test func flagsWinOverEnvironmentOverDefaults() throws {
        let config = try AppConfiguration.parse(
            arguments: ["--port", "9000", "--data=/var/lib/sb"],
            environment: ["SWITCHBOARD_PORT": "7000", "SWITCHBOARD_HOST": "0.0.0.0", "SWITCHBOARD_PUBLIC_URL": "https://sb.example.com/"])
        #expect(config.port == 9000)
        #expect(config.host == "0.0.0.0")
        #expect(config.dataDirectory == "/var/lib/sb")
        #expect(config.effectivePublicURL == "https://sb.example.com")
        #expect(config.publicOrigin == "https://sb.example.com")
        #expect(config.databasePath == "/var/lib/sb/switchboard.sqlite")
    }

    @Test func defaultsServeLoopbackOnPort8080() throws {
        let config = try AppConfiguration.parse(arguments: [], environment: [:])
        #expect(config.effectivePublicURL == "http://127.0.0.1:8080")
        #expect(config.signUpEnabled)
        #expect(!config.development)
    }

    @Test(arguments: [
        (["--port", "70000"], ConfigurationError.invalidValue(option: "port", value: "70000", expected: "a port number from 0 to 65535")),
        (["--port"], ConfigurationError.missingValue("--port")),
        (["--colour", "blue"], ConfigurationError.unknownOption("--colour")),
        (["serve"], ConfigurationError.unexpectedArgument("serve")),
        (["--public-url", "ftp://x"], ConfigurationError.invalidValue(option: "public-url", value: "ftp://x", expected: "an http:// or https:// URL")),
        (["--sign-up", "maybe"], ConfigurationError.invalidValue(option: "sign-up", value: "maybe", expected: "on or off")),
    ])
    func badValuesAreExplained(arguments: [String], expected: ConfigurationError) {
        #expect(throws: expected) { try AppConfiguration.parse(arguments: arguments, environment: [:]) }
    }

    @Test func egressAllowListIsParsedAndCheckedAtStart() throws {
        let config = try AppConfiguration.parse(arguments: ["--egress-allow", "127.0.0.1,10.0.0.0/8,hr.internal"], environment: [:])
        #expect(config.egressPolicy == (try EgressPolicy(allowList: "127.0.0.1,10.0.0.0/8,hr.internal")))
        #expect(throws: ConfigurationError.self) { try AppConfiguration.parse(arguments: ["--egress-allow", "10.0.0.0/99"], environment: [:]) }
    }

    @Test func trustedProxiesAreAddressesOrNetworks() throws {
        let config = try AppConfiguration.parse(arguments: [], environment: ["SWITCHBOARD_TRUSTED_PROXY": "127.0.0.1, 10.0.0.0/8"])
        #expect(config.trustedProxies == ["127.0.0.1", "10.0.0.0/8"].compactMap { IPNetwork($0) })
        #expect(try AppConfiguration.parse(arguments: [], environment: [:]).trustedProxies.isEmpty)
        #expect(throws: ConfigurationError.self) { try AppConfiguration.parse(arguments: ["--trusted-proxy", "proxy.internal"], environment: [:]) }
    }

    @Test func forwardProxyAndNoProxyListReachTheOutboundClient() throws {
        let config = try AppConfiguration.parse(
            arguments: ["--no-proxy", "localhost,.internal,10.0.0.0/8"],
            environment: ["SWITCHBOARD_HTTP_PROXY": "http://agent:s3cret@proxy.corp:3128"])
        let proxy = try #require(config.outboundProxy)
        #expect(proxy.description == "http://agent:***@proxy.corp:3128")
        #expect(proxy.noProxy == (try NoProxyList("localhost,.internal,10.0.0.0/8")))
        #expect(try AppServices.makeHTTPClient(config).configuration.proxy == proxy)
        #expect(try AppConfiguration.parse(arguments: ["--no-proxy", "*"], environment: [:]).outboundProxy == nil)
        let everythingDirect = try AppConfiguration.parse(arguments: ["--http-proxy", "http://proxy.corp:3128", "--no-proxy", "*"], environment: [:])
        #expect(everythingDirect.outboundProxy?.isUsed(for: try HTTPURL("https://api.example.com/")) == false)
    }

    @Test func badProxyValuesAreExplainedWithoutThePassword() {
        #expect(
            throws: ConfigurationError.invalidValue(
                option: "http-proxy", value: "https://agent:***@proxy.corp:3128",
                expected: "http://[user:password@]host:port (a proxy reached over TLS (https://) is not supported; use http://host:port)")
        ) { try AppConfiguration.parse(arguments: ["--http-proxy", "https://agent:s3cret@proxy.corp:3128"], environment: [:]) }
        #expect(
            throws: ConfigurationError.invalidValue(
                option: "no-proxy", value: "localhost,exa mple",
                expected: "a comma-separated list; a no-proxy entry is *, a host name (.example.com), an IP address or a CIDR block "
                    + "(10.0.0.0/8), and \"exa mple\" is none of these")
        ) { try AppConfiguration.parse(arguments: [], environment: ["SWITCHBOARD_NO_PROXY": "localhost,exa mple"]) }
    }

    @Test func usageListsEveryOptionWithItsVariable() {
        for name in [
            "--host", "--port", "--data", "--public-url", "--egress-allow", "--trusted-proxy", "--http-proxy", "SWITCHBOARD_NO_PROXY",
            "SWITCHBOARD_SIGN_UP", "SWITCHBOARD_CA_FILE",
        ] {
            #expect(AppConfiguration.usage.contains(name))
        }
    }
}
