extension Request {
    /// The media type of the body without parameters, lower-cased ("multipart/form-data").
    public var mediaType: String? {
        guard let value = headers["Content-Type"] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters() } ?? ""
        return type.lowercased()
    }

    /// The fields of a form post, urlencoded or multipart (files left out: see ``multipart()``).
    /// Any other content type is a 415.
    public func form() throws -> FormFields {
        if let readFormFields { return readFormFields }
        return try parseForm()
    }

    /// ``form()``, kept with the request for whoever reads it next (a middleware that checks
    /// one field, then the handler).
    public mutating func readForm() throws -> FormFields {
        let fields = try form()
        readFormFields = fields
        return fields
    }

    private func parseForm() throws -> FormFields {
        switch mediaType {
        case "application/x-www-form-urlencoded":
            guard let text = String(validating: body, as: UTF8.self) else {
                throw HTTPError(.badRequest, "The form is not valid UTF-8.")
            }
            return try URLEncodedForm.parse(text)
        case "multipart/form-data":
            var fields = FormFields()
            for part in try multipart() where part.filename == nil {
                guard let value = String(validating: part.body, as: UTF8.self) else {
                    throw HTTPError(.badRequest, "The form field “\(part.name)” is not valid UTF-8.")
                }
                fields.append(part.name, value)
            }
            return fields
        case nil where body.isEmpty:
            return FormFields()
        default:
            throw HTTPError(.unsupportedMediaType, "Send this form as application/x-www-form-urlencoded or multipart/form-data.")
        }
    }

    /// The parts of a `multipart/form-data` body (RFC 7578).
    public func multipart() throws -> [MultipartPart] {
        guard mediaType == "multipart/form-data", let contentType = headers["Content-Type"] else {
            throw HTTPError(.unsupportedMediaType, "Expected a multipart/form-data upload.")
        }
        guard let boundary = MultipartParser.boundary(fromContentType: contentType) else {
            throw HTTPError(.badRequest, "The upload has no multipart boundary.")
        }
        return try MultipartParser(boundary: boundary).parse(body)
    }
}
