/// Word lists the action namer reads: verbs that start an imperative name, their canonical
/// spelling, acronyms and the small words Title Case leaves lowercase.
enum NamingVocabulary {
    /// Base-form verbs that may start an action name or end a path (`/orders/{id}/cancel`).
    static let verbs: WordTable<Void> = [
        "get", "list", "create", "update", "delete", "remove", "add", "fetch", "retrieve", "read", "find", "search",
        "query", "send", "post", "set", "replace", "edit", "modify", "cancel", "close", "open", "archive", "unarchive",
        "restore", "approve", "reject", "decline", "accept", "assign", "unassign", "attach", "detach", "append",
        "upload", "download", "import", "export", "start", "stop", "pause", "resume", "restart", "run", "execute",
        "trigger", "enable", "disable", "activate", "deactivate", "reactivate", "suspend", "unsuspend", "lock", "unlock",
        "verify", "validate", "confirm", "capture", "authorize", "refund", "void", "pay", "finalize", "publish",
        "unpublish", "submit", "reset", "revoke", "rotate", "generate", "invite", "login", "logout", "register",
        "subscribe", "unsubscribe", "sync", "test", "check", "count", "move", "copy", "clone", "merge", "mark",
        "reopen", "complete", "apply", "schedule", "reschedule", "end", "join", "leave", "share", "unshare", "pin",
        "unpin", "star", "unstar", "follow", "unfollow", "notify", "expand", "preview", "calculate", "convert", "link",
        "unlink", "block", "unblock", "mute", "unmute", "kick", "invalidate", "refresh", "renew", "reply", "forward",
        "render", "save", "sign", "tag", "untag", "upsert", "watch", "unwatch", "purge", "clear", "expire",
        "exchange", "introspect", "grant", "resend", "retry", "redeliver", "deliver", "process", "scan",
        "install", "uninstall", "lookup", "describe", "view", "show", "invoke", "rename", "report", "batch",
        "bulk", "estimate", "verify", "resolve", "reverse", "dismiss", "snooze", "unsnooze", "fill", "translate",
        "transfer", "reorder", "sort", "filter", "aggregate", "increment", "decrement", "toggle", "disconnect",
        "connect", "authenticate", "reconcile", "release", "hold", "unhold", "evaluate", "simulate", "provision",
        "deprovision", "bind", "unbind", "enroll", "unenroll", "clone", "upgrade", "downgrade", "migrate", "print",
        "buy", "sell", "purchase", "redeem", "adjust", "accumulate", "clone", "redact", "push", "void", "recalculate", "unlist", "duplicate", "reassign",
    ]

    /// Verbs written another way in names ("Retrieve Customer" → "Get Customer").
    static let canonicalVerbs: WordTable<String> = WordTable([
        "fetch": "get", "retrieve": "get", "read": "get", "show": "get", "view": "get", "describe": "get",
        "lookup": "look up", "modify": "update", "edit": "update",
    ])

    /// Verbs that also name things: a segment like "login_links" or "export_jobs" is a noun.
    static let nounLikeVerbs: WordTable<Void> = [
        "login", "logout", "search", "export", "import", "upload", "download", "sync", "batch", "bulk", "test", "transfer",
        "report", "release", "hold", "copy", "print", "view", "share", "link", "tag", "pin", "star", "watch", "schedule",
        "merge", "count", "filter", "sort", "pay", "refund", "invite", "check", "run", "scan", "request", "purchase",
        "estimate", "reply", "forward", "translate", "trigger", "process",
    ]

    /// Verbs after which the object is a collection ("Search Customers", "List Orders").
    static let collectionVerbs: WordTable<Void> = ["list", "search", "count", "export", "query", "batch", "bulk", "sort", "filter"]

    /// How acronyms are written ("id" → "ID").
    static let acronyms: WordTable<String> = WordTable([
        "id": "ID", "ids": "IDs", "url": "URL", "urls": "URLs", "uri": "URI", "sms": "SMS", "mms": "MMS", "api": "API",
        "apis": "APIs", "oauth": "OAuth", "oauth2": "OAuth2", "http": "HTTP", "https": "HTTPS", "json": "JSON",
        "xml": "XML", "csv": "CSV", "pdf": "PDF", "ip": "IP", "ips": "IPs", "sso": "SSO", "saml": "SAML",
        "scim": "SCIM", "jwt": "JWT", "jwks": "JWKS", "mfa": "MFA", "otp": "OTP", "uuid": "UUID", "dns": "DNS",
        "ssl": "SSL", "tls": "TLS", "ach": "ACH", "vat": "VAT", "sku": "SKU", "skus": "SKUs", "crm": "CRM",
        "ui": "UI", "ux": "UX", "faq": "FAQ", "faqs": "FAQs", "sip": "SIP", "pii": "PII", "gdpr": "GDPR", "2fa": "2FA",
        "iot": "IoT", "ai": "AI", "vm": "VM", "vms": "VMs", "cpu": "CPU", "ssh": "SSH", "gpg": "GPG", "pgp": "PGP",
        "ldap": "LDAP", "oidc": "OIDC", "totp": "TOTP", "mx": "MX", "cname": "CNAME", "eu": "EU", "us": "US",
        "utc": "UTC", "iso": "ISO", "html": "HTML", "css": "CSS", "js": "JS", "acl": "ACL", "acls": "ACLs",
        "rbac": "RBAC", "kyc": "KYC", "hr": "HR", "pto": "PTO", "eta": "ETA", "qr": "QR", "nfc": "NFC",
        "ivr": "IVR", "cdr": "CDR", "did": "DID", "iam": "IAM", "scim2": "SCIM2", "oauth1": "OAuth1", "dnd": "DND", "openid": "OpenID",
    ])

    /// Words Title Case leaves lowercase unless first (Chicago-style short words).
    static let smallWords: WordTable<Void> = [
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "per", "the", "to", "via", "with",
    ]

    /// How a lowercase word is written as an acronym ("ids" → "IDs"), if it is one.
    static func acronym(_ lower: String) -> String? {
        acronyms[lower]
    }

    /// Whether the word, in any case, is one of `smallWords`.
    static func isSmallWord(_ word: String) -> Bool {
        smallWords.contains(LetterCase.lowercased(word))
    }

    /// Whether the word, in any case, is one of `verbs`.
    static func isVerb(_ word: String) -> Bool {
        verbs.contains(LetterCase.lowercased(word))
    }

    /// Words a name can do without ("List all customers" → "List Customers").
    static let fillerWords: WordTable<Void> = ["a", "an", "the", "all", "given", "specified", "specific", "existing", "new", "single", "one"]

    /// Whether the word, in any case, is one of `fillerWords`.
    static func isFillerWord(_ word: String) -> Bool {
        fillerWords.contains(LetterCase.lowercased(word))
    }

    /// Path segments that only say "this is an API" or name a version.
    static func isNoiseSegment(_ segment: Substring) -> Bool {
        var contiguous = segment
        if let answer = contiguous.withUTF8(isNoiseSegment(utf8:)) { return answer }
        let lower = segment.lowercased()
        if lower == "api" || lower == "apis" || lower == "rest" || lower == "restapi" || lower.isEmpty { return true }
        if lower.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "." }) { return true }
        // v1, v2beta1, v3.1, v2_1
        guard lower.first == "v", lower.count > 1, let second = lower.dropFirst().first, second.isNumber else { return false }
        return lower.dropFirst().allSatisfy { $0.isNumber || $0.isLetter || $0 == "." || $0 == "_" }
            && lower.dropFirst().prefix(while: \.isNumber).count <= 4
    }

    /// `isNoiseSegment` for a word, read from its bytes in place when they tell.
    static func isNoiseSegment(_ word: String) -> Bool {
        LetterCase.withBytes(of: word, isNoiseSegment(utf8:)) ?? isNoiseSegment(Substring(word))
    }

    /// `isNoiseSegment` read from a segment's UTF-8 bytes (an ASCII Character is one byte: a
    /// number is 0–9, a letter a–z in any case); `nil` for a segment that takes Unicode to tell.
    static func isNoiseSegment(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        // Most segments start with a letter no noise segment starts with ("api", "rest", "v2"):
        // those are answered from the first byte.
        if let first = bytes.first.map(LetterCase.lowercase), LetterCase.isASCIILowercase(first),
            first != UInt8(ascii: "a"), first != UInt8(ascii: "r"), first != UInt8(ascii: "v")
        {
            return false
        }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isWord(_ lowercaseWord: StaticString) -> Bool {
            bytes.count == lowercaseWord.utf8CodeUnitCount
                && zip(bytes, UnsafeBufferPointer(start: lowercaseWord.utf8Start, count: lowercaseWord.utf8CodeUnitCount))
                    .allSatisfy { LetterCase.lowercase($0) == $1 }
        }
        if bytes.isEmpty || isWord("api") || isWord("apis") || isWord("rest") || isWord("restapi") { return true }
        if bytes.allSatisfy({ LetterCase.isASCIIDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) { return true }
        // v1, v2beta1, v3.1, v2_1
        guard bytes.count > 1, LetterCase.lowercase(bytes[0]) == UInt8(ascii: "v"), LetterCase.isASCIIDigit(bytes[1]) else { return false }
        let afterV = bytes.dropFirst()
        return afterV.allSatisfy { byte in
            LetterCase.isASCIIDigit(byte) || LetterCase.isASCIILowercase(LetterCase.lowercase(byte)) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
        } && afterV.prefix(while: LetterCase.isASCIIDigit).count <= 4
    }
}
