import Foundation

extension IntegrationStore {
    /// Replaces the company's secrets with new ones (every required field must be given:
    /// nothing is kept) and makes the connection active again.
    public func rotateSecrets(_ id: String, _ secrets: CredentialSecrets, by actor: Actor) throws {
        let now = clock.now()
        try database.write { conn in
            let current = try integration(id, in: conn)
            var choices = IntegrationChoices(
                name: current.name, description: current.description, baseURL: current.baseURL, scope: current.scope, auth: current.auth)
            choices.actions = []
            let problems = IntegrationValidation.problems(
                choices, secrets: secrets, storedSecrets: CredentialSecrets(), requireConnectionSecrets: current.scope == .global,
                checkActions: false)
            guard problems.isEmpty else { throw FormErrors(problems) }
            try saveSecrets(
                secrets, stored: CredentialSecrets(), auth: current.auth, scope: current.scope, integrationID: id, at: now, in: conn)
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "integration.credentials_rotated", by: actor, target: ("integration", id),
                detail: ["fields": secrets.displayHints.keys.sorted().joined(separator: ",")])
        }
    }
}
