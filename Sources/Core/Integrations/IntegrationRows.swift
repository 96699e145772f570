import Foundation
import OpenAPI
import SQLite

/// Reading integration and action rows, shared by the stores and the executor.
enum IntegrationRows {
    static let integrationColumns = """
        i.id, i.name, i.description, i.base_url, i.scope, i.auth_method, i.auth_config, i.schema_text, i.schema_source_url,
        i.warnings, i.created_at, i.updated_at,
        (SELECT count(*) FROM actions a WHERE a.company_id = i.company_id AND a.integration_id = i.id) AS action_count,
        (SELECT count(*) FROM actions a WHERE a.company_id = i.company_id AND a.integration_id = i.id AND a.enabled = 1) AS enabled_count
        """

    static let actionColumns =
        "id, integration_id, operation_key, name, description, method, path, is_write, write_override, enabled, operation"

    static func integration(_ row: Row) throws -> Integration {
        guard let scope = IntegrationScope(rawValue: try row["scope"]) else {
            throw DomainError(.invalid, "Unknown integration scope in the database.")
        }
        return Integration(
            id: try row["id"], name: try row["name"], description: try row["description"], baseURL: try row["base_url"],
            scope: scope, auth: try AuthConfiguration.fromColumns(method: try row["auth_method"], configuration: try row["auth_config"]),
            schemaText: try row["schema_text"], sourceURL: try row["schema_source_url"], warnings: decodeWarnings(try row["warnings"]),
            actionCount: try row["action_count"], enabledActionCount: try row["enabled_count"], companyCredential: nil,
            oauthClientCredential: nil, createdAt: try row["created_at"], updatedAt: try row["updated_at"])
    }

    static func action(_ row: Row) throws -> IntegrationAction {
        guard let method = APIOperation.Method(rawValue: try row["method"]) else {
            throw DomainError(.invalid, "Unknown HTTP method in the database.")
        }
        let operation: APIOperation
        do {
            operation = try JSONDecoder().decode(APIOperation.self, from: Data((try row["operation"] as String).utf8))
        } catch {
            throw DomainError(.invalid, "A stored operation cannot be read.")
        }
        return IntegrationAction(
            id: try row["id"], integrationID: try row["integration_id"], operationKey: try row["operation_key"],
            name: try row["name"], description: try row["description"], method: method, path: try row["path"],
            schemaIsWrite: try row["is_write"], writeOverride: try row["write_override"], isEnabled: try row["enabled"],
            operation: operation)
    }

    static func encodeOperation(_ operation: APIOperation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(operation), as: UTF8.self)
    }

    static func encodeWarnings(_ warnings: [Diagnostic]) throws -> String {
        String(decoding: try JSONEncoder().encode(warnings), as: UTF8.self)
    }

    static func decodeWarnings(_ text: String) -> [Diagnostic] {
        (try? JSONDecoder().decode([Diagnostic].self, from: Data(text.utf8))) ?? []
    }

    /// The description an action shows: the summary, else the first line of the description.
    static func actionDescription(_ operation: APIOperation) -> String {
        let text = operation.summary ?? operation.description ?? ""
        return String(text.prefix(2_000))
    }
}
