import Core
import HTTPCore
import Web

/// Product rule failures end in the status that says what kind they are.
extension DomainError: HTTPResponseError {
    public var status: HTTPStatus {
        switch code {
        case .invalid: .unprocessableContent
        case .notFound: .notFound
        case .conflict: .conflict
        case .forbidden: .forbidden
        case .throttled: .tooManyRequests
        case .unauthenticated: .unauthorized
        }
    }

    public var publicMessage: String { message }

    public var headers: HTTPHeaders {
        if case .throttled(let seconds) = code { return ["Retry-After": String(seconds)] }
        return HTTPHeaders()
    }
}
