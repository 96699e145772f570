import OpenAPI
import Testing

@testable import Core

/// A small orders and invoices API, as an admin would import it, with its tools.
enum OrdersAPI {
    static let document = #"""
        {
          "openapi": "3.0.3",
          "info": {"title": "Shop", "version": "1.0"},
          "servers": [{"url": "https://shop.example.com/v1"}],
          "paths": {
            "/orders": {
              "get": {"operationId": "listOrders", "summary": "List orders",
                "parameters": [
                  {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "shipped", "cancelled"]}},
                  {"name": "since", "in": "query", "schema": {"type": "string", "format": "date"}}]}
            },
            "/orders/{orderId}": {
              "parameters": [{"name": "orderId", "in": "path", "required": true, "schema": {"type": "integer"}}],
              "get": {"operationId": "getOrder", "summary": "Get an order", "description": "Returns the order with its status and lines."},
              "patch": {"operationId": "updateOrder", "summary": "Update an order",
                "requestBody": {"content": {"application/json": {"schema": {"type": "object",
                  "properties": {"status": {"type": "string"}, "note": {"type": "string"}}}}}}}
            },
            "/orders/{orderId}/cancel": {
              "post": {"operationId": "cancelOrder", "summary": "Cancel an order",
                "parameters": [{"name": "orderId", "in": "path", "required": true, "schema": {"type": "integer"}}]}
            },
            "/invoices": {
              "get": {"operationId": "listInvoices", "summary": "List invoices",
                "parameters": [
                  {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["draft", "paid", "overdue"]}},
                  {"name": "customer", "in": "query", "schema": {"type": "string"}},
                  {"name": "Authorization", "in": "header", "schema": {"type": "string"}}]},
              "post": {"operationId": "createInvoice", "summary": "Create an invoice",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
                  "required": ["customer", "amount", "currency"],
                  "properties": {
                    "id": {"type": "string", "readOnly": true},
                    "customer": {"type": "string", "description": "The customer's name"},
                    "amount": {"type": "number"},
                    "currency": {"type": "string", "enum": ["EUR", "USD", "GBP"]},
                    "dueDate": {"type": "string", "format": "date"},
                    "email": {"type": "string", "format": "email"}}}}}}}
            },
            "/invoices/{invoiceId}": {
              "get": {"operationId": "getInvoice", "summary": "Get an invoice",
                "parameters": [{"name": "invoiceId", "in": "path", "required": true, "schema": {"type": "string"}}]},
              "delete": {"operationId": "deleteInvoice", "summary": "Delete an invoice",
                "parameters": [{"name": "invoiceId", "in": "path", "required": true, "schema": {"type": "string"}}]}
            },
            "/customers": {
              "get": {"operationId": "listCustomers", "summary": "List customers",
                "parameters": [{"name": "email", "in": "query", "schema": {"type": "string", "format": "email"}}]}
            }
          }
        }
        """#

    /// The imported operations, by operationId order in the document.
    static func operations() async throws -> [APIOperation] {
        let result = OpenAPIImporter().import(data: Array(document.utf8), sourceURL: nil)
        return try #require(result.document).operations
    }

    /// Every operation as a tool, as an agent with all of them enabled has them.
    static func tools() async throws -> [ToolDescription] {
        try await operations().map { ToolDescription(operation: $0) }
    }
}
