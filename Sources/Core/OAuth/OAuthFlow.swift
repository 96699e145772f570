import Cryptography
import Foundation
import HTTPCore
import SQLite

/// The OAuth 2.0 authorization code flow with PKCE for one company: ``start(integrationID:userID:sessionIDHash:returnPath:pendingActionID:)``
/// gives the provider's authorization URL, and the one callback route hands what comes back
/// to ``complete(state:code:error:errorDescription:sessionIDHash:userID:)``.
///
/// The `state` (RFC 6749 §10.12) is random, single use, valid ten minutes, and bound to the
/// session, the user, the integration and a relative return path; only its SHA-256 is stored,
/// beside the PKCE verifier sealed by the vault. Blocks the calling thread during the token
/// exchange (the HTTP client does).
///
/// ```swift
/// let flow = OAuthFlow(database: db, companyID: company.id, vault: vault, client: client,
///                      redirectURI: publicURL + "/oauth/callback")
/// let url = try flow.start(integrationID: id, userID: user.id, sessionIDHash: session.idHash,
///                          returnPath: "/connections", pendingActionID: nil)
/// // … the browser goes to `url`, the provider redirects to /oauth/callback?code=…&state=…
/// switch try flow.complete(state: state, code: code, error: error, sessionIDHash: session.idHash, userID: user.id) {
/// case .connected(let back): redirect(to: back.returnPath)
/// case .refused(let refusal, let back): showTryAgain(refusal.message, back)
/// }
/// ```
public struct OAuthFlow: Sendable {
    /// The database.
    public let database: Database
    /// The company.
    public let companyID: String
    /// Seals the PKCE verifier and opens the client secret.
    public let vault: SecretVault
    /// Sends the token request (the egress-guarded ``HTTPClient`` in production).
    public let client: any HTTPSending
    /// The callback URL registered at the provider: `<public URL>/oauth/callback`.
    public let redirectURI: String
    /// The time source for expiry.
    public let clock: WallClock

    /// How long a state stays usable (ten minutes).
    public static let stateLifetime: TimeInterval = 600
    /// How long used and expired states are kept, so a late callback gets "expired" or "already
    /// used" rather than "not valid".
    static let stateRetention: TimeInterval = 86_400
    /// The longest state accepted from a callback; ours are 43 characters.
    static let maximumStateLength = 512

    /// Creates the flow of one company.
    public init(
        database: Database, companyID: String, vault: SecretVault, client: any HTTPSending, redirectURI: String, clock: WallClock = .system
    ) {
        self.database = database
        self.companyID = companyID
        self.vault = vault
        self.client = client
        self.redirectURI = redirectURI
        self.clock = clock
    }

    /// Stores a new state and returns the authorization URL to send the browser to
    /// (RFC 6749 §4.1.1 with RFC 7636 §4.3): `response_type=code`, `client_id`, `redirect_uri`,
    /// `scope` (space-joined), `state`, `code_challenge`, `code_challenge_method=S256`, then the
    /// integration's extra authorization parameters.
    ///
    /// Throws ``OAuthFlowError/invalidReturnPath`` for anything but a path on this server,
    /// ``OAuthFlowError/notOAuth``, ``DomainError`` `notFound` for an unknown integration or
    /// non-member, `forbidden` when a member who is not an admin connects the company's
    /// (global) connection, and `conflict` for a client-credentials integration (nobody signs in).
    public func start(
        integrationID: String, userID: String, sessionIDHash: String, returnPath: String, pendingActionID: String?
    ) throws -> String {
        guard ReturnPath.isValid(returnPath) else { throw OAuthFlowError.invalidReturnPath }
        let now = clock.now()
        let state = try SecureRandom.token(byteCount: 32)
        let verifier = try PKCE.makeVerifier()
        let id = try Identifier.make()
        let settings = try database.write { conn in
            let integration = try OAuthIntegration.load(conn, companyID: companyID, integrationID: integrationID, vault: vault)
            guard integration.settings.grant == .authorizationCode else {
                throw DomainError(.conflict, "This integration gets its tokens with its client credentials: there is nothing to connect.")
            }
            guard let row = try conn.queryOne("SELECT role FROM memberships WHERE company_id = ? AND user_id = ?", companyID, userID),
                let role = Role(rawValue: try row["role"])
            else { throw DomainError(.notFound, "No such member.") }
            if integration.scope == .global, role < .admin {
                throw DomainError(.forbidden, "Only an admin can connect the company's account.")
            }
            try conn.execute(
                "DELETE FROM oauth_states WHERE company_id = ? AND expires_at < ?", companyID, now.addingTimeInterval(-Self.stateRetention))
            let sealed = try vault.seal(verifier, for: .oauthState(companyID: companyID, id: id))
            try conn.execute(
                """
                INSERT INTO oauth_states (company_id, id, state_hash, session_id_hash, user_id, integration_id,
                                          code_verifier_ciphertext, key_id, return_path, pending_action_id, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, companyID, id, Self.hash(state), sessionIDHash, userID, integrationID, sealed.ciphertext, sealed.keyID, returnPath,
                pendingActionID, now, now.addingTimeInterval(Self.stateLifetime))
            return integration.settings
        }
        var parameters = [
            ("response_type", "code"), ("client_id", settings.clientID), ("redirect_uri", redirectURI),
        ]
        if !settings.scopes.isEmpty { parameters.append(("scope", settings.scopes.joined(separator: " "))) }
        parameters += [("state", state), ("code_challenge", PKCE.challenge(for: verifier)), ("code_challenge_method", PKCE.method)]
        parameters += settings.extraAuthorizationParameters.map { ($0.name, $0.value) }
        // RFC 6749 §3.1: the endpoint's own query is kept and ours appended.
        let separator = settings.authorizationURL.contains("?") ? "&" : "?"
        return settings.authorizationURL + separator + FormURLEncoding.encode(parameters)
    }

    /// Completes the flow from the callback's `state`, `code`, `error` and `error_description`.
    ///
    /// The state is checked first (``OAuthFlowError``: unknown, already used, expired, another
    /// user's, another session's) and then spent, whatever follows. A provider error comes
    /// back as ``OAuthCompletion/refused(_:_:)``; otherwise the code is exchanged with the PKCE
    /// verifier and the tokens are stored: for the company with global scope, for `userID`
    /// with per-user scope.
    public func complete(
        state: String, code: String?, error: String?, errorDescription: String? = nil, sessionIDHash: String, userID: String
    ) throws -> OAuthCompletion {
        let pending = try spend(state: state, sessionIDHash: sessionIDHash, userID: userID)
        let back = OAuthReturn(integrationID: pending.integrationID, returnPath: pending.returnPath, pendingActionID: pending.pendingActionID)
        let audit = AuditLog(database: database, companyID: companyID, clock: clock)
        if let error, !error.isEmpty {
            let refusal = OAuthProviderRefusal(error: error, description: errorDescription)
            try audit.record(
                "connection.refused", by: .user(userID), target: ("integration", pending.integrationID), detail: ["error": refusal.error])
            return .refused(refusal, back)
        }
        guard let code, !code.isEmpty else { throw OAuthFlowError.missingCode }
        let integration = try database.read { conn in
            try OAuthIntegration.load(conn, companyID: companyID, integrationID: pending.integrationID, vault: vault)
        }
        let endpoint = TokenEndpoint(client: client, settings: integration.settings, clientSecret: integration.clientSecret, clock: clock)
        let tokens: OAuthTokens
        do {
            tokens = try endpoint.exchange(code: code, redirectURI: redirectURI, codeVerifier: pending.verifier)
        } catch {
            try audit.record(
                "connection.exchange_failed", by: .user(userID), target: ("integration", pending.integrationID),
                detail: ["error": error.description])
            throw OAuthFlowError.tokenExchangeFailed(error)
        }
        let credentials = CredentialStore(database: database, companyID: companyID, vault: vault, clock: clock)
        try credentials.saveOAuthTokens(
            integrationID: pending.integrationID, userID: integration.scope == .perUser ? userID : nil, tokens: tokens, by: .user(userID))
        return .connected(back)
    }

    /// What a valid state was bound to.
    private struct PendingAuthorization {
        var integrationID: String
        var returnPath: String
        var pendingActionID: String?
        var verifier: String
    }

    /// Checks the state and marks it used, in one transaction, with a conditional UPDATE so two
    /// callbacks racing with one state cannot both pass.
    private func spend(state: String, sessionIDHash: String, userID: String) throws -> PendingAuthorization {
        guard !state.isEmpty, state.utf8.count <= Self.maximumStateLength else { throw OAuthFlowError.unknownState }
        let now = clock.now()
        return try database.write { conn in
            guard
                let row = try conn.queryOne(
                    """
                    SELECT id, session_id_hash, user_id, integration_id, code_verifier_ciphertext, return_path, pending_action_id,
                           expires_at, used_at
                    FROM oauth_states WHERE company_id = ? AND state_hash = ?
                    """, companyID, Self.hash(state))
            else { throw OAuthFlowError.unknownState }
            let usedAt: Date? = try row["used_at"]
            if usedAt != nil { throw OAuthFlowError.stateAlreadyUsed }
            let expiresAt: Date = try row["expires_at"]
            if expiresAt <= now { throw OAuthFlowError.stateExpired }
            if (try row["user_id"] as String) != userID { throw OAuthFlowError.stateOfAnotherUser }
            if (try row["session_id_hash"] as String) != sessionIDHash { throw OAuthFlowError.stateOfAnotherSession }
            let id: String = try row["id"]
            try conn.execute(
                "UPDATE oauth_states SET used_at = ? WHERE company_id = ? AND id = ? AND used_at IS NULL", now, companyID, id)
            guard conn.changes == 1 else { throw OAuthFlowError.stateAlreadyUsed }
            let verifier = try vault.openString(try row["code_verifier_ciphertext"], for: .oauthState(companyID: companyID, id: id))
            return PendingAuthorization(
                integrationID: try row["integration_id"], returnPath: try row["return_path"], pendingActionID: try row["pending_action_id"],
                verifier: verifier)
        }
    }

    /// The stored form of a state: its SHA-256 in hex (64 characters, as the table checks).
    static func hash(_ state: String) -> String {
        SHA256.hexDigest(SHA256.hash(state))
    }
}
