import Core
import Templates

/// What a form shows when it comes back: the values entered (never passwords) and an error per field.
struct FormState {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    /// An error not tied to one field, shown above the form.
    var message: String?

    init(values: [String: String] = [:]) { self.values = values }

    init(values: [String: String], errors: FormErrors) {
        self.values = values
        for field in errors.fields where self.errors[field.field] == nil { self.errors[field.field] = field.message }
    }

    init(values: [String: String], error: DomainError) {
        self.values = values
        if let field = error.field { errors[field] = error.message } else { message = error.message }
    }

    var templateValue: TemplateValue {
        [
            "values": .dictionary(values.mapValues { .string($0) }),
            "errors": .dictionary(errors.mapValues { .string($0) }),
            "message": message.map { .string($0) } ?? .null,
        ]
    }
}
