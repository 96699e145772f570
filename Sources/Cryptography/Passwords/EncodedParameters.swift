/// The parameters of a PHC argon2id string: `$argon2id$v=19$m=65536,t=3,p=2$<salt>$<hash>`.
struct EncodedParameters: Equatable {
    let version: UInt32
    let memoryKiB: UInt32
    let iterations: UInt32
    let parallelism: UInt32
    let hashByteCount: Int

    /// Parses the string; nil when it is not an argon2id encoded hash.
    init?(_ encoded: String) {
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
        // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
        guard fields.count == 6, fields[0].isEmpty, fields[1] == "argon2id",
            fields[2].hasPrefix("v="), let version = UInt32(fields[2].dropFirst(2))
        else { return nil }
        var costs: [Substring: UInt32] = [:]
        for pair in fields[3].split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = UInt32(parts[1]) else { return nil }
            costs[parts[0]] = value
        }
        guard costs.count == 3, let memory = costs["m"], let iterations = costs["t"], let parallelism = costs["p"],
            Self.isUnpaddedBase64(fields[4]), Self.isUnpaddedBase64(fields[5])
        else { return nil }
        self.version = version
        self.memoryKiB = memory
        self.iterations = iterations
        self.parallelism = parallelism
        // PHC strings use standard base64 without padding: every 4 characters are 3 bytes.
        self.hashByteCount = fields[5].utf8.count * 3 / 4
    }

    private static func isUnpaddedBase64(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.count % 4 != 1
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
            }
    }
}
