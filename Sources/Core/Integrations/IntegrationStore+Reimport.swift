import Foundation
import OpenAPI

/// What a re-import would change, for the admin to read before applying it.
public struct ReimportPreview: Sendable {
    /// Added, removed and changed operations (matched by `OperationIdentity`).
    public var diff: ImportDiff
    /// The name each kept action will have (the admin's, not the regenerated one), by operation key.
    public var keptNames: [String: String]
    /// The new import's warnings.
    public var warnings: [Diagnostic]
    /// The new schema's base URL, when it has one.
    public var baseURL: String?
}

extension IntegrationStore {
    /// Compares the stored actions with a fresh import of the schema, changing nothing.
    public func previewReimport(_ id: String, draft: IntegrationDraft) throws -> ReimportPreview {
        let stored = try actions(of: id)
        let diff = ImportDiff(old: stored.map(Self.storedOperation), new: draft.actions.map(\.operation))
        var kept: [String: String] = [:]
        for pair in diff.changed + diff.unchanged { kept[pair.new.identity.key] = pair.old.name }
        return ReimportPreview(diff: diff, keptNames: kept, warnings: draft.warnings, baseURL: draft.baseURL)
    }

    /// Applies a re-import: kept actions keep their id, name, enabled state, override and so
    /// every agent's toggle; removed ones are deleted (leaving agents); added ones arrive with
    /// their generated name (made unique) and enabled. Returns the diff applied.
    @discardableResult
    public func reimport(_ id: String, draft: IntegrationDraft, by actor: Actor) throws -> ImportDiff {
        let now = clock.now()
        return try database.write { conn in
            _ = try integration(id, in: conn)
            let stored = try conn.query(
                "SELECT \(IntegrationRows.actionColumns) FROM actions WHERE company_id = ? AND integration_id = ? ORDER BY rowid",
                companyID, id
            ).map(IntegrationRows.action)
            let diff = ImportDiff(old: stored.map(Self.storedOperation), new: draft.actions.map(\.operation))
            let storedByKey = Dictionary(stored.map { ($0.operationKey, $0) }, uniquingKeysWith: { first, _ in first })
            for operation in diff.removed {
                try conn.execute(
                    "DELETE FROM actions WHERE company_id = ? AND integration_id = ? AND operation_key = ?", companyID, id,
                    operation.identity.key)
            }
            var names = Set(stored.map { $0.name.lowercased() })
            for operation in diff.removed { names.remove(operation.name.lowercased()) }
            let kept = (diff.changed + diff.unchanged).compactMap { pair in storedByKey[pair.old.identity.key].map { (pair, $0) } }
            // Park the kept rows' keys first: an operation matched by its operationId may take a
            // key another kept row still holds until its own update (UNIQUE per integration).
            for (_, action) in kept {
                try conn.execute(
                    "UPDATE actions SET operation_key = ? WHERE company_id = ? AND id = ?", "\u{1}" + action.id, companyID, action.id)
            }
            for (pair, action) in kept {
                var operation = pair.new
                operation.name = action.name
                try conn.execute(
                    """
                    UPDATE actions SET operation_key = ?, description = ?, method = ?, path = ?, is_write = ?, operation = ?, updated_at = ?
                    WHERE company_id = ? AND id = ?
                    """, operation.identity.key, IntegrationRows.actionDescription(operation), operation.method.rawValue,
                    operation.pathTemplate, operation.isConsequential, try IntegrationRows.encodeOperation(operation), now, companyID,
                    action.id)
            }
            for var operation in diff.added {
                operation.name = Self.uniqueName(operation.name, among: &names)
                try insertAction(operation, integrationID: id, enabled: !operation.isDeprecated, writeOverride: nil, at: now, in: conn)
            }
            try conn.execute(
                "UPDATE integrations SET schema_text = ?, schema_source_url = ?, warnings = ?, updated_at = ? WHERE company_id = ? AND id = ?",
                draft.schemaText, draft.sourceURL, try IntegrationRows.encodeWarnings(draft.warnings), now, companyID, id)
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "integration.reimported", by: actor, target: ("integration", id),
                detail: ["added": String(diff.added.count), "removed": String(diff.removed.count), "changed": String(diff.changed.count)])
            return diff
        }
    }

    /// The stored operation under the action's current name, so the diff ignores renames.
    static func storedOperation(_ action: IntegrationAction) -> APIOperation {
        var operation = action.operation
        operation.name = action.name
        return operation
    }

    /// `name`, or `name 2`, `name 3`… (cut to fit 64 characters) when taken; records the result.
    static func uniqueName(_ name: String, among taken: inout Set<String>) -> String {
        var candidate = String(name.prefix(IntegrationValidation.maximumActionNameLength))
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " \(counter)"
            candidate = String(name.prefix(IntegrationValidation.maximumActionNameLength - suffix.count)) + suffix
            counter += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
