import Foundation

extension IntegrationStore {
    /// Renames, enables, disables and overrides read/write for actions of an integration, all
    /// or nothing. `changes` refer to actions by id (``ActionChoice/operationKey`` holds the
    /// action's id here); actions not listed keep their settings. Name problems come back as
    /// ``FormErrors`` with `actions.<i>.name` counting in `changes`.
    public func updateActions(of integrationID: String, _ changes: [ActionChoice], by actor: Actor) throws {
        let now = clock.now()
        try database.write { conn in
            _ = try integration(integrationID, in: conn)
            let current = try conn.query(
                "SELECT \(IntegrationRows.actionColumns) FROM actions WHERE company_id = ? AND integration_id = ? ORDER BY rowid",
                companyID, integrationID
            ).map(IntegrationRows.action)
            let byID = Dictionary(uniqueKeysWithValues: current.map { ($0.id, $0) })
            var problems = IntegrationValidation.actionNameProblems(changes.map(\.name))
            for (index, change) in changes.enumerated() where byID[change.operationKey] == nil {
                problems.append(FieldError(field: "actions.\(index).name", message: "This action is no longer part of the integration."))
            }
            // The new names must also be unique against the actions not being changed.
            let changedIDs = Set(changes.map(\.operationKey))
            let untouched = Set(current.filter { !changedIDs.contains($0.id) }.map { $0.name.lowercased() })
            for (index, change) in changes.enumerated() where untouched.contains(Self.trimmed(change.name).lowercased()) {
                problems.append(FieldError(field: "actions.\(index).name", message: "Another action is already called \(change.name)."))
            }
            guard problems.isEmpty else { throw FormErrors(problems) }
            // Two passes so swapping two names never trips the UNIQUE constraint midway.
            for change in changes {
                try conn.execute(
                    "UPDATE actions SET name = ? WHERE company_id = ? AND id = ?", "\u{1}" + change.operationKey, companyID,
                    change.operationKey)
            }
            for change in changes {
                try conn.execute(
                    "UPDATE actions SET name = ?, enabled = ?, write_override = ?, updated_at = ? WHERE company_id = ? AND id = ?",
                    Self.trimmed(change.name), change.isEnabled, change.writeOverride, now, companyID, change.operationKey)
            }
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "integration.updated", by: actor, target: ("integration", integrationID),
                detail: ["actions_changed": String(changes.count)])
        }
    }
}
