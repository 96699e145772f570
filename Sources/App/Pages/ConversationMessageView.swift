import Core
import Foundation
import HTTPCore
import Templates
import Web

/// One message of a conversation as the page shows it: text, or a card with its own buttons.
struct ConversationMessageView {
    let message: ConversationMessage
    let conversationID: String

    var templateValue: TemplateValue {
        var values: [String: TemplateValue] = [
            "id": .string(message.id), "text": .string(message.text), "isUser": .bool(message.role == .user),
            "isAgent": .bool(message.role != .user), "time": .string(DisplayDate.format(message.createdAt)),
        ]
        switch message.card {
        case .actionResult(let card)?: values["result"] = result(card)
        case .confirmation(let card)?: values["confirmation"] = confirmation(card)
        case .connect(let card)?: values["connect"] = connect(card)
        case .parameters(let card)?: values["parameters"] = parameters(card)
        case nil: break
        }
        return .dictionary(values)
    }

    private func result(_ card: ActionResultCard) -> TemplateValue {
        [
            "name": .string(card.actionName), "method": .string(card.method), "methodClass": .string(card.method.lowercased()),
            "path": .string(card.path), "status": card.status.map { .int($0) } ?? .null, "isError": .bool(card.isError),
            "milliseconds": card.durationMilliseconds.map { .int($0) } ?? .null, "body": .string(card.bodyPreview),
            "note": card.note.map { .string($0) } ?? .null,
            "summary": card.summary.map(summary) ?? .null,
        ]
    }

    private func summary(_ summary: Summary) -> TemplateValue {
        [
            "headline": .string(summary.headline),
            "fields": .list(summary.fields.map { ["label": .string($0.label), "value": .string($0.value)] }),
            "table": summary.table.map { table in
                [
                    "columns": .list(table.columns.map { .string($0) }),
                    "rows": .list(table.rows.map { row in ["cells": .list(row.map { .string($0) })] }),
                    "more": .bool(table.totalRows > table.rows.count), "total": .int(table.totalRows),
                ]
            } ?? .null,
            "raw": .string(summary.rawJSON),
        ]
    }

    private func confirmation(_ card: ConfirmationCard) -> TemplateValue {
        [
            "pending": .string(card.pendingActionID), "name": .string(card.actionName), "integration": .string(card.integrationName),
            "method": .string(card.method), "methodClass": .string(card.method.lowercased()), "url": .string(card.url),
            "headers": .list(card.headers.map { ["name": .string($0.name), "value": .string($0.value)] }),
            "body": .string(card.body), "expires": .string(DisplayDate.format(card.expiresAt)),
            "isPending": .bool(card.status == .pending), "status": .string(card.status.rawValue.replacingOccurrences(of: "_", with: " ")),
            "confirmAction": .string("/conversations/\(conversationID)/pending/\(card.pendingActionID)/confirm"),
            "cancelAction": .string("/conversations/\(conversationID)/pending/\(card.pendingActionID)/cancel"),
        ]
    }

    private func connect(_ card: ConnectCard) -> TemplateValue {
        let next = "/conversations/\(conversationID)#latest"
        return [
            "integration": .string(card.integrationName), "message": .string(card.message), "action": .string(card.actionName),
            "isWaiting": .bool(card.status == .awaitingConnection), "status": .string(card.status.rawValue.replacingOccurrences(of: "_", with: " ")),
            "link": .string("/connections/\(card.integrationID)?next=" + PercentEncoding.encode(next) + "&pending=" + card.pendingActionID),
        ]
    }

    private func parameters(_ card: ParametersCard) -> TemplateValue {
        [
            "title": .string(card.request.toolTitle), "message": .string(card.request.message), "answered": .bool(card.isAnswered),
            "action": .string("/conversations/\(conversationID)/parameters/\(message.id)"),
            "fields": .list(card.request.missing.map { parameter in
                [
                    "name": .string("param_" + parameter.name), "id": .string("param-\(message.id)-\(parameter.name)"),
                    "label": .string(parameter.label), "type": .string(parameter.type.rawValue),
                    "required": .bool(parameter.isRequired), "description": .string(parameter.description ?? ""),
                ]
            }),
        ]
    }
}
