import HTTPCore
import Templates
import Web

/// Renders a page template inside the application's frame (navigation, account, flash, CSRF).
struct PageRenderer: Sendable {
    let templates: TemplateLibrary
    let logger: Logger

    /// Renders `Views/<name>.mustache` with the frame's values and the page's own.
    func render(
        _ name: String, title: String, context: AppRequestContext, status: HTTPStatus = .ok,
        _ page: [String: TemplateValue] = [:]
    ) throws -> HTTPResponse {
        var values = Frame(context: context).values
        values["title"] = .string(title)
        for (key, value) in page { values[key] = value }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 << 10)
        try templates.render(name, .dictionary(values), into: &buffer)
        var response = HTTPResponse.html(buffer, status: status)
        // Pages show personal data and CSRF tokens: never store them in shared caches.
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}

/// The values every framed page shares.
struct Frame {
    let context: AppRequestContext

    var values: [String: TemplateValue] {
        var values: [String: TemplateValue] = ["csrf": .string(context.csrfToken), "csrfField": .string(CSRFMiddleware.fieldName)]
        if let flash = context.flash {
            values["flash"] = [
                "kind": .string(flash.kind.rawValue), "message": .string(flash.message), "isError": .bool(flash.kind == .error),
                "link": flash.link.map { .string($0) } ?? .null,
            ]
        }
        guard let user = context.user else { return values }
        values["account"] = [
            "name": .string(user.label), "email": .string(user.email),
            "company": .string(context.company?.name ?? ""), "role": .string(context.role?.label ?? ""),
        ]
        values["companies"] = .list(context.memberships.map { membership in
            [
                "id": .string(membership.company.id), "name": .string(membership.company.name),
                "current": .bool(membership.company.id == context.company?.id),
            ]
        })
        values["hasSeveralCompanies"] = .bool(context.memberships.count > 1)
        values["nav"] = navigation
        return values
    }

    /// The sidebar: what this role may open.
    private var navigation: TemplateValue {
        var items: [TemplateValue] = [link("/", "Home")]
        if context.company != nil {
            items.append(link("/agents", "Agents"))
            items.append(link("/connections", "Connections"))
        }
        var settings: [TemplateValue] = []
        if let role = context.role, role.canManageIntegrations {
            settings.append(link("/settings/integrations", "Integrations"))
        }
        if let role = context.role, role.canViewAdministration {
            settings.append(link("/settings/members", "Members"))
            settings.append(link("/settings/audit", "Audit log"))
        }
        return ["items": .list(items), "settings": .list(settings)]
    }

    private func link(_ href: String, _ label: String) -> TemplateValue {
        let path = context.requestPath
        let current = href == "/" ? path == "/" : path == href || path.hasPrefix(href + "/")
        return ["href": .string(href), "label": .string(label), "current": .bool(current)]
    }
}
