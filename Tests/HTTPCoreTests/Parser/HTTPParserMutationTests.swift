import Testing

@testable import HTTPCore

/// Mutated requests: whatever the bytes, the parser answers the same whether it gets them
/// whole or one by one, and never traps.
@Suite struct HTTPParserMutationTests {
    /// SplitMix64: a fixed seed gives the same cases on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static let seeds: [[UInt8]] = [
        Array("POST /a?b=c HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello".utf8),
        Array("POST /u HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n0\r\nT: v\r\n\r\n".utf8),
        Array("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n".utf8),
    ]

    /// The outcome of parsing: the bodies and completeness of each request, or the error kind.
    func outcome(_ pieces: [[UInt8]]) -> String {
        do {
            let requests = try ParserDriver.parse(pieces, limits: HTTPParserLimits(maxHeaderBytes: 256, maxHeaderCount: 8, maxURIBytes: 64))
            return requests.map { "\($0.head.method) \($0.head.target) \($0.body) \($0.complete)" }.joined(separator: "|")
        } catch {
            return error.kind.rawValue
        }
    }

    @Test(arguments: 0..<3)
    func givesTheSameAnswerWholeAndByteByByte(seedIndex: Int) {
        var generator = Generator(state: UInt64(seedIndex + 1))
        let interesting: [UInt8] = [0, 9, 10, 13, 32, 44, 45, 48, 58, 59, 70, 102, 127, 255]
        for _ in 0..<400 {
            var message = Self.seeds[seedIndex]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<message.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: message[position] = interesting.randomElement(using: &generator) ?? 0
                case 1: message.remove(at: position)
                default: message.insert(interesting.randomElement(using: &generator) ?? 0, at: position)
                }
            }
            let whole = outcome([message])
            let byByte = outcome(message.map { [$0] })
            #expect(whole == byByte, "\(message)")
        }
    }
}
