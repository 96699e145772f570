import Foundation
import OpenAPI
import SQLite

extension AgentStore {
    /// The agent's Tools settings: every integration of the company with its enabled actions,
    /// which of them the agent may call, and the size of that set.
    public func toolSettings(of agentID: String) throws -> AgentToolSettings {
        try database.read { conn in
            let agent = try agent(agentID, in: conn)
            var integrations: [AgentToolSettings.IntegrationTools] = try conn.query(
                "SELECT id, name, scope FROM integrations WHERE company_id = ? ORDER BY name COLLATE NOCASE", companyID
            ).map { row in
                guard let scope = IntegrationScope(rawValue: try row["scope"]) else {
                    throw DomainError(.invalid, "Unknown integration scope in the database.")
                }
                return AgentToolSettings.IntegrationTools(integrationID: try row["id"], name: try row["name"], scope: scope, actions: [])
            }
            let rows = try conn.query(
                """
                SELECT a.id, a.integration_id, a.name, a.description, a.method, a.path, a.is_write, a.write_override,
                       t.action_id IS NOT NULL AS chosen
                FROM actions a
                LEFT JOIN agent_tools t ON t.company_id = a.company_id AND t.agent_id = ? AND t.action_id = a.id
                WHERE a.company_id = ? AND a.enabled = 1
                ORDER BY a.rowid
                """, agentID, companyID)
            for row in rows {
                let integrationID: String = try row["integration_id"]
                guard let index = integrations.firstIndex(where: { $0.integrationID == integrationID }) else { continue }
                let schemaIsWrite: Bool = try row["is_write"]
                let override: Bool? = try row["write_override"]
                guard let method = APIOperation.Method(rawValue: try row["method"]) else {
                    throw DomainError(.invalid, "Unknown HTTP method in the database.")
                }
                integrations[index].actions.append(
                    AgentToolSettings.ActionChoice(
                        actionID: try row["id"], name: try row["name"], description: try row["description"], method: method,
                        path: try row["path"], isWrite: override ?? schemaIsWrite, isEnabledForAgent: try row["chosen"]))
            }
            let tools = try enabledTools(agentID, in: conn)
            return AgentToolSettings(agent: agent, integrations: integrations, size: ToolSetSize(tools.map(\.description)))
        }
    }

    /// Sets the actions the agent may call (the whole set: the form's checked boxes).
    ///
    /// Only enabled actions of this company's integrations can be chosen: any other id (another
    /// company's, a disabled or deleted action) is ``DomainError/Code/notFound`` and nothing
    /// changes. The check is the INSERT's own `SELECT … WHERE company_id = ?`.
    public func setEnabledActions(of agentID: String, _ actionIDs: [String], by actor: Actor) throws {
        let now = clock.now()
        let unique = Array(Set(actionIDs)).sorted()
        try database.write { conn in
            _ = try agent(agentID, in: conn)
            try conn.execute("DELETE FROM agent_tools WHERE company_id = ? AND agent_id = ?", companyID, agentID)
            for actionID in unique {
                try conn.execute(
                    """
                    INSERT INTO agent_tools (company_id, agent_id, action_id, created_at)
                    SELECT company_id, ?, id, ? FROM actions WHERE company_id = ? AND id = ? AND enabled = 1
                    """, agentID, now, companyID, actionID)
                guard conn.changes == 1 else { throw DomainError(.notFound, "No such action.") }
            }
            try AuditLog.record(
                in: conn, companyID: companyID, at: now, "agent.tools_updated", by: actor, target: ("agent", agentID),
                detail: ["tool_count": String(unique.count)])
        }
    }

    /// The tools the agent's model may call: its chosen actions that are still enabled.
    public func enabledTools(of agentID: String) throws -> [AgentTool] {
        try database.read { conn in
            _ = try agent(agentID, in: conn)
            return try enabledTools(agentID, in: conn)
        }
    }

    func enabledTools(_ agentID: String, in conn: Connection) throws -> [AgentTool] {
        let rows = try conn.query(
            """
            SELECT \(Self.prefixedActionColumns), i.name AS integration_name
            FROM agent_tools t
            JOIN actions a ON a.company_id = t.company_id AND a.id = t.action_id
            JOIN integrations i ON i.company_id = a.company_id AND i.id = a.integration_id
            WHERE t.company_id = ? AND t.agent_id = ? AND a.enabled = 1
            ORDER BY i.name COLLATE NOCASE, a.rowid
            """, companyID, agentID)
        var taken: Set<String> = []
        return try rows.map { row in
            let action = try IntegrationRows.action(row)
            var description = ToolDescription(operation: action.operation, title: action.name)
            description.access = action.isWrite ? .write : .read
            description.name = Self.uniqueName(description.name, taken: &taken)
            return AgentTool(
                actionID: action.id, integrationID: action.integrationID, integrationName: try row["integration_name"],
                isWrite: action.isWrite, description: description)
        }
    }

    private static let prefixedActionColumns = IntegrationRows.actionColumns.split(separator: ",")
        .map { "a." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")

    /// `name`, or `name_2`, `name_3`… when two integrations have an operation of the same name.
    private static func uniqueName(_ name: String, taken: inout Set<String>) -> String {
        var candidate = name
        var number = 2
        while taken.contains(candidate) {
            let suffix = "_\(number)"
            candidate = String(name.prefix(FunctionName.maximumLength - suffix.count)) + suffix
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
