/// A `curl` command from an example, read for what it says about the request
/// (curl(1): `-X`, `-H`, `-d`, `--json`, `-F`, `-u`, `-G`).
struct CurlCommand {
    /// The method: `-X`, else POST when a body is given (GET with `-G`), else GET.
    var method: String
    /// The URL as written.
    var url: String
    /// Header fields as name and value.
    var headers: [(name: String, value: String)]
    /// The `-d`/`--data*`/`--json` arguments, in order.
    var dataArguments: [String]
    /// The `-F`/`--form` fields as name and value.
    var formFields: [(name: String, value: String)]
    /// Whether `-u`/`--user` gave credentials (HTTP basic authentication).
    var usesBasicAuthentication: Bool
    /// Whether `-G`/`--get` puts the data in the query string.
    var sendsDataInQuery: Bool

    /// Options whose next word is their argument and says nothing about the API.
    private static let optionsWithIgnoredArgument: Set<String> = [
        "-o", "--output", "-A", "--user-agent", "-e", "--referer", "-b", "--cookie", "-c", "--cookie-jar", "-m",
        "--max-time", "--connect-timeout", "-w", "--write-out", "-T", "--upload-file", "-x", "--proxy", "--retry",
        "--cacert", "--cert", "--key", "-E", "--resolve", "--limit-rate", "-r", "--range", "--max-redirs", "-K", "--config",
    ]
    private static let dataOptions: Set<String> = [
        "-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--data-urlencode", "--json",
    ]

    /// Reads the words of a command starting with `curl`; nil when it names no URL.
    init?(words: [String]) {
        guard words.first == "curl" else { return nil }
        var method: String?
        var url: String?
        headers = []
        dataArguments = []
        formFields = []
        usesBasicAuthentication = false
        sendsDataInQuery = false
        var isJSONOption = false
        var index = 1
        func argument() -> String? {
            index += 1
            return index < words.count ? words[index] : nil
        }
        while index < words.count {
            var word = words[index]
            var inlineValue: String?
            // `--request=POST` and `-XPOST` carry their value in the same word.
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                inlineValue = String(word[word.index(after: equals)...])
                word = String(word[..<equals])
            } else if word.hasPrefix("-"), !word.hasPrefix("--"), word.count > 2, "XHdFuo".contains(word.dropFirst().prefix(1)) {
                inlineValue = String(word.dropFirst(2))
                word = String(word.prefix(2))
            }
            let value = { inlineValue ?? argument() }
            switch word {
            case "-X", "--request":
                method = value()?.uppercased()
            case "-H", "--header":
                if let header = value(), let colon = header.firstIndex(of: ":") {
                    headers.append((header[..<colon].trimmingSpaces(), header[header.index(after: colon)...].trimmingSpaces()))
                }
            case _ where Self.dataOptions.contains(word):
                if let data = value() { dataArguments.append(data) }
                isJSONOption = isJSONOption || word == "--json"
            case "-F", "--form":
                if let field = value() {
                    let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    if let name = parts.first, !name.isEmpty { formFields.append((String(name), parts.count > 1 ? String(parts[1]) : "")) }
                }
            case "-u", "--user":
                _ = value()
                usesBasicAuthentication = true
            case "-G", "--get":
                sendsDataInQuery = true
            case "--url":
                url = value()
            case _ where Self.optionsWithIgnoredArgument.contains(word):
                _ = value()
            default:
                if !word.hasPrefix("-"), url == nil, word.contains("/") || word.contains(".") { url = word }
            }
            index += 1
        }
        guard let url else { return nil }
        self.url = url
        if isJSONOption, !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            headers.append(("Content-Type", "application/json"))
        }
        let hasBody = !dataArguments.isEmpty || !formFields.isEmpty
        self.method = method ?? (hasBody && !sendsDataInQuery ? "POST" : "GET")
    }

    /// The value of the first header named `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
