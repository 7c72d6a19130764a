import Foundation
import GoValues

/// What a handler answers: a status and an optional JSON body (nil means no body, as for 204).
struct VaultResponse: Sendable {
    var status: Int
    var body: JSONValue?
    /// A raw non-JSON body (the 307 redirect page); sent as is.
    var rawText: String?
    var headers: [(String, String)] = []

    init(status: Int, body: JSONValue?) {
        self.status = status
        self.body = body
    }

    /// 204 No Content.
    static let noContent = VaultResponse(status: 204, body: nil)

    /// `{"errors":[...]}` with `status`.
    static func errors(_ status: Int, _ messages: [String]) -> VaultResponse {
        VaultResponse(status: status, body: .object([("errors", .strings(messages))]))
    }

    /// A single error message.
    static func error(_ status: Int, _ message: String) -> VaultResponse { errors(status, [message]) }

    /// Go's multierror wrapping of one message, as Vault prints logical errors.
    static func multiError(_ status: Int, _ message: String) -> VaultResponse {
        error(status, "1 error occurred:\n\t* \(message)\n\n")
    }

    static let permissionDenied = error(403, "permission denied")
    static let policyDenied = multiError(403, "permission denied")
    static let notFound = errors(404, [])
    static let sealed = error(503, "Vault is sealed")
    static let unsupportedOperation = multiError(405, "unsupported operation")
    static let unsupportedPath = multiError(404, "unsupported path")

    /// The standard logical envelope.
    static func envelope(
        status: Int = 200, requestID: String, data: JSONValue = .null, auth: JSONValue = .null,
        leaseDuration: Int = 0, warnings: [String]? = nil, wrapInfo: JSONValue = .null, flat: [(String, JSONValue)] = []
    ) -> VaultResponse {
        let members: [(String, JSONValue)] = flat + [
            ("request_id", .string(requestID)),
            ("lease_id", .string("")),
            ("renewable", .bool(false)),
            ("lease_duration", .int(leaseDuration)),
            ("data", data),
            ("wrap_info", wrapInfo),
            ("warnings", warnings.map { .strings($0) } ?? .null),
            ("auth", auth),
        ]
        return VaultResponse(status: status, body: .object(members))
    }

    /// Body bytes: compact JSON plus Go's trailing newline.
    var bodyText: String? {
        if let rawText { return rawText }
        return body.map { $0.goJSON() + "\n" }
    }
}
