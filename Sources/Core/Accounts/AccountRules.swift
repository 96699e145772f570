import Foundation

/// The rules for what people type into account forms, with messages shown next to the field.
public enum AccountRules {
    public static let minimumPasswordLength = 12
    /// Long enough for any passphrase, short enough that hashing it is no denial of service.
    public static let maximumPasswordLength = 256

    /// A lower-cased, trimmed email, or a message saying what is wrong with it.
    public static func normalizedEmail(_ input: String) -> Result<String, FieldError> {
        let email = input.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
        else {
            return .failure(FieldError(field: "email", message: "Enter an email address like ann@example.com."))
        }
        return .success(email)
    }

    /// nil when the password is acceptable.
    public static func passwordProblem(_ password: String) -> FieldError? {
        if password.count < minimumPasswordLength {
            return FieldError(field: "password", message: "Use at least \(minimumPasswordLength) characters.")
        }
        if password.utf8.count > maximumPasswordLength {
            return FieldError(field: "password", message: "Use at most \(maximumPasswordLength) characters.")
        }
        return nil
    }

    /// A trimmed name of 1 to `limit` characters, or a message for the field.
    public static func name(_ input: String, field: String, label: String, limit: Int = 100) -> Result<String, FieldError> {
        let name = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return .failure(FieldError(field: field, message: "Enter \(label).")) }
        guard name.count <= limit else {
            return .failure(FieldError(field: field, message: "Keep \(label) under \(limit) characters."))
        }
        return .success(name)
    }

    /// A path on this site to return to after signing in; anything else (an absolute URL,
    /// `//evil.example`, a backslash trick) becomes nil so it can never redirect elsewhere.
    public static func safeReturnPath(_ input: String?) -> String? {
        guard let path = input, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
            !path.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 0x20 } == true }),
            path.count <= 2_000
        else { return nil }
        return path
    }
}

/// A problem with one form field, shown next to it.
public struct FieldError: Error, Equatable, Sendable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
