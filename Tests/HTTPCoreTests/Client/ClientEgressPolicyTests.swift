import Testing

@testable import HTTPCore

@Suite struct ClientEgressPolicyTests {
    @Test(arguments: [
        ("127.0.0.1", AddressCategory.loopback), ("127.255.0.9", .loopback), ("::1", .loopback),
        ("10.1.2.3", .private), ("172.16.0.1", .private), ("172.31.255.255", .private), ("192.168.1.1", .private),
        ("fc00::1", .private), ("fd12:3456::1", .private),
        ("169.254.169.254", .linkLocal), ("169.254.0.1", .linkLocal), ("fe80::1", .linkLocal),
        ("0.0.0.0", .unspecified), ("0.1.2.3", .unspecified), ("::", .unspecified),
        ("224.0.0.1", .multicast), ("239.255.255.250", .multicast), ("ff02::1", .multicast),
        ("255.255.255.255", .broadcast), ("100.64.0.1", .sharedAddressSpace), ("100.127.255.255", .sharedAddressSpace),
        ("240.0.0.1", .reserved),
        ("::ffff:127.0.0.1", .loopback), ("::ffff:169.254.169.254", .linkLocal), ("::ffff:10.0.0.1", .private),
        ("64:ff9b::a00:1", .private), ("2002:7f00:1::", .loopback), ("::127.0.0.1", .loopback),
    ])
    func classifiesNonPublicAddress(text: String, category: AddressCategory) throws {
        let address = try #require(IPAddress(text))
        #expect(AddressCategory.of(address) == category)
    }

    @Test(arguments: [
        "8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "192.169.0.1",
        "2606:4700:4700::1111", "::ffff:8.8.8.8", "2002:808:808::",
    ])
    func treatsPublicAddressAsPublic(text: String) throws {
        let address = try #require(IPAddress(text))
        #expect(AddressCategory.of(address) == nil)
    }

    @Test func refusesLoopbackByDefaultWithActionableMessage() throws {
        let loopback = try #require(IPAddress("127.0.0.1"))
        let refusal = try #require(EgressPolicy().refusal(host: "127.0.0.1", address: loopback))
        #expect(refusal.description == "127.0.0.1 is a loopback address; add it to --egress-allow to reach internal APIs")
        let loopbackV6 = try #require(IPAddress("::1"))
        let named = try #require(EgressPolicy().refusal(host: "localhost", address: loopbackV6))
        #expect(named.description.hasPrefix("localhost resolves to ::1, a loopback address"))
    }

    @Test func parsesAllowListOfAddressesNetworksAndHosts() throws {
        let policy = try EgressPolicy(allowList: " 127.0.0.1, 10.0.0.0/8 ,hr.internal,[::1],fd00::/8,*.corp.example,")
        #expect(policy.allowedHosts == ["hr.internal", "*.corp.example"])
        #expect(policy.allowedNetworks.map(\.description) == ["127.0.0.1/32", "10.0.0.0/8", "::1/128", "fd00::/8"])
        let loopback = try #require(IPAddress("127.0.0.1"))
        #expect(policy.refusal(host: "127.0.0.1", address: loopback) == nil)
        #expect(policy.refusal(host: "x", address: try #require(IPAddress("10.200.0.1"))) == nil)
        #expect(policy.refusal(host: "x", address: try #require(IPAddress("127.0.0.2"))) != nil)
        #expect(policy.refusal(host: "x", address: try #require(IPAddress("::ffff:127.0.0.1"))) == nil)
        #expect(policy.refusal(host: "HR.internal", address: try #require(IPAddress("192.168.9.9"))) == nil)
        #expect(policy.refusal(host: "api.corp.example", address: try #require(IPAddress("192.168.9.9"))) == nil)
        #expect(policy.refusal(host: "corp.example", address: try #require(IPAddress("192.168.9.9"))) != nil)
    }

    @Test(arguments: ["10.0.0.0/33", "::1/129", "10.0.0.0/x", "hr internal", "bad!name", "-1/8"])
    func rejectsInvalidAllowListEntry(entry: String) {
        #expect(throws: EgressPolicyError.self) { try EgressPolicy(allowList: "127.0.0.1,\(entry)") }
    }

    @Test func matchesNetworkPrefixes() throws {
        let network = try #require(IPNetwork("172.16.5.4/12"))
        #expect(network.description == "172.16.0.0/12")
        #expect(network.contains(try #require(IPAddress("172.31.0.1"))))
        #expect(!network.contains(try #require(IPAddress("172.32.0.1"))))
        #expect(!network.contains(try #require(IPAddress("::ffff:172.16.0.1"))))
        let everything = try #require(IPNetwork("::/0"))
        #expect(everything.contains(try #require(IPAddress("2001:db8::1"))))
        let v6 = try #require(IPNetwork("2001:db8:0:0:8000::/65"))
        #expect(v6.contains(try #require(IPAddress("2001:db8::8000:0:0:1"))))
        #expect(!v6.contains(try #require(IPAddress("2001:db8::1"))))
    }

    @Test func printsAddressesInCanonicalForm() throws {
        #expect(try #require(IPAddress("192.168.0.1")) == .v4(0xC0A8_0001))
        #expect(try #require(IPAddress("0:0:0:0:0:0:0:1")).description == "::1")
        #expect(try #require(IPAddress("2001:DB8::0:1")).description == "2001:db8::1")
        #expect(IPAddress("127.1") == nil)
        #expect(IPAddress("localhost") == nil)
    }
}
