import Core
import Foundation
import HTTPCore
import OpenAPI

/// A schema as the admin gave it: pasted text, or a URL fetched through the egress-guarded client
/// (at most 5 redirects, 10 MiB; relative `$ref`s are fetched the same way).
struct SchemaSource {
    let text: String
    let url: String?
    let client: any HTTPSending

    init(text: String, url: String?, client: any HTTPSending) {
        self.text = text
        self.url = url
        self.client = client
    }

    /// Exactly one of the two must be given; problems are `DomainError`s on the field to fix.
    init(pasted: String, url: String, client: any HTTPSending) throws {
        self.client = client
        let hasText = pasted.hasVisibleText
        switch (hasText, url.isEmpty) {
        case (true, true):
            text = pasted
            self.url = nil
        case (false, false):
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw DomainError(.invalid, "Enter an http:// or https:// URL.", field: "schema_url")
            }
            do {
                let bytes = try HTTPSchemaLoader(client: client).load(url)
                guard let decoded = String(validating: bytes, as: UTF8.self) else {
                    throw DomainError(.invalid, "The document at that URL is not UTF-8 text.", field: "schema_url")
                }
                text = decoded
                self.url = url
            } catch let error as SchemaLoadError {
                throw DomainError(.invalid, "The schema could not be fetched: \(error.message)", field: "schema_url")
            }
        case (true, false):
            throw DomainError(.invalid, "Paste a schema or give a URL, not both.", field: "schema_url")
        case (false, true):
            throw DomainError(.invalid, "Paste an OpenAPI schema (JSON or YAML), or give the URL it is published at.", field: "schema")
        }
    }

    func importResult() -> ImportResult {
        OpenAPIImporter().import(
            data: Array(text.utf8), sourceURL: url, loader: url == nil ? nil : HTTPSchemaLoader(client: client))
    }
}
